import type { types } from 'mediasoup';
import type { MediaKind, TransportDescription } from '@peerbridge/shared';
import { AppError } from '../errors.js';
import { layerForBandwidth, type SpatialLayer } from '../domain/call-quality/video-layer.js';
import { INITIAL_OUTGOING_BITRATE, MAX_INCOMING_BITRATE } from './codecs.js';
import { linkHoldsVideoBack } from './link-limit.js';
import type { BandwidthReading, ConsumerDescription, MediaPeer, MediaRoom } from './media-port.js';

/** Longer than any healthy worker request takes; shorter than a client's wait for its acknowledgement. */
const MEDIA_REQUEST_TIMEOUT_MS = 4_000;

/** mediasoup throws TypeError for parameters it cannot accept: that is the client's mistake, not ours. */
async function guardMedia<T>(what: string, action: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // A request the worker never answers must still be answered to the device, never left hanging.
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new AppError('unavailable', `The media server did not ${what} in time. Please try again.`)), MEDIA_REQUEST_TIMEOUT_MS);
  });
  try {
    return await Promise.race([action(), timeout]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof TypeError) {
      throw AppError.badRequest(`The media server could not ${what}: ${error.message}`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

interface PeerTransport {
  direction: 'send' | 'recv';
  transport: types.WebRtcTransport | types.PlainTransport;
  webRtc: boolean;
}

/** Where a plain-RTP receiving connection sends what it forwards. */
export interface PlainRtpSink {
  ip: string;
  port: number;
}

export class MediasoupPeer implements MediaPeer {
  private readonly transports = new Map<string, PeerTransport>();
  private readonly producers = new Map<string, types.Producer>();
  private readonly consumers = new Map<string, types.Consumer>();
  /** Consumers the client has asked to resume: what may flow once nothing else holds it back. */
  private readonly wanted = new Set<string>();
  private readonly bandwidthListeners: ((reading: BandwidthReading) => void)[] = [];
  private videoHeld = false;
  /** The highest simulcast layer this peer's link is given, from its own estimate. */
  private videoLayer: SpatialLayer = 1;
  /** A trial is on: the ceiling stays at the lowest layer until video is let through for good. */
  private lowestLayerOnly = false;
  private closed = false;

  constructor(
    private readonly router: types.Router,
    private readonly webRtcServer: types.WebRtcServer,
    private readonly onClosed: () => void,
  ) {}

  async createTransport(direction: 'send' | 'recv'): Promise<TransportDescription> {
    this.assertOpen();
    const transport = await this.router.createWebRtcTransport({
      webRtcServer: this.webRtcServer,
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE,
      appData: { direction },
    });
    if (direction === 'send') await transport.setMaxIncomingBitrate(MAX_INCOMING_BITRATE);
    else await this.followBandwidth(transport);
    this.transports.set(transport.id, { transport, direction, webRtc: true });
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  }

  /**
   * A plain RTP connection (no ICE or DTLS) for load measurement on loopback: a sending one learns its
   * sender's address from the first packet, a receiving one forwards to the given sink. Producers and
   * consumers on it go through the same produce/consume paths as a device's.
   */
  async createPlainTransport(
    direction: 'send' | 'recv',
    listenIp: string,
    sink?: PlainRtpSink,
  ): Promise<{ id: string; ip: string; port: number }> {
    this.assertOpen();
    const transport = await this.router.createPlainTransport({
      listenIp,
      rtcpMux: true,
      comedia: direction === 'send',
      appData: { direction },
    });
    if (sink) await transport.connect({ ip: sink.ip, port: sink.port });
    this.transports.set(transport.id, { transport, direction, webRtc: false });
    return { id: transport.id, ip: transport.tuple.localIp, port: transport.tuple.localPort };
  }

  async connectTransport(transportId: string, dtlsParameters: unknown): Promise<void> {
    const { transport, webRtc } = this.ownTransport(transportId);
    if (!webRtc) throw new AppError('conflict', 'This connection is plain RTP and takes no secure set-up.');
    if ((transport as types.WebRtcTransport).dtlsState !== 'new') {
      throw new AppError('conflict', 'This connection is already set up.');
    }
    await guardMedia('connect', () => transport.connect({ dtlsParameters: dtlsParameters as types.DtlsParameters }));
  }

  async restartIce(transportId: string): Promise<{ iceParameters: Record<string, unknown> }> {
    const { transport, webRtc } = this.ownTransport(transportId);
    if (!webRtc) throw new AppError('conflict', 'This connection is plain RTP and has no ICE to restart.');
    const iceParameters = await guardMedia('restart the connection', () => (transport as types.WebRtcTransport).restartIce());
    return { iceParameters: { ...iceParameters } };
  }

  async produce(transportId: string, kind: MediaKind, rtpParameters: unknown): Promise<{ producerId: string }> {
    const { transport, direction } = this.ownTransport(transportId);
    if (direction !== 'send') throw AppError.badRequest('Media can only be sent on the sending connection.');
    const sameKind = [...this.producers.values()].find((p) => p.kind === kind);
    if (sameKind) throw new AppError('conflict', `This device is already sending ${kind}.`);
    const producer = await guardMedia('accept this media', () =>
      transport.produce({ kind, rtpParameters: rtpParameters as types.RtpParameters }),
    );
    this.producers.set(producer.id, producer);
    producer.observer.once('close', () => this.producers.delete(producer.id));
    return { producerId: producer.id };
  }

  whenMediaFlows(producerId: string): Promise<boolean> {
    const producer = this.producers.get(producerId);
    if (!producer) return Promise.resolve(false);
    if (producer.score.some((s) => s.score > 0)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const onScore = (scores: types.ProducerScore[]) => {
        if (!scores.some((s) => s.score > 0)) return;
        producer.off('score', onScore);
        resolve(true);
      };
      producer.on('score', onScore);
      producer.observer.once('close', () => resolve(false));
    });
  }

  async consume(producerId: string, rtpCapabilities: unknown): Promise<ConsumerDescription> {
    this.assertOpen();
    const recv = [...this.transports.values()].find((t) => t.direction === 'recv');
    if (!recv) throw new AppError('conflict', 'There is no receiving connection yet.');
    const caps = rtpCapabilities as types.RtpCapabilities;
    const canConsume = await guardMedia('check this device', async () =>
      this.router.canConsume({ producerId, rtpCapabilities: caps }),
    );
    if (!canConsume) {
      throw AppError.notFound('That video or audio is not available to this device.');
    }
    const consumer = await guardMedia('send this media', () =>
      recv.transport.consume({ producerId, rtpCapabilities: caps, paused: true }),
    );
    this.consumers.set(consumer.id, consumer);
    consumer.observer.once('close', () => {
      this.consumers.delete(consumer.id);
      this.wanted.delete(consumer.id);
    });
    if (consumer.type === 'simulcast') await this.setLayer(consumer, this.videoLayer);
    return {
      consumerId: consumer.id,
      producerId,
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
      producerPaused: consumer.producerPaused,
    };
  }

  async resumeConsumer(consumerId: string): Promise<void> {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) throw AppError.notFound('That stream is not open on this device.');
    this.wanted.add(consumerId);
    if (consumer.kind === 'video' && this.videoHeld) return;
    await consumer.resume();
  }

  onBandwidth(listener: (reading: BandwidthReading) => void): void {
    this.bandwidthListeners.push(listener);
  }

  async setVideoHeldForBandwidth(held: boolean, options: { lowestLayerOnly?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    // A trial is of the lowest layer alone: a high reading in its first burst must not raise the
    // ceiling (and start mediasoup probing for 360p) on a link that may still be capped.
    this.lowestLayerOnly = !held && (options.lowestLayerOnly ?? false);
    if (held === this.videoHeld) return;
    this.videoHeld = held;
    // Let through at the lowest layer: the estimate then climbs with traffic the link can carry.
    if (!held) this.videoLayer = 0;
    const video = [...this.consumers.values()].filter((c) => c.kind === 'video' && this.wanted.has(c.id));
    await Promise.all(
      video.map(async (consumer) => {
        if (held) return consumer.pause();
        if (consumer.type === 'simulcast') await this.setLayer(consumer, 0);
        return consumer.resume();
      }),
    );
  }

  /** The highest simulcast layer this peer is offered now (operations and tests). */
  get videoLayerCeiling(): SpatialLayer {
    return this.videoLayer;
  }

  /** Whether audio first is holding this peer's incoming video back right now. */
  get holdingVideo(): boolean {
    return this.videoHeld;
  }

  receivesVideo(): boolean {
    return [...this.consumers.values()].some((c) => c.kind === 'video' && this.wanted.has(c.id) && !c.producerPaused && !c.closed);
  }

  /**
   * One bandwidth estimate for this peer's receiving link: sets the ceiling
   * layer of its video and tells whoever listens. The trace of the receiving
   * transport calls this; so may a test that has no browser to make one.
   */
  reportBandwidth(availableBps: number, loss = 0, linkLimited = true): void {
    if (this.closed) return;
    const layer = this.lowestLayerOnly ? 0 : layerForBandwidth(this.videoLayer, availableBps);
    if (layer !== this.videoLayer) {
      this.videoLayer = layer;
      for (const consumer of this.consumers.values()) {
        if (consumer.type === 'simulcast') void this.setLayer(consumer, layer);
      }
    }
    for (const listener of this.bandwidthListeners) listener({ availableBps, loss, linkLimited });
  }

  /**
   * What this peer's receiver reports on what it is sent: the worst loss (RTCP receiver reports,
   * 0–1), and whether its link holds its video below what the sender offers (see link-limit.ts).
   */
  private async receiverReport(): Promise<{ loss: number; linkLimited: boolean }> {
    const flowing = [...this.consumers.values()].filter((c) => !c.closed && !c.paused && !c.producerPaused);
    const stats = await Promise.all(flowing.map((c) => c.getStats().catch(() => [])));
    // mediasoup gives the receiver report's fraction lost as its 8-bit fixed-point value.
    const lost = stats.flat().map((s) => (s.type === 'outbound-rtp' ? (s.fractionLost ?? 0) / 256 : 0));
    const simulcastVideo = stats.filter((_, i) => flowing[i]!.kind === 'video' && flowing[i]!.type === 'simulcast');
    return { loss: Math.max(0, ...lost), linkLimited: linkHoldsVideoBack(simulcastVideo) };
  }

  async setProducerPaused(producerId: string, paused: boolean): Promise<void> {
    const producer = this.producers.get(producerId);
    if (!producer) throw AppError.notFound('That microphone or camera is not being sent from this device.');
    await (paused ? producer.pause() : producer.resume());
  }

  producerIds(): string[] {
    return [...this.producers.keys()];
  }

  /** Consumer ids on this peer (operations and tests). */
  consumerIds(): string[] {
    return [...this.consumers.keys()];
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const { transport } of this.transports.values()) transport.close();
    this.transports.clear();
    this.onClosed();
  }

  /** mediasoup's estimate of what this peer's link can take, from the receiving transport's trace. */
  private async followBandwidth(transport: types.WebRtcTransport): Promise<void> {
    await transport.enableTraceEvent(['bwe']);
    transport.on('trace', (trace) => {
      const available = (trace.info as { availableBitrate?: unknown } | undefined)?.availableBitrate;
      if (trace.type !== 'bwe' || typeof available !== 'number') return;
      void this.receiverReport().then(({ loss, linkLimited }) => this.reportBandwidth(available, loss, linkLimited));
    });
  }

  private async setLayer(consumer: types.Consumer, spatialLayer: SpatialLayer): Promise<void> {
    if (consumer.closed) return;
    await consumer.setPreferredLayers({ spatialLayer }).catch(() => {
      // Closed in the meantime: nothing left to adapt.
    });
  }

  private ownTransport(transportId: string) {
    this.assertOpen();
    const entry = this.transports.get(transportId);
    if (!entry) throw AppError.notFound('That connection does not belong to this device.');
    return entry;
  }

  private assertOpen() {
    if (this.closed) throw AppError.notJoined();
  }
}

export class MediasoupRoom implements MediaRoom {
  private readonly peers = new Map<string, MediasoupPeer>();

  constructor(
    readonly id: string,
    private readonly router: types.Router,
    private readonly webRtcServer: types.WebRtcServer,
  ) {}

  get rtpCapabilities(): unknown {
    return this.router.rtpCapabilities;
  }

  get closed(): boolean {
    return this.router.closed;
  }

  peer(peerId: string): MediasoupPeer | undefined {
    return this.peers.get(peerId);
  }

  addPeer(peerId: string): MediasoupPeer {
    this.peers.get(peerId)?.close();
    const peer: MediasoupPeer = new MediasoupPeer(this.router, this.webRtcServer, () => {
      if (this.peers.get(peerId) === peer) this.peers.delete(peerId);
    });
    this.peers.set(peerId, peer);
    return peer;
  }

  close(): void {
    for (const peer of [...this.peers.values()]) peer.close();
    this.router.close();
  }
}
