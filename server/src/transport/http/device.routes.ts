import { deviceSessionEndpoints } from '@peerbridge/shared';
import type { DeviceTokens } from '../../services/devices/device-tokens.js';
import type { TodaySessions } from '../../services/devices/today-sessions.js';
import { deviceOf, requireDevice } from './device-session.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';

export function deviceRoutes(deps: { deviceTokens: DeviceTokens; todaySessions: TodaySessions; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/device', deps.contract);
  on(deviceSessionEndpoints.today, requireDevice(deps.deviceTokens), ({ res }) => deps.todaySessions.forDevice(deviceOf(res)));
  return router;
}
