import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROBE_PORT, type ProbeAgent } from './agent.js';
import type { Endpoint, Impairment } from './impairments.js';
import { APP_IP } from './topology.js';

/*
 * Proof that an impairment is really in force, measured with packets between the school's
 * probe agent and the server namespace's (about a second each). A check that fails throws:
 * a test that believes UDP is blocked when it is not would pass for the wrong reason.
 */

export interface Link {
  school: ProbeAgent;
  server: ProbeAgent;
  schoolIp: string;
  describe(): Promise<string>;
}

class ImpairmentNotApplied extends Error {}

async function fail(link: Link, what: string): Promise<never> {
  throw new ImpairmentNotApplied(`NetLab: ${what} (school ${link.schoolIp})\n${await link.describe()}`);
}

/** UDP datagrams sent each way and how many arrived: [school -> server, server -> school]. */
async function udpBothWays(link: Link, count: number): Promise<[number, number]> {
  const tag = randomBytes(6).toString('hex');
  await Promise.all([link.school.udpSend(APP_IP, count, `${tag}u`), link.server.udpSend(link.schoolIp, count, `${tag}d`)]);
  await sleep(150); // stragglers still in flight
  return [await link.server.udpReceived(`${tag}u`), await link.school.udpReceived(`${tag}d`)];
}

/** Plain connectivity both ways: what clear() must give back and what create() must start from. */
export async function checkClean(link: Link): Promise<void> {
  const [up, down] = await udpBothWays(link, 20);
  if (up !== 20 || down !== 20) await fail(link, `a clean link lost UDP probes (${up}/20 up, ${down}/20 down)`);
  const tcp = await link.school.tcpConnect(APP_IP, PROBE_PORT);
  if (tcp !== 'open') await fail(link, `a clean link could not open TCP to ${APP_IP}:${PROBE_PORT} (${tcp})`);
}

async function checkBlockUdp(link: Link) {
  const [up, down] = await udpBothWays(link, 30);
  if (up + down > 0) await fail(link, `blockUdp is not in force: ${up}/30 UDP probes got out, ${down}/30 got in`);
}

async function checkCut(link: Link) {
  const [up, down] = await udpBothWays(link, 30);
  if (up + down > 0) await fail(link, `cut is not in force: ${up}/30 UDP probes got out, ${down}/30 got in`);
  const [out, back] = await Promise.all([link.school.tcpConnect(APP_IP, PROBE_PORT, 500), link.server.tcpConnect(link.schoolIp, PROBE_PORT, 500)]);
  if (out !== 'timeout' || back !== 'timeout') await fail(link, `cut is not in force: TCP out ${out}, TCP in ${back}`);
}

/** The allowed endpoints answer (a connection or a refusal both prove packets pass); another port and UDP do not. */
async function checkOnlyTcpTo(link: Link, allowed: Endpoint[]) {
  for (const { ip, port } of allowed) {
    const result = await link.school.tcpConnect(ip, port, 1_000);
    if (result !== 'open' && result !== 'refused') await fail(link, `onlyTcpTo blocks the allowed ${ip}:${port} (${result})`);
  }
  if (!allowed.some((e) => e.ip === APP_IP && e.port === PROBE_PORT)) {
    const other = await link.school.tcpConnect(APP_IP, PROBE_PORT, 500);
    if (other !== 'timeout') await fail(link, `onlyTcpTo lets TCP to ${APP_IP}:${PROBE_PORT} through (${other})`);
  }
  const [up, down] = await udpBothWays(link, 20);
  if (up + down > 0) await fail(link, `onlyTcpTo lets UDP through (${up}/20 out, ${down}/20 in)`);
}

/**
 * Observed loss each way must be within five standard deviations (and half a point) of the target.
 * Less loss than that fails at once: the rule is not in force. More is measured again (up to three
 * times): on a busy machine the receiving agent can be descheduled long enough for its socket
 * buffer to overflow (11.7 % seen on a 5 % rule), which says nothing about the rule.
 */
async function checkLoss(link: Link, percent: number) {
  const n = 2000;
  const tolerance = 5 * 100 * Math.sqrt(((percent / 100) * (1 - percent / 100)) / n) + 0.5;
  for (let tries = 1; ; tries++) {
    const [up, down] = await udpBothWays(link, n);
    const observed = (
      [
        ['school -> server', up],
        ['server -> school', down],
      ] as const
    ).map(([direction, received]) => ({ direction, received, percent: (100 * (n - received)) / n }));
    const say = (o: (typeof observed)[number]) =>
      `lossPercent ${percent}: observed ${o.percent.toFixed(2)} % ${o.direction} (${o.received}/${n} arrived), outside ±${tolerance.toFixed(2)}`;
    const tooLittle = observed.find((o) => o.percent < percent - tolerance);
    if (tooLittle) await fail(link, say(tooLittle));
    const tooMuch = observed.find((o) => o.percent > percent + tolerance);
    if (!tooMuch) return;
    if (tries === 3) await fail(link, `${say(tooMuch)} in three measurements`);
  }
}

/**
 * A second's TCP transfer in each direction, one after the other, must run near the cap (burst and headers allowed for). Faster
 * than the cap fails at once: the cap is not in force. Much slower is measured again (up to three
 * times): one TCP transfer through a queue of a few packets can stall on a retransmission timeout
 * for most of its second, which says nothing about the cap.
 */
async function checkCap(link: Link, kbit: number) {
  const windowMs = 1_000;
  // One direction at a time: a transfer each way at once queues each one's ACKs behind the other's
  // full-size packets in the cap's short queue, and both then run at about half the cap (seen in CI).
  const measure = async () => [await link.school.pullRateBps(APP_IP, windowMs), await link.server.pullRateBps(link.schoolIp, windowMs)] as const;
  for (let tries = 1; ; tries++) {
    const [download, upload] = await measure();
    const results = [
      ['download', download],
      ['upload', upload],
    ] as const;
    const ratios = results.map(([direction, bps]) => ({ direction, bps, ratio: bps / (kbit * 1000) }));
    const tooFast = ratios.find((r) => r.ratio > 1.3);
    const tooSlow = ratios.find((r) => r.ratio < 0.5);
    const bad = tooFast ?? (tries >= 3 ? tooSlow : undefined);
    if (bad) {
      await fail(link, `capKbit ${kbit}: ${bad.direction} ran at ${(bad.bps / 1000).toFixed(0)} kbit/s (${bad.ratio.toFixed(2)} × the cap)${tooFast ? '' : ` in ${tries} tries`}`);
    }
    if (!tooSlow) return;
  }
}

export async function checkImpairment(link: Link, impairment: Impairment): Promise<void> {
  // A cut or a filter that leaves no TCP path makes the other checks meaningless: they are checked alone.
  if (impairment.cut) return checkCut(link);
  if (impairment.blockUdp) await checkBlockUdp(link);
  if (impairment.onlyTcpTo) await checkOnlyTcpTo(link, impairment.onlyTcpTo);
  if (impairment.lossPercent !== undefined) await checkLoss(link, impairment.lossPercent);
  if (impairment.capKbit !== undefined) await checkCap(link, impairment.capKbit);
}
