import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { instantText } from './instant-text.js';

const temporalText = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toString();

/** A small fixed-seed generator, so a failure names the same instants every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

describe('instantText writes what Temporal.Instant#toString writes', () => {
  it('for whole seconds, and every kind of millisecond fraction', () => {
    const start = Date.UTC(2026, 11, 2, 9, 0, 0);
    expect(instantText(start)).toBe('2026-12-02T09:00:00Z');
    for (const ms of [0, 1, 5, 9, 10, 12, 50, 99, 100, 120, 123, 500, 900, 990, 999]) {
      expect(instantText(start + ms)).toBe(temporalText(start + ms));
    }
    expect(instantText(start + 500)).toBe('2026-12-02T09:00:00.5Z');
    expect(instantText(start + 120)).toBe('2026-12-02T09:00:00.12Z');
  });

  it('before 1970, across years 0 and 10,000, and at the ends of the representable range', () => {
    const edges = [
      -1, -999, -1000, -1001, 0, 1, Date.UTC(0, 0, 1) - 1, Date.UTC(-1, 11, 31, 23, 59, 59, 990), -62167219200000, -62167219200001,
      253402300799999, 253402300800000, 253402300800001, 8.64e15, -8.64e15, 8.64e15 - 1, -8.64e15 + 1, Date.UTC(1900, 1, 28, 23, 59, 59, 100),
      Date.UTC(2000, 1, 29, 12, 30), Date.UTC(2100, 1, 28, 23, 59, 59, 999),
    ];
    for (const ms of edges) expect(instantText(ms), String(ms)).toBe(temporalText(ms));
  });

  it('for many instants spread over years far apart', () => {
    const random = seeded(20261202);
    for (let i = 0; i < 20_000; i++) {
      // Half near now (as a timetable is), half anywhere Temporal can represent; a third of them whole seconds.
      const span = i % 2 === 0 ? 20 * 365 * 86_400_000 : 8.64e15;
      const centre = i % 2 === 0 ? Date.UTC(2026, 0, 1) : 0;
      let ms = Math.round(centre + (random() * 2 - 1) * span);
      if (i % 3 === 0) ms -= ((ms % 1000) + 1000) % 1000;
      if (i % 3 === 1) ms -= ((ms % 10) + 10) % 10;
      expect(instantText(ms), String(ms)).toBe(temporalText(ms));
    }
  });
});
