import { Router } from 'express';
import { perMinuteLimit } from './rate-limits.js';
import { StudentSignInRequest } from '@peerbridge/shared';
import type { DeviceTokens } from '../../services/devices/device-tokens.js';
import type { StudentSignIn } from '../../services/students/student-sign-in.js';
import { parseInput } from '../validation.js';
import { deviceFromRequest } from './device.routes.js';

export function studentSignInRoutes(deps: { deviceTokens: DeviceTokens; signIn: StudentSignIn; studentSignInAddressLimitPerMinute: number }): Router {
  const router = Router();
  // The guard against guessing is per student and per iPad (in the service). A whole school shares one
  // address, so this counts wrong tries only and sits far above a school's worst morning.
  const limit = perMinuteLimit(deps.studentSignInAddressLimitPerMinute, 'Too many wrong PINs from this network. Wait a minute and try again.', {
    failuresOnly: true,
  });
  router.post('/sign-in', limit, async (req, res) => {
    const device = await deviceFromRequest(req, deps.deviceTokens);
    const body = parseInput(StudentSignInRequest, req.body, 'sign-in');
    res.json(await deps.signIn.signIn(device, body));
  });
  return router;
}
