import type { ConsumeResult, IceServer, JoinResult, MediaKind, ObserveResult, TransportDescription } from '@peerbridge/shared';
import { Device, type types } from 'mediasoup-client';
import { IceRestarter } from './ice-restart';
import { markJoinStage } from './latency-marks';

/**
 * The media half of one join: a loaded Device, a send transport (students
 * only) and a receive transport, and the producers and consumers on them. It
 * knows nothing about sockets; whatever it must tell the server goes through
 * `MediaSignalling`, which the CallClient (or the ObserveClient) implements. ICE trouble is first met by
 * restarting ICE on the same transports; a rejoin, when that fails, builds a new MediaSession (the
 * server has dropped the old transports by then).
 * The one file that imports mediasoup-client; staff observing use it too.
 */
export interface MediaSignalling {
  connectTransport(transportId: string, dtlsParameters: types.DtlsParameters): Promise<void>;
  /** `paused`: sent already off (the child chose so on pre-join). */
  produce(transportId: string, kind: MediaKind, rtpParameters: types.RtpParameters, paused?: boolean): Promise<string>;
  /**
   * New ICE parameters from the server for one of our transports. With it, ICE trouble is first met
   * by restarting ICE on the same transports (ice-restart.ts); without it, a failure is reported at once.
   */
  restartIce?(transportId: string): Promise<unknown>;
  /** Whether the server can be asked right now (the socket is up). */
  canSignal?(): boolean;
}

// Simulcast in two layers for the "about 1 Mbit/s per student" school Wi-Fi budget:
// 180p at ~150 kbps and 360p at ~500 kbps. The server gives each receiver the layer
// its own link can take, so one weak link never lowers what the others see. The codec
// is left to the device (H264 on iPad, VP8 elsewhere); both simulcast in Safari and Chromium.
const VIDEO_ENCODINGS: types.RtpEncodingParameters[] = [
  { rid: 'r0', scaleResolutionDownBy: 2, maxBitrate: 150_000, maxFramerate: 24 },
  { rid: 'r1', scaleResolutionDownBy: 1, maxBitrate: 500_000, maxFramerate: 30 },
];
// FEC keeps speech intelligible through packet loss; DTX saves bandwidth in silences.
const AUDIO_CODEC_OPTIONS: types.ProducerCodecOptions = { opusFec: true, opusDtx: true };

function transportOptions(description: TransportDescription, iceServers: IceServer[]): types.TransportOptions {
  // The inner detail is mediasoup's own format, checked by mediasoup-client itself.
  return {
    id: description.id,
    iceParameters: description.iceParameters as types.IceParameters,
    iceCandidates: description.iceCandidates as types.IceCandidate[],
    dtlsParameters: description.dtlsParameters as types.DtlsParameters,
    iceServers,
  };
}

export interface LoadedDevice {
  device: types.Device;
  /** The router capabilities it was loaded with, to tell whether it fits a router. */
  loadedFor: string;
}

export class MediaSession {
  private readonly producers = new Map<MediaKind, types.Producer>();
  private readonly consumers = new Map<string, types.Consumer>();
  private closed = false;
  private iceRestarter: IceRestarter | null = null;

  private constructor(
    private readonly device: types.Device,
    /** Null for staff observing: they receive only, and the server gives them nothing to send on. */
    private readonly sendTransport: types.Transport | null,
    private readonly recvTransport: types.Transport,
  ) {}

  /**
   * Loads a Device for a router's capabilities. Done while the student is on
   * pre-join, so the join itself need not wait for it.
   */
  static async loadDevice(routerRtpCapabilities: unknown): Promise<LoadedDevice> {
    // factory() picks the handler for this browser (Safari on iPad included).
    const device = await Device.factory();
    await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
    return { device, loadedFor: JSON.stringify(routerRtpCapabilities) };
  }

