/*
 * The highest simulcast layer a receiver's link is offered: 0 is 180p (~150 kbit/s),
 * 1 is 360p (~500 kbit/s). mediasoup already picks each consumer's layer within its
 * transport's estimate, and probes the link (padding) when a higher preferred layer
 * does not fit. On a link too weak even to try 360p, the ceiling drops to 180p so the
 * server stops probing it, and with it stops crowding the audio.
 *
 * The way back must stay reachable: with 180p alone on the link the estimator climbs
 * only to about 1.5 times what it carries (~190 kbit/s with audio), so the ceiling
 * lifts again well below 360p's own rate, and mediasoup's probing takes it from there.
 * The gap between the two thresholds keeps a link near the edge from switching layers
 * (and asking for key frames) every second.
 */

export type SpatialLayer = 0 | 1;

/** Enough to let mediasoup try 360p (it probes before it switches). */
export const UPGRADE_AT_BPS = 260_000;
/** Too weak even to probe for 360p. */
export const DOWNGRADE_BELOW_BPS = 220_000;

export function layerForBandwidth(current: SpatialLayer, bps: number): SpatialLayer {
  if (current === 1) return bps < DOWNGRADE_BELOW_BPS ? 0 : 1;
  return bps >= UPGRADE_AT_BPS ? 1 : 0;
}
