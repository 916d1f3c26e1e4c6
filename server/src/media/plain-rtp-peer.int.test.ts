import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { capturingLogger } from '../test-support/log-capture.js';
import { MediasoupMedia } from './mediasoup-media.js';

const LOOPBACK = '127.0.0.1';
const OPUS = { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, rtcpFeedback: [] };
const SSRC = 424_242;

function bound(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve) => socket.bind(0, LOOPBACK, () => resolve(socket)));
}

function opusPacket(sequence: number): Buffer {
  const packet = Buffer.alloc(12 + 80, 0x5a);
  packet[0] = 0x80;
  packet[1] = OPUS.payloadType;
  packet.writeUInt16BE(sequence, 2);
  packet.writeUInt32BE(sequence * 960, 4);
  packet.writeUInt32BE(SSRC, 8);
  return packet;
}

/** The plain-RTP connections the capacity bench drives load through (bench/sfu-capacity.bench.ts). */
describe('a media peer on plain RTP', () => {
  let media: MediasoupMedia | undefined;
  const sockets: dgram.Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await media?.close();
    media = undefined;
  });

  it('forwards what one peer produces to the sink of a peer consuming it, once resumed', async () => {
    media = await MediasoupMedia.start(
      { workers: 1, listenIp: LOOPBACK, announcedAddress: undefined, rtcPort: 41000 + Math.floor(Math.random() * 8000), logLevel: 'warn' },
      capturingLogger().log,
    );
    const room = await media.openRoom('session-1');
    const [sender, sink] = [await bound(), await bound()];
    sockets.push(sender, sink);
    const forwarded: Buffer[] = [];
    sink.on('message', (packet) => {
      if ((packet[1] ?? 0) < 192) forwarded.push(packet);
    });

    const alice = room.addPeer('alice');
    const send = await alice.createPlainTransport('send', LOOPBACK);
    const { producerId } = await alice.produce(send.id, 'audio', { codecs: [OPUS], encodings: [{ ssrc: SSRC }] });
    // Settles only when the SFU scores media arriving (what the log's MediaFlowing entry waits for).
    let flowed: boolean | undefined;
    void alice.whenMediaFlows(producerId).then((v) => (flowed = v));
    expect(await alice.whenMediaFlows('no-such-producer')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(flowed).toBeUndefined();
    const bob = room.addPeer('bob');
    await bob.createPlainTransport('recv', LOOPBACK, { ip: LOOPBACK, port: sink.address().port });
    const consumer = await bob.consume(producerId, room.rtpCapabilities);
    const consumerSsrc = (consumer.rtpParameters as { encodings: { ssrc: number }[] }).encodings[0]!.ssrc;

    let sequence = 1;
    const sendSome = () => {
      for (let i = 0; i < 5; i++) sender.send(opusPacket(sequence++), send.port, LOOPBACK);
    };
    sendSome();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A consumer starts paused, as a device's does: nothing is forwarded until it is resumed.
    expect(forwarded).toEqual([]);

    await bob.resumeConsumer(consumer.consumerId);
    await expect
      .poll(() => {
        sendSome();
        return forwarded.length;
      })
      .toBeGreaterThan(0);
    expect(forwarded[0]!.readUInt32BE(8)).toBe(consumerSsrc);
    await expect.poll(() => flowed, { timeout: 5_000 }).toBe(true);
  });

  it('refuses a browser-style connect on a plain connection', async () => {
    media = await MediasoupMedia.start(
      { workers: 1, listenIp: LOOPBACK, announcedAddress: undefined, rtcPort: 41000 + Math.floor(Math.random() * 8000), logLevel: 'warn' },
      capturingLogger().log,
    );
    const peer = (await media.openRoom('session-1')).addPeer('alice');
    const send = await peer.createPlainTransport('send', LOOPBACK);
    await expect(peer.connectTransport(send.id, { fingerprints: [] })).rejects.toThrow(/plain RTP and takes no secure set-up/);
  });
});
