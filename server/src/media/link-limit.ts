/*
 * Whether a receiver's own link is what keeps its video below what the sender offers.
 *
 * mediasoup forwards a simulcast stream only at the layers the receiver's bandwidth estimate
 * affords: a consumer whose estimate cannot carry even the lowest layer is forwarded nothing, and
 * one that carries part of it loses temporal layers. But an estimate also sits low when the link
 * is fine and there is simply little to carry: an estimator does not climb far above the traffic
 * it measures, so a receiver whose partner is on a slow upload (sending a thin lowest layer) reads
 * a low estimate on a free link. Pausing that receiver's video would help nothing. The difference
 * shows in what is forwarded against what the sender offers: a starved sender's layer goes through
 * whole; a weak receiving link's does not. (mediasoup fits video within the estimate without the
 * audio beside it, so a layer forwarded whole may still overload a link by the audio's share; that
 * shows as delay, the estimate falls further, and the layer is no longer forwarded whole.)
 */

/** The two entries of a simulcast consumer's stats that matter here (mediasoup's `consumer.getStats()`). */
export interface ConsumerStatsEntry {
  type: string;
  bitrate?: number;
}

/** Forwarded below this share of the layer the sender produces: temporal layers are being dropped for the link. */
const WHOLE_LAYER_SHARE = 0.8;

/**
 * For each flowing simulcast video consumer, its stats: its own outbound stream (what is sent to
 * the receiver) and, while a layer is forwarded, the producer's stream of that layer (what the
 * sender offers). With no such consumer there is nothing to compare, and the estimate alone
 * decides (true).
 */
export function linkHoldsVideoBack(simulcastVideoStats: readonly (readonly ConsumerStatsEntry[])[]): boolean {
  if (simulcastVideoStats.length === 0) return true;
  return simulcastVideoStats.some((stats) => {
    const offered = stats.find((s) => s.type === 'inbound-rtp');
    // No layer forwarded at all: not even the lowest fits the estimate.
    if (!offered) return true;
    const sent = stats.find((s) => s.type === 'outbound-rtp')?.bitrate ?? 0;
    return sent < WHOLE_LAYER_SHARE * (offered.bitrate ?? 0);
  });
}
