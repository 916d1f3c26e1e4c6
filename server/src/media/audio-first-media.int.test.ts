import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { capturingLogger } from '../test-support/log-capture.js';
import { MediasoupMedia } from './mediasoup-media.js';
import type { MediasoupPeer } from './mediasoup-room.js';

const LOOPBACK = '127.0.0.1';
const OPUS = { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, rtcpFeedback: [] };
const VP8 = { mimeType: 'video/VP8', payloadType: 101, clockRate: 90000, rtcpFeedback: [] };
const AUDIO_SSRC = 111_111;
const VIDEO_SSRC = 222_222;

function bound(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve) => socket.bind(0, LOOPBACK, () => resolve(socket)));
}

/** An RTP packet; a VP8 one carries a key-frame payload descriptor so mediasoup starts forwarding at once. */
function rtp(payloadType: number, ssrc: number, sequence: number, clockStep: number): Buffer {
  const packet = Buffer.alloc(12 + 60, 0);
  packet[0] = 0x80;
  packet[1] = payloadType | 0x80;
  packet.writeUInt16BE(sequence & 0xffff, 2);
  packet.writeUInt32BE((sequence * clockStep) >>> 0, 4);
  packet.writeUInt32BE(ssrc, 8);
  if (payloadType === VP8.payloadType) {
    packet[12] = 0x90; // payload descriptor: extended (mediasoup reads only those), start of partition 0
    packet[13] = 0x00; // no picture id or layer fields
    packet[14] = 0x10; // frame tag: key frame (bit 0 clear), shown
    packet[17] = 0x9d; // key-frame start code
    packet[18] = 0x01;
    packet[19] = 0x2a;
    packet.writeUInt16LE(640, 20);
    packet.writeUInt16LE(360, 22);
  } else packet.fill(0x5a, 12);
  return packet;
}

