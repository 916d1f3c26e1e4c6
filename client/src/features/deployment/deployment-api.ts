import {
  deploymentEndpoints,
  type CreatedAccount,
  type CreatePartnershipBody,
  type CreateSchoolBody,
  type CreateSchoolStaffBody,
  type DeploymentOverview,
  type DeploymentPartnership,
  type DeploymentSchool,
} from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export type { CreatedAccount, DeploymentOverview, DeploymentPartnership, DeploymentSchool } from '@peerbridge/shared';

/** Every school (with its coordinators and DSLs) and every partnership: the deployment admin's view. */
export function fetchDeploymentOverview(signal?: AbortSignal, background = false): Promise<DeploymentOverview> {
  return callApi(deploymentEndpoints.overview, {}, { auth: staffAuth, signal, background });
}

export function createSchool(body: CreateSchoolBody): Promise<DeploymentSchool> {
  return callApi(deploymentEndpoints.createSchool, { body }, { auth: staffAuth });
}

export function createPartnership(body: CreatePartnershipBody): Promise<DeploymentPartnership> {
  return callApi(deploymentEndpoints.createPartnership, { body }, { auth: staffAuth });
}

/** The account and its one-time set-up code, shown this once. */
export function createSchoolStaff(schoolId: string, body: CreateSchoolStaffBody): Promise<CreatedAccount> {
  return callApi(deploymentEndpoints.createSchoolStaff, { params: { id: schoolId }, body }, { auth: staffAuth });
}
