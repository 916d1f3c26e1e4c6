import type { Browser, LaunchOptions } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { e2eInstant, tmpDir } from '../server-info.js';
import { ProbeAgent } from './agent.js';
import { launchInNamespace } from './browser.js';
import { checkClean, checkImpairment, type Link } from './checks.js';
import { applyCap, applyFilter, clearAll, describeImpairments, TABLE_PREFIX, validateImpairment, type Impairment } from './impairments.js';
import { APP_PORT, startLabServer, type LabServer, type LabServerOptions } from './lab-server.js';
import { requireRoot, runIn, type ExecResult } from './shell.js';
import { APP_IP, buildTopology, deleteNamespaceSync, labNames, schoolIp, sweepStaleLabs, TURN_IP, type LabNames } from './topology.js';
import { startLabTurn, type LabTurn } from './turn.js';

/** The instant the lab's server and coturn clocks start at unless told: the browser run's (see server-info.ts). */
const DEFAULT_CLOCK_START = e2eInstant;

/**
 * A small network of its own for a browser test: a server namespace (the app + SFU on
 * appIp, coturn on turnIp) and one namespace per school iPad, each browser running inside
 * its school's namespace, where impair() degrades that school's link. See e2e/README.md.
 */
export class NetLab {
  readonly appIp = APP_IP;
  readonly turnIp = TURN_IP;
  readonly appPort = APP_PORT;
  /** Files of this lab (data, logs, certificates, wrappers): e2e/.tmp/netlab-<id>/. */
  readonly dir: string;
  private readonly agents: ProbeAgent[] = [];
  private serverAgent!: ProbeAgent;
  private readonly browsers: Browser[] = [];
  private server: LabServer | undefined;
  private turn: LabTurn | undefined;
  private readonly active: Impairment[][];
  private tables = 0;
  private destroyed = false;
  private readonly exitGuard = () => this.destroySync();

  private constructor(private readonly names: LabNames) {
    this.dir = path.join(tmpDir, `netlab-${names.id}`);
    this.active = names.schoolNs.map(() => []);
  }

  static async create(options: { schools: number }): Promise<NetLab> {
    requireRoot();
    if (!(options.schools >= 1 && options.schools <= 8)) throw new Error(`a lab has 1 to 8 schools, not ${options.schools}`);
    const swept = await sweepStaleLabs();
    if (swept.length) console.log(`netlab: removed ${swept.length} namespace(s) left by an earlier run: ${swept.join(' ')}`);
    const lab = new NetLab(labNames(options.schools));
    process.once('exit', lab.exitGuard);
    try {
      fs.rmSync(lab.dir, { recursive: true, force: true });
      fs.mkdirSync(lab.dir, { recursive: true });
      await buildTopology(lab.names);
      lab.serverAgent = await ProbeAgent.start(lab.names.serverNs);
      lab.agents.push(lab.serverAgent);
      for (const ns of lab.names.schoolNs) lab.agents.push(await ProbeAgent.start(ns));
      for (let i = 0; i < options.schools; i += 1) await checkClean(lab.link(i));
    } catch (error) {
      await lab.destroy();
      throw error;
    }
    return lab;
  }

  get serverNs(): string {
    return this.names.serverNs;
  }

  schoolNs(i: number): string {
    const ns = this.names.schoolNs[i];
    if (!ns) throw new Error(`this lab has no school ${i} (it has ${this.names.schoolNs.length})`);
    return ns;
  }

  schoolIp(i: number): string {
    this.schoolNs(i);
    return schoolIp(i);
  }

  /** Runs a command inside one of the lab's namespaces. */
  exec(ns: string, cmd: string, args: string[] = []): Promise<ExecResult> {
    if (ns !== this.serverNs && !this.names.schoolNs.includes(ns)) throw new Error(`${ns} is not a namespace of this lab`);
    return runIn(ns, cmd, args);
  }

