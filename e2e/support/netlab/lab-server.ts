import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DemoManifest } from '../server-info.js';
import { E2E_ADMIN } from '../server-info.js';
import { createAdmin, repoRoot, serverEnv, startServer, tsx, type RunningServer } from '../start-server.js';
import type { ProbeAgent } from './agent.js';
import { inNamespace } from './shell.js';
import { APP_IP } from './topology.js';

/** Inside its namespace the server owns the whole address, so the ports are the production defaults. */
export const APP_PORT = 3000;
export const MEDIA_RTC_PORT = 40000;

export interface LabServerOptions {
  /** The instant the server's clock (and the demo data) start at. */
  clockStart: string;
  /** A fresh embedded database is made here (emptied first). */
  dataDir: string;
  extraEnv?: NodeJS.ProcessEnv;
}

export interface LabServer {
  url: string;
  /** The current process (it changes on restart). */
  readonly pid: number;
  manifest: DemoManifest;
  adminSetupCode: string;
  logFile: string;
  /** SIGTERM; fails if the server does not end cleanly and quickly. */
  stop(): Promise<void>;
  /** SIGKILL to the server and its media workers at once: a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same data (stopping it gracefully first if it still runs); its clock goes on from where it was. */
  restart(): Promise<void>;
  running(): boolean;
}

function seedDemoData(env: NodeJS.ProcessEnv, manifestFile: string): DemoManifest {
  const seeded = spawnSync(tsx, ['server/src/infra/db/seed-cli.ts', '--manifest', manifestFile], { cwd: repoRoot, env, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`seeding the lab's demo data failed (exit ${seeded.status}): ${seeded.stderr}`);
  return JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as DemoManifest;
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = performance.now() + withinMs;
  while (performance.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await sleep(50);
  }
  return false;
}

/** The real server inside the server namespace, on APP_IP, seeded with the demo data as global-setup seeds it. */
export async function startLabServer(serverNs: string, agent: ProbeAgent, options: LabServerOptions): Promise<LabServer> {
  fs.rmSync(options.dataDir, { recursive: true, force: true });
  fs.mkdirSync(options.dataDir, { recursive: true });
  const baseEnv = (clockStart: string): NodeJS.ProcessEnv => ({
    ...serverEnv({ dataDir: options.dataDir, port: APP_PORT, clockStart }),
    HOST: APP_IP,
    MEDIA_LISTEN_IP: APP_IP,
    MEDIA_RTC_PORT: String(MEDIA_RTC_PORT),
    ...options.extraEnv,
  });
  const firstEnv = baseEnv(options.clockStart);
  const manifest = seedDemoData(firstEnv, path.join(path.dirname(options.dataDir), 'manifest.json'));
  const adminSetupCode = createAdmin(firstEnv, E2E_ADMIN);
  const url = `http://${APP_IP}:${APP_PORT}`;
  const logFile = path.join(path.dirname(options.dataDir), 'server.log');
  const startedAt = performance.now();

  const launch = (env: NodeJS.ProcessEnv, appendLog: boolean) =>
    startServer(env, logFile, {
      commandPrefix: inNamespace(serverNs),
      url,
      ownProcessGroup: true,
      appendLog,
      // The test process is outside the lab and cannot reach APP_IP: the server namespace's agent asks.
      waitReady: async (u, child) => {
        const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the lab server exited with code ${code} while starting; see ${logFile}`))));
        const ready = await Promise.race([agent.waitReady(`${u}/readyz`, 30_000), exited]);
        if (!ready.ready) throw new Error(`the lab server at ${u} was not ready within 30 s (${ready.last}); see ${logFile}`);
      },
    });

  let current: RunningServer | undefined = await launch(firstEnv, false);
  const server: LabServer = {
    url,
    get pid() {
      if (!current) throw new Error('the lab server is not running');
      return current.pid;
    },
    manifest,
    adminSetupCode,
    logFile,
    running: () => current !== undefined,
    async stop() {
      if (!current) return;
      const running = current;
      current = undefined;
      await running.stop();
    },
    async kill() {
      if (!current) throw new Error('the lab server is not running');
      const { pid } = current;
      current = undefined;
      process.kill(-pid, 'SIGKILL');
      if (!(await gone(pid, 5_000))) throw new Error(`the lab server (pid ${pid}) outlived SIGKILL`);
    },
    async restart() {
      await server.stop();
      // The server's clock goes on from where the first start's did, never back to clockStart.
      const elapsedMs = performance.now() - startedAt;
      const clockStart = new Date(Date.parse(options.clockStart) + elapsedMs).toISOString();
      current = await launch(baseEnv(clockStart), true);
    },
  };
  return server;
}
