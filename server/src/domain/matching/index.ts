/** The matching domain's public face: what the service and routes may use. */
export {
  DEFAULT_CASELOAD_LIMIT,
  MatchingInputError,
  type MatchingInput,
  type Mentee,
  type Mentor,
  type PairRef,
  type SharedSlots,
  type SharedSlotsByMentee,
  type SharedSlotsLookup,
} from './matching-input.js';
export {
  CASELOAD_BALANCE_WEIGHT,
  MAX_SCORE,
  SLOT_AVAILABILITY_WEIGHT,
  SUBJECT_FIT_WEIGHT,
  explainPair,
  scorePair,
  type ScoreParts,
} from './score.js';
export { UNMATCHED_EXPLANATIONS, type UnmatchedReason } from './candidates.js';
export type { MatchingResult, Suggestion, UnmatchedMentee } from './matching-result.js';
export { assignOptimal } from './assign.js';
export { assignGreedy } from './greedy.js';
export { acceptSuggestion, proposeSwap, rejectSuggestion, type SwapOutcome, type SwapRefusal } from './coordinator-review.js';
