/*
 * When a programme figure may be shown. A small count (one or two children) in a report read by governors or
 * the partner school can identify a child, so counts from 1 to SUPPRESSION_THRESHOLD - 1 are replaced by
 * "<5", and so are rates and means computed from fewer than that many. Zero is shown: it names nobody.
 * Where a table shows a total, a single hidden cell could be worked out by subtraction, so the smallest other
 * non-zero cell is hidden with it (secondary suppression).
 */

/** Counts below this are not shown (the usual small-number rule for published figures about children). */
export const SUPPRESSION_THRESHOLD = 5;

export type Hidden = 'small' | 'secondary';

export const SMALL_REASON = `fewer than ${SUPPRESSION_THRESHOLD}, which could identify a child`;
export const SECONDARY_REASON = 'hidden as well, so that a smaller hidden figure cannot be worked out from the total';
export const SMALL_BASE_REASON = `worked out from fewer than ${SUPPRESSION_THRESHOLD}, which could identify a child`;

export function isSmall(count: number, threshold = SUPPRESSION_THRESHOLD): boolean {
  return count > 0 && count < threshold;
}

/**
 * Which counts of one group to hide. `withTotal`: the group's total is shown beside it, so a lone hidden
 * cell is protected by hiding the next-smallest non-zero cell too.
 */
export function suppressGroup(counts: readonly number[], options: { withTotal: boolean; threshold?: number }): (Hidden | null)[] {
  const threshold = options.threshold ?? SUPPRESSION_THRESHOLD;
  const hidden: (Hidden | null)[] = counts.map((c) => (isSmall(c, threshold) ? 'small' : null));
  const hiddenCount = hidden.filter((h) => h !== null).length;
  if (options.withTotal && hiddenCount === 1) {
    let pick = -1;
    counts.forEach((c, i) => {
      if (hidden[i] === null && c > 0 && (pick < 0 || c < counts[pick]!)) pick = i;
    });
    if (pick >= 0) hidden[pick] = 'secondary';
  }
  return hidden;
}

/** A total is itself hidden when it is small. */
export function suppressTotal(total: number, threshold = SUPPRESSION_THRESHOLD): Hidden | null {
  return isSmall(total, threshold) ? 'small' : null;
}

/** A rate or mean is shown only when it rests on at least `threshold` cases. */
export function suppressDerived(base: number, threshold = SUPPRESSION_THRESHOLD): Hidden | null {
  return base > 0 && base < threshold ? 'small' : null;
}
