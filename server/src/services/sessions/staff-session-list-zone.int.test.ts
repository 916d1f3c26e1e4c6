import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { pairings, schools, sessionOccurrences } from '../../infra/db/schema.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/*
 * Staff session lists read their dates in the school's own zone: at a school in Auckland a
 * session at 23:30 UTC on 9 December is on the 10th, whatever the server's or browser's zone.
 */
describe.each(testDatabaseKinds())('staff session lists by school date on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  it('puts a session on the school’s local date, not the UTC one', async () => {
    const northgate = server.demo!.schools.find((s) => s.role === 'mentor')!;
    await server.database.db.update(schools).set({ timeZone: 'Pacific/Auckland' }).where(eq(schools.id, northgate.id));
    const { mentor } = server.demo!.sessions[0]!;
    const [pairing] = await server.database.db.select().from(pairings).where(eq(pairings.mentorId, mentor.id));
    const [late] = await server.database.db
      .insert(sessionOccurrences)
      .values({ pairingId: pairing!.id, startsAt: new Date('2026-12-09T23:30:00Z'), endsAt: new Date('2026-12-10T00:00:00Z') })
      .returning();
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    const on = async (date: string) =>
      ((await coordinator.get(`/api/staff/sessions?from=${date}&to=${date}`).expect(200)).body.sessions as { id: string }[]).map((s) => s.id);
    expect(await on('2026-12-10')).toContain(late!.id);
    expect(await on('2026-12-09')).not.toContain(late!.id);
  });
});
