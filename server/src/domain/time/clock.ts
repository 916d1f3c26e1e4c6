import type { Temporal } from 'temporal-polyfill';

/** Domain code never reads the system clock; it is handed one. */
export interface Clock {
  now(): Temporal.Instant;
}
