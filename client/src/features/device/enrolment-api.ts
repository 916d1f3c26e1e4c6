import { deviceEndpoints } from '@peerbridge/shared';
import { callApi, noAuth } from '../../lib/api-client';

/** The iPad swaps the one-time code staff read off their screen for its long-lived device token. */
export async function redeemEnrolmentCode(code: string): Promise<string> {
  const { deviceToken } = await callApi(deviceEndpoints.redeem, { body: { code } }, { auth: noAuth });
  return deviceToken;
}
