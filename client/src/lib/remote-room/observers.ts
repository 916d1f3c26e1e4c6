import type { ObserverInfo } from '@peerbridge/shared';

/*
 * Who is watching a call. The students must always know (DOMAIN: "participants
 * always see that they are being observed"), so the list is plain bookkeeping
 * with tests, and the banner's words are built here rather than in JSX.
 */

/** Adds or refreshes one observer; a re-join of the same person replaces their entry in place. */
export function withObserver(observers: readonly ObserverInfo[], observer: ObserverInfo): ObserverInfo[] {
  const index = observers.findIndex((o) => o.observerId === observer.observerId);
  if (index === -1) return [...observers, observer];
  return observers.map((o, i) => (i === index ? observer : o));
}

export function withoutObserver(observers: readonly ObserverInfo[], observerId: string): ObserverInfo[] {
  return observers.filter((o) => o.observerId !== observerId);
}

/** "Ms Grace Adeyemi (Riverside High School)"; the school is left out if the server has none. */
export function describeObserver(observer: ObserverInfo): string {
  const school = observer.schoolName.trim();
  return school ? `${observer.name} (${school})` : observer.name;
}

/** "A, B and C": how a person would read the list aloud. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * "Ms Grace Adeyemi (Riverside High School) is watching this session", or
 * null when nobody is. Every observer is named: "a teacher" would hide who.
 */
export function observerBannerText(observers: readonly ObserverInfo[]): string | null {
  if (observers.length === 0) return null;
  const verb = observers.length === 1 ? 'is' : 'are';
  return `${listInWords(observers.map(describeObserver))} ${verb} watching this session`;
}
