import { describe, expect, it } from 'vitest';
import { RecentCompressed } from './recent-compressed.js';

const counting = () => {
  let calls = 0;
  const compress = (text: string) => {
    calls++;
    return Buffer.from(`<${text}>`);
  };
  return { compress, calls: () => calls };
};

describe('recently compressed answers', () => {
  it('compress a text once per encoding, and a different text again', () => {
    const cache = new RecentCompressed(1024);
    const { compress, calls } = counting();
    expect(cache.of('br', 'day one', compress).toString()).toBe('<day one>');
    expect(cache.of('br', 'day one', compress).toString()).toBe('<day one>');
    expect(calls()).toBe(1);
    cache.of('gzip', 'day one', compress);
    expect(calls()).toBe(2);
    expect(cache.of('br', 'day two', compress).toString()).toBe('<day two>');
    expect(calls()).toBe(3);
  });

  it('stay within their bytes, dropping the least recently used first, and never keep one larger than the bound', () => {
    const cache = new RecentCompressed(30);
    const { compress, calls } = counting();
    cache.of('br', 'a'.repeat(8), compress); // 10 bytes each
    cache.of('br', 'b'.repeat(8), compress);
    cache.of('br', 'c'.repeat(8), compress);
    cache.of('br', 'a'.repeat(8), compress); // a is now the most recent
    cache.of('br', 'd'.repeat(8), compress); // b goes
    expect(cache.size).toEqual({ entries: 3, bytes: 30 });
    const before = calls();
    cache.of('br', 'a'.repeat(8), compress);
    expect(calls()).toBe(before);
    cache.of('br', 'b'.repeat(8), compress);
    expect(calls()).toBe(before + 1);
    expect(cache.of('br', 'x'.repeat(40), compress).length).toBe(42);
    expect(cache.size.bytes).toBeLessThanOrEqual(30);
  });
});
