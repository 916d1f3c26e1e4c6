// The lab's probe agent: one runs inside each network namespace of a NetLab and answers
// JSON-line requests on stdin (pipes cross namespaces; the network may not), so the
// harness can prove that each impairment really applies, and reach the server's HTTP
// from inside the lab. Plain JavaScript, so `ip netns exec <ns> node agent.mjs` starts
// it in a few tens of milliseconds. Ports: UDP and TCP PROBE_PORT on every address.
import { Buffer } from 'node:buffer';
import dgram from 'node:dgram';
import net from 'node:net';
import process from 'node:process';
import readline from 'node:readline';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
/* global fetch, AbortSignal */

const PROBE_PORT = Number(process.argv[2] ?? 9999);
const udpReceived = new Map();

const udp = dgram.createSocket('udp4');
udp.on('message', (message) => {
  const tag = message.toString('utf8', 0, Math.min(message.length, 32)).split(' ')[0];
  udpReceived.set(tag, (udpReceived.get(tag) ?? 0) + 1);
});

// TCP: a client that writes "PULL\n" is sent bytes as fast as the link takes them until it hangs up.
const chunk = Buffer.alloc(16 * 1024, 0x61);
const tcp = net.createServer((socket) => {
  socket.on('error', () => {});
  socket.once('data', (first) => {
    if (!first.toString().startsWith('PULL')) return;
    const pump = () => {
      while (!socket.destroyed && socket.write(chunk));
    };
    socket.on('drain', pump);
    pump();
  });
});

function tcpConnect({ ip, port, timeoutMs }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: ip, port });
    const done = (result) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ result });
    };
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    socket.once('connect', () => done('open'));
    socket.once('error', (error) => done(error.code === 'ECONNREFUSED' ? 'refused' : `error:${error.code}`));
  });
}

/** Receives from the agent at ip:port for windowMs after the first byte: the link's rate toward this end. */
function tcpPull({ ip, port, windowMs, timeoutMs }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: ip, port });
    let bytes = 0;
    let window;
    const finish = (result) => {
      clearTimeout(window);
      clearTimeout(giveUp);
      socket.destroy();
      resolve(result);
    };
    const giveUp = setTimeout(() => finish({ bytes, windowMs: 0, error: 'timeout' }), timeoutMs);
    socket.once('connect', () => socket.write('PULL\n'));
    socket.on('data', (data) => {
      if (window === undefined) {
        window = setTimeout(() => finish({ bytes, windowMs }), windowMs);
        return; // the first chunk may be a burst the shaper let through: the window starts after it
      }
      bytes += data.length;
    });
    socket.once('error', (error) => finish({ bytes, windowMs: 0, error: error.code }));
  });
}

async function udpSend({ ip, port, count, tag }) {
  const sender = dgram.createSocket('udp4');
  const payload = Buffer.from(`${tag} `.padEnd(64, 'x'));
  for (let i = 0; i < count; i += 1) {
    await new Promise((resolve) => sender.send(payload, port, ip, () => resolve()));
    // Paced, so the receiver's socket buffer never overflows: only the impairment may drop.
    if (i % 50 === 49) await sleep(2);
  }
  sender.close();
  return { sent: count };
}

async function http({ method, url, headers, body, timeoutMs }) {
  const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs ?? 10_000) });
  return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
}

async function waitReady({ url, timeoutMs }) {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return { ready: true };
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = String(error.cause?.code ?? error.message);
    }
    await sleep(150);
  }
  return { ready: false, last };
}

const ops = {
  'tcp-connect': tcpConnect,
  'tcp-pull': tcpPull,
  'udp-send': udpSend,
  'udp-count': async ({ tag }) => ({ received: udpReceived.get(tag) ?? 0 }),
  http,
  'wait-ready': waitReady,
};

function reply(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const request = JSON.parse(line);
  try {
    const op = ops[request.op];
    if (!op) throw new Error(`unknown op ${request.op}`);
    reply({ id: request.id, ok: true, value: await op(request) });
  } catch (error) {
    reply({ id: request.id, ok: false, error: String(error?.message ?? error) });
  }
});
process.stdin.on('end', () => process.exit(0));

udp.bind(PROBE_PORT, '0.0.0.0', () => {
  tcp.listen(PROBE_PORT, '0.0.0.0', () => reply({ id: 0, ok: true, value: 'ready' }));
});
