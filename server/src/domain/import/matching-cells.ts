import { SubjectsBody } from '@peerbridge/shared';
import { distinctSlots, WEEKDAY_NAMES } from '../scheduling/free-periods.js';

/*
 * The two optional columns of a student import that feed matching:
 *   Free periods  "A:Mon:P1; B:Tue:P3; Wed:P2"  (week A or B, or no week for both; Mon–Fri; a period name)
 *   Subjects      "maths; english:poetry"
 * A blank cell leaves what is on record; "none" clears it.
 */

export interface FreeSlotCell {
  week: 'A' | 'B' | 'any';
  weekday: number;
  period: string;
}

export type CellResult<T> = { value: T | undefined } | { error: string };

const DAYS: Record<string, number> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, weds: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5,
  '1': 1, '2': 2, '3': 3, '4': 4, '5': 5,
};
const SHORT_DAY: Record<number, string> = { 1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri' };
const CLEAR = new Set(['none', '-']);

const entries = (cell: string) =>
  cell
    .split(/[;|]/)
    .map((e) => e.trim())
    .filter((e) => e !== '');

export function parseFreePeriodsCell(cell: string | undefined): CellResult<FreeSlotCell[]> {
  const text = (cell ?? '').trim();
  if (text === '') return { value: undefined };
  if (CLEAR.has(text.toLowerCase())) return { value: [] };
  const slots: FreeSlotCell[] = [];
  for (const entry of entries(text)) {
    const parts = entry.split(':').map((p) => p.trim());
    const [week, dayText, period] = parts.length === 3 ? parts : ['any', ...parts];
    if (parts.length < 2 || parts.length > 3 || !dayText || !period) {
      return { error: `"${entry}" is not like "A:Mon:P1" or "Wed:P2"` };
    }
    const upperWeek = week!.toUpperCase();
    if (upperWeek !== 'A' && upperWeek !== 'B' && week !== 'any') return { error: `"${entry}": the week must be A or B (or left out for both)` };
    const weekday = DAYS[dayText.toLowerCase()];
    if (weekday === undefined) return { error: `"${entry}": ${dayText} is not a school day (Mon–Fri)` };
    if (period.length > 40) return { error: `"${entry}": the period name is longer than 40 characters` };
    slots.push({ week: week === 'any' ? 'any' : (upperWeek as 'A' | 'B'), weekday, period });
  }
  if (slots.length > 100) return { error: 'more than 100 free periods' };
  return { value: distinctSlots(slots) };
}

export function parseSubjectsCell(cell: string | undefined): CellResult<string[]> {
  const text = (cell ?? '').trim();
  if (text === '') return { value: undefined };
  if (CLEAR.has(text.toLowerCase())) return { value: [] };
  // Written the way people write them ("English: Poetry"), kept the way the matcher compares them.
  const list = [...new Set(entries(text).map((s) => s.toLowerCase().replace(/\s*:\s*/g, ':').replace(/\s+/g, ' ')))];
  const parsed = SubjectsBody.safeParse({ subjects: list });
  if (parsed.success) return { value: parsed.data.subjects };
  const issue = parsed.error.issues[0]!;
  const index = issue.path[1];
  if (typeof index === 'number') return { error: `"${list[index] ?? ''}" ${issue.message}` };
  return { error: 'more than 20 subjects' };
}

/** Slots written back in the cell's own syntax, for a dry run's report. */
export function formatFreePeriods(slots: readonly FreeSlotCell[]): string {
  if (slots.length === 0) return 'none';
  return slots.map((s) => `${s.week === 'any' ? '' : `${s.week}:`}${SHORT_DAY[s.weekday] ?? WEEKDAY_NAMES[s.weekday]}:${s.period}`).join('; ');
}
