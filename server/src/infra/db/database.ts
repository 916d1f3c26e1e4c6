import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { initPgliteDataDirInChild } from './pglite-initdb.js';
import { guardRoleSwitches } from './pglite-role-guard.js';
import * as schema from './schema.js';

/** The query surface both drivers share: repositories only ever see this. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseTarget =
  | {
      kind: 'postgres';
      /** The server's own login: it must neither own the tables nor be able to become their owner or a superuser. */
      url: string;
      /** The tables' owner, for migrations only; unset only with allowPrivilegedLogin (then url does both). */
      migrationUrl?: string | undefined;
      /** Development only: accept a runtime login that is too powerful, and work as peerbridge_app through it. */
      allowPrivilegedLogin?: boolean | undefined;
    }
  | {
      kind: 'pglite';
      dataDir: string;
      /** PostgreSQL's shared_buffers inside the embedded database, in MB; unset: PGLITE_DEFAULT_SHARED_BUFFERS_MB. */
      sharedBuffersMb?: number | undefined;
      /** A new data directory is initialised in a short-lived child process (see pglite-initdb.ts); the server sets it. */
      initdbInChildProcess?: boolean | undefined;
    };

export interface Database {
  db: Db;
  kind: DatabaseTarget['kind'];
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * PGlite only: runs statements as the embedded database's owner, which shares this process.
   * For tests that play an attacker with the data directory in hand; nothing in the server calls it.
   */
  asEmbeddedOwner?: (statements: string[]) => Promise<void>;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/**
 * The embedded PostgreSQL's buffer pool. Its own default (128 MB) is allocated and zeroed inside the WASM heap at
 * start-up, so all of it stays resident however small the data; the operating system's page cache behind the data
 * directory serves what does not fit. 32 MB answered the programme-report bench (195,000 attendance rows) as fast as
 * 128 MB in interleaved runs; 16 MB was up to a fifth slower.
 */
export const PGLITE_DEFAULT_SHARED_BUFFERS_MB = 32;

/** The role the migrations create and grant the application's rights to: insert and read the logs, nothing more. */
const APP_ROLE = 'peerbridge_app';

/** An arbitrary constant: every node takes this advisory lock so only one migrates at a time. */
const MIGRATION_LOCK_KEY = 4_242_001;

/** The runtime login holds rights that would let SQL on its connection rewrite the logs. */
export class DatabaseLoginTooPowerfulError extends Error {
  constructor(
    readonly login: string,
    readonly powers: string[],
  ) {
    super(
      `DATABASE_URL logs in as "${login}", which is too powerful for the running server: ${powers.join('; ')}. ` +
        'Run the server as a login that only holds what the role peerbridge_app is granted, and put the tables\' owner in ' +
        'MIGRATION_DATABASE_URL (see "Two database logins" in the README). For a throwaway development database only, ' +
        'ALLOW_PRIVILEGED_DATABASE_LOGIN=1 skips this check.',
    );
    this.name = 'DatabaseLoginTooPowerfulError';
  }
}

/**
 * Opens the database and brings its schema up to date. The same migrations run on both drivers.
 * Each driver is imported only when it is the one used: a server on PostgreSQL does not hold PGlite's modules, nor one
 * on PGlite pg's.
 */
export async function openDatabase(target: DatabaseTarget, onIdleError?: (error: Error) => void): Promise<Database> {
  return target.kind === 'pglite' ? openPglite(target) : openPostgres(target, onIdleError);
}

/**
 * Run as the superuser before the connection drops to the application role: take away the
 * indirect ways back to the superuser that the statement guard cannot see (see pglite-role-guard.ts).
 * Idempotent; the purge function is SECURITY DEFINER, so it keeps set_config.
 */
const PGLITE_LOCKDOWN = `
  REVOKE EXECUTE ON FUNCTION set_config(text, text, boolean) FROM PUBLIC;
  REVOKE USAGE ON LANGUAGE plpgsql FROM PUBLIC;
  REVOKE USAGE ON LANGUAGE sql FROM PUBLIC;
  DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$;
`;

async function openPglite(target: Extract<DatabaseTarget, { kind: 'pglite' }>): Promise<Database> {
  const { dataDir } = target;
  const unlock = lockDataDir(dataDir);
  try {
    const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    // PGlite's own start parameters plus the buffer pool; they also apply to the initdb of a new data directory.
    const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${target.sharedBuffersMb ?? PGLITE_DEFAULT_SHARED_BUFFERS_MB}MB`];
    if (target.initdbInChildProcess) await initPgliteDataDirInChild(dataDir, startParams);
    const client = await PGlite.create(dataDir, { startParams });
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    await client.exec(PGLITE_LOCKDOWN);
    // SESSION AUTHORIZATION, not SET ROLE: afterwards SET ROLE and RESET ROLE cannot reach the superuser.
    await client.exec(`set session authorization ${APP_ROLE}`);
    const db = drizzlePglite({ client: guardRoleSwitches(client), schema }) as unknown as Db;
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
      asEmbeddedOwner: async (statements) => {
        await client.exec('set session authorization postgres');
        try {
          for (const statement of statements) await client.exec(statement);
        } finally {
          await client.exec(`set session authorization ${APP_ROLE}`);
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

async function postgresDriver() {
  const [{ default: pg }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  return { pg, drizzlePg: drizzle, migratePg: migrate };
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>, onIdleError?: (error: Error) => void): Promise<Database> {
  const { pg, drizzlePg } = await postgresDriver();
  const runtime = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5_000 });
  await runtime.connect();
  let privileged: boolean;
  try {
    const { rows } = await runtime.query<{ login: string }>('select session_user as login');
    const login = rows[0]!.login;
    await migrate(target.migrationUrl ?? target.url, login);
    const powers = await powersOf(runtime);
    privileged = powers.length > 0;
    if (privileged && !target.allowPrivilegedLogin) throw new DatabaseLoginTooPowerfulError(login, powers);
  } finally {
    await runtime.end();
  }
  // A login that is too powerful (allowed in development only) at least works as the application role
  // from every connection's first statement; the proper runtime login already has no more than that.
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    ...(privileged ? { options: `-c role=${APP_ROLE}` } : {}),
  });
  // An idle connection dropped by the server (a restart, a failover) must not take the process down;
  // the pool replaces it on next use.
  pool.on('error', (error) => onIdleError?.(error));
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

/**
 * Migrations run on a connection of their own, as the tables' owner, which then grants the
 * application role to the runtime login (so an operator only creates the login).
 */
async function migrate(ownerUrl: string, runtimeLogin: string): Promise<void> {
  const { pg, drizzlePg, migratePg } = await postgresDriver();
  const owner = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 5_000 });
  await owner.connect();
  try {
    await owner.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(owner), { migrationsFolder });
    const { rows } = await owner.query<{ login: string }>('select session_user as login');
    if (rows[0]!.login !== runtimeLogin) {
      await owner.query(`grant ${APP_ROLE} to ${owner.escapeIdentifier(runtimeLogin)}`);
    }
  } finally {
    await owner.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await owner.end();
  }
}

/** What the login could do to the logs beyond inserting and reading: each a reason to refuse it. */
async function powersOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ superuser: boolean; createrole: boolean; becomes_superuser: boolean; owners: string[] }>(`
    select r.rolsuper as superuser,
           r.rolcreaterole as createrole,
           exists (select 1 from pg_roles s where s.rolsuper and pg_has_role(r.oid, s.oid, 'MEMBER')) as becomes_superuser,
           array(
             select distinct o.rolname::text from (
               select c.relowner as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p', 'S')
               union select n.nspowner from pg_namespace n where n.nspname = 'public'
               union select p.proowner from pg_proc p where p.proname = 'peerbridge_refuse_log_change'
             ) owned join pg_roles o on o.oid = owned.owner
             where pg_has_role(r.oid, owned.owner, 'MEMBER')
           ) as owners
      from pg_roles r where r.rolname = session_user`);
  const row = rows[0]!;
  const powers: string[] = [];
  if (row.superuser) powers.push('it is a superuser');
  else if (row.becomes_superuser) powers.push('it can become a superuser');
  if (row.createrole) powers.push('it has CREATEROLE, so it can give itself other roles');
  if (!row.superuser && row.owners.length > 0) {
    powers.push(`it is or can become the owner of the tables, the public schema or the log's trigger (${row.owners.map((o) => `"${o}"`).join(', ')})`);
  }
  return powers;
}
