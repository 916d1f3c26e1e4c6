import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('the compiled start (npm start)', { timeout: 120_000 }, () => {
  it('builds plain JavaScript that node runs without tsx, resolving every module and the shared package', () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: serverDir, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    // A bad setting stops it right after every module has loaded: nothing is listened on or written.
    const started = spawnSync(process.execPath, ['--conditions=peerbridge-compiled', 'dist/main.js'], {
      cwd: serverDir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, PGLITE_SHARED_BUFFERS_MB: 'lots' },
    });
    expect(started.stderr).toContain('Peerbridge cannot start.');
    expect(started.stderr).toContain('PGLITE_SHARED_BUFFERS_MB');
    expect(started.status).toBe(78);
  });
});
