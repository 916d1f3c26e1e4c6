import type { Candidate, LostDate, Period, SchoolTimetable } from './timetable-api';
import { offsetMinutesAt } from '../../lib/school-time';

/*
 * The week view's arithmetic, on "YYYY-MM-DD" dates and "HH:MM" local times.
 * Dates are done in UTC so no clock change can shift a day; the only zone
 * arithmetic is the offset between the two schools on a given date, read from
 * Intl (the schools share a zone here, but nothing may assume it).
 */

export type CycleWeek = 'A' | 'B';
export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const WEEKDAY_NAMES: Record<number, string> = { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday' };

const DAY_MS = 86_400_000;

function utcDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Monday of the week a date is in (a weekend belongs to the week before it). */
export function mondayOf(date: string): string {
  const ms = utcDay(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return isoDay(ms - weekday * DAY_MS);
}

/** Monday to Friday of the week a date is in, keyed by ISO weekday (1–5). */
export function weekDates(date: string): Record<number, string> {
  const monday = utcDay(mondayOf(date));
  return Object.fromEntries(WEEKDAYS.map((d) => [d, isoDay(monday + (d - 1) * DAY_MS)]));
}

/**
 * Week A or B of a school's two-week timetable on a date: whole weeks since a
 * known Week A Monday, even = A. The cycle keeps running through holidays,
 * which is why two schools' letters can differ. Null for a one-week timetable.
 */
export function cycleWeekOn(date: string, cycle: SchoolTimetable['cycle']): CycleWeek | null {
  if (!cycle || cycle.weeks === 1) return null;
  const weeks = Math.round((utcDay(mondayOf(date)) - utcDay(mondayOf(cycle.knownWeekAMonday))) / (7 * DAY_MS));
  return ((weeks % 2) + 2) % 2 === 0 ? 'A' : 'B';
}

/** The date to show when the coordinator picks Week A or B: this week, or the next if it is the other letter. */
export function dateInWeek(date: string, wanted: CycleWeek, cycle: SchoolTimetable['cycle']): string {
  const current = cycleWeekOn(date, cycle);
  const monday = mondayOf(date);
  return current === null || current === wanted ? monday : isoDay(utcDay(monday) + 7 * DAY_MS);
}

export function cycleWeekLabel(date: string, school: SchoolTimetable): string {
  if (!school.cycle) return 'No timetable cycle set';
  const week = cycleWeekOn(date, school.cycle);
  return week ? `Week ${week}` : 'One-week timetable';
}

export function toMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function toClock(minutes: number): string {
  const wrapped = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** Minutes a zone is ahead of UTC at noon on a date (weekday noon is never inside a clock change). */
export function zoneOffsetMinutes(timeZone: string, date: string): number {
  return offsetMinutesAt(timeZone, new Date(`${date}T12:00:00Z`));
}

export interface PeriodBlock {
  name: string;
  /** As the school's own bell schedule says it. */
  localStart: string;
  localEnd: string;
  /** On the shared timeline, in the anchor (mentee) school's clock. */
  start: number;
  end: number;
}

/**
 * One school's periods on a weekday, placed on the mentee school's clock:
 * candidates are given in the mentee's local time, so that is the timeline.
 */
export function periodBlocks(school: SchoolTimetable, weekday: number, date: string, anchorZone: string): PeriodBlock[] {
  const periods: Period[] = school.bellSchedule?.[String(weekday)] ?? [];
  const shift = zoneOffsetMinutes(anchorZone, date) - zoneOffsetMinutes(school.timeZone, date);
  return periods
    .map((p) => ({ name: p.name, localStart: p.start, localEnd: p.end, start: toMinutes(p.start) + shift, end: toMinutes(p.end) + shift }))
    .sort((a, b) => a.start - b.start);
}

export interface CandidateBlock {
  id: string;
  label: string;
  start: number;
  end: number;
  /** Why this candidate does not run in the week on screen, if it doesn't. */
  lostThisWeek: LostDate | null;
}

export function candidateBlocks(
  candidates: readonly Candidate[],
  weekday: number,
  date: string,
  sessionMinutes: number,
): CandidateBlock[] {
  return candidates
    .filter((c) => c.weekday === weekday)
    .map((c) => ({
      id: c.id,
      label: c.label,
      start: toMinutes(c.localStart),
      end: toMinutes(c.localStart) + sessionMinutes,
      lostThisWeek: c.lostDates.find((l) => l.date === date) ?? null,
    }));
}

/** The hours the timeline spans: whole hours around everything it shows, 08:00–16:00 when empty. */
export function timelineRange(blocks: readonly { start: number; end: number }[]): { start: number; end: number } {
  if (blocks.length === 0) return { start: 8 * 60, end: 16 * 60 };
  const start = Math.min(...blocks.map((b) => b.start));
  const end = Math.max(...blocks.map((b) => b.end));
  return { start: Math.floor(start / 60) * 60, end: Math.max(Math.ceil(end / 60) * 60, Math.floor(start / 60) * 60 + 60) };
}

/** Where a block sits on the timeline, in percent, for `top` and `height`. */
export function placeOn(range: { start: number; end: number }, block: { start: number; end: number }) {
  const span = range.end - range.start;
  return { top: ((block.start - range.start) / span) * 100, height: ((block.end - block.start) / span) * 100 };
}
