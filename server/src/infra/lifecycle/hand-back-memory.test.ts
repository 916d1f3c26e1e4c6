import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { handBackUnusedHeap } from './hand-back-memory.js';

const youngGenerationBytes = () => v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.physical_space_size;

describe('handing back the heap start-up left behind', () => {
  it('shrinks a young generation that a burst of allocation grew, once the burst is garbage', async () => {
    // A burst as start-up makes: short-lived objects that survive a few collections each, so V8 grows the young generation.
    let burst: { i: number; text: string }[][] | null = [];
    for (let round = 0; round < 40; round++) {
      burst.push(Array.from({ length: 20_000 }, (_, i) => ({ i, text: `row ${i}` })));
      if (burst.length > 8) burst.shift();
    }
    burst = null;
    const grown = youngGenerationBytes();
    expect(grown).toBeGreaterThan(8 * 1024 * 1024);

    await handBackUnusedHeap();

    expect(youngGenerationBytes()).toBeLessThan(grown / 4);
  });
});
