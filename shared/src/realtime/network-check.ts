import { z } from 'zod';

/*
 * The pre-join network check: how media can reach the media server from this
 * Wi-Fi (directly over UDP or TCP, or relayed through TURN) and roughly how fast
 * the iPad can send. The device measures; the verdict is a pure function of the
 * measurement so the pre-join screen and the session log always agree.
 */

/** How the probe connection to the media server went: the selected candidate pair's protocol, or no connection. */
export const DirectRoute = z.enum(['udp', 'tcp', 'failed']);
export type DirectRoute = z.infer<typeof DirectRoute>;

/** Whether a relay candidate could be gathered from the TURN server offered to this device. */
export const TurnCheck = z.enum(['ok', 'failed', 'not_configured']);
export type TurnCheck = z.infer<typeof TurnCheck>;

export const NetworkCheckResult = z.strictObject({
  direct: DirectRoute,
  turn: TurnCheck,
  /** Rough upload rate over the direct route (kbit/s); null when nothing could be sent. */
  uploadKbps: z.number().int().min(0).max(10_000_000).nullable(),
});
export type NetworkCheckResult = z.infer<typeof NetworkCheckResult>;

export type NetworkVerdict = 'good' | 'audio_only' | 'not_possible';

/** Below this upload rate a student's video (one 500 kbit/s layer plus audio and overhead) will not keep up. */
export const VIDEO_UPLOAD_KBPS = 600;

/**
 * Good when video can flow, audio-only when a route exists but the upload is too slow for
 * video, not possible when neither a direct route nor TURN works. Through TURN alone the
 * upload is not measured, so the call is expected to work as it would directly.
 */
export function networkVerdict(result: NetworkCheckResult): NetworkVerdict {
  if (result.direct === 'failed') return result.turn === 'ok' ? 'good' : 'not_possible';
  if (result.uploadKbps !== null && result.uploadKbps < VIDEO_UPLOAD_KBPS) return 'audio_only';
  return 'good';
}

const ROUTE_WORDS: Record<DirectRoute, string> = {
  udp: 'UDP ok',
  tcp: 'UDP blocked · TCP ok',
  failed: 'UDP and TCP blocked',
};

const TURN_WORDS: Record<TurnCheck, string> = {
  ok: 'TURN ok',
  failed: 'TURN failed',
  not_configured: 'TURN not configured',
};

function uploadWords(kbps: number | null): string {
  if (kbps === null) return 'upload not measured';
  if (kbps >= 1000) return `upload ≈ ${(kbps / 1000).toFixed(1)} Mbit/s`;
  return `upload ≈ ${kbps} kbit/s`;
}

/** The staff-facing line, e.g. "UDP blocked · TCP ok · TURN not configured · upload ≈ 1.2 Mbit/s". */
export function networkDetailLine(result: NetworkCheckResult): string {
  return [ROUTE_WORDS[result.direct], TURN_WORDS[result.turn], uploadWords(result.uploadKbps)].join(' · ');
}
