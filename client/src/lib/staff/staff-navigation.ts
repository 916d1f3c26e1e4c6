import { createContext, useContext } from 'react';

/**
 * A request from one part of the staff area to another: an alert opens a
 * concern or a session's log. `nonce` makes the same request twice still a
 * new request. (What changed after a write travels through the query cache.)
 */
export type StaffFocus =
  | { kind: 'concern'; concernId: string; nonce: number }
  | { kind: 'session'; sessionId: string; nonce: number }
  /** "Observe now" from a live alert: start watching that session. */
  | { kind: 'observe'; sessionId: string; nonce: number };

export interface StaffNavigation {
  focus: StaffFocus | null;
  openConcern: (concernId: string) => void;
  openSessionLog: (sessionId: string) => void;
  observeSession: (sessionId: string) => void;
  /** Watching a live session counts as using the page: no idle sign-out mid-observation. */
  setWatching: (watching: boolean) => void;
}

const noNavigation: StaffNavigation = {
  focus: null,
  openConcern: () => undefined,
  openSessionLog: () => undefined,
  observeSession: () => undefined,
  setWatching: () => undefined,
};

export const StaffNavigationContext = createContext<StaffNavigation>(noNavigation);

export function useStaffNavigation(): StaffNavigation {
  return useContext(StaffNavigationContext);
}
