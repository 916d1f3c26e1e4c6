import { prepareMatching } from './candidates.js';
import type { MatchingInput } from './matching-input.js';
import { buildResult, type MatchingResult } from './matching-result.js';
import { solveAssignment } from './max-weight-assignment.js';

/**
 * The partnership-wide suggestion: the assignment that matches the most
 * mentees and, among those, has the highest total score.
 *
 * Why cardinality first: a Year 11 mentee left without a mentor loses the
 * whole programme, while a slightly weaker fit costs little and a coordinator
 * sees it in the score's parts and can reject it. So one more mentee matched
 * always beats any gain in score. The price: when mentors are scarce the
 * total score can be lower than a greedy pick that seats fewer mentees with
 * better fits (see the tests); on equal numbers matched it is never lower.
 *
 * Eligibility, shared slots, exclusions, locks and caseload limits are
 * hard rules applied when the candidate edges are built; the solver is exact
 * on those edges. Same input, same output: students are taken in id order
 * whatever order the caller lists them in, and ties go the same way.
 */
export function assignOptimal(input: MatchingInput): MatchingResult {
  const prepared = prepareMatching(input);
  return buildResult(prepared, solveAssignment(prepared.problem), 'mentors_needed_elsewhere');
}
