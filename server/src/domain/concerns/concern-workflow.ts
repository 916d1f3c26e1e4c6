import { Temporal } from 'temporal-polyfill';
import {
  ConcernInputError,
  WHAT_HAPPENED_MAX_CHARS,
  type AmendResult,
  type ChronologyEntry,
  type Concern,
  type ConcernActor,
  type ConcernAmendment,
  type ConcernChange,
  type ConcernStatus,
  type DslRecipients,
  type RaiseConcernInput,
} from './concern.js';

const REOPEN_HINT = 'to reopen it, raise a new concern linked to this one';

/** Forward-only order; a smaller rank is never reachable from a larger one. */
const RANK: Record<ConcernStatus, number> = { new: 0, acknowledged: 1, in_progress: 2, closed: 3 };

/**
 * Raises a concern. It is the first and most important write a child makes,
 * so the rules are few: someone must be involved, and the child's words are
 * kept exactly as typed apart from surrounding whitespace.
 */
export function raiseConcern(input: RaiseConcernInput, now: string): Concern {
  const problems: string[] = [];
  const raisedAt = normaliseInstant(now);
  if (!raisedAt) problems.push('now must be an ISO instant with an offset');
  if (!input.id.trim()) problems.push('id is required');

  if (input.children.length === 0) problems.push('at least one child must be involved');
  const seen = new Set<string>();
  for (const child of input.children) {
    if (!child.studentId.trim() || !child.schoolId.trim() || !child.firstName.trim()) {
      problems.push('every child needs a student id, a school id and a first name');
    }
    if (seen.has(child.studentId)) problems.push(`child ${child.studentId} is listed twice`);
    seen.add(child.studentId);
  }
  // A student who raised it but is not listed would leave their own DSL uninformed.
  if (input.source.kind === 'student' && !seen.has(input.source.studentId)) {
    problems.push('a student raising a concern must be one of the children involved');
  }

  const whatHappened = input.whatHappened?.trim() || null;
  // Code points, so a child's emoji count as one character each, as they see them.
  if (whatHappened && [...whatHappened].length > WHAT_HAPPENED_MAX_CHARS) {
    problems.push(`what happened must be at most ${WHAT_HAPPENED_MAX_CHARS} characters`);
  }
  // Only a child gets the one-tap shortcut; staff always say what they saw.
  if (input.source.kind === 'staff' && !whatHappened) {
    problems.push('a staff member raising a concern must describe what happened');
  }
  if (problems.length > 0 || !raisedAt) throw new ConcernInputError(unique(problems));

  const raised: ConcernAmendment = {
    seq: 1,
    at: raisedAt,
    ...actorIds(input.source),
    kind: 'raised',
    toStatus: 'new',
    ...(whatHappened ? { text: whatHappened } : {}),
  };
  return {
    id: input.id,
    sessionId: input.sessionId,
    raisedAt,
    source: { ...input.source },
    children: input.children.map((c) => ({ ...c })),
    schoolIds: unique(input.children.map((c) => c.schoolId)),
    whatHappened,
    presentAtTime: [...input.presentAtTime],
    logExcerpt: input.logExcerpt.map((e) => ({ ...e })),
    amendments: [raised],
  };
}

export function currentStatus(concern: Pick<Concern, 'amendments'>): ConcernStatus {
  let status: ConcernStatus = 'new';
  for (const amendment of concern.amendments) if (amendment.toStatus) status = amendment.toStatus;
  return status;
}

/**
 * Appends one amendment and returns a new concern; the input is left as it was.
 * Who may amend at all (a DSL of an involved school) is the caller's check;
 * here only the rules of the record itself are kept.
 */
export function amendConcern(concern: Concern, change: ConcernChange, by: ConcernActor, now: string): AmendResult {
  const at = normaliseInstant(now);
  if (!at) return refuse('the time of an amendment must be an ISO instant with an offset');
  const last = concern.amendments.at(-1);
  // A backdated entry would let the record claim something was known earlier than it was.
  if (last && Temporal.Instant.compare(Temporal.Instant.from(at), Temporal.Instant.from(last.at)) < 0) {
    return refuse(`an amendment cannot be dated before the previous entry (${last.at})`);
  }

  // The other child may be the subject of it, and must not learn of it or write into it.
  if (by.kind === 'student' && !(concern.source.kind === 'student' && concern.source.studentId === by.studentId)) {
    return refuse('a student can only add to a concern they raised themselves');
  }

  const status = currentStatus(concern);
  const built = buildAmendment(change, by, status);
  if (!built.ok) return built;

  const amendment: ConcernAmendment = { seq: (last?.seq ?? 0) + 1, at, ...actorIds(by), ...built.amendment };
  return { ok: true, concern: { ...concern, amendments: [...concern.amendments, amendment] } };
}

