import { describe, expect, it } from 'vitest';
import { calendarLossAt, lossWords } from './one-session.js';
import { closure, instant, school, student } from './test-fixtures.js';

const names = { mentorSchool: 'Northgate Academy', menteeSchool: 'Riverside High School', mentor: 'Tom', mentee: 'Aisha' };
const base = {
  mentor: student('tom', 'north', 'Tue P1', 'Mon P2'),
  mentee: student('aisha', 'river', 'Tue P1', 'Mon P2'),
  mentorSchool: school('north'),
  menteeSchool: school('river'),
  sessionMinutes: 30,
};

describe('calendarLossAt: one moved session against both calendars and both students', () => {
  it('passes a time both are free at both schools (Tue 3 Nov 2026, 09:00 in London)', () => {
    expect(calendarLossAt({ ...base, start: instant('2026-11-03T09:00:00Z') })).toBeUndefined();
  });

  it('names a closure at either school, with its reason', () => {
    const loss = calendarLossAt({ ...base, menteeSchool: school('river', { closures: [closure('2026-11-03', 'Sports day')] }), start: instant('2026-11-03T09:00:00Z') });
    expect(loss).toMatchObject({ school: 'mentee', reason: 'closure', detail: 'Sports day' });
    expect(lossWords(loss!, names)).toBe('Riverside High School is closed then (Sports day)');
  });

  it('says who is not free when no available period holds the session', () => {
    const loss = calendarLossAt({ ...base, start: instant('2026-11-04T09:00:00Z') });
    expect(loss?.reason).toBe('not_available');
    expect(lossWords(loss!, names)).toMatch(/^Aisha is not free then/);
  });

  it('refuses a session that runs past the end of the only free period (09:30–10:00 when only P1, 09:00–09:50, is free)', () => {
    const mentee = student('aisha', 'river', 'Tue P1');
    expect(calendarLossAt({ ...base, mentee, start: instant('2026-11-03T09:30:00Z') })?.reason).toBe('not_available');
  });
});
