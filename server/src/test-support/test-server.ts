import type { Logger } from 'pino';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../infra/log/logger.js';
import { startServer, type RunningServer } from '../server.js';
import { createTestDatabase, type TestDatabase } from './test-databases.js';
import { TestClock } from './test-clock.js';

export interface TestServer extends RunningServer {
  testDb: TestDatabase;
  /** The server's clock: tests read "now" from it and move it, never the machine's clock. */
  clock: TestClock;
}

/**
 * The real server — real database, real mediasoup worker, real socket.io —
 * on an ephemeral HTTP port and a randomly chosen media port, with demo data
 * seeded around the test clock's instant (see test-clock.ts).
 */
export async function startTestServer(
  kind: 'pglite' | 'postgres',
  clock: TestClock = new TestClock(),
  extraEnv: Record<string, string> = {},
  /** The production logger by default (silent unless TEST_LOG_LEVEL says otherwise); pass one to read its lines. */
  log: Logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
): Promise<TestServer> {
  const testDb = await createTestDatabase(kind);
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: testDb.dataDir,
      MEDIA_WORKERS: '1',
      MEDIA_RTC_PORT: String(41000 + Math.floor(Math.random() * 8000)),
      DEMO: '1',
      CLIENT_DIST: '/nonexistent',
      // Test suites send hundreds of requests a minute from one address.
      API_RATE_LIMIT: '1000000',
      // Each suite decides: most open safeguarding records without an authenticator; the step-up suite requires it.
      STAFF_STEP_UP: 'off',
      ...(testDb.target.kind === 'postgres' ? { DATABASE_URL: testDb.target.url, MIGRATION_DATABASE_URL: testDb.target.migrationUrl! } : {}),
      ...extraEnv,
    });
    try {
      const server = await startServer(config, log, clock);
      return { ...server, testDb, clock };
    } catch (error) {
      lastError = error;
      if (!String(error).includes('could not listen')) break;
    }
  }
  await testDb.dispose();
  throw lastError;
}

export async function stopTestServer(server: TestServer | undefined): Promise<void> {
  if (!server) return;
  await server.close();
  await server.testDb.dispose();
}
