import { z } from 'zod';
import { Uuid } from '../ids.js';
import { freeText } from '../text.js';

/** Shared with the domain's own check (`WHAT_HAPPENED_MAX_CHARS`), in characters. */
export const CONCERN_WORDS_MAX = 2000;
const AMENDMENT_TEXT_MAX = 4000;

/** A child's own words after "I'm worried": optional, and never a reason to refuse the concern itself. */
export const ConcernWords = freeText({ max: CONCERN_WORDS_MAX, multiline: true, required: false });

/** `POST /api/staff/concerns` */
export const RaiseConcernRequest = z.strictObject({
  sessionId: Uuid,
  studentIds: z.array(Uuid).min(1, 'name at least one child').max(2),
  whatHappened: freeText({ max: CONCERN_WORDS_MAX, multiline: true }),
});
export type RaiseConcernRequest = z.infer<typeof RaiseConcernRequest>;

export const ConcernStatusName = z.enum(['new', 'acknowledged', 'in_progress', 'closed']);

/** `GET /api/staff/concerns?status=` */
export const ConcernListQuery = z.strictObject({ status: ConcernStatusName.optional() });

const amendmentText = freeText({ max: AMENDMENT_TEXT_MAX, multiline: true });

/** `POST /api/staff/concerns/:id/amendments`: appended, never edited. */
export const AmendConcernRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('status'), to: z.enum(['acknowledged', 'in_progress']) }),
  z.strictObject({ kind: z.literal('note'), text: amendmentText }),
  z.strictObject({ kind: z.literal('action'), text: amendmentText }),
  z.strictObject({ kind: z.literal('decision'), text: amendmentText, reason: amendmentText }),
  z.strictObject({ kind: z.literal('close'), summary: amendmentText, actionsTaken: amendmentText, outcome: amendmentText }),
]);
export type AmendConcernRequest = z.infer<typeof AmendConcernRequest>;
