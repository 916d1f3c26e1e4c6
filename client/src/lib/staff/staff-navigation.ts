import { createContext, useContext } from 'react';

/**
 * What one part of the staff area asks of the page around it: an alert or a
 * concern opens a record at its own address, and the observe view says while
 * it is watching. (What changed after a write travels through the query cache.)
 */
export interface StaffNavigation {
  /** To `/staff/concerns/:concernId`. */
  openConcern: (concernId: string) => void;
  /** To `/staff/sessions/:sessionId`, the session's log (or details, for staff who don't read logs). */
  openSessionLog: (sessionId: string) => void;
  /** "Observe now" from a live alert: to `/staff/observe/:sessionId`. */
  observeSession: (sessionId: string) => void;
  /** Watching a live session counts as using the page: no idle sign-out mid-observation. */
  setWatching: (watching: boolean) => void;
}

const noNavigation: StaffNavigation = {
  openConcern: () => undefined,
  openSessionLog: () => undefined,
  observeSession: () => undefined,
  setWatching: () => undefined,
};

export const StaffNavigationContext = createContext<StaffNavigation>(noNavigation);

export function useStaffNavigation(): StaffNavigation {
  return useContext(StaffNavigationContext);
}
