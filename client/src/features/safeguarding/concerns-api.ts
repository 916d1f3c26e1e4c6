import { z } from 'zod';
import { apiGet, apiSend, staffAuth } from '../../lib/api-client';

/*
 * Concerns are not in @peerbridge/shared yet; these schemas follow the staff
 * API: the queue's summary rows, and the record itself in the server's JSON
 * export shape (ConcernJson, version 1), which is what opening one returns.
 */
export const ConcernStatus = z.enum(['new', 'acknowledged', 'in_progress', 'closed']);
export type ConcernStatus = z.infer<typeof ConcernStatus>;

export const ConcernSummary = z.object({
  id: z.string(),
  raisedAt: z.string(),
  status: ConcernStatus,
  sessionId: z.string().nullable(),
  children: z.array(z.object({ firstName: z.string(), schoolId: z.string() })),
});
export type ConcernSummary = z.infer<typeof ConcernSummary>;

const ConcernClosing = z.object({ summary: z.string(), actionsTaken: z.string(), outcome: z.string() });
export type ConcernClosing = z.infer<typeof ConcernClosing>;

const ConcernAmendment = z.object({
  seq: z.number().int(),
  at: z.string(),
  byStaffId: z.string().nullable(),
  byStudentId: z.string().nullable(),
  // A kind this screen does not know yet still shows, in the server's own word.
  kind: z.string(),
  fromStatus: ConcernStatus.nullable(),
  toStatus: ConcernStatus.nullable(),
  text: z.string().nullable(),
  reason: z.string().nullable(),
  closing: ConcernClosing.nullable(),
});
export type ConcernAmendment = z.infer<typeof ConcernAmendment>;

export const ConcernChild = z.object({
  studentId: z.string(),
  schoolId: z.string(),
  firstName: z.string(),
  /** Only for the viewer's own school's children. */
  lastName: z.string().nullable(),
});
export type ConcernChild = z.infer<typeof ConcernChild>;

export const ConcernRecord = z.object({
  id: z.string(),
  sessionId: z.string().nullable(),
  raisedAt: z.string(),
  status: ConcernStatus,
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('student'), studentId: z.string() }),
    z.object({ kind: z.literal('staff'), staffId: z.string() }),
  ]),
  children: z.array(ConcernChild),
  /** The child's own words, verbatim, or what the member of staff described; null after a one-tap report. */
  whatHappened: z.string().nullable(),
  presentAtTime: z.array(z.string()),
  logExcerpt: z.array(z.object({ at: z.string(), type: z.string(), summary: z.string() })),
  closing: ConcernClosing.nullable(),
  amendments: z.array(ConcernAmendment),
});
export type ConcernRecord = z.infer<typeof ConcernRecord>;

/** The bodies `POST /api/staff/concerns/:id/amendments` accepts. */
export type AmendmentBody =
  | { kind: 'status'; to: 'acknowledged' | 'in_progress' }
  | { kind: 'note'; text: string }
  | { kind: 'action'; text: string }
  | { kind: 'decision'; text: string; reason: string }
  | { kind: 'close'; summary: string; actionsTaken: string; outcome: string };

export interface StaffConcernInput {
  sessionId: string;
  studentIds: string[];
  whatHappened: string;
}

const ConcernList = z.object({ concerns: z.array(ConcernSummary) });
const ConcernEnvelope = z.object({ concern: ConcernRecord });
const Raised = z.object({ concernId: z.string() });

const concernPath = (id: string) => `/api/staff/concerns/${encodeURIComponent(id)}`;

/** Every status at once: the queue groups them itself. */
export async function fetchConcerns(signal?: AbortSignal, background = false): Promise<ConcernSummary[]> {
  const { concerns } = await apiGet('/api/staff/concerns', ConcernList, { auth: staffAuth, signal, background });
  return concerns;
}

/** Opening a concern is itself recorded by the server, like opening a log. */
export async function fetchConcern(id: string, signal?: AbortSignal): Promise<ConcernRecord> {
  const { concern } = await apiGet(concernPath(id), ConcernEnvelope, { auth: staffAuth, signal });
  return concern;
}

/** Appends one entry; nothing already recorded changes. Answers with the whole record as it now stands. */
export async function amendConcern(id: string, body: AmendmentBody): Promise<ConcernRecord> {
  const { concern } = await apiSend('POST', `${concernPath(id)}/amendments`, body, ConcernEnvelope, { auth: staffAuth });
  return concern;
}

export async function raiseStaffConcern(input: StaffConcernInput): Promise<string> {
  const { concernId } = await apiSend('POST', '/api/staff/concerns', input, Raised, { auth: staffAuth });
  return concernId;
}

/** Downloads for CPOMS or MyConcern; a plain link carries the staff cookie. */
export function concernExportUrl(id: string, format: 'csv' | 'json'): string {
  return `${concernPath(id)}/export.${format}`;
}
