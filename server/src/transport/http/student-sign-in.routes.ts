import { deviceSessionEndpoints } from '@peerbridge/shared';
import type { CallRejoin } from '../../services/calls/call-rejoin.js';
import type { DeviceTokens } from '../../services/devices/device-tokens.js';
import type { StudentSignIn } from '../../services/students/student-sign-in.js';
import { deviceOf, requireDevice } from './device-session.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { perMinuteLimit } from './rate-limits.js';

export function studentSignInRoutes(deps: {
  deviceTokens: DeviceTokens;
  signIn: StudentSignIn;
  rejoin: CallRejoin;
  studentSignInAddressLimitPerMinute: number;
  contract?: ContractOptions;
}) {
  const { router, on } = endpointRouter('/api/device', deps.contract);
  // The guard against guessing is per student and per iPad (in the service). A whole school shares one
  // address, so this counts wrong tries only and sits far above a school's worst morning.
  const limit = perMinuteLimit(deps.studentSignInAddressLimitPerMinute, 'Too many wrong PINs from this network. Wait a minute and try again.', {
    failuresOnly: true,
  });
  on(deviceSessionEndpoints.signIn, limit, requireDevice(deps.deviceTokens), ({ body, res }) => deps.signIn.signIn(deviceOf(res), body));
  // The rejoin grant is 256 random bits bound to this iPad: the same per-network guard against guessing is plenty.
  on(deviceSessionEndpoints.rejoinOffer, limit, requireDevice(deps.deviceTokens), ({ body, res }) => deps.rejoin.offer(deviceOf(res), body));
  on(deviceSessionEndpoints.rejoin, limit, requireDevice(deps.deviceTokens), ({ body, res }) => deps.rejoin.rejoin(deviceOf(res), body));
  return router;
}
