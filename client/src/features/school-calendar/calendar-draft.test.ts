import { describe, expect, it } from 'vitest';
import { bodyFrom, copyMondayToAll, draftFrom, TYPICAL_DAY, typedTime, updateRow } from './calendar-draft';
import type { SavedCalendar } from './school-calendar-api';

const day = [
  { name: 'Registration', start: '08:40', end: '09:00' },
  { name: 'P1', start: '09:00', end: '10:00' },
];
const monday = [{ name: 'Registration', start: '08:30', end: '09:10' }, ...day.slice(1)];

const saved = (over: Partial<SavedCalendar> = {}): SavedCalendar => ({
  bellSchedule: { 1: day, 2: day, 3: day, 4: day, 5: day },
  cycleWeeks: 2,
  knownWeekAMonday: '2026-09-07',
  terms: [{ name: 'Autumn 1', start: '2026-09-03', end: '2026-10-23' }],
  updatedAt: '2026-09-01T08:00:00.000Z',
  updatedBy: null,
  ...over,
});

describe('draftFrom and bodyFrom', () => {
  it('gives back the saved calendar unchanged when nothing is edited', () => {
    const body = bodyFrom(draftFrom(saved(), 'Europe/London'), '2026-11-25');
    expect(body).toEqual({
      timeZone: 'Europe/London',
      bellSchedule: { 1: day, 2: day, 3: day, 4: day, 5: day },
      cycle: { weeks: 2, knownWeekAMonday: '2026-09-07' },
      terms: [{ name: 'Autumn 1', start: '2026-09-03', end: '2026-10-23' }],
    });
  });

  it('reads "same every day" from the saved days, and keeps a different Monday as its own', () => {
    expect(draftFrom(saved(), 'Europe/London').sameEveryDay).toBe(true);
    const draft = draftFrom(saved({ bellSchedule: { 1: monday, 2: day, 3: day, 4: day, 5: day } }), 'Europe/London');
    expect(draft.sameEveryDay).toBe(false);
    const body = bodyFrom(draft, '2026-11-25');
    expect(body.bellSchedule[1]).toEqual(monday);
    expect(body.bellSchedule[2]).toEqual(day);
  });

  it("sends Monday's periods for every day while \"same every day\" is on, whatever the other days held", () => {
    const draft = { ...draftFrom(saved({ bellSchedule: { 1: monday, 2: day, 3: day, 4: day, 5: day } }), 'Europe/London'), sameEveryDay: true };
    const body = bodyFrom(draft, '2026-11-25');
    for (const weekday of [1, 2, 3, 4, 5] as const) expect(body.bellSchedule[weekday]).toEqual(monday);
  });

  it('copies Monday to the other days as separate rows, so editing Tuesday later leaves Monday alone', () => {
    const draft = copyMondayToAll({ ...draftFrom(saved({ bellSchedule: { 1: monday, 2: day, 3: day, 4: day, 5: day } }), 'Europe/London') });
    const tuesdayFirst = draft.days[2][0]!;
    expect(tuesdayFirst.key).not.toBe(draft.days[1][0]!.key);
    const edited = { ...draft, days: { ...draft.days, 2: updateRow(draft.days[2], tuesdayFirst.key, { end: '09:05' }) } };
    const body = bodyFrom(edited, '2026-11-25');
    expect(body.bellSchedule[1][0]!.end).toBe('09:10');
    expect(body.bellSchedule[2][0]!.end).toBe('09:05');
    expect(body.bellSchedule[5]).toEqual(monday);
  });

  it('starts a school with no calendar from a typical day, one-week, with no terms', () => {
    const draft = draftFrom(null, 'Europe/London');
    expect(draft).toMatchObject({ sameEveryDay: true, cycleWeeks: 1, knownWeekAMonday: '', terms: [] });
    expect(bodyFrom(draft, '2026-11-25').bellSchedule[3]).toEqual(TYPICAL_DAY);
  });

  it("gives a one-week timetable the current week's Monday, which the contract still asks for", () => {
    expect(bodyFrom(draftFrom(null, 'Europe/London'), '2026-11-26').cycle).toEqual({ weeks: 1, knownWeekAMonday: '2026-11-23' });
  });

  it('reads 8:40 as 08:40 and leaves anything else for the schema to refuse', () => {
    expect(typedTime(' 8:40 ')).toBe('08:40');
    expect(typedTime('8.40')).toBe('08:40');
    expect(typedTime('25:00')).toBe('25:00');
  });
});
