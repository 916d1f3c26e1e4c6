/**
 * A binary min-heap of (key, node) on typed arrays, for Dijkstra with lazy
 * deletion. Written here because the optimiser pushes hundreds of thousands
 * of entries per run and object-per-entry heaps spend most of that in the GC.
 * Equal keys pop in node order, so runs are reproducible.
 */
export class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    this.keys = new Float64Array(Math.max(16, initialCapacity));
    this.nodes = new Int32Array(Math.max(16, initialCapacity));
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  push(key: number, node: number): void {
    if (this.count === this.keys.length) this.grow();
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(key, node, this.keys[parent]!, this.nodes[parent]!)) break;
      this.keys[i] = this.keys[parent]!;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  peekKey(): number {
    return this.count > 0 ? this.keys[0]! : Infinity;
  }

  /** Removes the minimum and returns its node; call only when size > 0 (read peekKey first for its key). */
  pop(): number {
    const top = this.nodes[0]!;
    const last = --this.count;
    const key = this.keys[last]!;
    const node = this.nodes[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && this.less(this.keys[right]!, this.nodes[right]!, this.keys[child]!, this.nodes[child]!)) child = right;
      if (!this.less(this.keys[child]!, this.nodes[child]!, key, node)) break;
      this.keys[i] = this.keys[child]!;
      this.nodes[i] = this.nodes[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }

  private less(ka: number, na: number, kb: number, nb: number): boolean {
    return ka < kb || (ka === kb && na < nb);
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const nodes = new Int32Array(this.nodes.length * 2);
    keys.set(this.keys);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
