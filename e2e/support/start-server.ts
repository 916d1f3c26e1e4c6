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
export function serverEnv(options: { dataDir: string; port: number; clockStart: string; smtpUrl?: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Notification email goes to the spec's own SMTP server (mail-catcher.ts) when it names one, else nowhere.
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl, PUBLIC_URL: `http://127.0.0.1:${options.port}` } : { SMTP_URL: '' }),
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

export interface StartServerOptions {
  /** Runs the server command behind this argv (e.g. `ip netns exec <ns>` to start it inside a network namespace). */
  commandPrefix?: string[];
  /** The address the server answers on; `http://127.0.0.1:$PORT` by default. */
  url?: string;
  /** How to tell it is ready, where the test process cannot reach it itself (another network namespace). */
  waitReady?: (url: string, server: ChildProcess) => Promise<void>;
  /** Its own process group, so a crash can be simulated by SIGKILLing the server and its workers at once. */
  ownProcessGroup?: boolean;
  /** Append to the log rather than start it afresh (a restart keeps the earlier run's lines). */
  appendLog?: boolean;
}

/** Starts `server/src/main.ts` with `env`, logging to `logFile`, and waits until it answers /readyz. */
export async function startServer(env: NodeJS.ProcessEnv, logFile: string, options: StartServerOptions = {}): Promise<RunningServer> {
  const server = spawnServer(env, logFile, options);
  const url = options.url ?? `http://127.0.0.1:${env.PORT}`;
  try {
    await (options.waitReady ?? ((u, s) => waitUntilReady(u, s, 30_000)))(url, server);
  } catch (error) {
    server.kill('SIGKILL');
    process.stderr.write(fs.readFileSync(logFile, 'utf8'));
    throw error;
  }
  const stop = async () => {
    if (server.exitCode !== null) throw new Error(`the server had already exited with code ${server.exitCode}; see ${logFile}${whyItEnded(logFile)}`);
    // A graceful stop is part of what is tested: SIGTERM must end the process cleanly and quickly.
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000))]);
    if (code === 'timeout') {
      server.kill('SIGKILL');
      throw new Error('the server did not stop within 20 s of SIGTERM');
    }
    if (code !== 0) throw new Error(`the server exited with code ${code} on SIGTERM; see ${logFile}${whyItEnded(logFile)}`);
    // A step that ran past its budget was cut short and the stop still ended cleanly; said here, since CI keeps only the output.
    for (const line of logLines(logFile).filter((l) => l.includes('"ShutdownStepOverran"'))) process.stderr.write(`stop overran (${logFile}): ${line}\n`);
  };
  return { url, pid: server.pid!, stop };
}

/**
 * The last 20 of the log's errors and of anything not written by the logger (a crash's stack
 * trace): what a failed stop says in the test's own output, since CI keeps that and not the file.
 */
function whyItEnded(logFile: string): string {
  const lines = logLines(logFile);
  const telling = lines.filter((line) => {
    try {
      return (JSON.parse(line) as { level?: number }).level! >= 50;
    } catch {
      return true;
    }
  });
  if (telling.length === 0) return '';
  return `; its errors:\n${telling.slice(-20).map((line) => `  ${line.slice(0, 600)}`).join('\n')}`;
}

function logLines(logFile: string): string[] {
  return fs.readFileSync(logFile, 'utf8').split('\n').filter((line) => line.trim() !== '');
}

/** The server process itself, not yet known to be ready (startServer waits; a lab's restart needs the process). */
export function spawnServer(env: NodeJS.ProcessEnv, logFile: string, options: StartServerOptions = {}): ChildProcess {
  const log = fs.openSync(logFile, options.appendLog ? 'a' : 'w');
  // node with tsx's loader, not the tsx command: the command is a second process that relays signals and,
  // when the server does not acknowledge a SIGTERM within 30 ms (a busy machine), SIGKILLs it and exits 143.
  // Started this way the pid is the server's own, SIGTERM reaches it directly and SIGKILL is a real crash.
  const [cmd, ...args] = [...(options.commandPrefix ?? []), process.execPath, '--import', 'tsx', 'server/src/main.ts'];
  const server = spawn(cmd!, args, { cwd: repoRoot, env, stdio: ['ignore', log, log], detached: options.ownProcessGroup ?? false });
  fs.closeSync(log);
  return server;
}
