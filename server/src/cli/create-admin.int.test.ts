import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../infra/db/database.js';
import { DeploymentRepository } from '../infra/db/deployment-repository.js';
import { NO_PASSWORD_YET, StaffImportRepository } from '../infra/db/staff-import-repository.js';
import { staff, staffSetupCodes } from '../infra/db/schema.js';
import { setupCodeHash } from '../services/staff/setup-codes.js';
import { hashSecret } from '../services/staff/passwords.js';
import { TestClock } from '../test-support/test-clock.js';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../test-support/test-databases.js';
import { createAdminCommand, firstAdminHelp } from './create-admin.js';

/*
 * `npm run create-admin` against a fresh, empty database: the first admin,
 * with a one-time set-up code and no password until it is used.
 */
describe.each(testDatabaseKinds())('create-admin on %s', (kind) => {
  let testDb: TestDatabase;
  let database: Database;
  const clock = new TestClock();

  beforeAll(async () => {
    testDb = await createTestDatabase(kind);
    database = await openDatabase(testDb.target);
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.dispose();
  });

  const run = (...argv: string[]) => createAdminCommand(argv, { db: database.db, clock }, 'http://peerbridge.test');

  it('refuses missing or bad arguments, naming them, and writes nothing', async () => {
    const none = await run();
    expect(none.exitCode).toBe(2);
    expect(none.err).toMatch(/--email must be an email address/);
    expect(none.err).toMatch(/--name is empty/);
    expect(none.err).toMatch(/Usage: npm run create-admin/);
    expect((await run('--email', 'not-an-email', '--name', 'Ada Admin')).err).toMatch(/--email must be an email address/);
    expect((await run('--email', 'ada@example.org', '--name', 'Ada', '--password', 'x')).exitCode).toBe(2);
    expect(await new DeploymentRepository(database.db).hasAdmin()).toBe(false);
  });

  it('creates the admin with no school and no usable password, and prints a one-time code that sets one', async () => {
    const result = await run('--email', 'Ada@Example.org', '--name', 'Ada Admin');
    expect(result.exitCode, result.err).toBe(0);
    const code = /set-up code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(result.out)?.[1];
    expect(code).toBeDefined();
    expect(result.out).toContain('http://peerbridge.test/staff');

    const [row] = await database.db.select().from(staff).where(eq(staff.email, 'ada@example.org'));
    expect(row).toMatchObject({ schoolId: null, roles: ['admin'], fullName: 'Ada Admin', passwordHash: NO_PASSWORD_YET });
    // Only the code's hash is stored.
    const codes = await database.db.select().from(staffSetupCodes).where(eq(staffSetupCodes.staffId, row!.id));
    expect(codes.map((c) => c.codeHash)).toEqual([setupCodeHash(code!)]);
    expect(JSON.stringify(codes)).not.toContain(code);
    expect(await new DeploymentRepository(database.db).hasAdmin()).toBe(true);

    const redeemed = await new StaffImportRepository(database.db).redeem(setupCodeHash(code!.toLowerCase()), await hashSecret('a long new password'), clock.now());
    expect(redeemed).toBe(true);
  });

  it('refuses an email that already has an account', async () => {
    const again = await run('--email', 'ada@example.org', '--name', 'Ada Again');
    expect(again).toMatchObject({ exitCode: 1, out: '' });
    expect(again.err).toMatch(/already has a Peerbridge account/);
  });

  it('start-up help says how to make the first admin, and that there is no default password', () => {
    const help = firstAdminHelp('http://peerbridge.test');
    expect(help).toContain('npm run create-admin -w @peerbridge/server -- --email');
    expect(help).toMatch(/no default account or password/);
  });
});
