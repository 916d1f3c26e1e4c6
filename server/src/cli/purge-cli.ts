import { loadConfig } from '../config/config.js';
import { openDatabase } from '../infra/db/database.js';
import { RetentionRepository } from '../infra/db/retention-repository.js';
import { SessionEventRepository } from '../infra/db/session-event-repository.js';
import { loadLogSigningKeys } from '../infra/signing/log-signing-keys.js';
import { createLogger } from '../infra/log/logger.js';
import { systemClock } from '../infra/time/system-clock.js';
import { RetentionJob } from '../services/retention/retention-job.js';

/** `npm run purge -w @peerbridge/server`: run the retention purge once and print what it did. */
const config = loadConfig();
const log = createLogger(config.logLevel);
const database = await openDatabase(config.database);
try {
  const events = new SessionEventRepository(database.db, loadLogSigningKeys(config.logSigning));
  const summary = await new RetentionJob({ retention: new RetentionRepository(database.db), events, clock: systemClock, log }).run();
  process.stdout.write(
    `Purged ${summary.entriesPurged} log entries from ${summary.sessionsPurged} sessions; ` +
      `kept ${summary.sessionsKeptForConcerns} expired sessions that a concern is attached to.\n`,
  );
} finally {
  await database.close();
}
