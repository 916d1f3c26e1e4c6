import type { FreeSlot } from '@peerbridge/shared';

/*
 * The free-period grid: rows are the school's periods, columns Monday to
 * Friday, one grid per week of the cycle (or one for both). A cell is
 * "week|weekday|period"; a period the bell schedule lacks on a weekday has
 * no cell to tap.
 */

export type GridWeek = 'A' | 'B' | 'both';
export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const WEEKDAY_SHORT: Record<number, string> = { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri' };
export const WEEKDAY_LONG: Record<number, string> = { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday' };

export interface GridShape {
  /** Every period name in the week, in the order of the day (Monday's timings may differ from the rest). */
  periods: string[];
  /** Whether that weekday has that period. */
  has: (weekday: number, period: string) => boolean;
  twoWeeks: boolean;
}

export function gridShape(bellSchedule: Record<string, readonly { name: string; start: string }[]>, cycleWeeks: number): GridShape {
  const earliest = new Map<string, string>();
  for (const weekday of WEEKDAYS) {
    for (const p of bellSchedule[String(weekday)] ?? []) {
      const seen = earliest.get(p.name);
      if (seen === undefined || p.start < seen) earliest.set(p.name, p.start);
    }
  }
  const periods = [...earliest.entries()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0])).map(([name]) => name);
  const byDay = new Map(WEEKDAYS.map((d) => [d as number, new Set((bellSchedule[String(d)] ?? []).map((p) => p.name))]));
  return { periods, has: (weekday, period) => byDay.get(weekday)?.has(period) ?? false, twoWeeks: cycleWeeks === 2 };
}

export const cellKey = (week: 'A' | 'B', weekday: number, period: string) => `${week}|${weekday}|${period}`;

/** The cells ticked for stored slots: a slot for any week ticks both weeks. */
export function ticksOf(slots: readonly FreeSlot[]): Set<string> {
  const ticks = new Set<string>();
  for (const s of slots) {
    if (s.week !== 'B') ticks.add(cellKey('A', s.weekday, s.period));
    if (s.week !== 'A') ticks.add(cellKey('B', s.weekday, s.period));
  }
  return ticks;
}

/** Whether Week A and Week B are ticked alike (then the screen offers one grid for both). */
export function sameBothWeeks(ticks: ReadonlySet<string>): boolean {
  const flip = (key: string) => (key.startsWith('A|') ? `B|${key.slice(2)}` : `A|${key.slice(2)}`);
  return [...ticks].every((key) => ticks.has(flip(key)));
}

/** Taps one cell; on the "both weeks" grid it ticks or clears the period in both weeks. */
export function toggleTick(ticks: ReadonlySet<string>, week: GridWeek, weekday: number, period: string): Set<string> {
  const next = new Set(ticks);
  const keys = week === 'both' ? [cellKey('A', weekday, period), cellKey('B', weekday, period)] : [cellKey(week, weekday, period)];
  const on = !ticks.has(keys[0]!);
  for (const key of keys) {
    if (on) next.add(key);
    else next.delete(key);
  }
  return next;
}

/** "Same both weeks" switched on: Week B becomes a copy of Week A. */
export function copyWeekA(ticks: ReadonlySet<string>): Set<string> {
  const next = new Set([...ticks].filter((key) => key.startsWith('A|')));
  for (const key of next) next.add(`B|${key.slice(2)}`);
  return next;
}

/** What to save: a period free in both weeks (or at a one-week school) is one slot for any week. */
export function slotsOf(ticks: ReadonlySet<string>, shape: Pick<GridShape, 'twoWeeks'>): FreeSlot[] {
  const slots: FreeSlot[] = [];
  for (const key of ticks) {
    const [week, weekdayText, ...rest] = key.split('|');
    const weekday = Number(weekdayText);
    const period = rest.join('|');
    const inOther = ticks.has(cellKey(week === 'A' ? 'B' : 'A', weekday, period));
    if (!shape.twoWeeks || inOther) {
      if (week === 'A') slots.push({ week: 'any', weekday, period });
    } else {
      slots.push({ week: week as 'A' | 'B', weekday, period });
    }
  }
  const order = { any: 0, A: 1, B: 2 };
  return slots.sort((a, b) => order[a.week] - order[b.week] || a.weekday - b.weekday || a.period.localeCompare(b.period));
}
