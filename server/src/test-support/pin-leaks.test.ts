import { describe, expect, it } from 'vitest';
import { showsPin } from './pin-leaks.js';

describe('showsPin', () => {
  it('finds a PIN as a value or inside words', () => {
    expect(showsPin({ pin: '2026' }, '2026')).toBe(true);
    expect(showsPin({ message: 'Your PIN is 0415.' }, '0415')).toBe(true);
    expect(showsPin([1234], '1234')).toBe(true);
  });

  it('does not see a PIN in ids, dates, digests or longer numbers that hold the same digits by chance', () => {
    expect(showsPin({ id: '0b1e2026-1234-4abc-8def-000000002026' }, '2026')).toBe(false);
    expect(showsPin({ at: '2026-11-25T10:15:00.000Z', date: '2026-12-01' }, '2026')).toBe(false);
    expect(showsPin({ hash: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' }, '1234')).toBe(false);
    expect(showsPin({ admissionNumber: '101234' }, '1234')).toBe(false);
  });
});
