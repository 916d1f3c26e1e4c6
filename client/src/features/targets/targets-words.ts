import type { TargetStatus } from '@peerbridge/shared';

/*
 * The words for targets, shared by the call's panel, the student's own view
 * and the staff section, so a status reads the same everywhere.
 */

export const targetStatusWords: Record<TargetStatus, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  met: 'Met',
  not_met: 'Not met',
  dropped: 'Dropped',
};

/** The statuses a review offers, in the order a mentor thinks of them. */
export const reviewStatuses: readonly TargetStatus[] = ['on_track', 'met', 'not_met', 'not_started', 'dropped'];

/** A calendar date plus some days (date-only arithmetic in UTC: no time zone or clock change is involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "Review due today", "Review due 3 Dec", "Next review 10 Dec", "Finished". */
export function reviewWords(target: { reviewOn: string; dueForReview: boolean; status: TargetStatus }, today: string): string {
  if (target.status === 'met' || target.status === 'dropped') return targetStatusWords[target.status];
  const when = target.reviewOn === today ? 'today' : shortDate(target.reviewOn);
  return target.dueForReview ? `Review due ${when}` : `Next review ${when}`;
}

/** 2026-12-03 → "3 Dec" (a calendar date, read as such: no time zone). */
export function shortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** How many targets are due, for the Targets button. */
export function dueCountWords(count: number): string {
  return count === 0 ? 'Targets' : `Targets · ${count} to review`;
}

/** A partner as a child may see them: first name, year, school. */
export function partnerWords(partner: { firstName: string; yearGroup: number; schoolName: string }): string {
  return `${partner.firstName} (Year ${partner.yearGroup}, ${partner.schoolName})`;
}
