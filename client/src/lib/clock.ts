/*
 * The wall clock, read in this one place. The server's clock decides what is open and
 * when; screens use this one to label ("today", "come back at 09:30", "showing the list
 * from 09:12") and to stamp what they show locally. It follows the server's: each API
 * answer carries the server's time, and the difference from this device's clock (an iPad
 * set a few minutes out, or a day out) is applied to every reading. Durations use
 * performance.now(), which no clock change moves.
 */

let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

export function nowMs(): number {
  return Date.now() + offsetMs;
}

/**
 * The server said it was `serverTime` while we waited from `sentAtMs` to `receivedAtMs`
 * (this device's clock): assume it answered halfway. Unreadable times are ignored.
 */
export function followServerClock(serverTime: string | null, sentAtMs: number, receivedAtMs: number): void {
  if (!serverTime) return;
  const serverMs = Date.parse(serverTime);
  if (Number.isNaN(serverMs)) return;
  offsetMs = serverMs - (sentAtMs + receivedAtMs) / 2;
}

/** This device's own clock, only to time a request against the server's answer. */
export function deviceNowMs(): number {
  return Date.now();
}

/** For tests: back to this device's own clock. */
export function resetServerClock(): void {
  offsetMs = 0;
}
