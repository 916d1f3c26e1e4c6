import { targetEndpoints as endpoints } from '@peerbridge/shared';
import type { DeviceTokens } from '../../services/devices/device-tokens.js';
import type { DeviceTargets } from '../../services/targets/device-targets.js';
import type { StaffTargets } from '../../services/targets/staff-targets.js';
import { deviceOf, requireDevice } from './device-session.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

/** Targets for staff: the overview, one pairing's, seeding one, and the mentors' session notes. */
export function staffTargetRoutes(deps: { staffTargets: StaffTargets; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const targets = deps.staffTargets;
  on(endpoints.overview, requireRole('targets:read'), ({ res }) => targets.overview(staffOf(res)));
  on(endpoints.pairingTargets, requireRole('targets:read'), ({ params, res }) => targets.pairingTargets(staffOf(res), params.id));
  on(endpoints.seedTarget, requireRole('targets:seed'), ({ params, body, res }) => targets.seed(staffOf(res), params.id, body));
  on(endpoints.sessionNotes, requireRole('session-notes:read'), ({ res }) => targets.sessionNotes(staffOf(res)));
  return router;
}

/** The student's own view after the PIN, and the mentor's note after a call: the join token says who. */
export function deviceTargetRoutes(deps: { deviceTokens: DeviceTokens; deviceTargets: DeviceTargets; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/device', deps.contract);
  const device = requireDevice(deps.deviceTokens);
  on(endpoints.myTargets, device, ({ body, res }) => deps.deviceTargets.myTargets(deviceOf(res), body));
  on(endpoints.sessionNote, device, ({ body, res }) => deps.deviceTargets.sessionNote(deviceOf(res), body));
  return router;
}
