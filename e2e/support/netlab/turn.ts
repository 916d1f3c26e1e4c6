import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProbeAgent } from './agent.js';
import { inNamespace, run } from './shell.js';
import { APP_IP, TURN_IP } from './topology.js';

/*
 * coturn (Debian's `turnserver`) inside the server namespace on TURN_IP, with the
 * time-limited credentials the app hands out (use-auth-secret: the TURN REST scheme in
 * server/src/services/call-media/ice-servers.ts), plain TURN on 3478 UDP/TCP and TURN over
 * TLS on 443 with a certificate made for this run.
 */

export const TURN_PORT = 3478;
export const TURN_TLS_PORT = 443;
export const RELAY_PORTS = { min: 49160, max: 49200 } as const;

export interface LabTurn {
  /** The instant coturn's clock started at (the server's must start at the same). */
  clockStart: string;
  /** The TURN_URLS the app hands to browsers. */
  urls: string[];
  secret: string;
  /** The test certificate (PEM), for a browser that must trust it. */
  certFile: string;
  /** base64 SHA-256 of the certificate's public key (Chromium's --ignore-certificate-errors-spki-list takes it). */
  certSpki: string;
  logFile: string;
  pid: number;
  stop(): Promise<void>;
}

/** A self-signed certificate for TURN_IP (as IP SAN), made with openssl for this run only. */
export async function makeTestCertificate(dir: string): Promise<{ certFile: string; keyFile: string }> {
  const certFile = path.join(dir, 'turn-cert.pem');
  const keyFile = path.join(dir, 'turn-key.pem');
  await run('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2',
    '-subj', '/CN=peerbridge-test-turn',
    '-addext', `subjectAltName=IP:${TURN_IP}`,
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,digitalSignature,keyCertSign',
    '-addext', 'extendedKeyUsage=serverAuth',
  ]); // prettier-ignore
  return { certFile, keyFile };
}

/** base64 SHA-256 of the certificate's SubjectPublicKeyInfo. */
export function spkiHash(certFile: string): string {
  const key = new X509Certificate(fs.readFileSync(certFile)).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(key).digest('base64');
}

function turnConfig(o: { secret: string; certFile: string; keyFile: string; logFile: string; pidFile: string; userDb: string }): string {
  return [
    `listening-ip=${TURN_IP}`,
    `relay-ip=${TURN_IP}`,
    `listening-port=${TURN_PORT}`,
    `tls-listening-port=${TURN_TLS_PORT}`,
    `min-port=${RELAY_PORTS.min}`,
    `max-port=${RELAY_PORTS.max}`,
    'use-auth-secret',
    `static-auth-secret=${o.secret}`,
    'realm=peerbridge.test',
    'fingerprint',
    `cert=${o.certFile}`,
    `pkey=${o.keyFile}`,
    'no-tlsv1',
    'no-tlsv1_1',
    // Browsers reach it over UDP, TCP and TLS; DTLS is not offered by the app.
    'no-dtls',
    'no-cli',
    'no-multicast-peers',
    'no-software-attribute',
    // The lab is a private range; the relay may reach exactly the SFU and nothing else.
    'denied-peer-ip=0.0.0.0-255.255.255.255',
    `allowed-peer-ip=${APP_IP}`,
    `log-file=${o.logFile}`,
    'simple-log',
    'no-stdout-log',
    `pidfile=${o.pidFile}`,
    // Its own (empty) user database: REST credentials need none, and the host's stays untouched.
    `userdb=${o.userDb}`,
    '',
  ].join('\n');
}

/**
 * coturn checks a credential's expiry against its own clock, and the app signs them on the
 * server's clock, which starts at the test's stated instant: coturn runs on the same clock
 * (libfaketime, Debian's package `faketime`, which the browser set-up installs), never the machine's.
 */
function faketimeEnv(clockStart: string): NodeJS.ProcessEnv {
  const lib = ['x86_64-linux-gnu', 'aarch64-linux-gnu']
    .map((arch) => `/usr/lib/${arch}/faketime/libfaketimeMT.so.1`)
    .find((candidate) => fs.existsSync(candidate));
  if (!lib) throw new Error("NetLab's TURN needs libfaketime (Debian package `faketime`; `npm run setup -- --with-browser` installs it)");
  const instant = new Date(clockStart);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an instant: ${clockStart}`);
  // "@" starts the clock at that instant and lets it run on, as the server's does.
  const at = instant.toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
  return { ...process.env, TZ: 'UTC', LD_PRELOAD: lib, FAKETIME: `@${at}`, FAKETIME_DONT_RESET: '1' };
}

export async function startLabTurn(serverNs: string, agent: ProbeAgent, dir: string, clockStart: string): Promise<LabTurn> {
  fs.mkdirSync(dir, { recursive: true });
  const { certFile, keyFile } = await makeTestCertificate(dir);
  const secret = randomBytes(24).toString('hex');
  const logFile = path.join(dir, 'turnserver.log');
  const configFile = path.join(dir, 'turnserver.conf');
  fs.writeFileSync(configFile, turnConfig({ secret, certFile, keyFile, logFile, pidFile: path.join(dir, 'turnserver.pid'), userDb: path.join(dir, 'turndb.sqlite') }), { mode: 0o600 });
  const [ip, ...prefix] = inNamespace(serverNs);
  const child: ChildProcess = spawn(ip!, [...prefix, 'turnserver', '-c', configFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: faketimeEnv(clockStart),
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));

  const deadline = performance.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`turnserver exited with code ${child.exitCode}: ${stderr.trim()}; see ${logFile}`);
    const [plain, tls] = await Promise.all([agent.tcpConnect(TURN_IP, TURN_PORT), agent.tcpConnect(TURN_IP, TURN_TLS_PORT)]);
    if (plain === 'open' && tls === 'open') break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`turnserver did not listen on ${TURN_IP}:${TURN_PORT} and :${TURN_TLS_PORT} within 10 s; see ${logFile}`);
    }
    await sleep(100);
  }

  return {
    clockStart,
    urls: [`turn:${TURN_IP}:${TURN_PORT}?transport=udp`, `turn:${TURN_IP}:${TURN_PORT}?transport=tcp`, `turns:${TURN_IP}:${TURN_TLS_PORT}?transport=tcp`],
    secret,
    certFile,
    certSpki: spkiHash(certFile),
    logFile,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const outcome = await Promise.race([exited, sleep(5_000).then(() => 'timeout')]);
      if (outcome === 'timeout') child.kill('SIGKILL');
    },
  };
}
