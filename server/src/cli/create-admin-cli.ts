import { loadConfig } from '../config/config.js';
import { DataDirLockedError } from '../infra/db/data-dir-lock.js';
import { openDatabase } from '../infra/db/database.js';
import { serverClock } from '../infra/time/system-clock.js';
import { createAdminCommand } from './create-admin.js';

/** `npm run create-admin -w @peerbridge/server -- --email … --name …`: see create-admin.ts. */
const config = loadConfig();
let database;
try {
  database = await openDatabase(config.database);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\nStop the server (Ctrl+C), run this again, then start the server.\n`);
    process.exit(75);
  }
  throw error;
}
try {
  // The server's own clock, so the set-up code's week is counted on the same calendar the server checks it on.
  const result = await createAdminCommand(process.argv.slice(2), { db: database.db, clock: serverClock(config.clockStart) }, `http://localhost:${config.port || 3000}`);
  process.stdout.write(result.out);
  process.stderr.write(result.err);
  process.exitCode = result.exitCode;
} finally {
  await database.close();
}
