import type { SchoolTime } from '../../lib/school-time';

/*
 * The call's time, in words a child can act on: when it ends, a gentle warning
 * near the end, and how long to wait for a partner who is not there. Pure: the
 * screen passes the time (lib/clock's `nowMs`, which follows the server's clock).
 * The server ends the call at its end time (services/calls: the end timer sends
 * `session:ended` with `time_up`); the client only says it is coming.
 */

const MINUTE_MS = 60_000;

/** "5 minutes left" is said this long before the end. */
export const ENDING_SOON_MS = 5 * MINUTE_MS;
/** A partner who has not come is waited for until this long after the start… */
export const FIRST_ARRIVAL_GRACE_MS = 10 * MINUTE_MS;
/** …and, for a child who arrived late, at least this long after they arrived. */
export const SHORTEST_WAIT_MS = 5 * MINUTE_MS;
/** A partner who left is waited for this long: long enough for a reload or a Wi-Fi blip. */
export const RETURN_WAIT_MS = 5 * MINUTE_MS;

export interface CallTimes {
  startsAtMs: number;
  endsAtMs: number;
}

export function callTimes(session: { startsAt: string; endsAt: string }): CallTimes {
  return { startsAtMs: Date.parse(session.startsAt), endsAtMs: Date.parse(session.endsAt) };
}

/** Inside the last five minutes, before the end. */
export function isEndingSoon(times: CallTimes, nowMs: number): boolean {
  return nowMs >= times.endsAtMs - ENDING_SOON_MS && nowMs < times.endsAtMs;
}

/**
 * What the ending-soon line says, fixed the moment it first shows (a live region
 * is read once; a counting number would be read again and again). Said as
 * "5 minutes left" when the child was there for the five-minute mark, else plainly.
 */
export function endingSoonWords(times: CallTimes, firstSeenMs: number): string {
  const left = times.endsAtMs - firstSeenMs;
  return left > ENDING_SOON_MS - MINUTE_MS ? '5 minutes left' : 'Nearly time to finish';
}

/** Why the child is on their own in the call: the partner has not come yet, or came and left. */
export type PartnerAway = 'not-come' | 'left';

/**
 * Until when to wait, as an instant. Never past the end of the session, and
 * rounded up to a whole minute so the time shown is never earlier than the rule.
 */
export function waitUntilMs(away: PartnerAway, times: CallTimes, sinceMs: number): number {
  const rule =
    away === 'not-come'
      ? Math.max(times.startsAtMs + FIRST_ARRIVAL_GRACE_MS, sinceMs + SHORTEST_WAIT_MS)
      : sinceMs + RETURN_WAIT_MS;
  return Math.min(Math.ceil(rule / MINUTE_MS) * MINUTE_MS, times.endsAtMs);
}

export interface WaitAdvice {
  headline: string;
  advice: string;
}

/** What to tell a child on their own in the call: what is happening, how long to wait, what to do then. */
export function waitAdvice(input: {
  away: PartnerAway;
  partnerName: string;
  times: CallTimes;
  /** When this wait began: the child joined, or the partner left. */
  sinceMs: number;
  nowMs: number;
  time: SchoolTime;
}): WaitAdvice {
  const { away, partnerName: name, times, sinceMs, nowMs, time } = input;
  const until = waitUntilMs(away, times, sinceMs);
  const stillWaiting = nowMs < until;
  const at = time.time(new Date(until).toISOString());
  const then = 'tap Leave and tell your coordinator.';
  if (away === 'not-come') {
    return stillWaiting
      ? { headline: `${name} isn’t here yet.`, advice: `Wait here until ${at}. If ${name} hasn’t come by then, ${then}` }
      : { headline: `${name} hasn’t come yet.`, advice: `You can ${then}` };
  }
  return stillWaiting
    ? { headline: `${name} has left the call. They may come back.`, advice: `Wait here until ${at}. If ${name} isn’t back by then, ${then}` }
    : { headline: `${name} hasn’t come back.`, advice: `You can ${then}` };
}

/** The end screen's "what happens next": the pair's next meeting when it is known. */
export function nextMeetingWords(input: { partnerName: string; nextStartsAt: string | undefined; nowMs: number; time: SchoolTime }): string {
  const { partnerName, nextStartsAt, nowMs, time } = input;
  if (!nextStartsAt || Number.isNaN(Date.parse(nextStartsAt))) return 'Your coordinator will tell you when you meet next.';
  const sameDay = time.dateAt(new Date(nextStartsAt)) === time.dateAt(new Date(nowMs));
  const day = sameDay ? 'later today' : `on ${time.longDate(new Date(nextStartsAt))}`;
  return `You meet ${partnerName} again ${day} at ${time.time(nextStartsAt)}.`;
}

/** Said at every kind close: help is there if something in the call worried them. */
export const SUPPORT_AFTER_CALL = 'If anything in the call worried you, tell your coordinator or another adult you trust.';
