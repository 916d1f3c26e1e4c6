/*
 * The browser's wall clock, read in this one place. The server's clock decides what is
 * open and when; the tablet uses its own only to label ("today", "showing the list
 * from 09:12") and to stamp what it shows locally. Durations use performance.now().
 */

export function now(): Date {
  return new Date();
}

export function nowMs(): number {
  return Date.now();
}
