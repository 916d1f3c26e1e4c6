import { staffAccountEndpoints } from '@peerbridge/shared';
import type { SecondFactor } from '../../services/staff/second-factor.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { perMinuteLimit } from './rate-limits.js';
import { staffSessionOf } from './staff-session.js';

/** A member of staff's own second factor: any signed-in account may set one up; DSLs need it when step-up is required. */
export function staffSecondFactorRoutes(deps: { secondFactor: SecondFactor; codeGuessLimitPerMinute: number; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  // Wrong codes also count towards the account's lockout; this only slows a sprayer behind one address.
  const guessLimit = perMinuteLimit(deps.codeGuessLimitPerMinute, 'Too many codes tried from this network. Wait a minute and try again.', {
    failuresOnly: true,
  });

  on(staffAccountEndpoints.secondFactor, ({ res }) => deps.secondFactor.status(staffSessionOf(res)));

  on(staffAccountEndpoints.startEnrolment, ({ res }) => deps.secondFactor.startEnrolment(staffSessionOf(res)));

  on(staffAccountEndpoints.confirmEnrolment, guessLimit, ({ body, res }) => deps.secondFactor.confirmEnrolment(staffSessionOf(res), body.code));

  on(staffAccountEndpoints.stepUp, guessLimit, ({ body, res }) => deps.secondFactor.stepUp(staffSessionOf(res), body));

  return router;
}
