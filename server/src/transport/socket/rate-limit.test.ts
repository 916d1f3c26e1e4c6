import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rate-limit.js';

describe('TokenBucket', () => {
  const bucket = (capacity: number, perSecond: number) => {
    let t = 1_000;
    const b = new TokenBucket(capacity, perSecond, () => t);
    return { take: () => b.take(), wait: (ms: number) => (t += ms) };
  };

  it('allows a burst up to its capacity, then refuses', () => {
    const b = bucket(3, 1);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
  });

  it('refills at its rate, a fraction of a token at a time', () => {
    const b = bucket(2, 4); // one token every 250 ms
    b.take();
    b.take();
    b.wait(200);
    expect(b.take()).toBe(false);
    b.wait(50);
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
  });

  it('never holds more than its capacity, however long it idles', () => {
    const b = bucket(2, 10);
    b.wait(60_000);
    expect([b.take(), b.take(), b.take()]).toEqual([true, true, false]);
  });

  it('does not count refused attempts against the caller', () => {
    const b = bucket(1, 1);
    b.take();
    for (let i = 0; i < 5; i++) expect(b.take()).toBe(false);
    b.wait(1_000);
    expect(b.take()).toBe(true);
  });
});
