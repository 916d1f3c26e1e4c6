import type { ConsumeResult, JoinResult, MediaKind, TransportDescription } from '@peerbridge/shared';
import { Device, type types } from 'mediasoup-client';

/**
 * The media half of one join: a loaded Device, a send and a receive transport,
 * and the producers and consumers on them. It knows nothing about sockets;
 * whatever it must tell the server goes through `MediaSignalling`, which the
 * CallClient implements. One MediaSession per join: a rejoin builds a new one,
 * which is simpler and safer than repairing transports the server has dropped.
 */
export interface MediaSignalling {
  connectTransport(transportId: string, dtlsParameters: types.DtlsParameters): Promise<void>;
  produce(transportId: string, kind: MediaKind, rtpParameters: types.RtpParameters): Promise<string>;
}

// 360p at ~500 kbps fits the "about 1 Mbit/s per student" school Wi-Fi budget
// with room for audio; the codec is left to the device (H264 on iPad, VP8 elsewhere).
const VIDEO_ENCODINGS: types.RtpEncodingParameters[] = [{ maxBitrate: 500_000, maxFramerate: 30 }];
// FEC keeps speech intelligible through packet loss; DTX saves bandwidth in silences.
const AUDIO_CODEC_OPTIONS: types.ProducerCodecOptions = { opusFec: true, opusDtx: true };

function transportOptions(description: TransportDescription, join: JoinResult): types.TransportOptions {
  // The inner detail is mediasoup's own format, checked by mediasoup-client itself.
  return {
    id: description.id,
    iceParameters: description.iceParameters as types.IceParameters,
    iceCandidates: description.iceCandidates as types.IceCandidate[],
    dtlsParameters: description.dtlsParameters as types.DtlsParameters,
    iceServers: join.iceServers,
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

  private constructor(
    private readonly device: types.Device,
    private readonly sendTransport: types.Transport,
    private readonly recvTransport: types.Transport,
  ) {}

  /**
   * Loads a Device for the router and builds both transports. `onConnectionFailed`
   * fires if ICE/DTLS gives up on either transport (e.g. the Wi-Fi dropped).
   */
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
   * fires if ICE/DTLS gives up on either transport (e.g. the Wi-Fi dropped).
   */
  static async create(
    join: JoinResult,
    signalling: MediaSignalling,
    onConnectionFailed: () => void,
    preloaded: LoadedDevice | null = null,
  ): Promise<MediaSession> {
    const device =
      preloaded && preloaded.loadedFor === JSON.stringify(join.routerRtpCapabilities)
        ? preloaded.device
        : (await MediaSession.loadDevice(join.routerRtpCapabilities)).device;

    const sendTransport = device.createSendTransport(transportOptions(join.sendTransport, join));
    const recvTransport = device.createRecvTransport(transportOptions(join.recvTransport, join));
    const session = new MediaSession(device, sendTransport, recvTransport);

    for (const transport of [sendTransport, recvTransport]) {
      transport.on('connect', ({ dtlsParameters }, callback, errback) => {
        signalling.connectTransport(transport.id, dtlsParameters).then(callback, errback);
      });
      transport.on('connectionstatechange', (state) => {
        if (state === 'failed' && !session.closed) onConnectionFailed();
      });
    }
    sendTransport.on('produce', ({ kind, rtpParameters }, callback, errback) => {
      signalling.produce(sendTransport.id, kind, rtpParameters).then((id) => callback({ id }), errback);
    });

    return session;
  }

  get rtpCapabilities(): types.RtpCapabilities {
    return this.device.rtpCapabilities;
  }

  canProduce(kind: MediaKind): boolean {
    return this.device.canProduce(kind);
  }

  producer(kind: MediaKind): types.Producer | undefined {
    return this.producers.get(kind);
  }

  /**
   * Sends a local track. `stopTracks: false` because the tracks belong to the
   * screen (they outlive a rejoin and feed the self view).
   */
  async produce(track: MediaStreamTrack): Promise<types.Producer> {
    const kind: MediaKind = track.kind === 'audio' ? 'audio' : 'video';
    const producer = await this.sendTransport.produce(
      kind === 'video'
        ? { track, encodings: VIDEO_ENCODINGS, stopTracks: false }
        : { track, codecOptions: AUDIO_CODEC_OPTIONS, stopTracks: false },
    );
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
    this.sendTransport.close();
    this.recvTransport.close();
    this.producers.clear();
    this.consumers.clear();
  }
}
