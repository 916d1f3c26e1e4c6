import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { RedeemEnrolmentRequest } from '@peerbridge/shared';
import type { DeviceEnrolment } from '../../devices/device-enrolment.js';
import { AppError } from '../../errors.js';
import { parseInput } from '../validation.js';

/** The iPad's side of enrolment: swap the one-time code for the device token. */
export function deviceEnrolmentRoutes(deps: { enrolment: DeviceEnrolment }): Router {
  const router = Router();
  const guessLimit = rateLimit({
    windowMs: 60_000,
    limit: 10,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('rate_limited', 'Too many codes tried. Wait a minute and try again.')),
  });
  router.post('/enrol', guessLimit, async (req, res) => {
    const { code } = parseInput(RedeemEnrolmentRequest, req.body, 'enrolment code');
    res.json({ deviceToken: await deps.enrolment.redeem(code) });
  });
  return router;
}
