import { ClosureBody, SchoolCalendarBody } from '@peerbridge/shared';
import type { PeerbridgeError } from '../../lib/peerbridge-error';
import { WEEKDAY_NAMES } from '../timetable/school-week';
import type { CalendarDraft } from './calendar-draft';
import { bodyFrom } from './calendar-draft';
import type { ClosureInput } from './school-calendar-api';

/*
 * What is wrong with the calendar form, by field: the key is the body's path
 * as the shared schema and the server's 400 name it ("bellSchedule.1.2.end",
 * "terms.0.end", "cycle.knownWeekAMonday"), so a problem found before sending
 * and one the server found land next to the same box.
 */
export type FieldProblems = Record<string, string>;

export const periodField = (weekday: number, index: number, field: 'name' | 'start' | 'end') => `bellSchedule.${weekday}.${index}.${field}`;
export const dayField = (weekday: number) => `bellSchedule.${weekday}`;
export const termField = (index: number, field: 'name' | 'start' | 'end') => `terms.${index}.${field}`;
export const WEEK_A_FIELD = 'cycle.knownWeekAMonday';
export const TIME_ZONE_FIELD = 'timeZone';

const sentence = (problem: string) => {
  const text = problem.replace(/\.$/, '');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
};

/** While one list serves every weekday, a problem on any day's copy is a problem on Monday's rows, the ones on screen. */
function fieldOf(path: readonly PropertyKey[], sameEveryDay: boolean): string {
  const parts = path.map(String);
  if (sameEveryDay && parts[0] === 'bellSchedule' && parts[1] !== undefined) parts[1] = '1';
  return parts.join('.');
}

const label = (name: string) => name.trim() || 'a period';

/** "P2 (09:50–10:40) and Break (10:30–11:00)": the first two periods of a day that overlap, if any. */
export function firstOverlap(periods: readonly { name: string; start: string; end: string }[]): string | null {
  const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!;
    const after = sorted[i]!;
    if (before.end > after.start) return `${label(before.name)} (${before.start}–${before.end}) and ${label(after.name)} (${after.start}–${after.end})`;
  }
  return null;
}

/** A day-level problem says which day, and for an overlap which two periods, since no single box is wrong. */
function dayProblem(weekday: string, message: string, body: SchoolCalendarBody, sameEveryDay: boolean): string {
  const day = sameEveryDay ? 'Every day' : (WEEKDAY_NAMES[Number(weekday)] ?? 'This day');
  const periods = body.bellSchedule[Number(weekday) as 1] ?? [];
  const overlap = message.includes('overlapping') ? firstOverlap(periods) : null;
  return overlap ? `${day} has overlapping periods: ${overlap}.` : `${day} ${message.replace(/\.$/, '')}.`;
}

/** What the schema or the server said, as `path` and `message`. */
interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

function problemsFrom(issues: readonly Issue[], body: SchoolCalendarBody, sameEveryDay: boolean): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path, sameEveryDay);
    const parts = field.split('.');
    const message = parts.length === 2 && parts[0] === 'bellSchedule' ? dayProblem(parts[1]!, issue.message, body, sameEveryDay) : sentence(issue.message);
    problems[field || 'calendar'] ??= message;
  }
  // A time like 25:00 also "overlaps" the next period; the box with the bad time is the one to fix.
  for (const field of Object.keys(problems)) {
    const badTime = Object.keys(problems).some((other) => other.startsWith(`${field}.`) && !other.endsWith('.name'));
    if (/^bellSchedule\.\d$/.test(field) && badTime && problems[field]!.includes('overlapping')) delete problems[field];
  }
  return problems;
}

/** The boxes the form marks; a problem anywhere else (too many terms, say) is said beside the save button instead. */
const PLACED = [/^bellSchedule\.\d(\.\d+\.(name|start|end))?$/, /^terms\.\d+\.(name|start|end)$/, /^cycle\.knownWeekAMonday$/, /^timeZone$/];

export function unplacedProblems(problems: FieldProblems): string[] {
  return Object.entries(problems)
    .filter(([field]) => !PLACED.some((pattern) => pattern.test(field)))
    .map(([field, problem]) => (field === 'calendar' ? problem : `${field.replace(/\./g, ' ')}: ${problem}`));
}

export type CalendarCheck = { ok: true; body: SchoolCalendarBody } | { ok: false; problems: FieldProblems };

/** The form checked with the schema the server uses, before anything is sent. */
export function checkCalendar(draft: CalendarDraft, today: string): CalendarCheck {
  const body = bodyFrom(draft, today);
  const result = SchoolCalendarBody.safeParse(body);
  if (result.success) return { ok: true, body: result.data };
  const problems = problemsFrom(result.error.issues, body, draft.sameEveryDay);
  // An empty date would read "must be a date like …"; say what is missing instead.
  if (draft.cycleWeeks === 2 && !draft.knownWeekAMonday) problems[WEEK_A_FIELD] = 'Choose the Monday of a Week A.';
  return { ok: false, problems };
}

/**
 * The server's refusal shown by the field it names (its 400 lists each
 * field's path and problem); what names no field stays a general message.
 */
export function serverProblems(error: PeerbridgeError, draft: CalendarDraft, today: string): { fields: FieldProblems; general: string | null } {
  const listed = error.details?.problems;
  const issues: Issue[] = [];
  if (Array.isArray(listed)) {
    for (const entry of listed as { field?: unknown; problem?: unknown }[]) {
      if (typeof entry.field !== 'string' || typeof entry.problem !== 'string' || entry.field === '(whole payload)') continue;
      issues.push({ path: entry.field.split('.'), message: entry.problem });
    }
  }
  const fields = problemsFrom(issues, bodyFrom(draft, today), draft.sameEveryDay);
  return { fields, general: Object.keys(fields).length > 0 ? null : error.message };
}

export interface ClosureDraft {
  date: string;
  from: string;
  to: string;
  reason: string;
}

export type ClosureCheck = { ok: true; input: ClosureInput } | { ok: false; problems: FieldProblems };

/** A closure without times is the whole day; with one time, both are needed so the gap is clear. */
export function checkClosure(draft: ClosureDraft): ClosureCheck {
  const input = {
    date: draft.date,
    ...(draft.from.trim() ? { from: draft.from.trim() } : {}),
    ...(draft.to.trim() ? { to: draft.to.trim() } : {}),
    reason: draft.reason,
  };
  const result = ClosureBody.safeParse(input);
  const problems: FieldProblems = {};
  if (!draft.date) problems.date = 'Choose the day of the closure.';
  if (Boolean(input.from) !== Boolean(input.to)) problems[input.from ? 'to' : 'from'] = 'Give both times, or neither for the whole day.';
  if (!result.success) for (const issue of result.error.issues) problems[fieldOf(issue.path, false) || 'closure'] ??= sentence(issue.message);
  if (Object.keys(problems).length > 0 || !result.success) return { ok: false, problems };
  return { ok: true, input: result.data };
}
