import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-databases.js';
import { openDatabase, PGLITE_DEFAULT_SHARED_BUFFERS_MB } from './database.js';
import { initPgliteDataDirInChild } from './pglite-initdb.js';

async function sharedBuffersOf(database: Awaited<ReturnType<typeof openDatabase>>): Promise<string> {
  const result = await database.db.execute<{ shared_buffers: string }>(sql`show shared_buffers`);
  return (result as unknown as { rows: { shared_buffers: string }[] }).rows[0]!.shared_buffers;
}

// Each opens PGlite more than once (initdb included): slow on a loaded machine.
describe('the embedded database memory settings', { timeout: 180_000 }, () => {
  let testDb: TestDatabase | undefined;
  afterEach(async () => testDb?.dispose());

  it('starts with the smaller buffer pool, or the one asked for', async () => {
    testDb = await createTestDatabase('pglite');
    const target = testDb.target as Extract<TestDatabase['target'], { kind: 'pglite' }>;
    const byDefault = await openDatabase(target);
    expect(await sharedBuffersOf(byDefault)).toBe(`${PGLITE_DEFAULT_SHARED_BUFFERS_MB}MB`);
    await byDefault.close();
    const asked = await openDatabase({ ...target, sharedBuffersMb: 48 });
    expect(await sharedBuffersOf(asked)).toBe('48MB');
    await asked.close();
  });

  it('initialises a new data directory in a child process, and leaves an existing one alone', async () => {
    testDb = await createTestDatabase('pglite');
    const target = testDb.target as Extract<TestDatabase['target'], { kind: 'pglite' }>;
    fs.mkdirSync(target.dataDir, { recursive: true });
    expect(await initPgliteDataDirInChild(target.dataDir, PGlite.defaultStartParams)).toBe(true);
    expect(fs.existsSync(path.join(target.dataDir, 'PG_VERSION'))).toBe(true);
    expect(await initPgliteDataDirInChild(target.dataDir, [])).toBe(false);
  });

  it('opens a new data directory initialised that way with the schema in place', async () => {
    testDb = await createTestDatabase('pglite');
    const target = testDb.target as Extract<TestDatabase['target'], { kind: 'pglite' }>;
    const database = await openDatabase({ ...target, initdbInChildProcess: true });
    expect(fs.existsSync(path.join(target.dataDir, 'PG_VERSION'))).toBe(true);
    const tables = await database.db.select({ name: sql<string>`table_name` }).from(sql`information_schema.tables`).where(sql`table_schema = 'public'`);
    expect(tables.map((t) => t.name)).toContain('session_events');
    await database.close();
  });
});
