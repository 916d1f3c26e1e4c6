import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { concerns, pairings, sessionOccurrences } from '../../infra/db/schema.js';
import { RetentionRepository } from '../../infra/db/retention-repository.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

describe.each(testDatabaseKinds())('log retention on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
    // The purge function decides what is due by the database's own clock (a server that lied
    // about the time must not be able to purge early), so this test runs the server's clock
    // from the database's "now"; all its dates are then relative to that one instant.
    const result = (await server.database.db.execute(sql`select now() as now`)) as unknown as { rows: { now: Date | string }[] };
    const [row] = result.rows;
    server.clock.jumpTo(Temporal.Instant.fromEpochMilliseconds(new Date(row!.now).getTime()));
  });
  afterAll(() => stopTestServer(server));

  /** A session that ended `daysAgo` days ago, with a two-entry log. */
  async function pastSessionWithLog(daysAgo: number): Promise<string> {
    const db = server.database.db;
    const [pairing] = await db.select().from(pairings).limit(1);
    const end = server.clock.now().subtract({ hours: 24 * daysAgo });
    const [occurrence] = await db
      .insert(sessionOccurrences)
      .values({ pairingId: pairing!.id, startsAt: new Date(end.subtract({ minutes: 30 }).epochMilliseconds), endsAt: new Date(end.epochMilliseconds) })
      .returning();
    for (const type of ['SessionJoined', 'SessionLeft'] as const) {
      await server.events.append({ occurrenceId: occurrence!.id, type, actor: pairing!.mentorId, at: end.subtract({ minutes: 10 }) });
    }
    return occurrence!.id;
  }

  it('purges expired logs, keeps those with a concern and recent ones, records the purge, and what remains verifies', async () => {
    const expired = await pastSessionWithLog(400);
    const withConcern = await pastSessionWithLog(400);
    const recent = await pastSessionWithLog(30);
    const [pairing] = await server.database.db.select().from(pairings).limit(1);
    await server.database.db.insert(concerns).values({
      id: '6f1f0c8e-3a1e-4c55-9d1e-0a1b2c3d4e5f',
      sessionId: withConcern,
      raisedAt: new Date(server.clock.now().epochMilliseconds),
      source: { kind: 'staff', staffId: 'x' },
      children: [{ studentId: pairing!.menteeId }],
      schoolIds: [],
      whatHappened: 'test',
      presentAtTime: [],
      logExcerpt: [],
    });

    const summary = await server.retention.run();
    expect(summary).toEqual({ sessionsPurged: 1, entriesPurged: 2, sessionsKeptForConcerns: 1 });
    expect(await server.events.list(expired)).toEqual([]);
    expect(await server.events.list(withConcern)).toHaveLength(2);
    expect(await server.events.list(recent)).toHaveLength(2);
    expect(await new RetentionRepository(server.database.db).purges()).toEqual([
      expect.objectContaining({ sessionsPurged: 1, entriesPurged: 2, sessionsKeptForConcerns: 1 }),
    ]);

    // The purged session's chain is anchored; the DSL's check still passes.
    const dsl = await signInStaff(server, 'dsl@northgate.example');
    const verified = await dsl.get(`/api/staff/sessions/${expired}/log/verify`).expect(200);
    expect(verified.body).toMatchObject({ ok: true, entries: 0 });

    // A shorter policy brings the recent one in; the database function refuses anything not yet due.
    const repo = new RetentionRepository(server.database.db);
    expect(await repo.purgeSessionLog(withConcern)).toBe(0);
    await repo.setPolicy([pairing!.partnershipId], 7);
    // The demo's weeks of attendance history are older than a week too: they go with it, and nothing newer.
    const due = await repo.candidates(server.clock.now());
    expect(due.purgeable).toContain(recent);
    expect((await server.retention.run()).sessionsPurged).toBe(due.purgeable.length);
    expect(await server.events.list(recent)).toEqual([]);
  });
});