/** Audio first on the real worker: holding back one receiver's video keeps its audio and leaves everyone else's media alone. */
describe('holding video back for bandwidth on the real media worker', () => {
  let media: MediasoupMedia | undefined;
  const sockets: dgram.Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await media?.close();
    media = undefined;
  });

  async function receiver(room: Awaited<ReturnType<MediasoupMedia['openRoom']>>, id: string, producerIds: string[]) {
    const sink = await bound();
    sockets.push(sink);
    const got = new Map<number, number>();
    sink.on('message', (packet) => {
      if ((packet[1] ?? 0) >= 192 && (packet[1] ?? 0) <= 223) return; // RTCP
      const pt = (packet[1] ?? 0) & 0x7f;
      got.set(pt, (got.get(pt) ?? 0) + 1);
    });
    const peer = room.addPeer(id);
    await peer.createPlainTransport('recv', LOOPBACK, { ip: LOOPBACK, port: sink.address().port });
    const consumers = [];
    for (const producerId of producerIds) {
      const consumer = await peer.consume(producerId, room.rtpCapabilities);
      await peer.resumeConsumer(consumer.consumerId);
      consumers.push(consumer);
    }
    const kinds = Object.fromEntries(consumers.map((c) => [c.kind, (c.rtpParameters as { codecs: { payloadType: number }[] }).codecs[0]!.payloadType]));
    const count = (kind: 'audio' | 'video') => got.get(kinds[kind]!) ?? 0;
    return { peer, count };
  }

  it('stops the held receiver’s video only, keeps its audio, and lets video through again (a client resume cannot undo the hold)', async () => {
    media = await MediasoupMedia.start(
      { workers: 1, listenIp: LOOPBACK, announcedAddress: undefined, rtcPort: 41000 + Math.floor(Math.random() * 8000), logLevel: 'warn' },
      capturingLogger().log,
    );
    const room = await media.openRoom('session-1');
    const sender = await bound();
    sockets.push(sender);
    const alice = room.addPeer('alice');
    const send = await alice.createPlainTransport('send', LOOPBACK);
    const audio = await alice.produce(send.id, 'audio', { codecs: [OPUS], encodings: [{ ssrc: AUDIO_SSRC }] });
    const video = await alice.produce(send.id, 'video', { codecs: [VP8], encodings: [{ ssrc: VIDEO_SSRC }] });

    const weak = await receiver(room, 'bob', [audio.producerId, video.producerId]);
    const strong = await receiver(room, 'observer', [audio.producerId, video.producerId]);
    let sequence = 1;
    const sendSome = () => {
      for (let i = 0; i < 3; i++) {
        sender.send(rtp(OPUS.payloadType, AUDIO_SSRC, sequence, 960), send.port, LOOPBACK);
        sender.send(rtp(VP8.payloadType, VIDEO_SSRC, sequence, 3000), send.port, LOOPBACK);
        sequence++;
      }
    };
    const flowFor = async (ms: number) => {
      for (let t = 0; t < ms; t += 50) {
        sendSome();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const snapshot = () => ({ weakAudio: weak.count('audio'), weakVideo: weak.count('video'), strongAudio: strong.count('audio'), strongVideo: strong.count('video') });
    const grew = (before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>) =>
      Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v > before[k as keyof typeof before]]));

    await flowFor(500);
    expect(weak.peer.receivesVideo()).toBe(true);
    let before = snapshot();
    await flowFor(500);
    expect(grew(before, snapshot())).toEqual({ weakAudio: true, weakVideo: true, strongAudio: true, strongVideo: true });

    await weak.peer.setVideoHeldForBandwidth(true);
    await flowFor(200); // packets already in flight
    before = snapshot();
    await flowFor(600);
    expect(grew(before, snapshot())).toEqual({ weakAudio: true, weakVideo: false, strongAudio: true, strongVideo: true });

    // The device resuming its consumers again (as after a reload of its view) does not undo the hold.
    const weakPeer = weak.peer as MediasoupPeer;
    for (const consumerId of weakPeer.consumerIds()) await weakPeer.resumeConsumer(consumerId);
    before = snapshot();
    await flowFor(600);
    expect(grew(before, snapshot()).weakVideo).toBe(false);

    await weak.peer.setVideoHeldForBandwidth(false);
    await flowFor(200);
    before = snapshot();
    await flowFor(600);
    expect(grew(before, snapshot())).toEqual({ weakAudio: true, weakVideo: true, strongAudio: true, strongVideo: true });
  });

  it('follows the receiving transport’s estimate: readings reach the call layer', async () => {
    media = await MediasoupMedia.start(
      { workers: 1, listenIp: LOOPBACK, announcedAddress: undefined, rtcPort: 41000 + Math.floor(Math.random() * 8000), logLevel: 'warn' },
      capturingLogger().log,
    );
    const room = await media.openRoom('session-1');
    const peer = room.addPeer('bob');
    // A browser's receiving transport: mediasoup's BWE trace is switched on for it.
    await peer.createTransport('recv');
    const seen: unknown[] = [];
    peer.onBandwidth((reading) => seen.push(reading));
    peer.reportBandwidth(320_000, 0.05);
    expect(seen).toEqual([{ availableBps: 320_000, loss: 0.05, linkLimited: true }]);
    peer.close();
    peer.reportBandwidth(100_000);
    expect(seen).toHaveLength(1);
  });

  it('keeps a trial at the lowest layer whatever the estimate reads, and lets the layer climb once video is back for good', async () => {
    media = await MediasoupMedia.start(
      { workers: 1, listenIp: LOOPBACK, announcedAddress: undefined, rtcPort: 41000 + Math.floor(Math.random() * 8000), logLevel: 'warn' },
      capturingLogger().log,
    );
    const peer = (await media.openRoom('session-1')).addPeer('bob');
    await peer.createTransport('recv');
    await peer.setVideoHeldForBandwidth(true);
    await peer.setVideoHeldForBandwidth(false, { lowestLayerOnly: true });
    peer.reportBandwidth(900_000);
    expect(peer.videoLayerCeiling).toBe(0);
    await peer.setVideoHeldForBandwidth(false);
    peer.reportBandwidth(900_000);
    expect(peer.videoLayerCeiling).toBe(1);
  });
});
