import fs from 'node:fs';
import path from 'node:path';
import { tmpDir } from './server-info.js';
import { createAdmin, freePort, serverEnv, startServer, type RunningServer } from './start-server.js';

/*
 * The first-run journey's own server: a second real server on an EMPTY embedded
 * database (no demo data), its own port and data directory, started by the spec
 * that uses it and stopped (SIGTERM, as the demo server) when that spec ends, so
 * the other specs and their demo server are untouched and pay nothing for it.
 */

/**
 * Wednesday 13 January 2027, 09:55 in London (GMT in January), inside the spring term the
 * coordinators set: Period 2 starts at 10:00, five minutes on, so a series booked for it
 * starts today and its first session is open to join (from five minutes before its start)
 * as soon as it is booked. The journey must reach the booking within those five minutes.
 */
export const JOURNEY_INSTANT = '2027-01-13T09:55:00Z';

export const JOURNEY_ADMIN = { email: 'ops@peerbridge.example', name: 'Sam Ops' };

export interface JourneyServer extends RunningServer {
  adminSetupCode: string;
}

export async function startJourneyServer(): Promise<JourneyServer> {
  const dir = path.join(tmpDir, 'journey');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const env = serverEnv({ dataDir: path.join(dir, 'data'), port: await freePort(), clockStart: JOURNEY_INSTANT });
  // As an operator starts: the admin first (the command's own clock is the server's), then the server.
  const adminSetupCode = createAdmin(env, JOURNEY_ADMIN);
  const server = await startServer(env, path.join(dir, 'server.log'));
  return { ...server, adminSetupCode };
}
