import { Router } from 'express';
import { perMinuteLimit } from './rate-limits.js';
import { StudentSignInRequest } from '@peerbridge/shared';
import type { DeviceTokens } from '../../devices/device-tokens.js';
import type { StudentSignIn } from '../../students/student-sign-in.js';
import { parseInput } from '../validation.js';
import { deviceFromRequest } from './device.routes.js';

export function studentSignInRoutes(deps: { deviceTokens: DeviceTokens; signIn: StudentSignIn }): Router {
  const router = Router();
  // Per address as well as the per-student and per-device lockouts in the service.
  const limit = perMinuteLimit(30, 'Too many tries. Wait a minute and try again.');
  router.post('/sign-in', limit, async (req, res) => {
    const device = await deviceFromRequest(req, deps.deviceTokens);
    const body = parseInput(StudentSignInRequest, req.body, 'sign-in');
    res.json(await deps.signIn.signIn(device, body));
  });
  return router;
}
