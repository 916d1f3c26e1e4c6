import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

describe('the embedded database lock', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-lock-'));
    dirs.push(dir);
    return dir;
  };
  const lockFile = (dir: string) => path.join(dir, 'peerbridge.lock');
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second opener in this same process, and is free again once released', () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    lockDataDir(dir)();
  });

  it('refuses while another live process holds it', () => {
    const dir = freshDir();
    fs.writeFileSync(lockFile(dir), `${process.ppid} someone-else`);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it("takes over a lock a dead process left, also one under this process's pid (a container restarted after SIGKILL)", () => {
    for (const stale of [`${process.pid} a-previous-process`, String(process.pid), '2147483646 gone']) {
      const dir = freshDir();
      fs.writeFileSync(lockFile(dir), stale);
      const release = lockDataDir(dir);
      expect(fs.readFileSync(lockFile(dir), 'utf8')).toMatch(new RegExp(`^${process.pid} `));
      release();
    }
  });
});
