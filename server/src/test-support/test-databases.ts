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
  /** PostgreSQL only: the cluster's superuser on this database, for tests that play an attacker who has it. */
  superuserUrl?: string;
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

const APP_ROLE = 'peerbridge_app';

async function asAdmin<T>(adminUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/**
 * On PostgreSQL each suite is set up as the README tells an operator to: an
 * owner login that owns the database and runs the migrations, and a separate
 * runtime login with no rights of its own (the server is granted
 * peerbridge_app at start-up). Roles are cluster-wide and suites run at once,
 * so the shared peerbridge_app role is made here, once, and each suite's
 * owner is given the right to grant it (as its creator would have).
 */
export async function createTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-test-'));
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (kind === 'pglite') {
    return { name: 'PGlite', target: { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') }, dataDir, dispose: removeDir };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const suffix = randomBytes(6).toString('hex');
  const dbName = `peerbridge_test_${suffix}`;
  const owner = `peerbridge_owner_${suffix}`;
  const runtime = `peerbridge_runtime_${suffix}`;
  await asAdmin(adminUrl, async (admin) => {
    try {
      await admin.query(`create role ${APP_ROLE} nologin`);
    } catch (error) {
      // Already there, or another suite made it a moment ago.
      if (!['42710', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
    }
    await admin.query(`create role ${owner} login`);
    await admin.query(`grant ${APP_ROLE} to ${owner} with admin option`);
    await admin.query(`create role ${runtime} login`);
    await admin.query(`create database ${dbName} owner ${owner}`);
  });
  const urlAs = (user: string | undefined) => {
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    if (user) {
      url.username = user;
      url.password = '';
    }
    return url.toString();
  };
  return {
    name: 'PostgreSQL',
    target: { kind: 'postgres', url: urlAs(runtime), migrationUrl: urlAs(owner) },
    superuserUrl: urlAs(undefined),
    dataDir,
    dispose: async () => {
      await asAdmin(adminUrl, async (admin) => {
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.query(`drop role if exists ${runtime}`);
        await admin.query(`drop role if exists ${owner}`);
      });
      await removeDir();
    },
  };
}
