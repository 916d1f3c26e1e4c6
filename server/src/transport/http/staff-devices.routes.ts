import { deviceEndpoints } from '@peerbridge/shared';
import type { SchoolDevices } from '../../services/devices/school-devices.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, schoolOf, staffOf } from './staff-session.js';

/** Coordinators enrol, re-code and revoke their own school's iPads. */
export function staffDeviceRoutes(deps: { schoolDevices: SchoolDevices; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff/devices', deps.contract);
  const manages = requireRole('devices:manage');

  on(deviceEndpoints.list, manages, async ({ res }) => {
    const staff = staffOf(res);
    return { devices: await deps.schoolDevices.list(staff, schoolOf(staff)) };
  });

  on(deviceEndpoints.enrol, manages, async ({ body, res }) => {
    const staff = staffOf(res);
    return deps.schoolDevices.enrol(staff, schoolOf(staff), body);
  });

  on(deviceEndpoints.newCode, manages, async ({ params, res }) => deps.schoolDevices.issueCode(staffOf(res), params.id));

  on(deviceEndpoints.revoke, manages, async ({ params, res }) => {
    await deps.schoolDevices.revoke(staffOf(res), params.id);
  });

  return router;
}
