import {
  staffAccountEndpoints,
  staffAccountsEndpoints,
  type InviteStaffRequest,
  type IssuedSetupCode,
  type SchoolStaffRole,
  type StaffAccountSummary,
} from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export type { IssuedSetupCode, SchoolStaffRole, StaffAccountStatus, StaffAccountSummary } from '@peerbridge/shared';

/** The school's staff (a DSL sees the DSL accounts), with roles and status. */
export async function fetchStaffAccounts(signal?: AbortSignal, background = false): Promise<StaffAccountSummary[]> {
  const { accounts } = await callApi(staffAccountsEndpoints.list, {}, { auth: staffAuth, signal, background });
  return accounts;
}

/** One new person; the answer's set-up code is shown once. */
export function inviteStaff(body: InviteStaffRequest): Promise<IssuedSetupCode> {
  return callApi(staffAccountsEndpoints.invite, { body }, { auth: staffAuth });
}

/** A new code for someone who has not used theirs; the old one stops working. */
export function reissueSetupCode(id: string): Promise<IssuedSetupCode> {
  return callApi(staffAccountsEndpoints.reissueCode, { params: { id } }, { auth: staffAuth });
}

/** Their password and every session end now; they choose a new password with the code. */
export function resetStaffPassword(id: string): Promise<IssuedSetupCode> {
  return callApi(staffAccountsEndpoints.resetPassword, { params: { id } }, { auth: staffAuth });
}

export function changeStaffRoles(id: string, roles: SchoolStaffRole[]): Promise<StaffAccountSummary> {
  return callApi(staffAccountsEndpoints.changeRoles, { params: { id }, body: { roles } }, { auth: staffAuth });
}

/** A leaver: signed out everywhere at once; what they wrote stays theirs. */
export function deactivateStaff(id: string): Promise<void> {
  return callApi(staffAccountEndpoints.deactivate, { params: { id } }, { auth: staffAuth });
}
