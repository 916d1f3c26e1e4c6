import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../test-support/test-databases.js';
import { DataDirLockedError } from './data-dir-lock.js';
import { openDatabase } from './database.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe.each(testDatabaseKinds())('migrations on %s', (kind) => {
  let testDb: TestDatabase | undefined;
  afterEach(async () => testDb?.dispose());

  it('create the schema, and running them again on the same database changes nothing', async () => {
    testDb = await createTestDatabase(kind);
    const first = await openDatabase(testDb.target);
    await first.close();
    const second = await openDatabase(testDb.target);
    const tables = await second.db
      .select({ name: sql<string>`table_name` })
      .from(sql`information_schema.tables`)
      .where(sql`table_schema = 'public'`);
    const names = tables.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['devices', 'pairings', 'partnerships', 'schools', 'session_events', 'session_occurrences', 'staff', 'students']),
    );
    await second.close();
  });
});

describe('the embedded database directory', () => {
  let testDb: TestDatabase | undefined;
  afterEach(async () => testDb?.dispose());

  it('is refused to a second opener while the first has it, and free again once closed', async () => {
    testDb = await createTestDatabase('pglite');
    const first = await openDatabase(testDb.target);
    await expect(openDatabase(testDb.target)).rejects.toBeInstanceOf(DataDirLockedError);

    // A second process is told plainly what is wrong.
    const other = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, DATA_DIR: testDb.dataDir, PORT: '0', MEDIA_WORKERS: '1', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(other.status).toBe(75);
    expect(other.stderr).toMatch(/already open in another Peerbridge process \(pid \d+\)/);

    await first.close();
    const again = await openDatabase(testDb.target);
    await again.close();
  });
});
