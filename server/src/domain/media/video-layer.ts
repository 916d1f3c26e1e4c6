/*
 * Which simulcast layer a receiver's link can take: 0 is 180p (~150 kbit/s),
 * 1 is 360p (~500 kbit/s). mediasoup already allocates within each receiving
 * transport's estimate; this sets the ceiling from that same estimate, with a
 * gap between stepping down and stepping up so a link near the edge does not
 * switch layers (and ask for keyframes) every second.
 */

export type SpatialLayer = 0 | 1;

/** 360p at 500 kbit/s plus audio and headroom. */
export const UPGRADE_AT_BPS = 750_000;
/** Below this 360p would starve the audio. */
export const DOWNGRADE_BELOW_BPS = 600_000;

export function layerForBandwidth(current: SpatialLayer, bps: number): SpatialLayer {
  if (current === 1) return bps < DOWNGRADE_BELOW_BPS ? 0 : 1;
  return bps >= UPGRADE_AT_BPS ? 1 : 0;
}
