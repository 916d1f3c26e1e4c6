import type { StaffMe } from '@peerbridge/shared';
import { createContext, useCallback, useContext } from 'react';
import { toPeerbridgeError, type PeerbridgeError } from '../peerbridge-error';
import type { SchoolTime } from '../school-time';

export interface StaffContextValue {
  staff: StaffMe;
  /** The server no longer knows this sign-in (expired, or signed out elsewhere): back to the sign-in form. */
  expire: (message: string) => void;
  /** The school's clock (its zone from `GET /api/staff/me`): every time in the staff area is shown in it. */
  time: SchoolTime;
}

export const StaffContext = createContext<StaffContextValue | null>(null);

export function useStaffContext(): StaffContextValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaffContext outside the signed-in staff area');
  return value;
}

/** Times and dates as the signed-in member of staff's school keeps them. */
export function useSchoolTime(): SchoolTime {
  return useStaffContext().time;
}

/**
 * Every staff call's failure goes through here: a lapsed sign-in ends the
 * signed-in view at once (no records stay on screen behind an error), and
 * anything else comes back for the section to show.
 */
export function useStaffErrors(): (error: unknown) => PeerbridgeError {
  const { expire } = useStaffContext();
  return useCallback(
    (error: unknown) => {
      const problem = toPeerbridgeError(error);
      if (problem.code === 'unauthenticated') expire(problem.message);
      return problem;
    },
    [expire],
  );
}
