import type { TargetStatus } from '@peerbridge/shared';
import type { Temporal } from 'temporal-polyfill';

/*
 * The rules of "assertive" mentoring's targets: which are due for review on a
 * day, the order a call shows them in, whether a review was on time, and what
 * a review may set. Pure: dates are ISO calendar dates in the school's zone.
 */

/** Met and dropped targets are finished; the rest are still worked on. */
const CLOSED: ReadonlySet<TargetStatus> = new Set<TargetStatus>(['met', 'dropped']);

export function isOpen(status: TargetStatus): boolean {
  return !CLOSED.has(status);
}

/** Due on `day`: its review date has come (on or before `day`) and it is not met or dropped. */
export function isDueForReview(target: { reviewOn: string; status: TargetStatus }, day: string): boolean {
  return isOpen(target.status) && target.reviewOn <= day;
}

/** Reviewed on time: on or before the day it was due (both as dates at the school). */
export function reviewedOnTime(reviewedOn: string, dueOn: string): boolean {
  return reviewedOn <= dueOn;
}

/** The date an instant falls on in a school's time zone. */
export function dateAt(instant: Temporal.Instant, timeZone: string): string {
  return instant.toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** Due first (earliest review date first), then open ones by review date, then finished ones. */
export function callOrder<T extends { reviewOn: string; status: TargetStatus; createdAt: string }>(targets: readonly T[], day: string): T[] {
  const rank = (t: T) => (isDueForReview(t, day) ? 0 : isOpen(t.status) ? 1 : 2);
  return [...targets].sort((a, b) => rank(a) - rank(b) || a.reviewOn.localeCompare(b.reviewOn) || a.createdAt.localeCompare(b.createdAt));
}

export type ReviewProblem = 'next_review_in_past' | 'next_review_needed';

/**
 * What a review may set. A target that stays open needs a next review date after the session's day (kept from
 * before when that is still ahead, else one must be given); a finished one keeps its date.
 */
export function nextReviewDate(
  review: { status: TargetStatus; nextReviewOn?: string | undefined },
  current: { reviewOn: string },
  sessionDay: string,
): { reviewOn: string } | { problem: ReviewProblem } {
  if (review.nextReviewOn !== undefined) {
    if (review.nextReviewOn < sessionDay) return { problem: 'next_review_in_past' };
    return { reviewOn: review.nextReviewOn };
  }
  if (!isOpen(review.status) || current.reviewOn > sessionDay) return { reviewOn: current.reviewOn };
  return { problem: 'next_review_needed' };
}

export const reviewProblemWords: Record<ReviewProblem, string> = {
  next_review_in_past: 'The next review date has to be today or later.',
  next_review_needed: 'Choose when you will next review this target.',
};
