import { describe, expect, it } from 'vitest';
import { canRaiseConcerns, canReadSessionLogs, emptyAreaNote, sectionsFor, sectionTitle } from './staff-sections';

describe('sectionsFor', () => {
  it('gives a coordinator the notices, sessions (to raise concerns), timetable, school calendar, students, iPads, staff accounts and staff actions', () => {
    expect(sectionsFor(['coordinator'])).toEqual(['notices', 'sessions', 'timetable', 'calendar', 'students', 'devices', 'accounts', 'audit']);
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
