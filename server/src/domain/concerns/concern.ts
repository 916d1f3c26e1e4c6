/**
 * A safeguarding concern, as a designated safeguarding lead (DSL) keeps it
 * ("Keeping children safe in education"). Both ends of a call are children at
 * different schools, so one concern can belong to two schools' DSLs at once.
 *
 * The record is append-only: nothing in `amendments` is ever changed, and the
 * status is derived from the amendments rather than stored beside them, so the
 * two can never disagree.
 */

import type { ConcernAmendmentKind, ConcernStatus } from '@peerbridge/shared';

/** The status names and amendment kinds are the shared contract's: staff screens and exports read them as they are. */
export type { ConcernAmendmentKind, ConcernStatus };

export type ConcernSource = { kind: 'student'; studentId: string } | { kind: 'staff'; staffId: string };

/** Whoever appends an amendment; the same two kinds of person who can raise one. */
export type ConcernActor = ConcernSource;

/** `lastName` is only present in a view for the child's own school (ICO Children's Code). */
export interface ConcernChild {
  studentId: string;
  schoolId: string;
  firstName: string;
  lastName?: string;
}

export interface ConcernClosing {
  summary: string;
  actionsTaken: string;
  outcome: string;
}

export interface ConcernAmendment {
  seq: number;
  /** ISO instant. */
  at: string;
  byStaffId: string | null;
  byStudentId: string | null;
  kind: ConcernAmendmentKind;
  fromStatus?: ConcernStatus;
  toStatus?: ConcernStatus;
  /** Note or action text; the decision; the child's own words (or the staff description) on 'raised'. */
  text?: string;
  /** Decisions need reasons. */
  reason?: string;
  closing?: ConcernClosing;
}

export interface ConcernLogEntry {
  at: string;
  type: string;
  /** The entry in plain words, with the children's first names, as it read when the concern was raised. */
  summary: string;
  /** Who the entry is about, and its details, so a screen can say it again in the log's own words (absent on concerns raised before they were kept). */
  actor?: string | null;
  detail?: Record<string, unknown>;
}

export interface Concern {
  id: string;
  sessionId: string | null;
  raisedAt: string;
  source: ConcernSource;
  /** Every child involved (both students of a session). */
  children: ConcernChild[];
  /** Derived from `children`: the schools whose DSLs must receive it. */
  schoolIds: string[];
  /** The child's own words, verbatim (only trimmed), or the staff description. */
  whatHappened: string | null;
  /** Display names of who was present: students' first names + school, staff, observers. */
  presentAtTime: string[];
  /** Session log entries attached automatically when the concern is raised. */
  logExcerpt: ConcernLogEntry[];
  amendments: ConcernAmendment[];
}

export type ConcernChange =
  | { kind: 'status'; to: ConcernStatus }
  | { kind: 'note'; text: string }
  | { kind: 'action'; text: string }
  | { kind: 'decision'; text: string; reason: string }
  | ({ kind: 'close' } & ConcernClosing);

export type AmendResult = { ok: true; concern: Concern } | { ok: false; reason: string };

export interface RaiseConcernInput {
  /** Ids are handed in, like time: domain code has no random source of its own. */
  id: string;
  sessionId: string | null;
  source: ConcernSource;
  children: ConcernChild[];
  whatHappened: string | null;
  presentAtTime: string[];
  logExcerpt: ConcernLogEntry[];
}

export interface DslRecipients {
  schoolId: string;
  /** Empty when the school has no DSL on record: the caller must escalate, never drop it. */
  staffIds: string[];
}

export interface ChronologyEntry {
  concernId: string;
  seq: number;
  at: string;
  kind: ConcernAmendmentKind;
  byStaffId: string | null;
  byStudentId: string | null;
}

/** Raised by `raiseConcern` for input a caller should have validated; lists every problem at once. */
export class ConcernInputError extends Error {
  readonly code = 'bad_request' as const;
  constructor(readonly problems: string[]) {
    super(`Invalid concern: ${problems.join('; ')}`);
    this.name = 'ConcernInputError';
  }
}

export const WHAT_HAPPENED_MAX_CHARS = 2000;
