import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import * as schema from './schema.js';

/** The query surface both drivers share: repositories only ever see this. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export interface Database {
  db: Db;
  kind: DatabaseTarget['kind'];
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/** The role the migrations create; the application works as it, so the logs stay append-only. */
const APP_ROLE = 'peerbridge_app';

/** An arbitrary constant: every node takes this advisory lock so only one migrates at a time. */
const MIGRATION_LOCK_KEY = 4_242_001;

/** Opens the database and brings its schema up to date. The same migrations run on both drivers. */
export async function openDatabase(target: DatabaseTarget, onIdleError?: (error: Error) => void): Promise<Database> {
  return target.kind === 'pglite' ? openPglite(target.dataDir) : openPostgres(target.url, onIdleError);
}

async function openPglite(dataDir: string): Promise<Database> {
  const unlock = lockDataDir(dataDir);
  try {
    const client = await PGlite.create(dataDir);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    await client.exec(`set role ${APP_ROLE}`);
    return {
      db,
      kind: 'pglite',
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: async () => {
        try {
          await client.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

async function openPostgres(url: string, onIdleError?: (error: Error) => void): Promise<Database> {
  // Migrations run on a connection of their own, as the login user (they need DDL rights) ...
  const migrator = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await migrator.connect();
  try {
    await migrator.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(migrator), { migrationsFolder });
  } finally {
    await migrator.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await migrator.end();
  }
  // ... while every pooled connection works as the application role from its first
  // statement: the role is a startup parameter, so no query ever runs with more rights.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000, options: `-c role=${APP_ROLE}` });
  // An idle connection dropped by the server (a restart, a failover) must not take the process down;
  // the pool replaces it on next use.
  pool.on('error', (error) => onIdleError?.(error));
  try {
    const { rows } = await pool.query<{ current_user: string }>('select current_user');
    if (rows[0]?.current_user !== APP_ROLE) {
      throw new Error(`Could not switch to the database role ${APP_ROLE}; grant it to the user in DATABASE_URL.`);
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}