type AmendmentBody = Omit<ConcernAmendment, 'seq' | 'at' | 'byStaffId' | 'byStudentId'>;
type Built = { ok: true; amendment: AmendmentBody } | { ok: false; reason: string };

function buildAmendment(change: ConcernChange, by: ConcernActor, status: ConcernStatus): Built {
  // Students may add to their own words, never steer the DSL's handling of it.
  if (by.kind === 'student' && change.kind !== 'note') {
    return refuse('only staff can change the status or record actions, decisions and closure');
  }
  if (status === 'closed' && change.kind !== 'note') {
    return refuse(`the concern is closed and accepts only notes; ${REOPEN_HINT}`);
  }

  switch (change.kind) {
    case 'note':
    case 'action': {
      const text = change.text.trim();
      if (!text) return refuse(`a${change.kind === 'action' ? 'n action' : ' note'} needs text`);
      return { ok: true, amendment: { kind: change.kind, text } };
    }
    case 'decision': {
      const text = change.text.trim();
      const reason = change.reason.trim();
      const missing = [!text && 'the decision', !reason && 'a reason'].filter(isString);
      if (missing.length > 0) return refuse(`a decision needs ${missing.join(' and ')}`);
      return { ok: true, amendment: { kind: 'decision', text, reason } };
    }
    case 'status':
      return statusChange(status, change.to);
    case 'close': {
      if (status !== 'in_progress') {
        return refuse(`only a concern in progress can be closed; move it from ${status} to in_progress first`);
      }
      const closing = {
        summary: change.summary.trim(),
        actionsTaken: change.actionsTaken.trim(),
        outcome: change.outcome.trim(),
      };
      const missing = [
        !closing.summary && 'summary',
        !closing.actionsTaken && 'actions taken',
        !closing.outcome && 'outcome',
      ].filter(isString);
      if (missing.length > 0) {
        return refuse(`closing needs a summary, actions taken and an outcome; missing: ${missing.join(', ')}`);
      }
      return { ok: true, amendment: { kind: 'closed', fromStatus: status, toStatus: 'closed', closing } };
    }
  }
}

function statusChange(from: ConcernStatus, to: ConcernStatus): Built {
  if (to === 'closed') return refuse('closing needs a summary, actions taken and an outcome: close the concern instead');
  if (to === from) return refuse(`the concern is already ${from}`);
  if (RANK[to] < RANK[from]) return refuse(`status cannot move back from ${from} to ${to}; ${REOPEN_HINT}`);
  return { ok: true, amendment: { kind: 'status_changed', fromStatus: from, toStatus: to } };
}

/**
 * Every involved school, in the order its child appears, even when no DSL is
 * known: an empty list is the signal to escalate, never a reason to skip.
 */
export function dslRecipients(concern: Pick<Concern, 'schoolIds'>, dslsBySchool: Map<string, string[]>): DslRecipients[] {
  return concern.schoolIds.map((schoolId) => ({ schoolId, staffIds: unique(dslsBySchool.get(schoolId) ?? []) }));
}

/** Everything recorded about one child across concerns, oldest first; the words are the export's (`amendmentWords`). */
export function childChronology(concerns: Concern[], studentId: string): ChronologyEntry[] {
  const entries = concerns
    .filter((c) => c.children.some((child) => child.studentId === studentId))
    .flatMap((c) => c.amendments.map((a) => ({ concern: c, amendment: a, instant: Temporal.Instant.from(a.at) })));
  // Ties on the same instant fall back to the concern and then its own order, so the result is stable.
  entries.sort(
    (x, y) =>
      Temporal.Instant.compare(x.instant, y.instant) ||
      compareStrings(x.concern.id, y.concern.id) ||
      x.amendment.seq - y.amendment.seq,
  );
  return entries.map(({ concern, amendment: a }) => ({
    concernId: concern.id,
    seq: a.seq,
    at: a.at,
    kind: a.kind,
    byStaffId: a.byStaffId,
    byStudentId: a.byStudentId,
  }));
}

function actorIds(actor: ConcernActor): { byStaffId: string | null; byStudentId: string | null } {
  return actor.kind === 'staff'
    ? { byStaffId: actor.staffId, byStudentId: null }
    : { byStaffId: null, byStudentId: actor.studentId };
}

/** Stored instants are normalised to UTC so they read the same in every export. */
function normaliseInstant(value: string): string | null {
  try {
    return Temporal.Instant.from(value).toString();
  } catch {
    return null;
  }
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function isString(value: string | false): value is string {
  return typeof value === 'string';
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
