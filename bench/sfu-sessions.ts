/**
 * K 1:1 sessions loaded onto an SFU two ways, with the same transports and
 * streams: through Peerbridge's media layer (MediasoupMedia, as the server
 * starts it) and on bare mediasoup routers (the baseline). Per session: two
 * sides, each sending Opus + VP8 on a plain-RTP connection and consuming the
 * other's two streams on a second one, plus an observer consuming all four.
 * Receiving connections forward to sink ports given by the traffic child.
 */
import os from 'node:os';
import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import { mediaCodecs } from '../server/src/media/codecs.js';
import { MediasoupMedia } from '../server/src/media/mediasoup-media.js';
import { createLogger } from '../server/src/infra/log/logger.js';
import { LOOPBACK, type SendingSide } from './rtp-load-protocol.js';
import { OPUS_PAYLOAD_TYPE, VP8_PAYLOAD_TYPE } from './rtp-packets.js';

/** Receiving connections per session: side A, side B, the observer. */
export const SINKS_PER_SESSION = 3;
/** Each stream goes to the other side and to the observer. */
export const FORWARDS_PER_PACKET = 2;

/** The server's defaults (config.ts): one worker per core, worker log level warn. */
const WORKERS = Number(process.env.MEDIA_WORKERS ?? os.availableParallelism());
const WORKER_LOG_LEVEL = 'warn' as const;
/** Clear of the server's default 40000+ and the integration tests' 41000–49000. */
const BENCH_RTC_PORT = 39_000;

export interface LoadedSfu {
  sides: SendingSide[];
  workerPids: number[];
  close(): Promise<void>;
}

let nextSsrc = 10_000_000;

function producerParameters(kind: 'audio' | 'video', ssrc: number): types.RtpParameters {
  const codec: types.RtpCodecParameters =
    kind === 'audio'
      ? { mimeType: 'audio/opus', payloadType: OPUS_PAYLOAD_TYPE, clockRate: 48000, channels: 2, rtcpFeedback: [] }
      : {
          mimeType: 'video/VP8',
          payloadType: VP8_PAYLOAD_TYPE,
          clockRate: 90000,
          rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
        };
  return { codecs: [codec], encodings: [{ ssrc }], rtcp: { cname: `bench-${ssrc}`, reducedSize: true } };
}

function newSide(port: number): SendingSide {
  return { port, audioSsrc: nextSsrc++, videoSsrc: nextSsrc++ };
}

function sinkOf(sinkPorts: number[], session: number, which: number): { ip: string; port: number } {
  const port = sinkPorts[session * SINKS_PER_SESSION + which];
  if (port === undefined) throw new Error(`No sink port for session ${session}`);
  return { ip: LOOPBACK, port };
}

/** Through the real media layer: rooms from openRoom, peers, produce/consume/resume as a device's calls do. */
export async function loadRealLayer(sessions: number, sinkPorts: number[]): Promise<LoadedSfu> {
  const media = await MediasoupMedia.start(
    { workers: WORKERS, listenIp: LOOPBACK, announcedAddress: undefined, rtcPort: BENCH_RTC_PORT, logLevel: WORKER_LOG_LEVEL },
    createLogger('warn'),
  );
  const sides: SendingSide[] = [];
  try {
    for (let s = 0; s < sessions; s++) {
      const room = await media.openRoom(`bench-session-${s}`);
      const caps = room.rtpCapabilities;
      const peers = [room.addPeer('side-a'), room.addPeer('side-b')];
      const producerIds: string[][] = [];
      for (const [index, peer] of peers.entries()) {
        const send = await peer.createPlainTransport('send', LOOPBACK);
        const side = newSide(send.port);
        sides.push(side);
        const audio = await peer.produce(send.id, 'audio', producerParameters('audio', side.audioSsrc));
        const video = await peer.produce(send.id, 'video', producerParameters('video', side.videoSsrc));
        producerIds.push([audio.producerId, video.producerId]);
        await peer.createPlainTransport('recv', LOOPBACK, sinkOf(sinkPorts, s, index));
      }
      const observer = room.addPeer('observer');
      await observer.createPlainTransport('recv', LOOPBACK, sinkOf(sinkPorts, s, 2));
      const wants: [typeof observer, string[]][] = [
        [peers[0]!, producerIds[1]!],
        [peers[1]!, producerIds[0]!],
        [observer, producerIds.flat()],
      ];
      for (const [peer, ids] of wants) {
        for (const id of ids) {
          const consumer = await peer.consume(id, caps);
          await peer.resumeConsumer(consumer.consumerId);
        }
      }
    }
  } catch (error) {
    await media.close();
    throw error;
  }
  return { sides, workerPids: media.workerPids(), close: () => media.close() };
}

/** The baseline: plain mediasoup workers and routers with the same codecs, the same load, nothing of ours. */
export async function loadBareRouters(sessions: number, sinkPorts: number[]): Promise<LoadedSfu> {
  const workers = await Promise.all(
    Array.from({ length: WORKERS }, () => mediasoup.createWorker({ logLevel: WORKER_LOG_LEVEL })),
  );
  const close = async () => {
    for (const worker of workers) worker.close();
  };
  const sides: SendingSide[] = [];
  try {
    for (let s = 0; s < sessions; s++) {
      const router = await workers[s % workers.length]!.createRouter({ mediaCodecs });
      const plain = () => router.createPlainTransport({ listenIp: LOOPBACK, rtcpMux: true, comedia: true });
      const producers: types.Producer[][] = [];
      const receivers: types.PlainTransport[] = [];
      for (let index = 0; index < 2; index++) {
        const send = await plain();
        const side = newSide(send.tuple.localPort);
        sides.push(side);
        producers.push([
          await send.produce({ kind: 'audio', rtpParameters: producerParameters('audio', side.audioSsrc) }),
          await send.produce({ kind: 'video', rtpParameters: producerParameters('video', side.videoSsrc) }),
        ]);
      }
      for (let index = 0; index < SINKS_PER_SESSION; index++) {
        const recv = await router.createPlainTransport({ listenIp: LOOPBACK, rtcpMux: true, comedia: false });
        await recv.connect(sinkOf(sinkPorts, s, index));
        receivers.push(recv);
      }
      const wants: [types.PlainTransport, types.Producer[]][] = [
        [receivers[0]!, producers[1]!],
        [receivers[1]!, producers[0]!],
        [receivers[2]!, producers.flat()],
      ];
      for (const [recv, from] of wants) {
        for (const producer of from) {
          await recv.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
        }
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { sides, workerPids: workers.map((w) => w.pid), close };
}
