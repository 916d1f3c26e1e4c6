import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { TestServer } from './test-server.js';

/**
 * Runs SQL as the database owner, bypassing the application's role and the
 * append-only triggers: what an attacker with database access could do.
 */
export async function asDatabaseOwner(server: TestServer, statements: string[]): Promise<void> {
  const target = server.testDb.target;
  if (target.kind === 'postgres') {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      await client.query('set session_replication_role = replica');
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
    return;
  }
  // PGlite has one connection, shared with the server: step out of the role and back.
  const db = server.database.db;
  await db.execute(sql`reset role`);
  try {
    await db.execute(sql`set session_replication_role = replica`);
    for (const statement of statements) await db.execute(sql.raw(statement));
  } finally {
    await db.execute(sql`set session_replication_role = origin`);
    await db.execute(sql`set role peerbridge_app`);
  }
}
