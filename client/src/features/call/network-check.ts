import type { NetworkCheckResult } from '@peerbridge/shared';
import { reportProblem } from '../../lib/diagnostics';
import { request, waitForConnection, type DeviceSocket } from '../../lib/socket-client';
import type { LoadedDevice } from './media-session';
import { runDirectProbe, type DirectProbeResult } from './network-probe';
import { checkTurnRelay } from './turn-check';

/** kbit/s from what the server received over how long the burst took. */
export function uploadKbps(direct: DirectProbeResult): number | null {
  if (direct.protocol === null || direct.bytesReceived === 0 || direct.elapsedMs <= 0) return null;
  return Math.round((direct.bytesReceived * 8) / direct.elapsedMs);
}

/**
 * The pre-join network check: the direct probe to the media server and the TURN relay check,
 * side by side (a few seconds in all). Rejects only when the server would not start a probe.
 * `signal` cuts it short when the child taps Join (the result is then not used).
 */
export async function runNetworkCheck(
  socket: DeviceSocket,
  options: { preloaded?: Promise<LoadedDevice | null>; signal?: AbortSignal } = {},
): Promise<NetworkCheckResult> {
  const { signal } = options;
  await waitForConnection(socket);
  // The Device the call preloads serves the probe too (same codecs), so it is loaded once.
  const preloaded = (await options.preloaded) ?? null;
  const start = await request(socket, 'probe:start', {});
  const { probeId } = start;
  const [direct, turn] = await Promise.all([
    runDirectProbe(start, {
      connect: async (dtlsParameters) => {
        await request(socket, 'probe:connect', { probeId, dtlsParameters });
      },
      produceData: async ({ streamId, ordered, maxPacketLifeTime, maxRetransmits }) => {
        // mediasoup-client always picks a stream for a send transport's channel.
        if (streamId === undefined) throw new Error('data channel without a stream id');
        const sctpStreamParameters = { streamId, ordered, maxPacketLifeTime, maxRetransmits };
        return (await request(socket, 'probe:produce-data', { probeId, sctpStreamParameters })).dataProducerId;
      },
      finish: () => request(socket, 'probe:finish', { probeId }),
    }, { preloaded, ...(signal ? { signal } : {}) }).catch((error: unknown): DirectProbeResult => {
      reportProblem('network check: direct probe failed', error);
      return { protocol: null, bytesReceived: 0, elapsedMs: 0 };
    }),
    checkTurnRelay(start.iceServers, undefined, undefined, signal),
  ]);
  return { direct: direct.protocol ?? 'failed', turn, uploadKbps: uploadKbps(direct) };
}
