import { deploymentEndpoints } from '@peerbridge/shared';
import type { DeploymentSetup } from '../../services/deployment/deployment-setup.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

/** The deployment admin sets up schools, partnerships and each school's first coordinator and DSL. */
export function staffDeploymentRoutes(deps: { deploymentSetup: DeploymentSetup; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const setup = deps.deploymentSetup;
  const admin = requireRole('deployment:manage');

  on(deploymentEndpoints.overview, admin, ({ res }) => setup.overview(staffOf(res)));
  on(deploymentEndpoints.createSchool, admin, ({ body, res }) => setup.createSchool(staffOf(res), body));
  on(deploymentEndpoints.createPartnership, admin, ({ body, res }) => setup.createPartnership(staffOf(res), body));
  on(deploymentEndpoints.createSchoolStaff, admin, ({ params, body, res }) => setup.createSchoolStaff(staffOf(res), params.id, body));

  return router;
}
