import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const e2eDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const tmpDir = path.join(e2eDir, '.tmp');
export const infoFile = path.join(tmpDir, 'server.json');

/**
 * The instant the server's clock starts at for the whole browser run (it then moves with
 * real time), so the demo's "open now" session is open whatever the machine's clock says.
 * `PEERBRIDGE_TEST_NOW` picks another, as `scripts/test-at-instants.sh` does. The same
 * default as the integration tests' (server/src/test-support/test-clock.ts).
 */
export const e2eInstant = process.env.PEERBRIDGE_TEST_NOW?.trim() || '2026-11-25T10:20:00Z';

export interface DemoManifest {
  schools: { id: string; name: string; role: 'mentor' | 'mentee'; deviceId: string; deviceToken: string }[];
  sessions: {
    id: string;
    kind: 'now' | 'later' | 'earlier';
    mentor: { id: string; firstName: string };
    mentee: { id: string; firstName: string };
    startsAt: string;
    endsAt: string;
  }[];
}

export interface ServerInfo {
  url: string;
  pid: number;
  manifest: DemoManifest;
  /** The one-time code `npm run create-admin` printed for the deployment admin (deployment-setup.spec.ts uses it). */
  adminSetupCode: string;
}

/** The deployment admin global-setup creates with the command line, as an operator would. */
export const E2E_ADMIN = { email: 'admin@peerbridge.example', name: 'Olu Ops' };

/** What global-setup wrote: the running server's address and the seeded demo data. */
export function serverInfo(): ServerInfo {
  return JSON.parse(fs.readFileSync(infoFile, 'utf8')) as ServerInfo;
}

export function demoSession(kind: 'now' | 'later' | 'earlier') {
  const session = serverInfo().manifest.sessions.find((s) => s.kind === kind);
  if (!session) throw new Error(`no ${kind} session in the demo data`);
  return session;
}

export function deviceToken(role: 'mentor' | 'mentee'): string {
  const school = serverInfo().manifest.schools.find((s) => s.role === role);
  if (!school) throw new Error(`no ${role} school in the demo data`);
  return school.deviceToken;
}
