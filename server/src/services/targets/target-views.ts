import type { CallTarget, NewTarget, TargetOrigin, TargetView } from '@peerbridge/shared';
import { Temporal } from 'temporal-polyfill';
import { callOrder, dateAt, isDueForReview, reviewedOnTime } from '../../domain/targets/target-rules.js';
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

/** Rows in the order a call (and every list) shows them: due first, then open, then finished. */
export function inCallOrder<T>(rows: readonly TargetRow[], day: string, view: (row: TargetRow) => T): T[] {
  const keyed = rows.map((row) => ({ reviewOn: row.reviewOn, status: row.status, createdAt: row.createdAt.toISOString(), row }));
  return callOrder(keyed, day).map((k) => view(k.row));
}

/** A new target's row, from the pair in a call or seeded by the mentee's school. */
export function newTargetRow(input: NewTarget, pairingId: string, by: { origin: TargetOrigin; seededBy: string | null; at: Temporal.Instant }) {
  return {
    pairingId,
    what: input.what,
    why: input.why ?? '',
    measure: input.measure ?? '',
    reviewOn: input.reviewOn,
    origin: by.origin,
    seededBy: by.seededBy,
    at: new Date(by.at.epochMilliseconds),
  };
}
