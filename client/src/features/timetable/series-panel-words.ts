import type { FieldProblems } from '../deployment/form-problems';
import type { SeriesSession } from './series-lifecycle-api';

/** A session's state as its row reads it: booked, or cancelled with why. */
export function sessionStateWords(session: Pick<SeriesSession, 'status' | 'cancelReason'>): { tag: string; detail: string | null } {
  if (session.status === 'scheduled') return { tag: 'Booked', detail: null };
  return { tag: 'Cancelled', detail: session.cancelReason?.trim() || null };
}

/** A reason is required for a cancellation and an unpairing: both schools are told it. */
export function reasonProblems(reason: string, max = 200): FieldProblems {
  if (!reason.trim()) return { reason: 'Say why: both schools’ coordinators are told.' };
  if (reason.trim().length > max) return { reason: `At most ${max} characters.` };
  return {};
}

/** A move needs a date and a start time, on the coordinator's own school clock. */
export function moveProblems(date: string, time: string): FieldProblems {
  const problems: FieldProblems = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.date = 'Pick the new date.';
  if (!/^\d{2}:\d{2}$/.test(time)) problems.time = 'Pick the new start time.';
  return problems;
}

/** Ending a series needs the first date with no session; the reason is optional. */
export function endSeriesProblems(from: string, today: string): FieldProblems {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) return { from: 'Pick the first date with no session.' };
  if (from < today) return { from: 'That date has passed: pick today or a later date.' };
  return {};
}
