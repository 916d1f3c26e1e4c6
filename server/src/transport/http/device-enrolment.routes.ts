import { deviceEndpoints } from '@peerbridge/shared';
import type { DeviceEnrolment } from '../../services/devices/device-enrolment.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { perMinuteLimit } from './rate-limits.js';

/** The iPad's side of enrolment: swap the one-time code for the device token. */
export function deviceEnrolmentRoutes(deps: { enrolment: DeviceEnrolment; oneTimeCodeTriesPerMinute: number; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/device', deps.contract);
  const guessLimit = perMinuteLimit(deps.oneTimeCodeTriesPerMinute, 'Too many codes tried. Wait a minute and try again.');
  on(deviceEndpoints.redeem, guessLimit, async ({ body }) => ({ deviceToken: await deps.enrolment.redeem(body.code) }));
  return router;
}
