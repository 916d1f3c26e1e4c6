import { LoginResponse, StaffMe } from '@peerbridge/shared';
import { z } from 'zod';
import { apiGet, apiSend, apiSendNoContent, noAuth, staffAuth } from '../../lib/api-client';

const MeResponse = z.object({ staff: StaffMe });

/** Signs in; the session itself is an httpOnly cookie the browser keeps (script never sees it). */
export async function signInStaff(email: string, password: string): Promise<StaffMe> {
  const { staff } = await apiSend('POST', '/api/staff/login', { email, password }, LoginResponse, { auth: staffAuth });
  return staff;
}

/** Who is signed in; rejects with `unauthenticated` when nobody is. */
export async function fetchStaffMe(signal?: AbortSignal): Promise<StaffMe> {
  const { staff } = await apiGet('/api/staff/me', MeResponse, { auth: staffAuth, signal });
  return staff;
}

export function signOutStaff(): Promise<void> {
  return apiSendNoContent('POST', '/api/staff/logout', undefined, { auth: staffAuth });
}

/** A newly imported member of staff chooses a password with their one-time set-up code (nobody is signed in yet). */
export function setStaffPassword(code: string, password: string): Promise<void> {
  return apiSendNoContent('POST', '/api/staff/set-password', { code, password }, { auth: noAuth });
}
