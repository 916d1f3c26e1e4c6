import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { E2E_ADMIN, e2eInstant, infoFile, tmpDir, type ServerInfo } from './server-info.js';
import { createAdmin, freePort, repoRoot, serverEnv, startServer, tsx } from './start-server.js';

/** Starts the real server (fresh embedded database, demo data, built client, clock at `e2eInstant`) for the whole run. */
export default async function globalSetup() {
  if (!fs.existsSync(path.join(repoRoot, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist is missing: run `npm run setup` (or `npm test`, which runs it) first');
  }
  fs.rmSync(tmpDir, { recursive: true, force: true });
  fs.mkdirSync(tmpDir, { recursive: true });
  const port = await freePort();
  const env = serverEnv({ dataDir: path.join(tmpDir, 'data'), port, clockStart: e2eInstant });
  const manifestFile = path.join(tmpDir, 'manifest.json');
  const seeded = spawnSync(tsx, ['server/src/infra/db/seed-cli.ts', '--manifest', manifestFile], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });
  if (seeded.status !== 0) throw new Error(`seeding the demo data failed (exit ${seeded.status})`);
  const adminSetupCode = createAdmin(env, E2E_ADMIN);

  const server = await startServer(env, path.join(tmpDir, 'server.log'));
  const info: ServerInfo = { url: server.url, pid: server.pid, manifest: JSON.parse(fs.readFileSync(manifestFile, 'utf8')), adminSetupCode };
  fs.writeFileSync(infoFile, JSON.stringify(info, null, 2));

  return () => server.stop();
}
