import { mondayOf, WEEKDAYS } from '../timetable/school-week';
import type { Period, SavedCalendar, SchoolCalendarBody } from './school-calendar-api';

/*
 * The calendar form's fields as typed, and the body `PUT /api/staff/calendar`
 * takes. Values stay text until saved, so a half-typed time is not refused
 * mid-word; the shared schema checks them (calendar-problems.ts).
 */

export type Weekday = (typeof WEEKDAYS)[number];

/** `key` only tells React which row is which while rows are added and removed. */
export interface PeriodDraft {
  key: string;
  name: string;
  start: string;
  end: string;
}

export interface TermDraft {
  key: string;
  name: string;
  start: string;
  end: string;
}

export interface CalendarDraft {
  timeZone: string;
  /** One list of periods for the whole week (Monday's); off, each weekday has its own. */
  sameEveryDay: boolean;
  days: Record<Weekday, PeriodDraft[]>;
  cycleWeeks: 1 | 2;
  knownWeekAMonday: string;
  terms: TermDraft[];
}

let keys = 0;
export const newKey = (): string => `row-${++keys}`;

export const blankPeriod = (): PeriodDraft => ({ key: newKey(), name: '', start: '', end: '' });
export const blankTerm = (): TermDraft => ({ key: newKey(), name: '', start: '', end: '' });

/** A school with no calendar yet starts from a common English secondary day, to edit rather than type from nothing. */
export const TYPICAL_DAY: readonly Period[] = [
  { name: 'Registration', start: '08:40', end: '09:00' },
  { name: 'P1', start: '09:00', end: '10:00' },
  { name: 'P2', start: '10:00', end: '11:00' },
  { name: 'Break', start: '11:00', end: '11:20' },
  { name: 'P3', start: '11:20', end: '12:20' },
  { name: 'Lunch', start: '12:20', end: '13:10' },
  { name: 'P4', start: '13:10', end: '14:10' },
  { name: 'P5', start: '14:10', end: '15:10' },
];

const toRows = (periods: readonly Period[]): PeriodDraft[] => periods.map((p) => ({ key: newKey(), name: p.name, start: p.start, end: p.end }));

const samePeriods = (a: readonly Period[], b: readonly Period[]) =>
  a.length === b.length && a.every((p, i) => p.name === b[i]!.name && p.start === b[i]!.start && p.end === b[i]!.end);

function byDay(make: (weekday: Weekday) => PeriodDraft[]): Record<Weekday, PeriodDraft[]> {
  return { 1: make(1), 2: make(2), 3: make(3), 4: make(4), 5: make(5) };
}

/** The form starts from the saved calendar, or from a typical day when the school has none yet. */
export function draftFrom(calendar: SavedCalendar | null, timeZone: string): CalendarDraft {
  if (!calendar) {
    return { timeZone, sameEveryDay: true, days: byDay(() => toRows(TYPICAL_DAY)), cycleWeeks: 1, knownWeekAMonday: '', terms: [] };
  }
  const monday = calendar.bellSchedule['1'] ?? [];
  return {
    timeZone,
    sameEveryDay: WEEKDAYS.every((d) => samePeriods(calendar.bellSchedule[String(d)] ?? [], monday)),
    days: byDay((d) => toRows(calendar.bellSchedule[String(d)] ?? [])),
    cycleWeeks: calendar.cycleWeeks === 2 ? 2 : 1,
    knownWeekAMonday: calendar.knownWeekAMonday,
    terms: calendar.terms.map((t) => ({ key: newKey(), ...t })),
  };
}

/** Every weekday gets Monday's periods (fresh rows, so editing one day later leaves the others alone). */
export function copyMondayToAll(draft: CalendarDraft): CalendarDraft {
  return { ...draft, days: byDay((d) => (d === 1 ? draft.days[1] : toRows(draft.days[1]))) };
}

/** The periods a weekday will have once saved: Monday's for every day while "same every day" is on. */
export function periodsOn(draft: CalendarDraft, weekday: Weekday): PeriodDraft[] {
  return draft.sameEveryDay ? draft.days[1] : draft.days[weekday];
}

/** "8:40" is how many people type 08:40; anything else is left for the schema to refuse in words. */
export function typedTime(text: string): string {
  const trimmed = text.trim().replace('.', ':');
  return /^\d:\d\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
}

/**
 * The body as the form says it, before any check. A one-week timetable has no
 * Week A, but the contract still wants a Monday: the current week's stands in.
 */
export function bodyFrom(draft: CalendarDraft, today: string): SchoolCalendarBody {
  const periods = (weekday: Weekday) => periodsOn(draft, weekday).map(({ name, start, end }) => ({ name, start: typedTime(start), end: typedTime(end) }));
  const monday = draft.knownWeekAMonday || (draft.cycleWeeks === 1 ? mondayOf(today) : '');
  return {
    timeZone: draft.timeZone,
    bellSchedule: { 1: periods(1), 2: periods(2), 3: periods(3), 4: periods(4), 5: periods(5) },
    cycle: { weeks: draft.cycleWeeks, knownWeekAMonday: monday },
    terms: draft.terms.map(({ name, start, end }) => ({ name, start, end })),
  };
}

/** Replaces one row of a list by key, leaving the rest as they were. */
export function updateRow<T extends { key: string }>(rows: readonly T[], key: string, change: Partial<Omit<T, 'key'>>): T[] {
  return rows.map((row) => (row.key === key ? { ...row, ...change } : row));
}
