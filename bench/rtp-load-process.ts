/**
 * The capacity bench's traffic, in its own process so its CPU is not counted
 * as the SFU's: one UDP socket per sending side (Opus + VP8 at realistic
 * rates) and one sink socket per receiving connection, counting the RTP the
 * SFU forwards. Loopback only. Driven over node IPC (rtp-load-protocol.ts).
 */
import dgram from 'node:dgram';
import { AUDIO_PACKET_MS, AudioStream, isForwardedMedia, VIDEO_FRAME_MS, VIDEO_PACKETS_PER_FRAME, VideoStream } from './rtp-packets.js';
import { type FromLoad, LOOPBACK, type SendingSide, type ToLoad } from './rtp-load-protocol.js';

const TICK_MS = 5;

interface Sender {
  socket: dgram.Socket;
  port: number;
  audio: AudioStream;
  video: VideoStream;
  /** Each side starts at a random phase, as real calls are not aligned. */
  startedAt: number;
  audioSent: number;
  framesSent: number;
}

const sinks: { socket: dgram.Socket; received: number }[] = [];
const senders: Sender[] = [];
let sent = 0;
let ticker: NodeJS.Timeout | undefined;

function reply(message: FromLoad): void {
  process.send?.(message);
}

function bind(socket: dgram.Socket): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, LOOPBACK, () => resolve(socket.address().port));
  });
}

async function openSinks(count: number): Promise<void> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) {
    const sink = { socket: dgram.createSocket('udp4'), received: 0 };
    sink.socket.on('message', (packet) => {
      if (isForwardedMedia(packet)) sink.received++;
    });
    ports.push(await bind(sink.socket));
    sinks.push(sink);
  }
  reply({ type: 'sinks', ports });
}

async function startSending(sides: SendingSide[]): Promise<void> {
  const now = performance.now();
  for (const side of sides) {
    const socket = dgram.createSocket('udp4');
    await bind(socket);
    // The SFU's receiver reports come back here; they are read and dropped.
    socket.on('message', () => undefined);
    senders.push({
      socket,
      port: side.port,
      audio: new AudioStream(side.audioSsrc),
      video: new VideoStream(side.videoSsrc),
      startedAt: now + Math.random() * VIDEO_FRAME_MS,
      audioSent: 0,
      framesSent: 0,
    });
  }
  ticker = setInterval(tick, TICK_MS);
  reply({ type: 'sending' });
}

/** Sends whatever each stream is due by now, so a late timer catches up instead of lowering the rate. */
function tick(): void {
  const now = performance.now();
  for (const sender of senders) {
    const elapsed = now - sender.startedAt;
    if (elapsed < 0) continue;
    while (sender.audioSent <= elapsed / AUDIO_PACKET_MS) {
      sender.socket.send(sender.audio.next(), sender.port, LOOPBACK);
      sender.audioSent++;
      sent++;
    }
    while (sender.framesSent <= elapsed / VIDEO_FRAME_MS) {
      for (const packet of sender.video.nextFrame()) sender.socket.send(packet, sender.port, LOOPBACK);
      sender.framesSent++;
      sent += VIDEO_PACKETS_PER_FRAME;
    }
  }
}

function stop(): void {
  if (ticker) clearInterval(ticker);
  for (const { socket } of [...senders, ...sinks]) socket.close();
  process.disconnect?.();
}

process.on('message', (message: ToLoad) => {
  switch (message.type) {
    case 'open-sinks':
      void openSinks(message.count);
      break;
    case 'send':
      void startSending(message.sides);
      break;
    case 'count':
      reply({ type: 'counts', sent, received: sinks.map((s) => s.received) });
      break;
    case 'stop':
      stop();
      break;
  }
});
// The bench died or finished without saying stop: do not linger holding sockets.
process.on('disconnect', () => {
  if (ticker) clearInterval(ticker);
  process.exit(0);
});
