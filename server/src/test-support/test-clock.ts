import { Temporal } from 'temporal-polyfill';
import { MovingClock } from '../infra/time/system-clock.js';

/**
 * Every integration test runs at a stated instant, never at whatever the machine's clock
 * says: `PEERBRIDGE_TEST_NOW` (an ISO instant) when set, as the awkward-instants check in
 * `scripts/test-at-instants.sh` does, else this default: an ordinary Wednesday morning in
 * term, London time.
 */
export const DEFAULT_TEST_INSTANT = '2026-11-25T10:20:00Z';

export function testInstant(): Temporal.Instant {
  const stated = process.env.PEERBRIDGE_TEST_NOW?.trim() || DEFAULT_TEST_INSTANT;
  try {
    return Temporal.Instant.from(stated);
  } catch {
    throw new Error(`PEERBRIDGE_TEST_NOW must be an ISO instant such as 2026-12-01T09:16:00Z (got "${stated}")`);
  }
}

/** A clock that starts at the test instant (or `start`) and moves with real time; `advance` jumps. */
export class TestClock extends MovingClock {
  constructor(start: Temporal.Instant = testInstant()) {
    super(start);
  }
}
