import { createContext, useContext } from 'react';

/**
 * A request from one part of the staff area to another: an alert opens a
 * concern or a session's log; a concern raised from the sessions list
 * refreshes the queue. `nonce` makes the same request twice still a new request.
 */
export type StaffFocus =
  | { kind: 'concern'; concernId: string; nonce: number }
  | { kind: 'session'; sessionId: string; nonce: number };

export interface StaffNavigation {
  focus: StaffFocus | null;
  openConcern: (concernId: string) => void;
  openSessionLog: (sessionId: string) => void;
  /** Goes up whenever the concern queue may have changed (an alert, a concern raised here). */
  concernsVersion: number;
  concernsChanged: () => void;
  /** Watching a live session counts as using the page: no idle sign-out mid-observation. */
  setWatching: (watching: boolean) => void;
}

const noNavigation: StaffNavigation = {
  focus: null,
  openConcern: () => undefined,
  openSessionLog: () => undefined,
  concernsVersion: 0,
  concernsChanged: () => undefined,
  setWatching: () => undefined,
};

export const StaffNavigationContext = createContext<StaffNavigation>(noNavigation);

export function useStaffNavigation(): StaffNavigation {
  return useContext(StaffNavigationContext);
}
