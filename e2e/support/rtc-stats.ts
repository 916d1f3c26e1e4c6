import type { BrowserContext, Page } from '@playwright/test';

declare global {
  interface Window {
    __peerConnections?: RTCPeerConnection[];
  }
}

/**
 * Keeps a reference to every RTCPeerConnection a page creates, so a test can
 * read what the browser itself says it decoded (getStats), not what the app claims.
 */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Original = window.RTCPeerConnection;
    const seen: RTCPeerConnection[] = [];
    window.__peerConnections = seen;
    class Recorded extends Original {
      constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
        super(...args);
        seen.push(this);
      }
    }
    window.RTCPeerConnection = Recorded;
  });
}

export interface InboundMedia {
  videoFramesDecoded: number;
  videoFrameWidth: number;
  audioPacketsReceived: number;
  audioEnergy: number;
}

export function inboundMedia(page: Page): Promise<InboundMedia> {
  return page.evaluate(async () => {
    const totals = { videoFramesDecoded: 0, videoFrameWidth: 0, audioPacketsReceived: 0, audioEnergy: 0 };
    for (const pc of window.__peerConnections ?? []) {
      if (pc.signalingState === 'closed') continue;
      const report = await pc.getStats();
      report.forEach((stat: Record<string, unknown>) => {
        if (stat.type !== 'inbound-rtp') return;
        if (stat.kind === 'video') {
          totals.videoFramesDecoded += Number(stat.framesDecoded ?? 0);
          totals.videoFrameWidth = Math.max(totals.videoFrameWidth, Number(stat.frameWidth ?? 0));
        } else if (stat.kind === 'audio') {
          totals.audioPacketsReceived += Number(stat.packetsReceived ?? 0);
          totals.audioEnergy += Number(stat.totalAudioEnergy ?? 0);
        }
      });
    }
    return totals;
  });
}

export interface SelectedPair {
  state: string;
  localType: string;
  localProtocol: string;
  /** How the browser reaches its TURN server for a relay candidate: udp, tcp or tls. */
  relayProtocol: string | undefined;
  localAddress: string;
  remoteType: string;
  remoteProtocol: string;
  remoteAddress: string;
  remotePort: number;
}

/** The ICE candidate pair each live transport of the page uses, as the browser's getStats() reports it. */
export function selectedCandidatePairs(page: Page): Promise<SelectedPair[]> {
  return page.evaluate(async () => {
    const pairs: SelectedPair[] = [];
    for (const pc of window.__peerConnections ?? []) {
      if (pc.signalingState === 'closed' || pc.connectionState !== 'connected') continue;
      const stats = new Map<string, Record<string, unknown>>();
      (await pc.getStats()).forEach((stat: Record<string, unknown>) => stats.set(String(stat.id), stat));
      for (const stat of stats.values()) {
        if (stat.type !== 'transport' || !stat.selectedCandidatePairId) continue;
        const pair = stats.get(String(stat.selectedCandidatePairId));
        const local = pair && stats.get(String(pair.localCandidateId));
        const remote = pair && stats.get(String(pair.remoteCandidateId));
        if (!pair || !local || !remote) continue;
        pairs.push({
          state: String(pair.state),
          localType: String(local.candidateType),
          localProtocol: String(local.protocol),
          relayProtocol: local.relayProtocol === undefined ? undefined : String(local.relayProtocol),
          localAddress: String(local.address ?? local.ip),
          remoteType: String(remote.candidateType),
          remoteProtocol: String(remote.protocol),
          remoteAddress: String(remote.address ?? remote.ip),
          remotePort: Number(remote.port),
        });
      }
    }
    return pairs;
  });
}

/** Every candidate pair of every live transport, one line each: for a failure message that says what ICE tried. */
export function candidatePairReport(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const lines: string[] = [];
    for (const [n, pc] of (window.__peerConnections ?? []).entries()) {
      if (pc.signalingState === 'closed') continue;
      const stats = new Map<string, Record<string, unknown>>();
      (await pc.getStats()).forEach((stat: Record<string, unknown>) => stats.set(String(stat.id), stat));
      const describe = (c: Record<string, unknown> | undefined) =>
        c ? `${c.candidateType}/${c.protocol}${c.relayProtocol ? `(${c.relayProtocol})` : ''} ${c.address ?? c.ip}:${c.port} p=${c.priority}` : '?';
      for (const stat of stats.values()) {
        if (stat.type !== 'candidate-pair') continue;
        lines.push(
          `pc${n} ${stat.state}${stat.nominated ? ' nominated' : ''} p=${stat.priority} ${describe(stats.get(String(stat.localCandidateId)))} -> ${describe(stats.get(String(stat.remoteCandidateId)))} rtt=${stat.currentRoundTripTime ?? '-'} req=${stat.requestsSent ?? 0}/${stat.responsesReceived ?? 0}`,
        );
      }
    }
    return lines.join('\n');
  });
}
