import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
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
});
