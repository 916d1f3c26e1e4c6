import { run, runIn } from './shell.js';
import { SCHOOL_IF, serverPortIf } from './topology.js';

/*
 * What a school's network can do to a call, as nftables rules in the school's namespace
 * (drops and random loss, both ways) and tc tbf qdiscs (bandwidth: the school end's egress
 * is its upload, the server end's egress its download). The kernel here has no netem.
 *
 * Each impair() call gets its own nftables table with its own base chains, so calls add up:
 * a packet passes only if every table lets it through (an accept in one table does not
 * override a drop in another). clear() deletes them all and the qdiscs.
 */

export interface Endpoint {
  ip: string;
  port: number;
}

export interface Impairment {
  /** Drop all UDP both ways. */
  blockUdp?: boolean;
  /** Drop everything both ways except TCP to (and back from) these endpoints. */
  onlyTcpTo?: Endpoint[];
  /** Drop this share of packets at random, both ways. */
  lossPercent?: number;
  /** Cap the bandwidth both ways (token bucket). */
  capKbit?: number;
  /** Drop everything both ways; the link stays up, as when a Wi-Fi access point stalls. */
  cut?: boolean;
}

export const TABLE_PREFIX = 'pb_impair_';

/** The nftables script for one impairment (null if it needs no packet filter, e.g. only a bandwidth cap). */
export function nftScript(table: string, impairment: Impairment): string | null {
  const both: string[] = [];
  const outbound: string[] = [];
  const inbound: string[] = [];
  if (impairment.cut) both.push('drop');
  if (impairment.blockUdp) both.push('meta l4proto udp drop');
  if (impairment.lossPercent !== undefined) {
    const p = impairment.lossPercent;
    if (!(p > 0 && p < 100)) throw new Error(`lossPercent must be between 0 and 100 (exclusive), not ${p}`);
    // numgen draws 0..9999 per packet; basis points keep fractional percentages exact.
    both.push(`numgen random mod 10000 < ${Math.round(p * 100)} drop`);
  }
  if (impairment.onlyTcpTo) {
    for (const { ip, port } of impairment.onlyTcpTo) {
      outbound.push(`ip daddr ${ip} tcp dport ${port} accept`);
      inbound.push(`ip saddr ${ip} tcp sport ${port} accept`);
    }
    both.push('drop');
  }
  if (both.length === 0 && outbound.length === 0) return null;
  const chain = (hook: 'input' | 'output', own: string[]) =>
    [
      `  chain ${hook} {`,
      `    type filter hook ${hook} priority 0; policy accept;`,
      // The namespace's own loopback is not the school's network.
      `    ${hook === 'input' ? 'iifname' : 'oifname'} "lo" accept`,
      ...own.map((rule) => `    ${rule}`),
      ...both.map((rule) => `    ${rule}`),
      '  }',
    ].join('\n');
  return [`table inet ${table} {`, chain('output', outbound), chain('input', inbound), '}', ''].join('\n');
}

export function validateImpairment(impairment: Impairment): void {
  const known = ['blockUdp', 'onlyTcpTo', 'lossPercent', 'capKbit', 'cut'];
  const unknown = Object.keys(impairment).filter((key) => !known.includes(key));
  if (unknown.length) throw new Error(`unknown impairment option(s): ${unknown.join(', ')}`);
  if (Object.keys(impairment).length === 0) throw new Error('impair() needs at least one impairment');
  if (impairment.capKbit !== undefined && !(impairment.capKbit >= 8 && impairment.capKbit <= 1_000_000)) {
    throw new Error(`capKbit must be between 8 and 1000000, not ${impairment.capKbit}`);
  }
}

export async function applyFilter(schoolNs: string, table: string, impairment: Impairment): Promise<void> {
  const script = nftScript(table, impairment);
  if (script) await runIn(schoolNs, 'nft', ['-f', '-'], { input: script });
}

/** tbf on both ends of school i's link: the school end shapes its upload, the server end its download. */
export async function applyCap(schoolNs: string, serverNs: string, i: number, kbit: number): Promise<void> {
  const rateBytesPerSecond = (kbit * 1000) / 8;
  // At least one full-size packet per token bucket, or nothing passes at low rates; ~20 ms worth above that.
  const burst = Math.max(3000, Math.round(rateBytesPerSecond / 50));
  // A short queue (about 300 ms): a real congested uplink drops, it does not buffer for seconds.
  const limit = Math.max(6000, Math.round(rateBytesPerSecond * 0.3));
  const tbf = ['root', 'tbf', 'rate', `${kbit}kbit`, 'burst', String(burst), 'limit', String(limit)];
  await runIn(schoolNs, 'tc', ['qdisc', 'replace', 'dev', SCHOOL_IF, ...tbf]);
  await run('ip', ['netns', 'exec', serverNs, 'tc', 'qdisc', 'replace', 'dev', serverPortIf(i), ...tbf]);
}

export async function clearAll(schoolNs: string, serverNs: string, i: number): Promise<void> {
  const { stdout } = await runIn(schoolNs, 'nft', ['list', 'tables']);
  for (const line of stdout.split('\n')) {
    const table = line.trim().split(' ')[2];
    if (table?.startsWith(TABLE_PREFIX)) await runIn(schoolNs, 'nft', ['delete', 'table', 'inet', table]);
  }
  for (const [ns, dev] of [
    [schoolNs, SCHOOL_IF],
    [serverNs, serverPortIf(i)],
  ] as const) {
    const { stdout: qdiscs } = await runIn(ns, 'tc', ['qdisc', 'show', 'dev', dev]);
    if (qdiscs.includes('tbf')) await runIn(ns, 'tc', ['qdisc', 'del', 'dev', dev, 'root']);
  }
}

/** What is in force at school i, for error messages and the clear() check. */
export async function describeImpairments(schoolNs: string, serverNs: string, i: number): Promise<string> {
  const nft = (await runIn(schoolNs, 'nft', ['list', 'ruleset'])).stdout.trim();
  const up = (await runIn(schoolNs, 'tc', ['qdisc', 'show', 'dev', SCHOOL_IF])).stdout.trim();
  const down = (await runIn(serverNs, 'tc', ['qdisc', 'show', 'dev', serverPortIf(i)])).stdout.trim();
  return `nft:\n${nft || '(none)'}\ntc school end: ${up}\ntc server end: ${down}`;
}
