// The bare baseline's server (../shared/baselines/bare-mediasoup/e2e.js) without its browsers: one mediasoup
// worker, a router with the same codecs, a WebRtcServer and a plain HTTP server, idle. Plain JavaScript, so
// nothing but node and mediasoup is in its memory. Prints "ready <port>" once listening.
import http from 'node:http';
import process from 'node:process';
import * as mediasoup from 'mediasoup';

const worker = await mediasoup.createWorker({ logLevel: 'warn', rtcMinPort: 40000, rtcMaxPort: 40100 });
const router = await worker.createRouter({
  mediaCodecs: [
    { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
    { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
    { kind: 'video', mimeType: 'video/H264', clockRate: 90000, parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 } },
  ],
});
await worker.createWebRtcServer({ listenInfos: [{ protocol: 'udp', ip: '127.0.0.1', port: 0 }, { protocol: 'tcp', ip: '127.0.0.1', port: 0 }] });
const server = http.createServer((req, res) => res.end(JSON.stringify({ codecs: router.rtpCapabilities.codecs.length })));
server.listen(0, '127.0.0.1', () => process.stdout.write(`ready ${server.address().port}\n`));
process.on('SIGTERM', () => {
  worker.close();
  server.close(() => process.exit(0));
});
