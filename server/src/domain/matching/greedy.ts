import { prepareMatching } from './candidates.js';
import type { MatchingInput } from './matching-input.js';
import { buildResult, type MatchingResult } from './matching-result.js';
import type { AssignmentProblem } from './max-weight-assignment.js';

/**
 * The baseline a coordinator would do by hand: take the best-scoring pair
 * left, seat it if both sides still have room, repeat. Kept to show what the
 * optimiser gains (benchmark, tests), never to make suggestions: it can leave
 * mentees unmatched that a different choice would have seated.
 */
export function assignGreedy(input: MatchingInput): MatchingResult {
  const prepared = prepareMatching(input);
  return buildResult(prepared, solveGreedy(prepared.problem), 'mentors_taken');
}

/** Highest weight first; ties by mentee, then mentor, in id order, so the baseline is reproducible too. */
export function solveGreedy(p: AssignmentProblem): Int32Array {
  const edgeCount = p.edgeCol.length;
  const edgeRow = new Int32Array(edgeCount);
  for (let r = 0; r < p.rows; r++) for (let e = p.edgeStart[r]!; e < p.edgeStart[r + 1]!; e++) edgeRow[e] = r;
  // Edges are already in (row, col) order, so a stable sort by weight keeps that order within a weight.
  const order = Array.from({ length: edgeCount }, (_, e) => e).sort((a, b) => p.edgeWeight[b]! - p.edgeWeight[a]! || a - b);
  const rowEdge = new Int32Array(p.rows).fill(-1);
  const room = Int32Array.from(p.capacity);
  for (const e of order) {
    const r = edgeRow[e]!;
    const c = p.edgeCol[e]!;
    if (rowEdge[r] !== -1 || room[c]! === 0) continue;
    rowEdge[r] = e;
    room[c] = room[c]! - 1;
  }
  return rowEdge;
}
