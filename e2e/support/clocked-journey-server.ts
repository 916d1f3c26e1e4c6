import fs from 'node:fs';
import path from 'node:path';
import { tmpDir } from './server-info.js';
import { createAdmin, freePort, serverEnv, startServer, waitUntilReady, type RunningServer } from './start-server.js';

/*
 * A journey's own server on an EMPTY embedded database whose clock the spec moves on: each
 * `restartAt(instant)` stops it (SIGTERM, as a deploy does) and starts it again on the same port
 * and data directory with its clock at that instant, so "a week later" is a real later day for
 * every rule the server applies (join windows, attendance, notices, emails), never the machine's.
 */
export class ClockedJourneyServer {
  private running: RunningServer | null = null;
  private starts = 0;

  private constructor(
    readonly url: string,
    readonly adminSetupCode: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly dir: string,
  ) {}

  static async create(name: string, options: { clockStart: string; admin: { email: string; name: string }; smtpUrl?: string; env?: NodeJS.ProcessEnv }) {
    const dir = path.join(tmpDir, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const port = await freePort();
    const env = { ...serverEnv({ dataDir: path.join(dir, 'data'), port, clockStart: options.clockStart, ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}) }), ...options.env };
    // As an operator starts: the admin first (the command's own clock is the server's), then the server.
    const adminSetupCode = createAdmin(env, options.admin);
    const server = new ClockedJourneyServer(`http://127.0.0.1:${port}`, adminSetupCode, env, dir);
    await server.start();
    return server;
  }

  /** Stops the server and starts it again with its clock at `instant` (an ISO instant). */
  async restartAt(instant: string): Promise<void> {
    await this.stop();
    this.env.CLOCK_START = instant;
    await this.start();
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await running.stop();
  }

  private async start(): Promise<void> {
    // Generous, as RestartableServer's: a cold start on a loaded CI machine has taken over 15 s.
    this.running = await startServer(this.env, path.join(this.dir, `server-${++this.starts}.log`), {
      waitReady: (url, child) => waitUntilReady(url, child, 60_000),
    });
  }
}
