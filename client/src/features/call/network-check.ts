import type { NetworkCheckResult } from '@peerbridge/shared';
import { reportProblem } from '../../lib/diagnostics';
import { request, waitForConnection, type DeviceSocket } from '../../lib/socket-client';
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
 */
export async function runNetworkCheck(socket: DeviceSocket): Promise<NetworkCheckResult> {
  await waitForConnection(socket);
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
    }).catch((error: unknown): DirectProbeResult => {
      reportProblem('network check: direct probe failed', error);
      return { protocol: null, bytesReceived: 0, elapsedMs: 0 };
    }),
    checkTurnRelay(start.iceServers),
  ]);
  return { direct: direct.protocol ?? 'failed', turn, uploadKbps: uploadKbps(direct) };
}
