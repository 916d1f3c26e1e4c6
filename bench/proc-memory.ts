import fs from 'node:fs';

/** Resident memory of a process in MB, from /proc/<pid>/smaps_rollup (what it holds in RAM, shared pages included). */
export function rssMb(pid: number): number {
  const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = /^Rss:\s+(\d+) kB/m.exec(rollup);
  if (!kb) throw new Error(`Unreadable /proc/${pid}/smaps_rollup`);
  return Number(kb[1]) / 1024;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; the parent pid is the second field after it.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Every live descendant of root (children, their children, …) with its command line. */
export function descendants(root: number): { pid: number; command: string }[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: { pid: number; command: string }[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push({ pid, command: commandOf(pid) });
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/**
 * The server process under a launcher (npm, sh): the parent of the mediasoup workers, which the server spawns
 * itself; the workers are returned apart.
 */
export function serverAndWorkers(root: number): { server: number; workers: number[] } | undefined {
  const workers = descendants(root).filter((p) => p.command.includes('mediasoup-worker'));
  const server = workers.length > 0 ? parentOf(workers[0]!.pid) : undefined;
  return server === undefined ? undefined : { server, workers: workers.map((w) => w.pid) };
}
