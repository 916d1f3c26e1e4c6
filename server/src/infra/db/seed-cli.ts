import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/config.js';
import { seedDemo } from '../../demo/demo-data.js';
import { seedDemoAttendanceHistory } from '../../demo/demo-attendance.js';
import { loadLogSigningKeys } from '../signing/log-signing-keys.js';
import { SessionEventRepository } from './session-event-repository.js';
import { DeviceTokens } from '../../services/devices/device-tokens.js';
import { loadSessionSecret } from '../session-secret.js';
import { serverClock } from '../time/system-clock.js';
import { openDatabase } from './database.js';
import { DeviceRepository } from './device-repository.js';

/** `npm run seed -w @peerbridge/server -- [--manifest file.json]`: demo data without starting the server. */
const { values } = parseArgs({ options: { manifest: { type: 'string' } } });
const config = loadConfig();
const database = await openDatabase(config.database);
try {
  const clock = serverClock(config.clockStart);
  const tokens = new DeviceTokens(loadSessionSecret(config.sessionSecret, config.dataDir), new DeviceRepository(database.db), clock);
  const manifest = await seedDemo(database.db, clock.now(), tokens);
  // Attendance history is written as real signed logs, so it needs the log's keys (see demo-attendance.ts).
  await seedDemoAttendanceHistory(database.db, new SessionEventRepository(database.db, loadLogSigningKeys(config.logSigning)), clock.now(), manifest);
  const json = JSON.stringify(manifest, null, 2);
  if (values.manifest) fs.writeFileSync(values.manifest, json);
  else process.stdout.write(`${json}\n`);
} finally {
  await database.close();
}
