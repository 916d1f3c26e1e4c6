import type { types } from 'mediasoup';

/**
 * Opus for voice; H264 (constrained baseline 42e01f, what iPad Safari
 * decodes in hardware) and VP8 for video. Both video codecs are offered so
 * every browser finds one it can send.
 */
export const mediaCodecs: types.RtpCodecCapability[] = [
  // In-band FEC: the receiver rebuilds a lost packet from the next one, so speech survives Wi-Fi loss.
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
  },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
];

/** About 1 Mbit/s per student on shared school Wi-Fi. */
export const INITIAL_OUTGOING_BITRATE = 600_000;
export const MAX_INCOMING_BITRATE = 1_500_000;
