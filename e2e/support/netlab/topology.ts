import { spawnSync } from 'node:child_process';
import { run } from './shell.js';

/*
 * The lab's wiring. One server namespace holds a bridge with the app+SFU address and the
 * TURN address; each school namespace is joined to that bridge by a veth pair whose two
 * ends are created directly inside the two namespaces. Nothing is ever made in the root
 * namespace: no interface, route or rule, so the machine's own network is untouched.
 *
 *   pb<id>srv:  bridge "br0" 10.77.0.1 (app + SFU), 10.77.0.2 (TURN); port "s<i>" per school
 *   pb<id>s<i>: "eth0" 10.77.0.(10+i), peer of s<i>
 */

export const SUBNET = '10.77.0';
export const APP_IP = `${SUBNET}.1`;
export const TURN_IP = `${SUBNET}.2`;
export const schoolIp = (i: number) => `${SUBNET}.${10 + i}`;
/** The school end of each veth pair (inside the school namespace). */
export const SCHOOL_IF = 'eth0';
/** The server end of school i's veth pair (inside the server namespace, a port of br0). */
export const serverPortIf = (i: number) => `s${i}`;

const NAME = /^pb(\d+)n(\d+)(?:srv|s\d+)$/;

export interface LabNames {
  id: string;
  serverNs: string;
  schoolNs: string[];
}

let labsMadeHere = 0;

/** Names carry the creating process's pid, so a later run can tell a dead run's namespaces from a live one's. */
export function labNames(schools: number): LabNames {
  const id = `${process.pid}n${labsMadeHere++}`;
  return { id, serverNs: `pb${id}srv`, schoolNs: Array.from({ length: schools }, (_, i) => `pb${id}s${i}`) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function listNamespaces(): Promise<string[]> {
  const { stdout } = await run('ip', ['netns', 'list']);
  return stdout
    .split('\n')
    .map((line) => line.split(' ')[0]!.trim())
    .filter(Boolean);
}

/** Ends what still runs in a namespace (a SIGKILLed run leaves its server and coturn there), then deletes it. */
export function deleteNamespaceSync(ns: string): void {
  const pids = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  spawnSync('ip', ['netns', 'del', ns]);
}

/**
 * Removes the namespaces of labs whose process is gone (a run killed before its destroy()).
 * Labs of processes still alive (another spec run on this machine) are left alone.
 */
export async function sweepStaleLabs(): Promise<string[]> {
  const swept: string[] = [];
  for (const ns of await listNamespaces()) {
    const match = NAME.exec(ns);
    if (!match || alive(Number(match[1]))) continue;
    deleteNamespaceSync(ns);
    swept.push(ns);
  }
  return swept;
}

async function ip(args: string[]): Promise<void> {
  await run('ip', args);
}

export async function buildTopology(names: LabNames): Promise<void> {
  const srv = names.serverNs;
  await ip(['netns', 'add', srv]);
  await ip(['-n', srv, 'link', 'set', 'lo', 'up']);
  await ip(['-n', srv, 'link', 'add', 'br0', 'type', 'bridge']);
  await ip(['-n', srv, 'link', 'set', 'dev', 'br0', 'gso_max_segs', '1', 'gso_max_size', '1500']);
  await ip(['-n', srv, 'addr', 'add', `${APP_IP}/24`, 'dev', 'br0']);
  await ip(['-n', srv, 'addr', 'add', `${TURN_IP}/24`, 'dev', 'br0']);
  await ip(['-n', srv, 'link', 'set', 'br0', 'up']);
  for (const [i, ns] of names.schoolNs.entries()) {
    await ip(['netns', 'add', ns]);
    await ip(['-n', ns, 'link', 'set', 'lo', 'up']);
    // Both ends are born inside the lab's namespaces: no interface ever appears in the root namespace.
    await ip(['-n', srv, 'link', 'add', serverPortIf(i), 'type', 'veth', 'peer', 'name', SCHOOL_IF, 'netns', ns]);
    // Packets at wire size, as on a real link: the cap's tbf splits a 64 KB GSO packet into ~43 at once
    // and its queue of a few packets drops most of them, so TCP through it crawled at a fraction of the cap.
    for (const [where, dev] of [
      [srv, serverPortIf(i)],
      [ns, SCHOOL_IF],
    ] as const) {
      await ip(['-n', where, 'link', 'set', 'dev', dev, 'gso_max_segs', '1', 'gso_max_size', '1500']);
    }
    await ip(['-n', srv, 'link', 'set', serverPortIf(i), 'master', 'br0', 'up']);
    await ip(['-n', ns, 'addr', 'add', `${schoolIp(i)}/24`, 'dev', SCHOOL_IF]);
    await ip(['-n', ns, 'link', 'set', SCHOOL_IF, 'up']);
  }
}
