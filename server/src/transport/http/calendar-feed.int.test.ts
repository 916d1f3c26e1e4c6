import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { sessionOccurrences, sessionSeries } from '../../test-support/stored-rows.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

describe.each(testDatabaseKinds())('calendar feeds on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  it("serves a staff member's school sessions at a secret address until it is revoked or replaced", async () => {
    const coordinator = await signInStaff(server, 'coordinator@riverside.example');
    const created = await coordinator.post('/api/staff/calendar-feed').expect(201);
    const path = new URL(created.body.url).pathname;
    expect(path).toMatch(/^\/calendar\/[\w-]{43}\.ics$/);

    const feed = await request(server.url).get(path).expect(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    for (const session of server.demo!.sessions) expect(feed.text).toContain(`UID:${session.id}@peerbridge`);
    // First names and school names only: no surnames leave in a feed.
    expect(feed.text).not.toMatch(/Shah|Riley|Okafor|Khan|Morgan|Evans/);

    const replaced = await coordinator.post('/api/staff/calendar-feed').expect(201);
    await request(server.url).get(path).expect(404);
    const newPath = new URL(replaced.body.url).pathname;
    await request(server.url).get(newPath).expect(200);
    await coordinator.delete('/api/staff/calendar-feed').expect(204);
    await request(server.url).get(newPath).expect(404);
    await request(server.url).get('/calendar/not-a-feed.ics').expect(400);
  });

  it("limits a coordinator's feed to the series they booked, and says which feed is in use", async () => {
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    const me = (await coordinator.get('/api/staff/me').expect(200)).body.staff;
    expect((await coordinator.get('/api/staff/calendar-feed').expect(200)).body).toEqual({ feed: null });

    // One demo session becomes part of a series this coordinator booked; the others are not theirs.
    const [mine, ...others] = server.demo!.sessions;
    const [occurrence] = await server.database.db.select().from(sessionOccurrences).where(eq(sessionOccurrences.id, mine!.id));
    const [series] = await server.database.db
      .insert(sessionSeries)
      .values({ pairingId: occurrence!.pairingId, pattern: {}, createdBy: me.id })
      .returning({ id: sessionSeries.id });
    await server.database.db.update(sessionOccurrences).set({ seriesId: series!.id }).where(eq(sessionOccurrences.id, mine!.id));

    await coordinator.post('/api/staff/calendar-feed').send({ scope: 'everything' }).expect(400);
    const created = await coordinator.post('/api/staff/calendar-feed').send({ scope: 'mine' }).expect(201);
    const status = (await coordinator.get('/api/staff/calendar-feed').expect(200)).body;
    expect(status.feed.scope).toBe('mine');
    // Made by the server's clock a moment ago.
    const age = server.clock.now().since(Temporal.Instant.from(status.feed.createdAt)).total('seconds');
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(60);
    expect(JSON.stringify(status)).not.toContain(new URL(created.body.url).pathname);

    const feed = await request(server.url).get(new URL(created.body.url).pathname).expect(200);
    expect(feed.text).toContain(`UID:${mine!.id}@peerbridge`);
    for (const other of others) expect(feed.text).not.toContain(`UID:${other.id}@peerbridge`);
    expect(feed.text).toContain("Ms Dana Hill's pairings");

    await coordinator.delete('/api/staff/calendar-feed').expect(204);
    expect((await coordinator.get('/api/staff/calendar-feed').expect(200)).body).toEqual({ feed: null });
  });
});
