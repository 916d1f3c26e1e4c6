import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../domain/time/clock.js';

/*
 * The only place the server reads the wall clock. Everything else is handed a Clock,
 * so tests and the browser suite can run the whole server at a stated instant.
 */

export const systemClock: Clock = { now: () => Temporal.Now.instant() };

/**
 * A clock that reads `start` at the moment it is made and then moves on with real
 * (monotonic) time, so timers, join windows and token lifetimes behave as they do
 * in production while the calendar date is the one a test chose. Monotonic time is
 * immune to the wall clock being changed underneath the process (faketime, NTP).
 */
export class MovingClock implements Clock {
  private readonly originMs = performance.now();
  private offsetMs = 0;

  constructor(private readonly start: Temporal.Instant) {}

  now(): Temporal.Instant {
    return this.start.add({ milliseconds: Math.round(performance.now() - this.originMs + this.offsetMs) });
  }

  /** Jumps ahead (tests of idle time-outs, expiry, retention). */
  advance(duration: Temporal.DurationLike): void {
    this.offsetMs += Temporal.Duration.from(duration).total({ unit: 'milliseconds' });
  }

  /** Jumps to `instant`, from which time moves on as before. */
  jumpTo(instant: Temporal.Instant): void {
    this.offsetMs += this.now().until(instant).total({ unit: 'milliseconds' });
  }
}

/**
 * The server's clock: the wall clock, unless `startAt` (the CLOCK_START setting, refused
 * outside NODE_ENV=test by the config) says which instant to begin at.
 */
export function serverClock(startAt: Temporal.Instant | undefined): Clock {
  return startAt ? new MovingClock(startAt) : systemClock;
}
