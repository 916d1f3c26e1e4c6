import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../infra/db/database.js';

export interface TestDatabase {
  name: string;
  target: DatabaseTarget;
  dataDir: string;
  dispose(): Promise<void>;
}

/**
 * The databases every integration suite runs against: PGlite always, and a
 * real PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). Each suite
 * gets a fresh, empty database of its own.
 */
export function testDatabaseKinds(): ('pglite' | 'postgres')[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export async function createTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-test-'));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'pglite') {
    return { name: 'PGlite', target: { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') }, dataDir, dispose: removeDir };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const dbName = `peerbridge_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${dbName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return {
    name: 'PostgreSQL',
    target: { kind: 'postgres', url: url.toString() },
    dataDir,
    dispose: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${dbName} with (force)`);
      } finally {
        await cleanup.end();
      }
      await removeDir();
    },
  };
}
