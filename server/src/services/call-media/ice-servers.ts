import { createHmac } from 'node:crypto';
import type { IceServer } from '@peerbridge/shared';

const CREDENTIAL_LIFETIME_SECONDS = 4 * 60 * 60;

/**
 * Time-limited TURN credentials in coturn's shared-secret scheme, so a school
 * network that blocks UDP can still reach the SFU over TURN on TCP/TLS 443.
 */
export function turnIceServers(
  turn: { urls: string[]; secret: string } | undefined,
  who: string,
  nowEpochSeconds: number,
): IceServer[] {
  if (!turn) return [];
  const username = `${nowEpochSeconds + CREDENTIAL_LIFETIME_SECONDS}:${who}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return [{ urls: turn.urls, username, credential }];
}
