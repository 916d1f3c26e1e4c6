import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { E2E_ADMIN, e2eDir, e2eInstant, infoFile, tmpDir, type ServerInfo } from './server-info.js';

const repoRoot = path.resolve(e2eDir, '..');
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, server: ReturnType<typeof spawn>, deadlineMs: number) {
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

/** Starts the real server (fresh embedded database, demo data, built client, clock at `e2eInstant`) for the whole run. */
export default async function globalSetup() {
  if (!fs.existsSync(path.join(repoRoot, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist is missing: run `npm run setup` (or `npm test`, which runs it) first');
  }
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: path.join(tmpDir, 'data'),
    HOST: '127.0.0.1',
    PORT: String(port),
    MEDIA_WORKERS: '1',
    MEDIA_RTC_PORT: String(port + 1),
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    // The seeding and the server share one stated instant, never the machine's clock.
    CLOCK_START: e2eInstant,
    // As in production: safeguarding leads open concerns only after the second factor (second-factor.spec.ts).
    STAFF_STEP_UP: 'required',
  };
  const manifestFile = path.join(tmpDir, 'manifest.json');
  const seeded = spawnSync(tsx, ['server/src/infra/db/seed-cli.ts', '--manifest', manifestFile], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });
  if (seeded.status !== 0) throw new Error(`seeding the demo data failed (exit ${seeded.status})`);
  // The deployment admin, made as an operator would, before the server holds the data directory.
  const admin = spawnSync(tsx, ['server/src/cli/create-admin-cli.ts', '--email', E2E_ADMIN.email, '--name', E2E_ADMIN.name], { cwd: repoRoot, env, encoding: 'utf8' });
  const adminSetupCode = /set-up code: (\S+)/.exec(admin.stdout)?.[1];
  if (admin.status !== 0 || !adminSetupCode) throw new Error(`creating the deployment admin failed (exit ${admin.status}): ${admin.stderr}`);

  const log = fs.openSync(path.join(tmpDir, 'server.log'), 'w');
  const server = spawn(tsx, ['server/src/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, server, 30_000);
  } catch (error) {
    server.kill('SIGKILL');
    process.stderr.write(fs.readFileSync(path.join(tmpDir, 'server.log'), 'utf8'));
    throw error;
  }
  const info: ServerInfo = { url, pid: server.pid!, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')), adminSetupCode };
  fs.writeFileSync(infoFile, JSON.stringify(info, null, 2));

  return async () => {
    // A graceful stop is part of what is tested: SIGTERM must end the process cleanly and quickly.
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000))]);
    if (code === 'timeout') {
      server.kill('SIGKILL');
      throw new Error('the server did not stop within 20 s of SIGTERM');
    }
    if (code !== 0) throw new Error(`the server exited with code ${code} on SIGTERM; see e2e/.tmp/server.log`);
  };
}
