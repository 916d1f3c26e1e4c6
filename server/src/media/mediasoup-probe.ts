import type { types } from 'mediasoup';
import { AppError } from '../errors.js';
import { mediaCodecs } from './codecs.js';
import type { MediaProbe } from './media-port.js';

/** The client sends in chunks well below this, so one chunk is one SCTP message. */
const MAX_SCTP_MESSAGE_BYTES = 64 * 1024;

/** A probe's router carries no media, only one data channel; closing it closes everything on it. */
export class MediasoupProbe implements MediaProbe {
  private readonly dataProducers: types.DataProducer[] = [];

  private constructor(
    private readonly router: types.Router,
    private readonly webRtcTransport: types.WebRtcTransport,
  ) {}

  static async open(worker: types.Worker, webRtcServer: types.WebRtcServer): Promise<MediasoupProbe> {
    const router = await worker.createRouter({ mediaCodecs });
    try {
      const transport = await router.createWebRtcTransport({
        webRtcServer,
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
        enableSctp: true,
        numSctpStreams: { OS: 4, MIS: 4 },
        maxSctpMessageSize: MAX_SCTP_MESSAGE_BYTES,
        appData: { probe: true },
      });
      return new MediasoupProbe(router, transport);
    } catch (error) {
      router.close();
      throw error;
    }
  }

  get id(): string {
    return this.webRtcTransport.id;
  }

  get rtpCapabilities(): unknown {
    return this.router.rtpCapabilities;
  }

  get transport() {
    const t = this.webRtcTransport;
    return {
      id: t.id,
      iceParameters: t.iceParameters,
      iceCandidates: t.iceCandidates,
      dtlsParameters: t.dtlsParameters,
      sctpParameters: t.sctpParameters,
    };
  }

  async connect(dtlsParameters: unknown): Promise<void> {
    if (this.webRtcTransport.dtlsState !== 'new') throw new AppError('conflict', 'This check is already connected.');
    try {
      await this.webRtcTransport.connect({ dtlsParameters: dtlsParameters as types.DtlsParameters });
    } catch (error) {
      if (error instanceof TypeError) throw AppError.badRequest(`The media server could not connect the check: ${error.message}`);
      throw error;
    }
  }

  async produceData(sctpStreamParameters: unknown): Promise<{ dataProducerId: string }> {
    if (this.dataProducers.length > 0) throw new AppError('conflict', 'This check already has its data channel.');
    try {
      const producer = await this.webRtcTransport.produceData({
        sctpStreamParameters: sctpStreamParameters as types.SctpStreamParameters,
        label: 'network-check',
      });
      this.dataProducers.push(producer);
      return { dataProducerId: producer.id };
    } catch (error) {
      if (error instanceof TypeError) throw AppError.badRequest(`The media server could not open the check's channel: ${error.message}`);
      throw error;
    }
  }

  async result(): Promise<{ bytesReceived: number; protocol: 'udp' | 'tcp' | null }> {
    let bytesReceived = 0;
    for (const producer of this.dataProducers) {
      for (const stat of await producer.getStats()) bytesReceived += stat.bytesReceived;
    }
    return { bytesReceived, protocol: this.webRtcTransport.iceSelectedTuple?.protocol ?? null };
  }

  close(): void {
    this.router.close();
  }
}
