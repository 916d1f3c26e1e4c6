import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../domain/time/clock.js';

/** A clock tests can move; real time passes through it unless it is frozen. */
export class TestClock implements Clock {
  private offset = Temporal.Duration.from({ seconds: 0 });

  now(): Temporal.Instant {
    return Temporal.Now.instant().add(this.offset);
  }

  advance(duration: Temporal.DurationLike): void {
    this.offset = this.offset.add(duration);
  }
}
