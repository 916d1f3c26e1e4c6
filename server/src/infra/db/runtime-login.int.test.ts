import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';
import { DatabaseLoginTooPowerfulError, openDatabase } from './database.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * What SQL on the server's own connection can do to the log: an injected
 * query, or a bug. It may insert and read; it must not be able to change,
 * remove, reorder or unprotect what is there, or become someone who can.
 */
describe.each(testDatabaseKinds())('the runtime connection on %s', (kind) => {
  let server: TestServer;
  let sessionId: string;
  let owner: string;
  const run = (statement: string) => server.database.db.execute(sql.raw(statement));

  beforeAll(async () => {
    server = await startTestServer(kind);
    sessionId = server.demo!.sessions.find((s) => s.kind === 'now')!.id;
    const actor = server.demo!.sessions.find((s) => s.kind === 'now')!.mentor.id;
    for (const type of ['SessionJoined', 'SessionLeft', 'SessionJoined'] as const) {
      await server.events.append({ occurrenceId: sessionId, type, actor, at: server.clock.now() });
    }
    const result = (await run(`select tableowner from pg_tables where tablename = 'session_events'`)) as unknown as { rows: { tableowner: string }[] };
    owner = result.rows[0]!.tableowner;
  });
  afterAll(() => stopTestServer(server));

  it('works as a role that is neither the owner nor a superuser', async () => {
    const result = (await run(`select current_user as who, current_setting('is_superuser') as superuser`)) as unknown as { rows: { who: string; superuser: string }[] };
    expect(result.rows[0]!.superuser).toBe('off');
    expect(result.rows[0]!.who).not.toBe(owner);
  });

  const refused: [string, (owner: string) => string][] = [
    ['update an entry', () => `update session_events set detail = '{"reason":"nothing"}'::jsonb where occurrence_id = '${sessionId}'`],
    ['delete entries', () => `delete from session_events where occurrence_id = '${sessionId}'`],
    ['truncate the log', () => 'truncate session_events'],
    ['reorder entries', () => `update session_events set seq = seq + 1000 where occurrence_id = '${sessionId}'`],
    ['delete a checkpoint', () => 'delete from session_log_checkpoints'],
    ['disable the append-only trigger', () => 'alter table session_events disable trigger session_events_append_only'],
    ['disable every trigger', () => 'alter table session_events disable trigger all'],
    ['drop the trigger', () => 'drop trigger session_events_append_only on session_events'],
    ['bypass triggers as a replica', () => 'set session_replication_role = replica'],
    ['take the table', () => 'alter table session_events owner to current_user'],
    ['switch to the owner', (o) => `set role "${o}"`],
    ['switch to the superuser', () => 'set role postgres'],
    ['set its session authorization back', () => 'set session authorization postgres'],
    ['set session_authorization as a setting', () => 'set session_authorization = postgres'],
    ['set the role through set_config', () => `select set_config('role', 'postgres', false)`],
    ['switch inside a DO block', () => `do $$ begin execute 'set session authorization postgres'; end $$`],
  ];

  it.each(refused)('cannot %s', async (_what, statement) => {
    await expect(run(statement(owner))).rejects.toThrow();
  });

  it('is still itself, and the log is untouched and verifies, after every attempt', async () => {
    await run('reset role');
    await expect(run(`update session_events set type = 'Nothing'`)).rejects.toThrow();
    const result = (await run(`select current_setting('is_superuser') as superuser`)) as unknown as { rows: { superuser: string }[] };
    expect(result.rows[0]!.superuser).toBe('off');
    expect(await server.events.verify(sessionId)).toMatchObject({ ok: true, entries: 3 });
  });

  it('gains nothing by granting itself updates (PostgreSQL only warns that nothing was granted)', async () => {
    await run('grant update, delete, truncate on session_events to current_user').catch(() => undefined);
    const result = (await run(`select has_table_privilege('session_events', 'update') as can`)) as unknown as { rows: { can: boolean }[] };
    expect(result.rows[0]!.can).toBe(false);
    await expect(run(`update session_events set type = 'Nothing'`)).rejects.toThrow();
  });

  it('may still insert and read, which is all the server needs', async () => {
    const entry = await server.events.append({ occurrenceId: sessionId, type: 'SessionLeft', at: server.clock.now() });
    expect(entry.seq).toBe(4);
  });
});

describe.runIf(testDatabaseKinds().includes('postgres'))('a runtime login that is too powerful', () => {
  it('stops the server at start-up, naming DATABASE_URL, unless the development override is set', async () => {
    const { createTestDatabase } = await import('../../test-support/test-databases.js');
    const testDb = await createTestDatabase('postgres');
    try {
      if (testDb.target.kind !== 'postgres') throw new Error('unreachable');
      const asOwner = { kind: 'postgres' as const, url: testDb.target.migrationUrl!, migrationUrl: testDb.target.migrationUrl };
      const asSuperuser = { kind: 'postgres' as const, url: testDb.superuserUrl!, migrationUrl: testDb.target.migrationUrl };
      await expect(openDatabase(asOwner)).rejects.toThrow(/DATABASE_URL logs in as "peerbridge_owner_\w+", which is too powerful .*can become the owner of the tables.*\("peerbridge_owner_\w+"/);
      await expect(openDatabase(asSuperuser)).rejects.toBeInstanceOf(DatabaseLoginTooPowerfulError);
      await expect(openDatabase(asSuperuser)).rejects.toThrow(/is a superuser/);
      const allowed = await openDatabase({ ...asOwner, allowPrivilegedLogin: true });
      await allowed.close();

      const started = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: serverDir,
        env: { ...process.env, DATABASE_URL: testDb.superuserUrl, MIGRATION_DATABASE_URL: testDb.target.migrationUrl, PORT: '0', MEDIA_WORKERS: '1', LOG_LEVEL: 'silent', DATA_DIR: testDb.dataDir },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(started.status).toBe(78);
      expect(started.stderr).toMatch(/Peerbridge cannot start\.\nDATABASE_URL logs in as "postgres", which is too powerful/);
    } finally {
      await testDb.dispose();
    }
  });
});
