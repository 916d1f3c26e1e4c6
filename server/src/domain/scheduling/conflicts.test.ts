import { describe, expect, it } from 'vitest';
import { caseloadConflict, checkSeriesConflicts } from './conflicts.js';
import type { SeriesConflictInput } from './conflicts.js';
import { booking, date, instant, school } from './test-fixtures.js';

const riverside = school('riverside');
const hillcrest = school('hillcrest', { devicePool: { devices: 1 } });
const mentor = { studentId: 'priya', firstName: 'Priya', school: riverside, schoolName: 'Riverside' };
const mentee = { studentId: 'sam', firstName: 'Sam', school: hillcrest, schoolName: 'Hillcrest' };
const occurrence = (iso: string, start: string, end: string) => ({ date: date(iso), start: instant(start), end: instant(end) });
const winter = occurrence('2026-03-03', '2026-03-03T08:40:00Z', '2026-03-03T09:10:00Z');
const summer = occurrence('2026-06-02', '2026-06-02T07:40:00Z', '2026-06-02T08:10:00Z');

const check = (overrides: Partial<SeriesConflictInput>) =>
  checkSeriesConflicts({ occurrences: [winter, summer], mentor, mentee, bookings: [], caseload: { currentMenteeIds: [] }, ...overrides });

describe('checkSeriesConflicts', () => {
  it('finds nothing when everyone and every device is free', () => {
    expect(check({})).toEqual([]);
  });

  it("names the student and the clashing session's local time", () => {
    const bookings = [booking('riverside', ['priya'], '2026-03-03T08:40:00Z', '2026-03-03T09:10:00Z')];
    expect(check({ bookings })).toEqual([
      { code: 'student_already_booked', studentId: 'priya', date: date('2026-03-03'), message: 'Priya already has a session at 08:40 on Tue 3 March' },
    ]);
  });

  it('says how many iPads the school has, at the local time (BST in June)', () => {
    const busy = school('riverside', { devicePool: { devices: 4 } });
    const bookings = ['a', 'b', 'c', 'd'].map((id) => booking('riverside', [id], '2026-06-02T07:30:00Z', '2026-06-02T08:30:00Z'));
    expect(check({ mentor: { ...mentor, school: busy }, bookings }).map((c) => c.message)).toEqual([
      'All 4 iPads at Riverside are booked at 08:40 on Tue 2 June',
    ]);
  });

  it('words a one-iPad school naturally', () => {
    const bookings = [booking('hillcrest', ['other'], '2026-03-03T09:00:00Z', '2026-03-03T09:30:00Z')];
    expect(check({ bookings }).map((c) => [c.code, c.message])).toEqual([
      ['device_pool_exhausted', 'The only iPad at Hillcrest is booked at 08:40 on Tue 3 March'],
    ]);
  });

  it('lists the caseload first, then clashes in date order', () => {
    const bookings = [
      booking('hillcrest', ['sam'], '2026-06-02T07:40:00Z', '2026-06-02T08:10:00Z'),
      booking('riverside', ['priya'], '2026-03-03T08:50:00Z', '2026-03-03T09:20:00Z'),
    ];
    const conflicts = check({ bookings, caseload: { currentMenteeIds: ['a', 'b', 'c'] } });
    expect(conflicts.map((c) => c.message)).toEqual([
      'Priya already mentors 3 students (the limit)',
      'Priya already has a session at 08:50 on Tue 3 March',
      'Sam already has a session at 08:40 on Tue 2 June',
      'The only iPad at Hillcrest is booked at 08:40 on Tue 2 June',
    ]);
  });
});

describe('caseloadConflict', () => {
  it.each([
    ['no mentees yet', [], undefined, undefined],
    ['two of three', ['a', 'b'], undefined, undefined],
    ['at the default limit of three', ['a', 'b', 'c'], undefined, 'Priya already mentors 3 students (the limit)'],
    ['already mentoring this mentee', ['a', 'b', 'sam'], undefined, undefined],
    ['a partnership limit of one', ['a'], 1, 'Priya already mentors 1 student (the limit)'],
    ['a partnership limit of five', ['a', 'b', 'c'], 5, undefined],
  ] as const)('%s', (_label, current, limit, message) => {
    expect(caseloadConflict(mentor, 'sam', current, limit)?.message).toBe(message);
  });
});
