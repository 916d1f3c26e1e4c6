import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { inNamespace } from './shell.js';

/** UDP and TCP port every probe agent listens on, on every address of its namespace. */
export const PROBE_PORT = 9999;

const agentScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'agent.mjs');

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export type TcpConnectResult = 'open' | 'refused' | 'timeout' | `error:${string}`;

/**
 * The harness's hands inside one namespace: a node process started with `ip netns exec`,
 * spoken to over its stdin/stdout (see agent.mjs for what it can do).
 */
export class ProbeAgent {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(
    readonly ns: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(ns: string): Promise<ProbeAgent> {
    const [ip, ...prefix] = inNamespace(ns);
    const child = spawn(ip!, [...prefix, process.execPath, agentScript, String(PROBE_PORT)], { stdio: ['pipe', 'pipe', 'pipe'] });
    const agent = new ProbeAgent(ns, child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const ready = new Promise<void>((resolve, reject) => {
      agent.pending.set(0, { resolve: () => resolve(), reject });
      child.once('exit', (code) => {
        const error = new Error(`the probe agent in ${ns} exited (code ${code}): ${stderr.trim()}`);
        for (const waiter of agent.pending.values()) waiter.reject(error);
        agent.pending.clear();
      });
    });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const reply = JSON.parse(line) as Reply;
      const waiter = agent.pending.get(reply.id);
      if (!waiter) return;
      agent.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(new Error(`probe agent in ${ns}: ${reply.error}`));
    });
    await ready;
    return agent;
  }

  private call<T>(op: string, args: Record<string, unknown>): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.stdin!.write(`${JSON.stringify({ id, op, ...args })}\n`);
    });
  }

  async tcpConnect(ip: string, port: number, timeoutMs = 700): Promise<TcpConnectResult> {
    return (await this.call<{ result: TcpConnectResult }>('tcp-connect', { ip, port, timeoutMs })).result;
  }

  /** Bits per second that reached this end from the agent at ip (PROBE_PORT), over `windowMs`. */
  async pullRateBps(ip: string, windowMs: number): Promise<number> {
    const r = await this.call<{ bytes: number; windowMs: number; error?: string }>('tcp-pull', {
      ip,
      port: PROBE_PORT,
      windowMs,
      timeoutMs: windowMs + 3_000,
    });
    if (r.error) throw new Error(`a TCP transfer from ${ip} to ${this.ns} failed: ${r.error}`);
    return (r.bytes * 8 * 1000) / r.windowMs;
  }

  udpSend(ip: string, count: number, tag: string): Promise<unknown> {
    return this.call('udp-send', { ip, port: PROBE_PORT, count, tag });
  }

  async udpReceived(tag: string): Promise<number> {
    return (await this.call<{ received: number }>('udp-count', { tag })).received;
  }

  http(request: { method?: string; url: string; headers?: Record<string, string>; body?: string; timeoutMs?: number }) {
    return this.call<{ status: number; headers: Record<string, string>; body: string }>('http', { method: 'GET', ...request });
  }

  waitReady(url: string, timeoutMs: number) {
    return this.call<{ ready: boolean; last?: string }>('wait-ready', { url, timeoutMs });
  }

  stop(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
