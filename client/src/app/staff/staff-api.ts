import { staffAccountEndpoints, staffSignInEndpoints, type StaffMe } from '@peerbridge/shared';
import { callApi, noAuth, staffAuth } from '../../lib/api-client';

/** Signs in; the session itself is an httpOnly cookie the browser keeps (script never sees it). */
export async function signInStaff(email: string, password: string): Promise<StaffMe> {
  const { staff } = await callApi(staffSignInEndpoints.login, { body: { email, password } }, { auth: staffAuth });
  return staff;
}

/** Who is signed in; rejects with `unauthenticated` when nobody is. */
export async function fetchStaffMe(signal?: AbortSignal): Promise<StaffMe> {
  const { staff } = await callApi(staffSignInEndpoints.me, {}, { auth: staffAuth, signal });
  return staff;
}

export function signOutStaff(): Promise<void> {
  return callApi(staffSignInEndpoints.logout, {}, { auth: staffAuth });
}

/** A newly imported member of staff chooses a password with their one-time set-up code (nobody is signed in yet). */
export function setStaffPassword(code: string, password: string): Promise<void> {
  return callApi(staffAccountEndpoints.setPassword, { body: { code, password } }, { auth: noAuth });
}
