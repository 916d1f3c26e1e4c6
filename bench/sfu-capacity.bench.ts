/**
 * SFU capacity benchmark (issue 11, item 10). For each K (default 10, 50,
 * 100): K concurrent 1:1 sessions of synthetic Opus + VP8 over plain RTP on
 * loopback (sfu-sessions.ts), first through Peerbridge's media layer and then
 * on bare mediasoup routers as the baseline. After a warm-up it measures, over
 * a steady window, the CPU of the mediasoup workers and of this node process
 * from /proc, per session, in % of one core. The traffic runs in a child
 * process (rtp-load-process.ts) whose CPU is reported apart. Prints:
 *   sfu-capacity sessions=<k> worker_cpu_pct_per_session=<x> node_cpu_pct_per_session=<y>
 *   sfu-capacity-bare sessions=<k> worker_cpu_pct_per_session=<x> node_cpu_pct_per_session=<y>
 *   sfu-capacity-packets layer=<real|bare> sessions=<k> sent=<n> forwarded=<m> ratio=<r> sender_cpu_pct=<z>
 * and exits non-zero if any receiving connection got no RTP in the window.
 * A ratio below 2 (every packet goes to two consumers) means the SFU or the
 * machine dropped packets: the larger K are then skipped, as past capacity.
 * Run: npx tsx bench/sfu-capacity.bench.ts   (SFU_BENCH_SESSIONS=10,50 to choose K;
 *      SFU_BENCH_WARMUP_S / SFU_BENCH_WINDOW_S for the 3 s / 10 s windows)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { totalCpuSeconds } from './proc-cpu.js';
import type { FromLoad, ToLoad } from './rtp-load-protocol.js';
import { FORWARDS_PER_PACKET, loadBareRouters, loadRealLayer, type LoadedSfu, SINKS_PER_SESSION } from './sfu-sessions.js';

function positive(name: string, fallback: string): number[] {
  const values = (process.env[name] ?? fallback).split(',').map(Number);
  if (values.some((v) => !Number.isFinite(v) || v <= 0)) throw new Error(`${name} must be positive numbers, comma-separated`);
  return values;
}
const SESSION_COUNTS = positive('SFU_BENCH_SESSIONS', '10,50,100').map(Math.round);
const [WARMUP_S = 3] = positive('SFU_BENCH_WARMUP_S', '3');
const [WINDOW_S = 10] = positive('SFU_BENCH_WINDOW_S', '10');
/** Below this share of the expected forwards the run is past what the machine carries. */
const SATURATED_RATIO = 0.95 * FORWARDS_PER_PACKET;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class TrafficChild {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork(fileURLToPath(new URL('./rtp-load-process.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('The traffic process did not start');
    return this.child.pid;
  }

  async ask<T extends FromLoad['type']>(message: ToLoad, answer: T): Promise<Extract<FromLoad, { type: T }>> {
    const reply = new Promise<Extract<FromLoad, { type: T }>>((resolve, reject) => {
      const onMessage = (m: FromLoad) => {
        if (m.type !== answer) return;
        this.child.off('message', onMessage);
        resolve(m as Extract<FromLoad, { type: T }>);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', (code) => reject(new Error(`The traffic process exited (${code}) before answering`)));
    });
    this.child.send(message);
    return reply;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.send({ type: 'stop' } satisfies ToLoad);
    await Promise.race([exited, sleep(5_000).then(() => this.child.kill())]);
  }
}

interface Figures {
  workerPct: number;
  nodePct: number;
  senderPct: number;
  sent: number;
  forwarded: number;
  silentSinks: number;
}

async function measure(sessions: number, load: (k: number, sinkPorts: number[]) => Promise<LoadedSfu>): Promise<Figures> {
  const traffic = new TrafficChild();
  let sfu: LoadedSfu | undefined;
  try {
    const { ports } = await traffic.ask({ type: 'open-sinks', count: sessions * SINKS_PER_SESSION }, 'sinks');
    sfu = await load(sessions, ports);
    await traffic.ask({ type: 'send', sides: sfu.sides }, 'sending');
    await sleep(WARMUP_S * 1000);
    const pids = { workers: sfu.workerPids, node: [process.pid], sender: [traffic.pid] };
    const cpuNow = () => ({
      workers: totalCpuSeconds(pids.workers),
      node: totalCpuSeconds(pids.node),
      sender: totalCpuSeconds(pids.sender),
    });
    const before = { counts: await traffic.ask({ type: 'count' }, 'counts'), cpu: cpuNow(), at: performance.now() };
    await sleep(WINDOW_S * 1000);
    const cpu = cpuNow();
    const at = performance.now();
    const counts = await traffic.ask({ type: 'count' }, 'counts');
    const seconds = (at - before.at) / 1000;
    const pct = (used: number) => (100 * used) / seconds;
    const received = counts.received.map((n, i) => n - (before.counts.received[i] ?? 0));
    return {
      workerPct: pct(cpu.workers - before.cpu.workers) / sessions,
      nodePct: pct(cpu.node - before.cpu.node) / sessions,
      senderPct: pct(cpu.sender - before.cpu.sender),
      sent: counts.sent - before.counts.sent,
      forwarded: received.reduce((a, b) => a + b, 0),
      silentSinks: received.filter((n) => n === 0).length,
    };
  } finally {
    await traffic.stop();
    await sfu?.close();
  }
}

const fixed = (x: number) => x.toFixed(3);
const line = (text: string) => process.stdout.write(`${text}\n`);

function report(name: string, layer: string, sessions: number, f: Figures): boolean {
  line(`${name} sessions=${sessions} worker_cpu_pct_per_session=${fixed(f.workerPct)} node_cpu_pct_per_session=${fixed(f.nodePct)}`);
  const ratio = f.sent > 0 ? f.forwarded / f.sent : 0;
  line(
    `sfu-capacity-packets layer=${layer} sessions=${sessions} sent=${f.sent} forwarded=${f.forwarded} ratio=${ratio.toFixed(3)} sender_cpu_pct=${f.senderPct.toFixed(1)}`,
  );
  if (f.silentSinks > 0 || f.forwarded === 0) {
    process.stderr.write(`sfu-capacity: ${f.silentSinks} of ${sessions * SINKS_PER_SESSION} receiving connections got no RTP (${layer})\n`);
    process.exitCode = 1;
  }
  return ratio >= SATURATED_RATIO;
}

for (const sessions of SESSION_COUNTS) {
  const real = report('sfu-capacity', 'real', sessions, await measure(sessions, loadRealLayer));
  const bare = report('sfu-capacity-bare', 'bare', sessions, await measure(sessions, loadBareRouters));
  if (process.exitCode) break;
  if (!real || !bare) {
    const rest = SESSION_COUNTS.filter((k) => k > sessions);
    if (rest.length > 0) line(`sfu-capacity: packets were dropped at sessions=${sessions}; skipping ${rest.join(',')} (past what this machine carries)`);
    break;
  }
}
