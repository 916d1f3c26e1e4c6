/**
 * Idle memory (issue 14, part 4): the server started as `npm start` starts it (the demo's environment: DEMO=1, its
 * own DATA_DIR), left alone for IDLE_BENCH_IDLE_S (default 15) seconds after it answers /healthz, then its resident
 * memory read from /proc/<pid>/smaps_rollup. No garbage collection is forced. The figure is the node server process;
 * the mediasoup workers are separate processes and printed apart (their sum and count). Prints:
 *   rss idle db=pglite mb=<x> start=first workers_mb=<w> workers=<n>     a new data directory (the first demo start)
 *   rss idle db=pglite mb=<x> start=restart workers_mb=<w> workers=<n>   the same directory, started again
 *   rss idle db=pg mb=<y> workers_mb=<w> workers=<n>                     a fresh database on TEST_DATABASE_URL's server
 *   rss idle bare mb=<z> workers_mb=<w> workers=1                        the bare mediasoup baseline's server, same run
 * Run: npx tsx bench/idle-memory.bench.ts   (IDLE_BENCH_ROOT=<another checkout> measures that one's server instead)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { rssMb, serverAndWorkers } from './proc-memory.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = process.env.IDLE_BENCH_ROOT ?? path.resolve(here, '..');
const IDLE_S = Number(process.env.IDLE_BENCH_IDLE_S ?? 15);
const READY_TIMEOUT_S = 180;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function stop(child: ChildProcess, pids: number[]): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // The server first (a graceful stop closes its workers and the data directory), then whatever launched it.
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  await Promise.race([exited, sleep(20_000)]);
}

interface IdleFigure {
  serverMb: number;
  workersMb: number;
  workers: number;
}

/** Starts the product's server as `npm start` does, waits until it is idle, and reads its memory. */
async function measureServer(env: Record<string, string>): Promise<IdleFigure> {
  const port = await freePort();
  // Worker i listens on MEDIA_RTC_PORT + i: a random base keeps clear of other servers on this machine.
  const rtcPort = 41_000 + Math.floor(Math.random() * 20_000);
  const logPath = path.join(os.tmpdir(), `idle-memory-${port}.log`);
  const log = fs.openSync(logPath, 'w');
  let measured = false;
  const child = spawn('npm', ['run', 'start', '-w', '@peerbridge/server', '--silent'], {
    cwd: root,
    env: { ...process.env, DEMO: '1', STAFF_STEP_UP: 'off', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), MEDIA_RTC_PORT: String(rtcPort), ...env },
    stdio: ['ignore', log, log],
  });
  try {
    const deadline = performance.now() + READY_TIMEOUT_S * 1000;
    while (!(await answers(`http://127.0.0.1:${port}/healthz`))) {
      if (child.exitCode !== null || performance.now() > deadline) throw new Error(`the server did not start (log: ${logPath})`);
      await sleep(250);
    }
    await sleep(IDLE_S * 1000);
    const found = serverAndWorkers(child.pid!);
    if (!found) throw new Error('no mediasoup worker under the server');
    const figure = { serverMb: rssMb(found.server), workersMb: found.workers.reduce((sum, pid) => sum + rssMb(pid), 0), workers: found.workers.length };
    await stop(child, [found.server, child.pid!]);
    measured = true;
    return figure;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    fs.closeSync(log);
    // Kept only when something went wrong, for the error's reader.
    if (measured) fs.rmSync(logPath, { force: true });
  }
}

async function measureBare(): Promise<IdleFigure> {
  const child = spawn(process.execPath, [path.join(here, 'bare-idle-server.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
    });
    await sleep(IDLE_S * 1000);
    const workers = serverAndWorkers(child.pid!)?.workers ?? [];
    const figure = { serverMb: rssMb(child.pid!), workersMb: workers.reduce((sum, pid) => sum + rssMb(pid), 0), workers: workers.length };
    await stop(child, [child.pid!]);
    return figure;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

const line = (label: string, f: IdleFigure, extra = '') =>
  process.stdout.write(`rss idle ${label} mb=${f.serverMb.toFixed(0)}${extra} workers_mb=${f.workersMb.toFixed(0)} workers=${f.workers}\n`);

line('bare', await measureBare());

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idle-memory-'));
try {
  line('db=pglite', await measureServer({ DATA_DIR: dataDir }), ' start=first');
  line('db=pglite', await measureServer({ DATA_DIR: dataDir }), ' start=restart');
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = `peerbridge_idle_${randomBytes(6).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const pgDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'idle-memory-pg-'));
try {
  await admin.query(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  // A throwaway database: one superuser login runs the migrations and the server (as in development).
  line('db=pg', await measureServer({ DATA_DIR: pgDataDir, DATABASE_URL: url.toString(), ALLOW_PRIVILEGED_DATABASE_LOGIN: '1' }));
} finally {
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  fs.rmSync(pgDataDir, { recursive: true, force: true });
}
