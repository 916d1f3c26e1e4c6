import type { UnmatchedReason as SharedUnmatchedReason } from '@peerbridge/shared';
import type { AssignmentProblem } from './max-weight-assignment.js';
import {
  DEFAULT_CASELOAD_LIMIT,
  MatchingInputError,
  byId,
  pairKey,
  sharedSlotsOf,
  type MatchingInput,
  type Mentee,
  type Mentor,
} from './matching-input.js';
import { parseTopic, scoreTopicsHundredths, type Topic } from './score.js';

/** Why a mentee has no suggestion: the contract's own list (`UnmatchedReason` in shared/src/http/matching.ts), each explained below. */
export type UnmatchedReason = SharedUnmatchedReason;

export const UNMATCHED_EXPLANATIONS: Record<UnmatchedReason, string> = {
  not_eligible: 'not eligible: parental consent not recorded',
  no_shared_slot: 'no eligible mentor shares a free slot',
  all_rejected: 'every eligible mentor who shares a free slot was rejected for this mentee',
  mentors_full: 'every eligible mentor who shares a free slot is at their caseload limit (or was rejected)',
  mentors_needed_elsewhere:
    'the mentors who share a free slot are all needed by other mentees: matching this one would leave another unmatched',
  mentors_taken: 'the mentors who share a free slot have all been given to other mentees',
};

export interface KeptPair {
  mentee: Mentee;
  mentor: Mentor;
  sharedSlots: number;
}

/**
 * The candidate graph both the optimiser and the greedy baseline work on, so
 * the two are compared on exactly the same edges and scores. Rows are the
 * mentees still to place, columns the eligible mentors, both in id order so
 * the result does not depend on the order the caller listed them in.
 */
export interface PreparedMatching {
  caseloadLimit: number;
  kept: KeptPair[];
  ineligible: Mentee[];
  rowMentees: Mentee[];
  colMentors: Mentor[];
  /** Reason for a row with no candidate edge at all; null when it has some. */
  rowNoEdgeReason: (UnmatchedReason | null)[];
  problem: AssignmentProblem;
  edgeSlots: Int32Array;
  menteeTopics: Topic[][];
  mentorTopics: Topic[][];
}

export function prepareMatching(input: MatchingInput): PreparedMatching {
  const caseloadLimit = input.caseloadLimit ?? DEFAULT_CASELOAD_LIMIT;
  const mentees = [...input.mentees].sort(byId);
  const mentors = [...input.mentors].sort(byId);
  const menteeById = new Map(mentees.map((m) => [m.id, m]));
  const mentorById = new Map(mentors.map((m) => [m.id, m]));
  const problems = validate(input, caseloadLimit, mentees, mentors, menteeById, mentorById);
  if (problems.length > 0) throw new MatchingInputError(problems);

  const kept: KeptPair[] = [];
  const lockedPerMentor = new Map<string, number>();
  const lockedMentees = new Set<string>();
  for (const { menteeId, mentorId } of input.locked ?? []) {
    const mentee = menteeById.get(menteeId)!;
    const mentor = mentorById.get(mentorId)!;
    kept.push({ mentee, mentor, sharedSlots: sharedSlotsOf(input.sharedSlots, menteeId, mentorId) });
    lockedMentees.add(menteeId);
    lockedPerMentor.set(mentorId, (lockedPerMentor.get(mentorId) ?? 0) + 1);
  }
  kept.sort((a, b) => byId(a.mentee, b.mentee));

  const excludedByMentee = new Map<string, Set<string>>();
  for (const { menteeId, mentorId } of input.excluded ?? []) {
    let set = excludedByMentee.get(menteeId);
    if (!set) excludedByMentee.set(menteeId, (set = new Set()));
    set.add(mentorId);
  }

  const colMentors = mentors.filter((m) => m.eligible);
  const colIndex = new Map(colMentors.map((m, i) => [m.id, i]));
  const capacity = Int32Array.from(colMentors, (m) =>
    Math.max(0, caseloadLimit - m.currentCaseload - (lockedPerMentor.get(m.id) ?? 0)),
  );
  const mentorTopics = colMentors.map((m) => m.strengths.map(parseTopic));

  const ineligible = mentees.filter((m) => !m.eligible && !lockedMentees.has(m.id));
  const rowMentees = mentees.filter((m) => m.eligible && !lockedMentees.has(m.id));
  const menteeTopics = rowMentees.map((m) => m.needs.map(parseTopic));
  const rowNoEdgeReason: (UnmatchedReason | null)[] = [];
  const edgeStart = new Int32Array(rowMentees.length + 1);
  const cols: number[] = [];
  const weights: number[] = [];
  const slots: number[] = [];
  const shared = input.sharedSlots;

  rowMentees.forEach((mentee, row) => {
    const excluded = excludedByMentee.get(mentee.id);
    const sharing: [col: number, slots: number][] = [];
    if (typeof shared === 'function') {
      colMentors.forEach((mentor, col) => {
        const n = sharedSlotsOf(shared, mentee.id, mentor.id);
        if (n > 0) sharing.push([col, n]);
      });
    } else {
      // Ids of ineligible or unknown mentors are skipped: the slot finder may know students the partnership does not pair.
      for (const [mentorId, raw] of shared.get(mentee.id) ?? []) {
        const col = colIndex.get(mentorId);
        const n = raw > 0 && Number.isFinite(raw) ? Math.floor(raw) : 0;
        if (col !== undefined && n > 0) sharing.push([col, n]);
      }
      // Map order is the caller's insertion order; id order keeps the output independent of it.
      sharing.sort((a, b) => a[0] - b[0]);
    }
    let rejected = 0;
    for (const [col, n] of sharing) {
      if (excluded?.has(colMentors[col]!.id)) rejected++;
      else if (capacity[col]! > 0) {
        const h = scoreTopicsHundredths(menteeTopics[row]!, mentorTopics[col]!, n, colMentors[col]!.currentCaseload, caseloadLimit);
        cols.push(col);
        weights.push(h.subjectFit + h.slotAvailability + h.caseloadBalance);
        slots.push(n);
      }
    }
    edgeStart[row + 1] = cols.length;
    const hasEdges = edgeStart[row + 1]! > edgeStart[row]!;
    rowNoEdgeReason.push(
      hasEdges ? null : sharing.length === 0 ? 'no_shared_slot' : rejected === sharing.length ? 'all_rejected' : 'mentors_full',
    );
  });

  return {
    caseloadLimit,
    kept,
    ineligible,
    rowMentees,
    colMentors,
    rowNoEdgeReason,
    problem: {
      rows: rowMentees.length,
      cols: colMentors.length,
      capacity,
      edgeStart,
      edgeCol: Int32Array.from(cols),
      edgeWeight: Int32Array.from(weights),
    },
    edgeSlots: Int32Array.from(slots),
    menteeTopics,
    mentorTopics,
  };
}

