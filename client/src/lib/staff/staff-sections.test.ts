import { describe, expect, it } from 'vitest';
import {
  areasFor,
  areaTitle,
  canRaiseConcerns,
  canReadSessionLogs,
  emptyAreaNote,
  resolveStaffPath,
  sectionsFor,
  sectionTitle,
  staffPath,
  type StaffPlace,
} from './staff-sections';

describe('sectionsFor', () => {
  it('gives a coordinator the notices, sessions (to raise concerns), the mentoring programme (referrals to reports), timetable, school calendar, students, iPads, staff accounts and staff actions', () => {
    expect(sectionsFor(['coordinator'])).toEqual(['notices', 'sessions', 'referrals', 'targets', 'attendance', 'exits', 'reports', 'timetable', 'calendar', 'students', 'devices', 'accounts', 'audit']);
    expect(sectionTitle('audit', ['coordinator'])).toBe('Staff actions');
    expect(sectionTitle('accounts', ['coordinator'])).toBe('Staff accounts');
    expect(sectionTitle('timetable', ['coordinator'])).toBe('Timetable');
    expect(sectionTitle('calendar', ['coordinator'])).toBe('School calendar');
  });

  it('gives a safeguarding lead concerns first, then live sessions, the logs, staff actions and the safeguarding words', () => {
    expect(sectionsFor(['dsl'])).toEqual(['concerns', 'live', 'sessions', 'accounts', 'audit', 'keywords']);
    expect(sectionTitle('keywords', ['dsl'])).toBe('Safeguarding words');
  });

  it('gives a supervisor live sessions to observe and the sessions list', () => {
    expect(sectionsFor(['supervisor'])).toEqual(['live', 'sessions']);
    expect(emptyAreaNote(['supervisor'])).toBeNull();
  });

  it('combines roles without repeating a section', () => {
    expect(sectionsFor(['dsl', 'coordinator', 'supervisor'])).toEqual([
      'notices',
      'concerns',
      'live',
      'sessions',
      'referrals',
      'targets',
      'attendance',
      'exits',
      'reports',
      'timetable',
      'calendar',
      'students',
      'devices',
      'accounts',
      'audit',
      'keywords',
    ]);
  });

  it("keeps an admin away from children's records", () => {
    // Only the deployment set-up: schools, partnerships and their first staff, no section with a child in it.
    expect(sectionsFor(['admin'])).toEqual(['deployment']);
    expect(sectionTitle('deployment', ['admin'])).toBe('Schools and partnerships');
    expect(emptyAreaNote(['admin'])).toMatch(/no access to children's records/);
    expect(canRaiseConcerns(['admin'])).toBe(false);
  });

  it('explains an account with nothing to show', () => {
    expect(emptyAreaNote([])).toMatch(/no staff roles/);
    expect(emptyAreaNote(['coordinator'])).toBeNull();
  });
});

describe('what each role may do in the sessions list', () => {
  it('shows logs to safeguarding leads only', () => {
    expect(canReadSessionLogs(['dsl'])).toBe(true);
    expect(canReadSessionLogs(['coordinator', 'supervisor'])).toBe(false);
    expect(sectionTitle('sessions', ['dsl'])).toBe('Sessions and logs');
    expect(sectionTitle('sessions', ['supervisor'])).toBe('Sessions');
  });

  it('lets every member of school staff raise a concern', () => {
    expect(canRaiseConcerns(['coordinator'])).toBe(true);
    expect(canRaiseConcerns(['supervisor'])).toBe(true);
    expect(canRaiseConcerns(['dsl'])).toBe(true);
  });
});

describe('the staff area\'s navigation', () => {
  it('shows a coordinator home, their sections (the notices are on the home) and their own account', () => {
    expect(areasFor(['coordinator'])).toEqual(['home', 'sessions', 'referrals', 'targets', 'attendance', 'exits', 'reports', 'timetable', 'calendar', 'students', 'devices', 'accounts', 'audit', 'account']);
  });

  it('shows a safeguarding lead concerns and live sessions but no timetable, students or iPads', () => {
    expect(areasFor(['dsl'])).toEqual(['home', 'concerns', 'live', 'sessions', 'accounts', 'audit', 'keywords', 'account']);
  });

  it('shows a supervisor only what they observe, and an admin only the deployment', () => {
    expect(areasFor(['supervisor'])).toEqual(['home', 'live', 'sessions', 'account']);
    expect(areasFor(['admin'])).toEqual(['home', 'deployment', 'account']);
    expect(areasFor([])).toEqual(['home', 'account']);
  });

  it('names each area as its page does', () => {
    expect(areaTitle('home', ['dsl'])).toBe('Home');
    expect(areaTitle('account', ['dsl'])).toBe('Your account');
    expect(areaTitle('sessions', ['dsl'])).toBe('Sessions and logs');
    expect(areaTitle('devices', ['coordinator'])).toBe('iPads');
  });
});

describe('resolveStaffPath', () => {
  it('opens each area at its own address, with the record the address names', () => {
    expect(resolveStaffPath('/', ['dsl'])).toEqual({ status: 'open', place: { area: 'home' } });
    expect(resolveStaffPath('', ['dsl'])).toEqual({ status: 'open', place: { area: 'home' } });
    expect(resolveStaffPath('/concerns', ['dsl'])).toEqual({ status: 'open', place: { area: 'concerns', concernId: null } });
    expect(resolveStaffPath('/concerns/abc-1', ['dsl'])).toEqual({ status: 'open', place: { area: 'concerns', concernId: 'abc-1' } });
    expect(resolveStaffPath('/sessions/s-9/', ['supervisor'])).toEqual({ status: 'open', place: { area: 'sessions', sessionId: 's-9' } });
    expect(resolveStaffPath('/observe/s-9', ['supervisor'])).toEqual({ status: 'open', place: { area: 'live', observeSessionId: 's-9' } });
    expect(resolveStaffPath('/timetable', ['coordinator'])).toEqual({ status: 'open', place: { area: 'timetable' } });
    expect(resolveStaffPath('/account', ['admin'])).toEqual({ status: 'open', place: { area: 'account' } });
  });

  it('says an area is not available for the role rather than showing it empty', () => {
    expect(resolveStaffPath('/concerns/abc-1', ['coordinator'])).toEqual({ status: 'not-available', area: 'concerns' });
    expect(resolveStaffPath('/observe/s-9', ['coordinator'])).toEqual({ status: 'not-available', area: 'live' });
    expect(resolveStaffPath('/timetable', ['dsl'])).toEqual({ status: 'not-available', area: 'timetable' });
    expect(resolveStaffPath('/students', ['admin'])).toEqual({ status: 'not-available', area: 'students' });
    expect(resolveStaffPath('/deployment', ['coordinator', 'dsl'])).toEqual({ status: 'not-available', area: 'deployment' });
  });

  it('finds nothing at an address that is no area, or an area with a record it does not have', () => {
    for (const path of ['/nothing', '/observe', '/timetable/extra', '/concerns/a/b', '/notices', '/concerns/%E0%A4%A']) {
      expect(resolveStaffPath(path, ['dsl', 'coordinator'])).toEqual({ status: 'not-found' });
    }
  });

  it('builds the addresses it reads, so an alert\'s link lands on the record after sign-in', () => {
    const places: StaffPlace[] = [
      { area: 'home' },
      { area: 'concerns', concernId: 'c/1 two' },
      { area: 'concerns', concernId: null },
      { area: 'sessions', sessionId: 's-1' },
      { area: 'live', observeSessionId: 's-2' },
      { area: 'live', observeSessionId: null },
      { area: 'keywords' },
    ];
    for (const place of places) {
      expect(resolveStaffPath(staffPath(place), ['dsl', 'coordinator'])).toEqual({ status: 'open', place });
    }
    expect(staffPath({ area: 'live', observeSessionId: 's-2' })).toBe('/observe/s-2');
  });
});
