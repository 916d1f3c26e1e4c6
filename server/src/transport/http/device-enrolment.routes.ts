import { Router } from 'express';
import { perMinuteLimit } from './rate-limits.js';
import { RedeemEnrolmentRequest } from '@peerbridge/shared';
import type { DeviceEnrolment } from '../../services/devices/device-enrolment.js';
import { parseInput } from '../validation.js';

/** The iPad's side of enrolment: swap the one-time code for the device token. */
export function deviceEnrolmentRoutes(deps: { enrolment: DeviceEnrolment }): Router {
  const router = Router();
  const guessLimit = perMinuteLimit(10, 'Too many codes tried. Wait a minute and try again.');
  router.post('/enrol', guessLimit, async (req, res) => {
    const { code } = parseInput(RedeemEnrolmentRequest, req.body, 'enrolment code');
    res.json({ deviceToken: await deps.enrolment.redeem(code) });
  });
  return router;
}
