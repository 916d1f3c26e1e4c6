import type { ObserverInfo, PeerInfo } from '@peerbridge/shared';
import type { RemoteMedia } from '../../lib/remote-room/remote-producers';

/** `joining` until the media is set up; `ended` once the watch is over, for whatever reason. */
export type ObservePhase = 'joining' | 'watching' | 'ended';

export interface ObservedStudent {
  peer: PeerInfo;
  media: RemoteMedia;
}

/** What the students say to each other; staff read it, they never write in it. */
export interface ObservedChatEntry {
  id: string;
  firstName: string;
  text: string;
  at: string;
}

export interface ObserveState {
  phase: ObservePhase;
  /** The students in the call now, mentor first. */
  students: ObservedStudent[];
  /** Everyone observing, this member of staff included. */
  observers: ObserverInfo[];
  chat: ObservedChatEntry[];
  /** Why watching stopped (or could not start), in words; null while it goes on. */
  endMessage: string | null;
  /** A problem worth saying that does not stop the watch (e.g. one video could not be received). */
  notice: string | null;
}

export const initialObserveState: ObserveState = {
  phase: 'joining',
  students: [],
  observers: [],
  chat: [],
  endMessage: null,
  notice: null,
};

/** Mentor first, then mentee: the same order every time the screen is opened. */
export function orderStudents(peers: Iterable<PeerInfo>): PeerInfo[] {
  return [...peers].sort((a, b) => (a.role === b.role ? a.firstName.localeCompare(b.firstName) : a.role === 'mentor' ? -1 : 1));
}