function validate(
  input: MatchingInput,
  caseloadLimit: number,
  mentees: Mentee[],
  mentors: Mentor[],
  menteeById: Map<string, Mentee>,
  mentorById: Map<string, Mentor>,
): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(caseloadLimit) || caseloadLimit < 1) problems.push(`caseload limit must be a whole number ≥ 1, got ${caseloadLimit}`);
  if (menteeById.size !== mentees.length) problems.push('a mentee id appears twice');
  if (mentorById.size !== mentors.length) problems.push('a mentor id appears twice');
  for (const m of mentors) {
    if (!Number.isInteger(m.currentCaseload) || m.currentCaseload < 0) problems.push(`mentor ${m.id}: current caseload must be a whole number ≥ 0`);
  }
  const known = (kind: string, pair: { menteeId: string; mentorId: string }) => {
    if (!menteeById.has(pair.menteeId)) problems.push(`${kind} pair names unknown mentee ${pair.menteeId}`);
    if (!mentorById.has(pair.mentorId)) problems.push(`${kind} pair names unknown mentor ${pair.mentorId}`);
    return menteeById.has(pair.menteeId) && mentorById.has(pair.mentorId);
  };
  const excluded = new Set<string>();
  for (const pair of input.excluded ?? []) if (known('excluded', pair)) excluded.add(pairKey(pair.menteeId, pair.mentorId));
  const lockedMentees = new Set<string>();
  for (const pair of input.locked ?? []) {
    if (!known('locked', pair)) continue;
    if (lockedMentees.has(pair.menteeId)) problems.push(`mentee ${pair.menteeId} is locked to more than one mentor`);
    lockedMentees.add(pair.menteeId);
    if (excluded.has(pairKey(pair.menteeId, pair.mentorId))) problems.push(`pair ${pair.menteeId}–${pair.mentorId} is both locked and excluded`);
    // Consent or training withdrawn after acceptance: the pairing must be ended upstream, not silently kept or dropped.
    if (!menteeById.get(pair.menteeId)!.eligible) problems.push(`locked mentee ${pair.menteeId} is no longer eligible`);
    if (!mentorById.get(pair.mentorId)!.eligible) problems.push(`locked mentor ${pair.mentorId} is no longer eligible`);
  }
  return problems;
}
