import { assignOptimal } from './assign.js';
import { DEFAULT_CASELOAD_LIMIT, pairKey, sharedSlotsOf, type MatchingInput, type PairRef } from './matching-input.js';
import { sumScores, type MatchingResult, type Suggestion } from './matching-result.js';
import { explainPair, scorePair, totalHundredths, type ScoreParts } from './score.js';

/**
 * The coordinator's say over suggestions. The matcher only proposes; these
 * helpers turn a coordinator's decision into the next input (accept, reject)
 * or a preview (swap), without storing anything: the caller records the
 * decision with who and when, then re-runs the matcher with the new input.
 */

const samePair = (a: PairRef, b: PairRef) => a.menteeId === b.menteeId && a.mentorId === b.mentorId;

/** Accepting locks the pair: every later run keeps it and counts it against the mentor's limit. */
export function acceptSuggestion(input: MatchingInput, pair: PairRef): MatchingInput {
  const locked = input.locked ?? [];
  if (locked.some((p) => samePair(p, pair))) return input;
  return { ...input, locked: [...locked, { menteeId: pair.menteeId, mentorId: pair.mentorId }] };
}

/**
 * Rejecting excludes the pair for good and re-runs the matcher, so the
 * mentee (and the mentor's freed place) get the next best use at once.
 * Rejecting a pair accepted earlier also unlocks it.
 */
export function rejectSuggestion(
  input: MatchingInput,
  pair: PairRef,
  solve: (input: MatchingInput) => MatchingResult = assignOptimal,
): { input: MatchingInput; result: MatchingResult } {
  const excluded = input.excluded ?? [];
  const next: MatchingInput = {
    ...input,
    locked: (input.locked ?? []).filter((p) => !samePair(p, pair)),
    excluded: excluded.some((p) => samePair(p, pair)) ? excluded : [...excluded, { menteeId: pair.menteeId, mentorId: pair.mentorId }],
  };
  return { input: next, result: solve(next) };
}

export type SwapRefusal = 'not_suggested' | 'same_mentor' | 'no_shared_slot' | 'excluded';

export type SwapOutcome =
  | { ok: true; before: [Suggestion, Suggestion]; after: [Suggestion, Suggestion]; change: ScoreParts; result: MatchingResult }
  | { ok: false; reason: SwapRefusal; explanation: string };

/**
 * Previews giving two suggested mentees each other's mentor. Caseloads do not
 * change (each mentor still gets one), so the checks are the pair rules:
 * a shared slot and no earlier rejection. The result is what the board shows
 * until the coordinator accepts the swapped pairs; it is no longer the
 * optimum, and `change` says by how much (negative when the swap costs score).
 */
export function proposeSwap(input: MatchingInput, result: MatchingResult, menteeA: string, menteeB: string): SwapOutcome {
  const a = result.suggestions.find((s) => s.menteeId === menteeA);
  const b = result.suggestions.find((s) => s.menteeId === menteeB);
  if (!a || !b) return refuse('not_suggested', 'only two open suggestions can be swapped (accepted pairs are reviewed by rejecting them)');
  if (a.mentorId === b.mentorId) return refuse('same_mentor', 'both suggestions already have the same mentor');
  const excluded = new Set((input.excluded ?? []).map((p) => pairKey(p.menteeId, p.mentorId)));
  const newA = rescore(input, a.menteeId, b.mentorId);
  const newB = rescore(input, b.menteeId, a.mentorId);
  for (const s of [newA, newB]) {
    if (s.sharedSlots === 0) return refuse('no_shared_slot', `${s.menteeId} and ${s.mentorId} share no free weekly slot`);
    if (excluded.has(pairKey(s.menteeId, s.mentorId))) return refuse('excluded', `${s.menteeId} with ${s.mentorId} was rejected before`);
  }
  const suggestions = result.suggestions.map((s) => (s === a ? newA : s === b ? newB : s));
  return {
    ok: true,
    before: [a, b],
    after: [newA, newB],
    change: difference([newA.score, newB.score], [a.score, b.score]),
    result: { ...result, suggestions, totalScore: sumScores(suggestions) },
  };
}

function rescore(input: MatchingInput, menteeId: string, mentorId: string): Suggestion {
  const mentee = input.mentees.find((m) => m.id === menteeId)!;
  const mentor = input.mentors.find((m) => m.id === mentorId)!;
  const sharedSlots = sharedSlotsOf(input.sharedSlots, menteeId, mentorId);
  return {
    menteeId,
    mentorId,
    sharedSlots,
    score: scorePair(mentee, mentor, sharedSlots, input.caseloadLimit ?? DEFAULT_CASELOAD_LIMIT),
    explanation: explainPair(mentee, mentor, sharedSlots),
  };
}

/** Per part, in hundredths, so the parts of the change add up to its total exactly. */
function difference(after: ScoreParts[], before: ScoreParts[]): ScoreParts {
  const h = (list: ScoreParts[], part: 'subjectFit' | 'slotAvailability' | 'caseloadBalance') =>
    list.reduce((sum, p) => sum + Math.round(p[part] * 100), 0);
  const part = (name: 'subjectFit' | 'slotAvailability' | 'caseloadBalance') => (h(after, name) - h(before, name)) / 100;
  const total = (after.reduce((s, p) => s + totalHundredths(p), 0) - before.reduce((s, p) => s + totalHundredths(p), 0)) / 100;
  return { subjectFit: part('subjectFit'), slotAvailability: part('slotAvailability'), caseloadBalance: part('caseloadBalance'), total };
}

function refuse(reason: SwapRefusal, explanation: string): SwapOutcome {
  return { ok: false, reason, explanation };
}
