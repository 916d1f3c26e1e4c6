import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { joinOpensAt, joinOpensAtMs, sessionStatus, sessionStatusMs } from './join-rules.js';

const at = (iso: string) => Temporal.Instant.from(iso);

describe('the join rules on epoch milliseconds agree with the rules on instants', () => {
  const startsAt = at('2026-12-02T09:00:00.5Z');
  const endsAt = at('2026-12-02T09:30:00Z');

  it('opens five minutes before the start', () => {
    expect(joinOpensAtMs(startsAt.epochMilliseconds)).toBe(joinOpensAt(startsAt).epochMilliseconds);
    expect(joinOpensAtMs(startsAt.epochMilliseconds)).toBe(at('2026-12-02T08:55:00.5Z').epochMilliseconds);
  });

  it('gives the same status at every millisecond around each boundary, cancelled or not', () => {
    const boundaries = [joinOpensAt(startsAt), startsAt, endsAt].map((i) => i.epochMilliseconds);
    for (const cancelled of [false, true]) {
      for (const boundary of boundaries) {
        for (let delta = -3; delta <= 3; delta++) {
          const now = Temporal.Instant.fromEpochMilliseconds(boundary + delta);
          const ms = sessionStatusMs({ cancelled, startsAtMs: startsAt.epochMilliseconds, endsAtMs: endsAt.epochMilliseconds }, now.epochMilliseconds);
          expect(ms, now.toString()).toBe(sessionStatus({ cancelled, startsAt, endsAt }, now));
        }
      }
    }
    const s = { cancelled: false, startsAtMs: startsAt.epochMilliseconds, endsAtMs: endsAt.epochMilliseconds };
    expect(sessionStatusMs(s, at('2026-12-02T08:55:00.499Z').epochMilliseconds)).toBe('upcoming');
    expect(sessionStatusMs(s, at('2026-12-02T08:55:00.5Z').epochMilliseconds)).toBe('open');
    expect(sessionStatusMs(s, at('2026-12-02T09:30:00Z').epochMilliseconds)).toBe('ended');
  });
});
