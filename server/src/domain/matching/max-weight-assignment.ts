import { MinHeap } from './min-heap.js';

/**
 * Rows (mentees) take at most one column (mentor); column c takes at most
 * capacity[c] rows; only the listed edges are allowed. Weights are
 * non-negative integers (score hundredths), so every sum is exact.
 */
export interface AssignmentProblem {
  rows: number;
  cols: number;
  capacity: Int32Array;
  /** Row r's edges are edgeStart[r] .. edgeStart[r + 1] - 1. */
  edgeStart: Int32Array;
  edgeCol: Int32Array;
  edgeWeight: Int32Array;
}

/**
 * The assignment with the most matched rows and, among those, the largest
 * total weight. Returns, per row, the index of the edge it uses or -1.
 *
 * Why we wrote it rather than took a package: the maintained Hungarian ones
 * (munkres, munkres-js, munkres-algorithm) take a dense cost matrix and have
 * no column capacities, so a caseload of 3 means a 2,000 × 6,000 matrix and
 * O(n³) work on a graph that is 98% empty, far over the 1 s budget; the only
 * general min-cost-flow package (min-cost-flow) has one release and few users,
 * so we could not call it maintained. This is textbook min-cost flow with
 * successive shortest paths, specialised to our sparse bipartite graph:
 *
 *   source → row (1) → column (cost W - weight) → sink (capacity[c])
 *   row → sink directly (cost BIG): "this mentee stays unmatched"
 *
 * W is the largest weight, so every cost is ≥ 0 and Dijkstra works from the
 * start; every augmenting path crosses exactly one more row→column edge than
 * it un-crosses, so the shift by W does not change which flow is cheapest.
 * BIG > rows × W makes one more matched row worth more than any difference
 * in weight: cardinality first, then weight (lexicographic). Each row is
 * added in turn and sent along a shortest path (Dijkstra with potentials,
 * stopped as soon as the sink is settled); adding supply one node at a time
 * along shortest paths keeps the flow optimal for the rows added so far, so
 * the final flow is optimal: exact, not a heuristic. Distances are integers
 * well below 2^53, so there is no rounding.
 *
 * A path ending in another row's BIG edge displaces that row (it becomes
 * unmatched) when that is the only way to seat a better-paying one; the
 * sink is never expanded, so its potential stays 0 and is not stored.
 */
export function solveAssignment(p: AssignmentProblem): Int32Array {
  const { rows, cols, capacity, edgeStart, edgeCol, edgeWeight } = p;
  const edgeCount = edgeCol.length;
  const nodes = rows + cols;
  let maxWeight = 0;
  for (let e = 0; e < edgeCount; e++) maxWeight = Math.max(maxWeight, edgeWeight[e]!);
  const big = (rows + 1) * maxWeight + 1;

  const edgeRow = new Int32Array(edgeCount);
  for (let r = 0; r < rows; r++) for (let e = edgeStart[r]!; e < edgeStart[r + 1]!; e++) edgeRow[e] = r;

  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes);
  // Stamps instead of clearing per search: most searches touch a few dozen nodes.
  const reachedIn = new Int32Array(nodes).fill(-1);
  const settledIn = new Int32Array(nodes).fill(-1);
  const viaEdge = new Int32Array(nodes);
  const settled = new Int32Array(nodes);
  const rowEdge = new Int32Array(rows).fill(-1);
  const colEdges: number[][] = Array.from({ length: cols }, () => []);
  const heap = new MinHeap(1024);

  for (let source = 0; source < rows; source++) {
    if (edgeStart[source] === edgeStart[source + 1]) continue;
    heap.clear();
    dist[source] = 0;
    reachedIn[source] = source;
    heap.push(0, source);
    let best = big + potential[source]!;
    let endRow = source;
    let endCol = -1;
    let settledCount = 0;

    while (heap.size > 0 && heap.peekKey() < best) {
      const d = heap.peekKey();
      const v = heap.pop();
      if (settledIn[v] === source || d > dist[v]!) continue;
      settledIn[v] = source;
      settled[settledCount++] = v;
      const pv = potential[v]!;
      if (v < rows) {
        if (v !== source && d + big + pv < best) {
          best = d + big + pv;
          endRow = v;
          endCol = -1;
        }
        const own = rowEdge[v]!;
        for (let e = edgeStart[v]!, end = edgeStart[v + 1]!; e < end; e++) {
          if (e === own) continue;
          const node = rows + edgeCol[e]!;
          if (settledIn[node] === source) continue;
          const nd = d + pv + (maxWeight - edgeWeight[e]!) - potential[node]!;
          if (reachedIn[node] !== source || nd < dist[node]!) {
            reachedIn[node] = source;
            dist[node] = nd;
            viaEdge[node] = e;
            heap.push(nd, node);
          }
        }
      } else {
        const c = v - rows;
        const assigned = colEdges[c]!;
        if (assigned.length < capacity[c]! && d + pv < best) {
          best = d + pv;
          endRow = -1;
          endCol = c;
        }
        for (const e of assigned) {
          const r = edgeRow[e]!;
          if (settledIn[r] === source) continue;
          const nd = d + pv - (maxWeight - edgeWeight[e]!) - potential[r]!;
          if (reachedIn[r] !== source || nd < dist[r]!) {
            reachedIn[r] = source;
            dist[r] = nd;
            heap.push(nd, r);
          }
        }
      }
    }

    // Potentials of settled nodes move by (their distance − the sink's); the
    // rest keep theirs, which equals shifting every node by a constant.
    for (let i = 0; i < settledCount; i++) {
      const v = settled[i]!;
      potential[v] = potential[v]! + dist[v]! - best;
    }

    let col = endCol;
    if (col === -1) {
      if (endRow === source) continue;
      // Displace endRow: its place goes to whoever reached its column.
      const e = rowEdge[endRow]!;
      col = edgeCol[e]!;
      removeEdge(colEdges[col]!, e);
      rowEdge[endRow] = -1;
    }
    for (;;) {
      const e = viaEdge[rows + col]!;
      const r = edgeRow[e]!;
      const old = rowEdge[r]!;
      colEdges[col]!.push(e);
      rowEdge[r] = e;
      if (r === source) break;
      col = edgeCol[old]!;
      removeEdge(colEdges[col]!, old);
    }
  }
  return rowEdge;
}

function removeEdge(list: number[], e: number): void {
  const i = list.indexOf(e);
  if (i >= 0) list.splice(i, 1);
}
