import { exitEndpoints as endpoints } from '@peerbridge/shared';
import type { DeviceTokens } from '../../services/devices/device-tokens.js';
import type { ExitQuestionnaires } from '../../services/exits/exit-questionnaires.js';
import { deviceOf, requireDevice } from './device-session.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { perMinuteLimit } from './rate-limits.js';

/** On the iPad: students whose mentoring is ending, their exit questionnaire after the PIN, and the support words. */
export function deviceExitRoutes(deps: { deviceTokens: DeviceTokens; exitQuestionnaires: ExitQuestionnaires; studentPinLimitPerMinute: number; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/device', deps.contract);
  const device = requireDevice(deps.deviceTokens);
  const q = deps.exitQuestionnaires;
  // The same per-network guard against PIN guessing as the session sign-in (the per-iPad and per-child ones are in the service).
  const limit = perMinuteLimit(deps.studentPinLimitPerMinute, 'Too many wrong PINs from this network. Wait a minute and try again.', { failuresOnly: true });

  on(endpoints.deviceExits, device, ({ res }) => q.offered(deviceOf(res)));
  on(endpoints.openExit, limit, device, ({ body, res }) => q.open(deviceOf(res), body));
  on(endpoints.answerExit, device, ({ body, res }) => q.answer(deviceOf(res), body));
  return router;
}