  /** An HTTP request made from inside a namespace (the server namespace by default): the test process cannot reach the lab. */
  fetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}, from: string = this.serverNs) {
    const agent = this.agents.find((a) => a.ns === from);
    if (!agent) throw new Error(`${from} is not a namespace of this lab`);
    return agent.http({ url, ...init });
  }

  /** The real server in the server namespace (demo data seeded). TURN_URLS/TURN_SECRET are set when startTurn() ran first. */
  async startServer(options: Partial<LabServerOptions> = {}): Promise<LabServer> {
    if (this.server) throw new Error('this lab already runs a server');
    const clockStart = options.clockStart ?? DEFAULT_CLOCK_START;
    if (this.turn && this.turn.clockStart !== clockStart) {
      throw new Error(`coturn runs on a clock from ${this.turn.clockStart}, the server would start at ${clockStart}: give startTurn() the same clockStart`);
    }
    const turnEnv = this.turn ? { TURN_URLS: this.turn.urls.join(','), TURN_SECRET: this.turn.secret } : {};
    this.server = await startLabServer(this.serverNs, this.serverAgent, {
      clockStart,
      dataDir: options.dataDir ?? path.join(this.dir, 'server', 'data'),
      extraEnv: { ...turnEnv, ...options.extraEnv },
    });
    return this.server;
  }

  /** coturn on turnIp (3478 UDP/TCP, TLS on 443). Start it before startServer() so the server offers it. */
  async startTurn(options: { clockStart?: string } = {}): Promise<LabTurn> {
    if (this.turn) throw new Error('this lab already runs coturn');
    if (this.server) throw new Error('start TURN before the server: the server reads TURN_URLS/TURN_SECRET when it starts');
    this.turn = await startLabTurn(this.serverNs, this.serverAgent, path.join(this.dir, 'turn'), options.clockStart ?? DEFAULT_CLOCK_START);
    return this.turn;
  }

  /** Playwright's Chromium, with the browser specs' flags, running inside school i's namespace. */
  async launchBrowser(i: number, options: LaunchOptions = {}): Promise<Browser> {
    // Chromium checks the TURN server's TLS certificate (a self-signed one fails with ICE error 701):
    // it is told to accept exactly this run's test certificate, by its public key, and nothing else.
    const trustTurn = this.turn ? [`--ignore-certificate-errors-spki-list=${this.turn.certSpki}`] : [];
    const browser = await launchInNamespace(this.schoolNs(i), path.join(this.dir, 'browsers'), `http://${APP_IP}:${APP_PORT}`, {
      ...options,
      args: [...trustTurn, ...(options.args ?? [])],
    });
    this.browsers.push(browser);
    return browser;
  }

  /** Degrades school i's link, then proves with probes that it really does; throws if not. Impairments add up until clear(). */
  async impair(i: number, impairment: Impairment): Promise<void> {
    validateImpairment(impairment);
    const ns = this.schoolNs(i);
    const already = this.active[i]!;
    const udpGone = already.some((a) => a.cut || a.blockUdp || a.onlyTcpTo);
    if (impairment.lossPercent !== undefined && udpGone) throw new Error('lossPercent cannot be checked while UDP is already blocked at this school: clear() first');
    if (impairment.capKbit !== undefined && already.some((a) => a.cut || a.onlyTcpTo)) throw new Error('capKbit cannot be checked while this school is cut off or TCP-restricted: clear() first');
    await applyFilter(ns, `${TABLE_PREFIX}${this.tables++}`, impairment);
    if (impairment.capKbit !== undefined) await applyCap(ns, this.serverNs, i, impairment.capKbit);
    already.push(impairment);
    await checkImpairment(this.link(i), impairment);
  }

  /** Checks again that `impairment` is in force at school i (throws if not), e.g. midway through a test. */
  verify(i: number, impairment: Impairment): Promise<void> {
    validateImpairment(impairment);
    return checkImpairment(this.link(i), impairment);
  }

  /** Removes every impairment of school i and checks the link is clean again. */
  async clear(i: number): Promise<void> {
    await clearAll(this.schoolNs(i), this.serverNs, i);
    this.active[i] = [];
    await checkClean(this.link(i));
  }

  private link(i: number): Link {
    return {
      school: this.agents[i + 1]!,
      server: this.serverAgent,
      schoolIp: schoolIp(i),
      describe: () => describeImpairments(this.schoolNs(i), this.serverNs, i),
    };
  }

  /** Closes the browsers, stops coturn and the server, and removes every namespace (and with them every rule). */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    const problems: string[] = [];
    for (const browser of this.browsers) await browser.close().catch((e: Error) => problems.push(`closing a browser: ${e.message}`));
    if (this.server?.running()) await this.server.stop().catch((e: Error) => problems.push(`stopping the server: ${e.message}`));
    await this.turn?.stop().catch((e: Error) => problems.push(`stopping coturn: ${e.message}`));
    this.destroySync();
    process.removeListener('exit', this.exitGuard);
    if (problems.length) throw new Error(`NetLab.destroy(): ${problems.join('; ')}`);
  }

  /** The part of destroy() that also runs when the process exits without it: nothing in the lab outlives the test. */
  private destroySync(): void {
    for (const agent of this.agents) agent.stop();
    for (const ns of [...this.names.schoolNs, this.names.serverNs]) deleteNamespaceSync(ns);
  }
}
