import type { CallTarget, TargetView } from '@peerbridge/shared';
import { Temporal } from 'temporal-polyfill';
import { dateAt, isDueForReview, reviewedOnTime } from '../../domain/targets/target-rules.js';
import type { TargetReviewRow, TargetRow } from '../../infra/db/targets-repository.js';

const toInstant = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime());

/** A target as the call shows it: due for review on `day` or not. */
export function callTargetView(row: TargetRow, day: string): CallTarget {
  return {
    id: row.id,
    pairingId: row.pairingId,
    what: row.what,
    why: row.why,
    measure: row.measure,
    reviewOn: row.reviewOn,
    status: row.status,
    origin: row.origin,
    nextStep: row.nextStep,
    dueForReview: isDueForReview(row, day),
  };
}

/** With its review history; `timeZone` (the mentee's school's) says which day a review fell on. */
export function targetView(row: TargetRow, reviews: readonly TargetReviewRow[], ctx: { day: string; mentorId: string; timeZone: string }): TargetView {
  return {
    ...callTargetView(row, ctx.day),
    reviews: reviews
      .filter((r) => r.targetId === row.id)
      .map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        status: r.status,
        progress: r.progress,
        nextStep: r.nextStep,
        dueOn: r.dueOn,
        onTime: reviewedOnTime(dateAt(toInstant(r.at), ctx.timeZone), r.dueOn),
        by: r.byId === ctx.mentorId ? ('mentor' as const) : ('staff' as const),
      })),
  };
}