  /**
   * Builds both transports on a Device for the join's router (reusing the
   * preloaded one when the router's capabilities match). `onConnectionFailed`
   * fires if ICE/DTLS gives up on either transport (e.g. the Wi-Fi dropped) and
   * restarting ICE (when `signalling` can) has not brought it back.
   */
  static async create(
    join: JoinResult,
    signalling: MediaSignalling,
    onConnectionFailed: () => void,
    preloaded: LoadedDevice | null = null,
  ): Promise<MediaSession> {
    const device = await MediaSession.deviceFor(join.routerRtpCapabilities, preloaded);
    const sendTransport = device.createSendTransport(transportOptions(join.sendTransport, join.iceServers));
    const recvTransport = device.createRecvTransport(transportOptions(join.recvTransport, join.iceServers));
    const session = new MediaSession(device, sendTransport, recvTransport);
    session.watch(signalling, onConnectionFailed);
    sendTransport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      signalling.produce(sendTransport.id, kind, rtpParameters, appData.paused === true).then((id) => callback({ id }), errback);
    });
    return session;
  }

  /**
   * A receive-only session for staff observing a call: one receive transport,
   * no producers ever. Same failure signal as a student's session.
   */
  static async createReceiveOnly(
    observed: ObserveResult,
    signalling: Pick<MediaSignalling, 'connectTransport'>,
    onConnectionFailed: () => void,
    preloaded: LoadedDevice | null = null,
  ): Promise<MediaSession> {
    const device = await MediaSession.deviceFor(observed.routerRtpCapabilities, preloaded);
    const recvTransport = device.createRecvTransport(transportOptions(observed.recvTransport, observed.iceServers));
    const session = new MediaSession(device, null, recvTransport);
    session.watch(signalling, onConnectionFailed);
    return session;
  }

  /** The preloaded Device when it was loaded for this router; otherwise a fresh one. */
  private static async deviceFor(routerRtpCapabilities: unknown, preloaded: LoadedDevice | null): Promise<types.Device> {
    return preloaded && preloaded.loadedFor === JSON.stringify(routerRtpCapabilities)
      ? preloaded.device
      : (await MediaSession.loadDevice(routerRtpCapabilities)).device;
  }

  private watch(signalling: Pick<MediaSignalling, 'connectTransport' | 'restartIce' | 'canSignal'>, onConnectionFailed: () => void): void {
    const transports = [this.sendTransport, this.recvTransport].filter((t): t is types.Transport => t !== null);
    const { restartIce, canSignal } = signalling;
    if (restartIce) {
      this.iceRestarter = new IceRestarter({
        restart: async (transportId) => {
          const { iceParameters } = (await restartIce(transportId)) as { iceParameters: types.IceParameters };
          const transport = transports.find((t) => t.id === transportId);
          if (transport && !transport.closed && !this.closed) await transport.restartIce({ iceParameters });
        },
        canSignal: () => canSignal?.() ?? true,
        giveUp: () => {
          if (!this.closed) onConnectionFailed();
        },
      });
    }
    for (const transport of transports) {
      transport.on('connect', ({ dtlsParameters }, callback, errback) => {
        signalling.connectTransport(transport.id, dtlsParameters).then(callback, errback);
      });
      transport.on('connectionstatechange', (state) => {
        if (this.closed) return;
        if (state === 'connected' && transport === this.recvTransport) markJoinStage('receive-connected');
        if (this.iceRestarter) this.iceRestarter.stateChanged(transport.id, state);
        else if (state === 'failed') onConnectionFailed();
      });
    }
  }

  /**
   * Resolves once the receive transport has connected, failed or closed, or after `withinMs`,
   * whichever is first; never rejects.
   */
  receiveSettled(withinMs: number): Promise<void> {
    const settled = () => this.closed || this.recvTransport.closed || ['connected', 'failed', 'closed'].includes(this.recvTransport.connectionState);
    if (settled()) return Promise.resolve();
    const transport = this.recvTransport;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        transport.off('connectionstatechange', onState);
        transport.observer.off('close', done);
        resolve();
      };
      const onState = () => {
        if (settled()) done();
      };
      const timer = setTimeout(done, withinMs);
      transport.on('connectionstatechange', onState);
      // Closing (leaving, a newer join) sends no state change: without this the wait ran to its end.
      transport.observer.on('close', done);
    });
  }

  /** The server can be asked again (the socket reconnected): ICE restarts that waited for it go now. */
  signalAvailable(): void {
    this.iceRestarter?.signalAvailable();
  }

  /** How many ICE restarts this join has asked for. */
  get iceRestarts(): number {
    return this.iceRestarter?.restarts ?? 0;
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.device.rtpCapabilities;
  }

  canProduce(kind: MediaKind): boolean {
    return this.sendTransport !== null && this.device.canProduce(kind);
  }

  producer(kind: MediaKind): types.Producer | undefined {
    return this.producers.get(kind);
  }

  /**
   * Sends a local track. `stopTracks: false` because the tracks belong to the
   * screen (they outlive a rejoin and feed the self view).
   */
  async produce(track: MediaStreamTrack, paused = false): Promise<types.Producer> {
    const kind: MediaKind = track.kind === 'audio' ? 'audio' : 'video';
    if (!this.sendTransport) throw new Error('this media session only receives');
    const appData = { paused };
    const producer = await this.sendTransport.produce(
      kind === 'video'
        ? { track, encodings: VIDEO_ENCODINGS, stopTracks: false, appData }
        : { track, codecOptions: AUDIO_CODEC_OPTIONS, stopTracks: false, appData },
    );
    if (paused) producer.pause();
    if (this.closed) {
      producer.close();
      throw new Error('media session closed while producing');
    }
    this.producers.set(kind, producer);
    return producer;
  }

  /** Receives a producer the server has already set up a (paused) consumer for. */
  async consume(result: ConsumeResult): Promise<types.Consumer> {
    const consumer = await this.recvTransport.consume({
      id: result.consumerId,
      producerId: result.producerId,
      kind: result.kind,
      rtpParameters: result.rtpParameters as types.RtpParameters,
    });
    if (this.closed) {
      consumer.close();
      throw new Error('media session closed while consuming');
    }
    this.consumers.set(result.producerId, consumer);
    markJoinStage(result.kind === 'audio' ? 'consumed-audio' : 'consumed-video');
    return consumer;
  }

  closeConsumer(producerId: string): void {
    this.consumers.get(producerId)?.close();
    this.consumers.delete(producerId);
  }

  /** Closing the transports closes every producer and consumer on them. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.iceRestarter?.stop();
    this.sendTransport?.close();
    this.recvTransport.close();
    this.producers.clear();
    this.consumers.clear();
  }
}
