import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { e2eDir } from './server-info.js';

export const repoRoot = path.resolve(e2eDir, '..');
export const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitUntilReady(url: string, server: ChildProcess, deadlineMs: number) {
  const deadline = performance.now() + deadlineMs;
  while (performance.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} while starting`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server at ${url} was not ready within ${deadlineMs} ms`);
}

/** The environment the browser runs give the real server: its data directory, port and the instant its clock starts at. */
export function serverEnv(options: { dataDir: string; port: number; clockStart: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: options.dataDir,
    HOST: '127.0.0.1',
    PORT: String(options.port),
    MEDIA_WORKERS: '1',
    MEDIA_RTC_PORT: String(options.port + 1),
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    // The data and the server share one stated instant, never the machine's clock.
    CLOCK_START: options.clockStart,
    // As in production: safeguarding leads open concerns only after the second factor (second-factor.spec.ts).
    STAFF_STEP_UP: 'required',
  };
}

/**
 * The deployment admin, made with the operator's command (`npm run create-admin`) before the
 * server holds the data directory; answers with the one-time set-up code it printed.
 */
export function createAdmin(env: NodeJS.ProcessEnv, admin: { email: string; name: string }): string {
  const made = spawnSync('npm', ['run', '--silent', 'create-admin', '-w', '@peerbridge/server', '--', '--email', admin.email, '--name', admin.name], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
  });
  const code = /set-up code: (\S+)/.exec(made.stdout)?.[1];
  if (made.status !== 0 || !code) throw new Error(`creating the deployment admin failed (exit ${made.status}): ${made.stderr}`);
  return code;
}

export interface RunningServer {
  url: string;
  pid: number;
  /** SIGTERM, and a failure if the server does not end cleanly and quickly. */
  stop(): Promise<void>;
}

/** Starts `server/src/main.ts` with `env`, logging to `logFile`, and waits until it answers /readyz. */
export async function startServer(env: NodeJS.ProcessEnv, logFile: string): Promise<RunningServer> {
  const log = fs.openSync(logFile, 'w');
  const server = spawn(tsx, ['server/src/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${env.PORT}`;
  try {
    await waitUntilReady(url, server, 30_000);
  } catch (error) {
    server.kill('SIGKILL');
    process.stderr.write(fs.readFileSync(logFile, 'utf8'));
    throw error;
  }
  const stop = async () => {
    if (server.exitCode !== null) throw new Error(`the server had already exited with code ${server.exitCode}; see ${logFile}`);
    // A graceful stop is part of what is tested: SIGTERM must end the process cleanly and quickly.
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000))]);
    if (code === 'timeout') {
      server.kill('SIGKILL');
      throw new Error('the server did not stop within 20 s of SIGTERM');
    }
    if (code !== 0) throw new Error(`the server exited with code ${code} on SIGTERM; see ${logFile}`);
  };
  return { url, pid: server.pid!, stop };
}
