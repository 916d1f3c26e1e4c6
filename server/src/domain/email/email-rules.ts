import { Temporal } from 'temporal-polyfill';

/*
 * When a notification email is tried again, when it is given up, and who gets it. Pure: the
 * sender passes in "now" and the addresses it found.
 */

/** The first retry waits this long; each one after waits twice as long as the one before. */
export const FIRST_RETRY = Temporal.Duration.from({ seconds: 30 });
/** No wait is longer than this: a mail server back after a night's outage is used within the hour. */
export const LONGEST_RETRY = Temporal.Duration.from({ hours: 1 });
/** Tries in all (about 8 hours of retries) before an email is marked failed; the in-app notice stays regardless. */
export const MAX_ATTEMPTS = 12;

export type AfterFailure = { kind: 'retry'; at: Temporal.Instant } | { kind: 'give_up' };

/** What to do after the `attempts`-th try (1 = the first) failed at `now`. */
export function afterFailure(attempts: number, now: Temporal.Instant): AfterFailure {
  if (attempts >= MAX_ATTEMPTS) return { kind: 'give_up' };
  const first = FIRST_RETRY.total('milliseconds');
  const wait = Math.min(first * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY.total('milliseconds'));
  return { kind: 'retry', at: now.add({ milliseconds: wait }) };
}

export interface StaffAddress {
  email: string;
  deactivated: boolean;
}

/**
 * The addresses to write to: open accounts only (a leaver's inbox is not the school's), each once
 * however it was typed, and nothing that is not an address.
 */
export function recipientAddresses(staff: readonly StaffAddress[]): string[] {
  const seen = new Set<string>();
  for (const member of staff) {
    const email = member.email.trim().toLowerCase();
    if (member.deactivated || !/^[^\s@<>]+@[^\s@<>]+$/.test(email)) continue;
    seen.add(email);
  }
  return [...seen].sort();
}
