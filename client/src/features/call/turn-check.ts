import type { IceServer, TurnCheck } from '@peerbridge/shared';

const GATHER_TIMEOUT_MS = 4_000;

/**
 * Whether this Wi-Fi lets the iPad reach the TURN server offered to it: a local peer connection
 * that may only use relay candidates gathers one, or does not. Nothing is sent to anyone.
 */
export async function checkTurnRelay(
  iceServers: IceServer[],
  createPeerConnection: (config: RTCConfiguration) => RTCPeerConnection = (config) => new RTCPeerConnection(config),
  timeoutMs = GATHER_TIMEOUT_MS,
  signal?: AbortSignal,
): Promise<TurnCheck> {
  if (iceServers.length === 0) return 'not_configured';
  if (signal?.aborted) return 'failed';
  const pc = createPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
  try {
    const relayed = new Promise<TurnCheck>((resolve) => {
      const timer = setTimeout(() => resolve('failed'), timeoutMs);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve('failed');
      });
      pc.addEventListener('icecandidate', (event) => {
        if (event.candidate?.type === 'relay' || / typ relay /.test(event.candidate?.candidate ?? '')) {
          clearTimeout(timer);
          resolve('ok');
        } else if (!event.candidate) {
          // Gathering finished without a relay candidate.
          clearTimeout(timer);
          resolve('failed');
        }
      });
    });
    pc.createDataChannel('turn-check');
    await pc.setLocalDescription(await pc.createOffer());
    return await relayed;
  } catch {
    return 'failed';
  } finally {
    pc.close();
  }
}
