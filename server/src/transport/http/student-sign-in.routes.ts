import { deviceSessionEndpoints } from '@peerbridge/shared';
import type { DeviceTokens } from '../../services/devices/device-tokens.js';
import type { StudentSignIn } from '../../services/students/student-sign-in.js';
import { deviceOf, requireDevice } from './device-session.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { perMinuteLimit } from './rate-limits.js';

export function studentSignInRoutes(deps: {
  deviceTokens: DeviceTokens;
  signIn: StudentSignIn;
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
  return router;
}
