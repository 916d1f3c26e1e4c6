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
