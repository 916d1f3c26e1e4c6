import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { joinOpensAt, joinOpensAtMs, nextStatusChangeMs, sessionStatus, sessionStatusMs } from './join-rules.js';

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

describe('the next instant a list of statuses changes', () => {
  const ms = (iso: string) => at(iso).epochMilliseconds;
  const sessions = [
    { cancelled: false, startsAtMs: ms('2026-12-02T09:00:00Z'), endsAtMs: ms('2026-12-02T09:30:00Z') },
    { cancelled: false, startsAtMs: ms('2026-12-02T11:00:00Z'), endsAtMs: ms('2026-12-02T11:30:00Z') },
    { cancelled: true, startsAtMs: ms('2026-12-02T10:00:00Z'), endsAtMs: ms('2026-12-02T10:30:00Z') },
  ];

  it('is the nearest join opening or end still to come, and no status differs before it', () => {
    const from = ms('2026-12-02T09:10:00Z');
    const next = nextStatusChangeMs(sessions, from);
    expect(next).toBe(ms('2026-12-02T09:30:00Z'));
    const statuses = (nowMs: number) => sessions.map((s) => sessionStatusMs(s, nowMs));
    expect(statuses(next - 1)).toEqual(statuses(from));
    expect(statuses(next)).not.toEqual(statuses(from));
    // A cancelled session never changes; the next after that end is the second one's join opening.
    expect(nextStatusChangeMs(sessions, next)).toBe(ms('2026-12-02T10:55:00Z'));
  });

  it('is never once every session has ended or is cancelled', () => {
    expect(nextStatusChangeMs(sessions, ms('2026-12-02T11:30:00Z'))).toBe(Infinity);
    expect(nextStatusChangeMs([], 0)).toBe(Infinity);
  });
});
