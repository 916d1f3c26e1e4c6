import { ConcernStatus } from '@peerbridge/shared';
import type { ConcernRecord, ConcernSummary } from './concerns-api';
import { describeLogEntry, namesInLog } from './log-entry-words';

/** Queue order: what nobody has looked at yet comes first (the statuses in the order a concern moves through them). */
export const STATUS_ORDER: readonly ConcernStatus[] = ConcernStatus.options;

export const statusWords: Record<ConcernStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  closed: 'Closed',
};

export interface ConcernGroup {
  status: ConcernStatus;
  concerns: ConcernSummary[];
}

/** Grouped by status (new first), newest first within a group; empty groups are left out. */
export function groupConcerns(concerns: readonly ConcernSummary[]): ConcernGroup[] {
  return STATUS_ORDER.map((status) => ({
    status,
    concerns: concerns
      .filter((concern) => concern.status === status)
      .sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt)),
  })).filter((group) => group.concerns.length > 0);
}

/**
 * Other concerns from the same session. A child's "I'm worried" tap and the
 * words they add afterwards arrive as two concerns; the server does not link
 * them, so the record shows them side by side instead.
 */
export function relatedConcerns(concerns: readonly ConcernSummary[], concernId: string, sessionId: string | null): ConcernSummary[] {
  if (!sessionId) return [];
  return concerns
    .filter((concern) => concern.sessionId === sessionId && concern.id !== concernId)
    .sort((a, b) => Date.parse(a.raisedAt) - Date.parse(b.raisedAt));
}

/**
 * "Sam (your school)", "Priya (partner school)". The queue only has school ids,
 * and the viewer knows their own; a partner school's name is not in the queue.
 */
export function describeConcernChild(
  child: { firstName: string; schoolId: string; lastName?: string | null },
  ownSchoolId: string | null,
): string {
  const own = ownSchoolId !== null && child.schoolId === ownSchoolId;
  const name = own && child.lastName ? `${child.firstName} ${child.lastName}` : child.firstName;
  return `${name} (${own ? 'your school' : 'partner school'})`;
}

export function describeConcernChildren(
  children: ReadonlyArray<{ firstName: string; schoolId: string; lastName?: string | null }>,
  ownSchoolId: string | null,
): string {
  return children.map((child) => describeConcernChild(child, ownSchoolId)).join(', ');
}

/**
 * A log excerpt entry in the same words as the full session log, from the same
 * renderer, with the children named ("Sam tried to send a phone number").
 * Concerns raised before the excerpt kept who and what carry only the type and,
 * in brackets in the summary, a reason; those are said as well as they can be.
 */
export function describeExcerptEntry(
  entry: ConcernRecord['logExcerpt'][number],
  names: ReadonlyMap<string, string>,
): string {
  const reason = /\(([^)]+)\)\s*$/.exec(entry.summary)?.[1];
  const detail = entry.actor !== null || Object.keys(entry.detail).length > 0 ? entry.detail : reason ? { reason } : {};
  return describeLogEntry({ type: entry.type, actor: entry.actor, detail }, names).text;
}

/** Names for a concern's excerpt: the children by first name, observers as they were logged. */
export function namesInExcerpt(concern: Pick<ConcernRecord, 'children' | 'logExcerpt'>): Map<string, string> {
  return namesInLog(concern.logExcerpt, concern.children.map((c) => ({ id: c.studentId, firstName: c.firstName })));
}
