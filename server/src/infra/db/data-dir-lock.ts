import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is already open in another Peerbridge process (pid ${holderPid}). ` +
        'Stop that process first, or give this one its own DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** This process's own mark: tells a lock it holds itself from one a dead process left under the same pid. */
const PROCESS_MARK = randomUUID();

/** The lock file's content: "<pid> <mark>" (older locks hold the pid alone). */
function readHolder(lockPath: string): { pid: number; mark: string | null } {
  const [pid = '', mark] = fs.readFileSync(lockPath, 'utf8').trim().split(/\s+/);
  return { pid: Number.parseInt(pid, 10), mark: mark ?? null };
}

/**
 * PGlite has no server to arbitrate access: two openers of one data directory
 * would corrupt it. A lock file holding the owner's pid and this process's mark
 * refuses a second opener, in another process or in this one; a lock left by a
 * process that no longer exists is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'peerbridge.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid} ${PROCESS_MARK}`, { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      // After a SIGKILL in a container the new process can get the dead one's pid (often 1): a lock under our
      // pid but without our mark is that dead process's, and stale; with our mark, this process holds it already.
      const ours = holder.pid === process.pid;
      if (Number.isInteger(holder.pid) && (ours ? holder.mark === PROCESS_MARK : isAlive(holder.pid))) {
        throw new DataDirLockedError(dataDir, holder.pid);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
