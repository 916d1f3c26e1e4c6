import { Router } from 'express';
import { ConfirmEnrolmentRequest, StepUpRequest } from '@peerbridge/shared';
import type { SecondFactor } from '../../services/staff/second-factor.js';
import { parseInput } from '../validation.js';
import { perMinuteLimit } from './rate-limits.js';
import { staffSessionOf } from './staff-session.js';

/** A member of staff's own second factor: any signed-in account may set one up; DSLs need it when step-up is required. */
export function staffSecondFactorRoutes(deps: { secondFactor: SecondFactor; codeGuessLimitPerMinute: number }): Router {
  const router = Router();
  // Wrong codes also count towards the account's lockout; this only slows a sprayer behind one address.
  const guessLimit = perMinuteLimit(deps.codeGuessLimitPerMinute, 'Too many codes tried from this network. Wait a minute and try again.', {
    failuresOnly: true,
  });

  router.get('/second-factor', async (_req, res) => {
    res.json(await deps.secondFactor.status(staffSessionOf(res)));
  });

  router.post('/second-factor/enrolment', async (_req, res) => {
    res.status(201).json(await deps.secondFactor.startEnrolment(staffSessionOf(res)));
  });

  router.post('/second-factor/enrolment/confirm', guessLimit, async (req, res) => {
    const { code } = parseInput(ConfirmEnrolmentRequest, req.body, 'authenticator code');
    res.json(await deps.secondFactor.confirmEnrolment(staffSessionOf(res), code));
  });

  router.post('/second-factor/step-up', guessLimit, async (req, res) => {
    const proof = parseInput(StepUpRequest, req.body, 'step-up');
    res.json(await deps.secondFactor.stepUp(staffSessionOf(res), proof));
  });

  return router;
}
