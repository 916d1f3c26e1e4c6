/**
 * What the matcher is given: one partnership's students as the coordinators
 * recorded them, how many weekly slots each possible pair shares (computed by
 * the slot finder beforehand, so the matcher never touches calendars), and
 * the coordinators' decisions so far.
 */

/** Peer mentors hold 1–3 mentees (DOMAIN.md); a partnership may set its own limit. */
export const DEFAULT_CASELOAD_LIMIT = 3;

export interface Mentee {
  id: string;
  /** Subjects or `subject:topic` pairs, e.g. `maths`, `english:poetry`. */
  needs: readonly string[];
  /** Parental consent is recorded. Without it a mentee is never suggested. */
  eligible: boolean;
}

export interface Mentor {
  id: string;
  /** Same vocabulary as a mentee's needs. */
  strengths: readonly string[];
  /** Child-protection and confidentiality training is completed. */
  eligible: boolean;
  /**
   * Mentees this mentor already has from pairings outside this input. Locked
   * pairs below are counted by the matcher itself, so leave them out of here.
   */
  currentCaseload: number;
}

export interface PairRef {
  menteeId: string;
  mentorId: string;
}

/** How many feasible weekly slots a mentee and a mentor share; 0 means they can never meet. */
export type SharedSlotsLookup = (menteeId: string, mentorId: string) => number;
/**
 * The same facts as a sparse map, mentee id → mentor id → shared slots; a
 * missing entry means 0. Preferred for large partnerships: the matcher then
 * visits only pairs that can meet instead of every mentee × mentor.
 */
export type SharedSlotsByMentee = ReadonlyMap<string, ReadonlyMap<string, number>>;
export type SharedSlots = SharedSlotsLookup | SharedSlotsByMentee;

export interface MatchingInput {
  mentees: readonly Mentee[];
  mentors: readonly Mentor[];
  /** Per partnership; defaults to DEFAULT_CASELOAD_LIMIT. */
  caseloadLimit?: number;
  sharedSlots: SharedSlots;
  /** Pairs a coordinator rejected: never suggested again. */
  excluded?: readonly PairRef[];
  /** Pairs a coordinator accepted: always kept, and counted against the mentor's limit. */
  locked?: readonly PairRef[];
}

/** Input a caller should have validated; lists every problem at once. */
export class MatchingInputError extends Error {
  readonly code = 'bad_request' as const;
  constructor(readonly problems: string[]) {
    super(`Invalid matching input: ${problems.join('; ')}`);
    this.name = 'MatchingInputError';
  }
}

export function sharedSlotsOf(shared: SharedSlots, menteeId: string, mentorId: string): number {
  const slots = typeof shared === 'function' ? shared(menteeId, mentorId) : (shared.get(menteeId)?.get(mentorId) ?? 0);
  // A bad count from upstream must not make an impossible pair look possible.
  return Number.isFinite(slots) && slots > 0 ? Math.floor(slots) : 0;
}

/** A NUL cannot appear in the ids we issue, so the key is unambiguous. */
export function pairKey(menteeId: string, mentorId: string): string {
  return `${menteeId}\u0000${mentorId}`;
}

export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
