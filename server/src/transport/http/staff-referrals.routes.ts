import { referralEndpoints } from '@peerbridge/shared';
import type { ReferralService } from '../../services/referrals/referral-service.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

/** A coordinator's referral queue, mentor applications and programme settings: their own school's only. */
export function staffReferralRoutes(deps: { referrals: ReferralService; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const manage = requireRole('referrals:manage');
  const settings = requireRole('programme:settings');
  const referral = async (work: Promise<Awaited<ReturnType<ReferralService['create']>>>) => ({ referral: await work });

  on(referralEndpoints.list, manage, ({ res }) => deps.referrals.queue(staffOf(res)));
  on(referralEndpoints.create, manage, ({ body, res }) => referral(deps.referrals.create(staffOf(res), body)));
  on(referralEndpoints.optIn, manage, ({ params, body, res }) => referral(deps.referrals.optIn(staffOf(res), params.id, body.askedBy)));
  on(referralEndpoints.requestConsent, manage, ({ params, res }) => referral(deps.referrals.requestConsent(staffOf(res), params.id)));
  on(referralEndpoints.recordConsent, manage, ({ params, body, res }) => referral(deps.referrals.recordConsent(staffOf(res), params.id, body.method)));
  on(referralEndpoints.recordTraining, manage, ({ params, body, res }) => referral(deps.referrals.recordTraining(staffOf(res), params.id, body)));
  on(referralEndpoints.setStatus, manage, ({ params, body, res }) => referral(deps.referrals.setStatus(staffOf(res), params.id, body.to, body.reason)));
  on(referralEndpoints.passToDsl, manage, ({ params, body, res }) => referral(deps.referrals.passToDsl(staffOf(res), params.id, body.whatHappened)));
  on(referralEndpoints.letter, manage, ({ params, res }) => deps.referrals.letter(staffOf(res), params.id));
  on(referralEndpoints.settings, settings, async ({ res }) => ({ settings: await deps.referrals.settings(staffOf(res)) }));
  on(referralEndpoints.updateSettings, settings, async ({ body, res }) => ({ settings: await deps.referrals.updateSettings(staffOf(res), body) }));

  return router;
}
