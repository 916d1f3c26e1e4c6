import { z } from 'zod';

/**
 * One error vocabulary for the whole product. The server maps each code once
 * to an HTTP status and once to a socket acknowledgement; clients show the
 * message, which is always written for the person in front of the screen.
 */
export const errorCodes = [
  'bad_request',
  'unauthenticated',
  'forbidden',
  /** A state-changing staff request that did not come from Peerbridge's own pages. */
  'cross_origin',
  'not_found',
  'conflict',
  'session_not_open',
  'session_over',
  'session_cancelled',
  /** A DSL or supervisor ended the session early: it cannot be joined again. */
  'session_ended_by_staff',
  'not_participant',
  'not_joined',
  'payload_too_large',
  'rate_limited',
  /** A DSL must pass the second factor (again) before this; `details.enrolled` says whether they have one. */
  'step_up_required',
  'shutting_down',
  'unavailable',
  'internal',
] as const;

export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Machine-readable facts behind the message (e.g. when a session opens). */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Every socket acknowledgement has exactly this shape. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export function ackSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ErrorBody }),
  ]);
}
