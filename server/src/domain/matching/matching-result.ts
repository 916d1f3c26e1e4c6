import { UNMATCHED_EXPLANATIONS, type PreparedMatching, type UnmatchedReason } from './candidates.js';
import { explainPair, partsFromHundredths, scorePair, scoreTopicsHundredths, totalHundredths, type ScoreParts } from './score.js';

/** A proposed pairing. It is only a proposal: nothing is paired until a coordinator accepts it. */
export interface Suggestion {
  menteeId: string;
  mentorId: string;
  sharedSlots: number;
  score: ScoreParts;
  /** The score's parts in words, for the pairing board. */
  explanation: string[];
}

export interface UnmatchedMentee {
  menteeId: string;
  reason: UnmatchedReason;
  explanation: string;
}

export interface MatchingResult {
  /** New proposals awaiting a coordinator, in mentee id order. */
  suggestions: Suggestion[];
  /** Locked pairs (already accepted), explained the same way. */
  kept: Suggestion[];
  /** Every mentee who is neither suggested nor kept, with the reason. */
  unmatched: UnmatchedMentee[];
  /** Sum of the suggestions' totals (kept pairs are not the matcher's doing). */
  totalScore: number;
}

/**
 * Turns the solver's per-row edge choice (-1 for none) into what coordinators
 * read. `crowdedOut` is the reason for a mentee who had candidates but got
 * none, which depends on whether the solver was optimal.
 */
export function buildResult(
  prepared: PreparedMatching,
  rowEdge: Int32Array,
  crowdedOut: 'mentors_needed_elsewhere' | 'mentors_taken',
): MatchingResult {
  const { problem, rowMentees, colMentors, caseloadLimit } = prepared;
  const suggestions: Suggestion[] = [];
  const unmatched: UnmatchedMentee[] = prepared.ineligible.map((m) => unmatchedFor(m.id, 'not_eligible'));
  rowMentees.forEach((mentee, row) => {
    const e = rowEdge[row]!;
    if (e < 0) {
      unmatched.push(unmatchedFor(mentee.id, prepared.rowNoEdgeReason[row] ?? crowdedOut));
      return;
    }
    const col = problem.edgeCol[e]!;
    const mentor = colMentors[col]!;
    const slots = prepared.edgeSlots[e]!;
    const h = scoreTopicsHundredths(prepared.menteeTopics[row]!, prepared.mentorTopics[col]!, slots, mentor.currentCaseload, caseloadLimit);
    suggestions.push({
      menteeId: mentee.id,
      mentorId: mentor.id,
      sharedSlots: slots,
      score: partsFromHundredths(h),
      explanation: explainPair(mentee, mentor, slots),
    });
  });
  const kept = prepared.kept.map(
    ({ mentee, mentor, sharedSlots }): Suggestion => ({
      menteeId: mentee.id,
      mentorId: mentor.id,
      sharedSlots,
      score: scorePair(mentee, mentor, sharedSlots, caseloadLimit),
      explanation: explainPair(mentee, mentor, sharedSlots),
    }),
  );
  unmatched.sort((a, b) => (a.menteeId < b.menteeId ? -1 : a.menteeId > b.menteeId ? 1 : 0));
  return { suggestions, kept, unmatched, totalScore: sumScores(suggestions) };
}

export function unmatchedFor(menteeId: string, reason: UnmatchedReason): UnmatchedMentee {
  return { menteeId, reason, explanation: UNMATCHED_EXPLANATIONS[reason] };
}

/** Summed in integer hundredths so 0.1 + 0.2 stays 0.3. */
export function sumScores(suggestions: readonly Pick<Suggestion, 'score'>[]): number {
  let h = 0;
  for (const s of suggestions) h += totalHundredths(s.score);
  return h / 100;
}
