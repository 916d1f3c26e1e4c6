import type { Page } from '@playwright/test';

/** What a page has received so far, summed over its receiving connections, at one instant (ms since sampling began). */
export interface InboundSample {
  t: number;
  audioPackets: number;
  audioEnergy: number;
  audioSamples: number;
  concealedSamples: number;
  videoFrames: number;
}

/**
 * Samples the browser's own inbound-rtp stats every `everyMs` for `durationMs`, inside the
 * page (no round trip per sample), so a gap in what arrives shows at that resolution.
 */
export function sampleInbound(page: Page, durationMs: number, everyMs = 100): Promise<InboundSample[]> {
  return page.evaluate(
    async ({ durationMs, everyMs }) => {
      const samples: InboundSample[] = [];
      const t0 = performance.now();
      while (performance.now() - t0 < durationMs) {
        const s = { t: Math.round(performance.now() - t0), audioPackets: 0, audioEnergy: 0, audioSamples: 0, concealedSamples: 0, videoFrames: 0 };
        for (const pc of window.__peerConnections ?? []) {
          if (pc.signalingState === 'closed') continue;
          (await pc.getStats()).forEach((stat: Record<string, unknown>) => {
            if (stat.type !== 'inbound-rtp') return;
            if (stat.kind === 'audio') {
              s.audioPackets += Number(stat.packetsReceived ?? 0);
              s.audioEnergy += Number(stat.totalAudioEnergy ?? 0);
              s.audioSamples += Number(stat.totalSamplesReceived ?? 0);
              s.concealedSamples += Number(stat.concealedSamples ?? 0);
            } else if (stat.kind === 'video') s.videoFrames += Number(stat.framesDecoded ?? 0);
          });
        }
        samples.push(s);
        await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
      return samples;
    },
    { durationMs, everyMs },
  );
}

type Counter = Exclude<keyof InboundSample, 't'>;

/** The longest time (ms) between two successive increases of `key`, counting the stretch after the last one. */
export function longestGap(samples: InboundSample[], key: Counter): number {
  let longest = 0;
  let lastRise = samples[0]?.t ?? 0;
  for (let i = 1; i < samples.length; i++) {
    const now = samples[i]!;
    if (now[key] > samples[i - 1]![key]) {
      longest = Math.max(longest, now.t - lastRise);
      lastRise = now.t;
    }
  }
  const end = samples.at(-1)?.t ?? 0;
  return Math.max(longest, end - lastRise);
}

/** How much `key` grew from the first sample to the last. */
export function growth(samples: InboundSample[], key: Counter): number {
  return (samples.at(-1)?.[key] ?? 0) - (samples[0]?.[key] ?? 0);
}
