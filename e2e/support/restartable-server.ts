import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { e2eInstant, tmpDir, type DemoManifest } from './server-info.js';
import { freePort, repoRoot, serverEnv, tsx, waitUntilReady } from './start-server.js';

/*
 * A spec's own server with the demo data, that the spec may kill (SIGKILL, as a crash) or stop
 * (SIGTERM) and start again on the same port and data directory, as a process supervisor would.
 * The node process itself is the server (tsx as a loader, not a wrapper), so SIGKILL hits it and
 * not a parent that would leave it running.
 */
export class RestartableServer {
  private process: ChildProcess | null = null;
  private starts = 0;

  private constructor(
    readonly name: string,
    readonly url: string,
    readonly manifest: DemoManifest,
    private readonly env: NodeJS.ProcessEnv,
    private readonly dir: string,
  ) {}

  /** `smtpUrl`: where its notification emails go (a MailCatcher's url); none by default. */
  static async create(name: string, options: { smtpUrl?: string } = {}): Promise<RestartableServer> {
    const dir = path.join(tmpDir, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const port = await freePort();
    // Staff read the session log over the API here without the second factor (it has its own spec).
    const env = { ...serverEnv({ dataDir: path.join(dir, 'data'), port, clockStart: e2eInstant, smtpUrl: options.smtpUrl }), STAFF_STEP_UP: 'off' };
    const manifestFile = path.join(dir, 'manifest.json');
    const seeded = spawnSync(tsx, ['server/src/infra/db/seed-cli.ts', '--manifest', manifestFile], { cwd: repoRoot, env, stdio: 'inherit' });
    if (seeded.status !== 0) throw new Error(`seeding the demo data failed (exit ${seeded.status})`);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as DemoManifest;
    return new RestartableServer(name, `http://127.0.0.1:${port}`, manifest, env, dir);
  }

  /** Starts the server and resolves once it answers /readyz; the milliseconds that took. */
  async start(): Promise<number> {
    if (this.process) throw new Error('already running');
    const began = performance.now();
    const logFile = path.join(this.dir, `server-${++this.starts}.log`);
    const log = fs.openSync(logFile, 'w');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: repoRoot, env: this.env, stdio: ['ignore', log, log] });
    this.process = child;
    child.once('exit', () => {
      if (this.process === child) this.process = null;
    });
    try {
      // Generous: on a loaded CI machine a cold start (tsx, PGlite, the worker) has taken over 15 s.
      await waitUntilReady(this.url, child, 60_000);
    } catch (error) {
      child.kill('SIGKILL');
      process.stderr.write(fs.readFileSync(logFile, 'utf8'));
      throw error;
    }
    return performance.now() - began;
  }

  /** Sends the signal and waits until the process has gone (SIGTERM: it must exit 0 within 20 s). */
  async signal(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const child = this.process;
    if (!child) throw new Error('not running');
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    child.kill(signal);
    const outcome = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000))]);
    if (outcome === 'timeout') {
      child.kill('SIGKILL');
      throw new Error(`the server did not exit within 20 s of ${signal}`);
    }
    if (signal === 'SIGTERM' && outcome.code !== 0) throw new Error(`the server exited with code ${outcome.code} on SIGTERM`);
  }

  deviceToken(role: 'mentor' | 'mentee'): string {
    const school = this.manifest.schools.find((s) => s.role === role);
    if (!school) throw new Error(`no ${role} school`);
    return school.deviceToken;
  }

  session(kind: 'now' | 'later' | 'earlier') {
    const session = this.manifest.sessions.find((s) => s.kind === kind);
    if (!session) throw new Error(`no ${kind} session`);
    return session;
  }

  /** Stops it if it is still running (the spec's clean-up). */
  async dispose(): Promise<void> {
    if (this.process) await this.signal('SIGTERM').catch(() => this.process?.kill('SIGKILL'));
  }
}
