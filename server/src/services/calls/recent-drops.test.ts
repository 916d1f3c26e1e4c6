import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { RecentDrops } from './recent-drops.js';
import type { Timers } from './timers.js';

const start = Temporal.Instant.from('2026-11-24T08:45:00Z');
const endsAt = start.add({ minutes: 25 });

/** A clock and timers that move only when told. */
function harness() {
  let now = start;
  const pending: { at: Temporal.Instant; run: () => void; cancelled: boolean }[] = [];
  const timers: Timers = {
    after: (ms, run) => {
      const timer = { at: now.add({ milliseconds: Math.max(0, ms) }), run, cancelled: false };
      pending.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
  };
  const drops = new RecentDrops({ clock: { now: () => now }, timers });
  return {
    drops,
    /** Moves the clock; timers fire only when `fire` is true (a clock jump overtakes them). */
    advance(duration: Temporal.DurationLike, fire = true) {
      now = now.add(duration);
      if (!fire) return;
      for (const t of pending.filter((p) => !p.cancelled && Temporal.Instant.compare(p.at, now) <= 0)) {
        t.cancelled = true;
        t.run();
      }
    },
    live: () => pending.filter((p) => !p.cancelled).length,
  };
}

describe('RecentDrops', () => {
  it('makes a dropped student’s return a reconnection, once', () => {
    const { drops } = harness();
    drops.note('s1', 'mentor', endsAt);
    expect(drops.takeReturning('s1', 'mentee')).toBe(false);
    expect(drops.takeReturning('s1', 'mentor')).toBe(true);
    expect(drops.takeReturning('s1', 'mentor')).toBe(false);
    expect(drops.size).toBe(0);
  });

  it('forgets every drop of a session at its end time, though nobody returns', () => {
    const h = harness();
    h.drops.note('s1', 'mentor', endsAt);
    h.drops.note('s1', 'mentee', endsAt);
    h.advance({ minutes: 24 });
    expect(h.drops.size).toBe(2);
    h.advance({ minutes: 1 });
    expect(h.drops.size).toBe(0);
    expect(h.live()).toBe(0);
  });

  it('sweeps drops whose session a clock jump has carried past its end', () => {
    const h = harness();
    h.drops.note('s1', 'mentor', endsAt);
    h.advance({ hours: 1 }, false);
    h.drops.note('s2', 'mentee', start.add({ hours: 2 }));
    expect(h.drops.size).toBe(1);
    expect(h.drops.takeReturning('s1', 'mentor')).toBe(false);
  });

  it('cancels a session’s timer once its last drop has returned or it is forgotten', () => {
    const h = harness();
    h.drops.note('s1', 'mentor', endsAt);
    h.drops.takeReturning('s1', 'mentor');
    h.drops.note('s2', 'mentor', endsAt);
    h.drops.forgetSession('s2');
    expect(h.live()).toBe(0);
    expect(h.drops.size).toBe(0);
  });
});
