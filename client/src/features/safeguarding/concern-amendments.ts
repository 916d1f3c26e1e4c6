import type { AmendmentBody, ConcernAmendment, ConcernChild, ConcernRecord, ConcernStatus } from './concerns-api';
import { statusWords } from './concern-queue';

/*
 * What a safeguarding lead may add to a concern next, and how each entry of
 * the record reads. The record is append-only: these are the only ways to
 * change it, and the server keeps the same rules (forward-only status, close
 * only from "in progress", a decision needs a reason, closed accepts notes).
 */

export type AmendChoice = 'acknowledged' | 'in_progress' | 'note' | 'action' | 'decision' | 'close';

export const choiceLabels: Record<AmendChoice, string> = {
  acknowledged: 'Mark as acknowledged',
  in_progress: 'Mark as in progress',
  note: 'Add a note',
  action: 'Record an action taken',
  decision: 'Record a decision, with the reason',
  close: 'Close the concern',
};

export function allowedChoices(status: ConcernStatus): AmendChoice[] {
  switch (status) {
    case 'new':
      return ['acknowledged', 'in_progress', 'note', 'action', 'decision'];
    case 'acknowledged':
      return ['in_progress', 'note', 'action', 'decision'];
    case 'in_progress':
      return ['note', 'action', 'decision', 'close'];
    case 'closed':
      return ['note'];
  }
}

export interface AmendFields {
  text: string;
  reason: string;
  summary: string;
  actionsTaken: string;
  outcome: string;
}

export const emptyAmendFields: AmendFields = { text: '', reason: '', summary: '', actionsTaken: '', outcome: '' };

export type BuiltAmendment = { ok: true; body: AmendmentBody } | { ok: false; problem: string };

/** The request body for a choice, or which fields are still empty (all of them named at once). */
export function buildAmendment(choice: AmendChoice, fields: AmendFields): BuiltAmendment {
  const f = {
    text: fields.text.trim(),
    reason: fields.reason.trim(),
    summary: fields.summary.trim(),
    actionsTaken: fields.actionsTaken.trim(),
    outcome: fields.outcome.trim(),
  };
  const need = (missing: Array<string | false>): BuiltAmendment | null => {
    const named = missing.filter((m): m is string => typeof m === 'string');
    return named.length > 0 ? { ok: false, problem: `Please fill in ${listWords(named)}.` } : null;
  };
  switch (choice) {
    case 'acknowledged':
    case 'in_progress':
      return { ok: true, body: { kind: 'status', to: choice } };
    case 'note':
    case 'action':
      return need([!f.text && (choice === 'note' ? 'the note' : 'the action taken')]) ?? { ok: true, body: { kind: choice, text: f.text } };
    case 'decision':
      return (
        need([!f.text && 'the decision', !f.reason && 'the reason for it']) ?? {
          ok: true,
          body: { kind: 'decision', text: f.text, reason: f.reason },
        }
      );
    case 'close':
      return (
        need([!f.summary && 'the summary', !f.actionsTaken && 'the actions taken', !f.outcome && 'the outcome']) ?? {
          ok: true,
          body: { kind: 'close', summary: f.summary, actionsTaken: f.actionsTaken, outcome: f.outcome },
        }
      );
  }
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export interface AmendmentWords {
  title: string;
  who: string;
  /** The child's words on the report they made: shown as a quotation, never paraphrased. */
  quote: string | null;
  lines: Array<{ label: string; value: string }>;
}

export interface AmendmentContext {
  children: readonly ConcernChild[];
  myStaffId: string;
}

/**
 * Names for who wrote an entry. The record carries only ids: children are
 * found among the concern's children, and a member of staff other than the
 * viewer can only be shown as such (the API gives no staff names).
 */
export function amendmentAuthor(
  amendment: Pick<ConcernAmendment, 'byStaffId' | 'byStudentId'> & { byName?: string | undefined },
  context: AmendmentContext,
): string {
  if (amendment.byStaffId) {
    // The server names the author; never an id on screen.
    return amendment.byStaffId === context.myStaffId ? 'You' : amendment.byName || 'A member of staff';
  }
  if (amendment.byStudentId) {
    const child = context.children.find((c) => c.studentId === amendment.byStudentId);
    return child ? `${child.firstName} (student)` : 'A student';
  }
  return 'Peerbridge';
}

export function describeAmendment(amendment: ConcernAmendment, context: AmendmentContext): AmendmentWords {
  const who = amendmentAuthor(amendment, context);
  const lines: AmendmentWords['lines'] = [];
  let title: string;
  let quote: string | null = null;
  switch (amendment.kind) {
    case 'raised':
      title = amendment.byStudentId ? 'Raised with “I’m worried”' : 'Raised by staff';
      if (amendment.byStudentId) quote = amendment.text;
      else if (amendment.text) lines.push({ label: 'What happened', value: amendment.text });
      break;
    case 'status_changed':
      title = `Status: ${statusName(amendment.fromStatus)} → ${statusName(amendment.toStatus)}`;
      break;
    case 'note':
      // A child's note is the words they added after the one tap: theirs, quoted as they wrote them.
      title = amendment.byStudentId ? 'Added in their own words' : 'Note';
      if (amendment.byStudentId) quote = amendment.text;
      else if (amendment.text) lines.push({ label: 'Note', value: amendment.text });
      break;
    case 'action':
      title = 'Action taken';
      if (amendment.text) lines.push({ label: 'Action', value: amendment.text });
      break;
    case 'decision':
      title = 'Decision';
      if (amendment.text) lines.push({ label: 'Decision', value: amendment.text });
      if (amendment.reason) lines.push({ label: 'Reason', value: amendment.reason });
      break;
    case 'closed':
      title = 'Closed';
      if (amendment.closing) {
        lines.push(
          { label: 'Summary', value: amendment.closing.summary },
          { label: 'Actions taken', value: amendment.closing.actionsTaken },
          { label: 'Outcome', value: amendment.closing.outcome },
        );
      }
      break;
    default:
      title = amendment.kind.replace(/[_-]+/g, ' ');
      if (amendment.text) lines.push({ label: 'Text', value: amendment.text });
      if (amendment.reason) lines.push({ label: 'Reason', value: amendment.reason });
  }
  return { title, who, quote, lines };
}

function statusName(status: ConcernStatus | null): string {
  return status ? statusWords[status] : '–';
}

/** "Sam", when a child raised it; null when staff did. */
export function raisingChild(concern: Pick<ConcernRecord, 'source' | 'children'>): ConcernChild | null {
  if (concern.source.kind !== 'student') return null;
  const { studentId } = concern.source;
  return concern.children.find((c) => c.studentId === studentId) ?? null;
}

/** Staff raising a concern from the sessions list: what is still missing, in words, or null. */
export function staffConcernProblem(studentIds: readonly string[], whatHappened: string): string | null {
  const missing = [
    studentIds.length === 0 && 'which child (or both) it is about',
    !whatHappened.trim() && 'what happened',
  ].filter((m): m is string => typeof m === 'string');
  return missing.length > 0 ? `Please say ${missing.join(' and ')}.` : null;
}
