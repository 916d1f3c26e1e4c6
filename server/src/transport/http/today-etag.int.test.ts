import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { sessionOccurrences } from '../../test-support/stored-rows.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

// Every school iPad polls its day every 30 s: an unchanged day is answered 304 with no body.
describe.each(testDatabaseKinds())("the iPad's today list answers If-None-Match on %s", (kind) => {
  let server: TestServer;
  let token: string;
  const today = () => request(server.url).get('/api/device/sessions/today').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    server = await startTestServer(kind);
    token = server.demo!.schools.find((s) => s.role === 'mentee')!.deviceToken;
  });
  afterAll(() => stopTestServer(server));

  it('answers 304 without a body while the list is the same, still not to be stored', async () => {
    const first = await today().expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
    // Asked again before any session changes state (the statuses move with the clock), it is the same list.
    const again = await today().expect(200);
    expect(again.headers.etag).toBe(etag);
    const unchanged = await today().set('If-None-Match', etag).expect(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers['cache-control']).toBe('no-store');
  });

  it('answers the whole list with a new ETag once anything in it changed', async () => {
    const first = await today().expect(200);
    const later = server.demo!.sessions.find((s) => s.kind === 'later')!;
    await server.database.db.update(sessionOccurrences).set({ status: 'cancelled' }).where(eq(sessionOccurrences.id, later.id));
    const changed = await today().set('If-None-Match', first.headers.etag as string).expect(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    expect(changed.body.sessions.find((s: { id: string }) => s.id === later.id).status).toBe('cancelled');
  });

  it('answers the whole list to an ETag it never gave', async () => {
    const res = await today().set('If-None-Match', 'W/"not-this-list"').expect(200);
    expect(res.body.sessions.length).toBeGreaterThan(0);
  });
});
