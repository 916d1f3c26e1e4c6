import { RedeemEnrolmentResponse } from '@peerbridge/shared';
import { apiSend, noAuth } from '../../lib/api-client';

/** The iPad swaps the one-time code staff read off their screen for its long-lived device token. */
export async function redeemEnrolmentCode(code: string): Promise<string> {
  const { deviceToken } = await apiSend('POST', '/api/device/enrol', { code }, RedeemEnrolmentResponse, { auth: noAuth });
  return deviceToken;
}
