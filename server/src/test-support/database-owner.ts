import pg from 'pg';
import type { TestServer } from './test-server.js';

/**
 * Runs SQL as someone who holds the database outright, bypassing the
 * application's login and the append-only triggers: what an attacker with the
 * PostgreSQL superuser, or with the embedded database's directory, could do.
 */
export async function asDatabaseOwner(server: TestServer, statements: string[]): Promise<void> {
  const { superuserUrl } = server.testDb;
  const all = ['set session_replication_role = replica', ...statements, 'set session_replication_role = origin'];
  if (superuserUrl) {
    const client = new pg.Client({ connectionString: superuserUrl });
    await client.connect();
    try {
      for (const statement of all) await client.query(statement);
    } finally {
      await client.end();
    }
    return;
  }
  if (!server.database.asEmbeddedOwner) throw new Error('no owner access to this database');
  await server.database.asEmbeddedOwner(all);
}
