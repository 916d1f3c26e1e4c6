import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { loadConfig } from '../../config/config.js';
import { startServer, type RunningServer } from '../../server.js';
import { capturingLogger } from '../../test-support/log-capture.js';
import { connectStaff } from '../../test-support/staff-socket.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/*
 * Two nodes on one PostgreSQL database and one Redis: signing out on one node
 * ends the staff member's socket on the other at once, through the adapter's
 * room broadcast (not the other node's periodic re-check, which logs
 * StaffSocketSessionEnded).
 */
const redisUrl = process.env.TEST_REDIS_URL;
const postgresUrl = process.env.TEST_DATABASE_URL;

describe.runIf(redisUrl && postgresUrl)('ending a staff session across nodes', () => {
  let first: TestServer;
  let second: RunningServer;
  const secondLog = capturingLogger();

  beforeAll(async () => {
    first = await startTestServer('postgres', undefined, { REDIS_URL: redisUrl! });
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: first.testDb.dataDir,
      MEDIA_WORKERS: '1',
      MEDIA_RTC_PORT: String(41000 + Math.floor(Math.random() * 8000)),
      CLIENT_DIST: '/nonexistent',
      API_RATE_LIMIT: '1000000',
      STAFF_STEP_UP: 'off',
      REDIS_URL: redisUrl!,
      // The second node shares the first's database, with the same runtime and migration logins.
      ...(first.testDb.target.kind === 'postgres' ? { DATABASE_URL: first.testDb.target.url, MIGRATION_DATABASE_URL: first.testDb.target.migrationUrl! } : {}),
    });
    second = await startServer(config, secondLog.log, first.clock);
  });
  afterAll(async () => {
    await second?.close();
    await stopTestServer(first);
  });

  it('a sign-out on one node disconnects the socket held by the other node', async () => {
    const dsl = await connectStaff(second.url, 'dsl@northgate.example');
    const ended = new Promise<number>((resolve) => {
      const started = performance.now();
      dsl.socket.once('disconnect', () => resolve(performance.now() - started));
    });
    await request(first.url).post('/api/staff/logout').set('Origin', first.url).set('Cookie', dsl.cookie).expect(204);
    // Well inside the other node's 5-second re-check: only the broadcast can have done it.
    const ms = await Promise.race([ended, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('still connected')), 4_000))]);
    expect(ms).toBeLessThan(4_000);
    expect(secondLog.lines.some((l) => l.msg === 'StaffSocketSessionEnded')).toBe(false);
    dsl.close();
  });
});
