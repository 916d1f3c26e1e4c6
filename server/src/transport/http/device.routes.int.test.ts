import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { TodaySessionsResponse } from '@peerbridge/shared';
import { Temporal } from 'temporal-polyfill';
import { schoolDayAt } from '../../domain/time/school-day.js';
import { eq } from 'drizzle-orm';
import { devices, sessionEvents, sessionOccurrences } from '../../test-support/stored-rows.js';
import { connectDevice } from '../../test-support/device-socket.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

describe.each(testDatabaseKinds())('device and health endpoints on %s', (kind) => {
  let server: TestServer;
  let demo: NonNullable<TestServer['demo']>;
  /** The log as the server started with it: the demo's weeks of attendance history are real log entries. */
  let logAtStart: unknown[];
  const school = (role: 'mentor' | 'mentee') => demo.schools.find((s) => s.role === role)!;

  beforeAll(async () => {
    server = await startTestServer(kind);
    demo = server.demo!;
    logAtStart = await server.database.db.select().from(sessionEvents);
  });
  afterAll(() => stopTestServer(server));

  it('reports liveness and readiness (database and media workers)', async () => {
    await request(server.url).get('/healthz').expect(200, { status: 'ok' });
    const ready = await request(server.url).get('/readyz').expect(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'ok', media: { workersAlive: 1, workersExpected: 1 } } });
  });

  it("lists today's sessions of the device's own school, with partners shown by first name, school and year only", async () => {
    // "Today" is the school's day at the moment of asking (the clock moves: near midnight a run
    // may cross it, so ask again if it did). A minute before midnight there is no room left for
    // the demo's "later" session today; it is then tomorrow's, and not on the list.
    let res, day;
    do {
      day = schoolDayAt(server.clock.now(), 'Europe/London');
      res = await request(server.url).get('/api/device/sessions/today').set('Authorization', `Bearer ${school('mentee').deviceToken}`).expect(200);
    } while (!schoolDayAt(server.clock.now(), 'Europe/London').date.equals(day.date));
    const overlapsToday = (s: { startsAt: string; endsAt: string }) =>
      Temporal.Instant.compare(Temporal.Instant.from(s.startsAt), day.end) < 0 && Temporal.Instant.compare(Temporal.Instant.from(s.endsAt), day.start) > 0;
    const expected = demo.sessions.filter(overlapsToday);
    expect(expected.map((s) => s.kind)).toContain('now');
    const body = TodaySessionsResponse.parse(res.body);
    expect(body.school.name).toBe('Riverside High School');
    expect(body.sessions.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    const now = body.sessions.find((s) => s.id === demo.sessions.find((d) => d.kind === 'now')!.id)!;
    expect(now.status).toBe('open');
    expect(now.participant).toMatchObject({ role: 'mentee' });
    expect(now.partner).toEqual({ firstName: 'Priya', role: 'mentor', yearGroup: 12, schoolName: 'Northgate Academy' });
    // What the pair work on comes from the programme (for the call's stage).
    expect(now.focus).toBe('Confidence with English poetry first, then maths as it grows.');
    // No surnames of anyone, and nothing of the partner school's students beyond the three allowed facts.
    expect(JSON.stringify(res.body)).not.toMatch(/Shah|Okafor|Morgan|Riley|Khan|Evans/);
    // Each demo session has the status its name promises.
    const promised = { now: 'open', later: 'upcoming', earlier: 'ended' } as const;
    for (const session of body.sessions) expect(session.status).toBe(promised[expected.find((s) => s.id === session.id)!.kind]);
  });

  it("names the pair's next session that is not cancelled, for the call's end screen", async () => {
    const nowSession = demo.sessions.find((d) => d.kind === 'now')!;
    const [row] = await server.database.db.select().from(sessionOccurrences).where(eq(sessionOccurrences.id, nowSession.id));
    const start = Temporal.Instant.from(nowSession.startsAt);
    const at = (days: number) => new Date(start.add({ hours: 24 * days }).epochMilliseconds);
    const afterMinutes = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);
    // Next week's is cancelled; the one after is the next meeting; a later one is not it.
    await server.database.db.insert(sessionOccurrences).values([
      { pairingId: row!.pairingId, startsAt: at(7), endsAt: afterMinutes(at(7), 30), status: 'cancelled' },
      { pairingId: row!.pairingId, startsAt: at(14), endsAt: afterMinutes(at(14), 30) },
      { pairingId: row!.pairingId, startsAt: at(21), endsAt: afterMinutes(at(21), 30) },
    ]);
    const res = await request(server.url).get('/api/device/sessions/today').set('Authorization', `Bearer ${school('mentor').deviceToken}`).expect(200);
    const listed = TodaySessionsResponse.parse(res.body).sessions.find((s) => s.id === nowSession.id)!;
    expect(Temporal.Instant.from(listed.nextStartsAt!).epochMilliseconds).toBe(at(14).getTime());
  });

  it('refuses a missing, malformed or forged device token with a clear 401', async () => {
    const missing = await request(server.url).get('/api/device/sessions/today').expect(401);
    expect(missing.body).toEqual({ error: { code: 'unauthenticated', message: expect.stringContaining('not set up') } });
    await request(server.url).get('/api/device/sessions/today').set('Authorization', 'Basic abc').expect(401);
    // Change the signature's first character: every bit of it counts (the last one carries padding bits).
    const [header, payload, signature] = school('mentor').deviceToken.split('.');
    const forged = `${header}.${payload}.${signature![0] === 'A' ? 'B' : 'A'}${signature!.slice(1)}`;
    await request(server.url).get('/api/device/sessions/today').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('refuses a revoked device, on HTTP and on the socket', async () => {
    const revoked = await server.deviceTokens.issue(
      await insertDevice(server, school('mentor').id, 'Lost iPad', new Date(server.clock.now().epochMilliseconds)),
      school('mentor').id,
    );
    const res = await request(server.url).get('/api/device/sessions/today').set('Authorization', `Bearer ${revoked}`).expect(401);
    expect(res.body.error.message).toMatch(/removed from Peerbridge/);
    await expect(connectDevice(server.url, revoked)).rejects.toThrow(/removed from Peerbridge/);
  });

  it('answers unknown API paths and bad bodies with JSON errors, and sets a request id', async () => {
    const res = await request(server.url).get('/api/nowhere').expect(404);
    expect(res.body.error.code).toBe('not_found');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await request(server.url).get('/healthz').set('x-request-id', 'abcdef12-trace');
    expect(echoed.headers['x-request-id']).toBe('abcdef12-trace');
    const badJson = await request(server.url)
      .post('/api/device/sessions/today')
      .set('content-type', 'application/json')
      .send('{"oops":');
    expect(badJson.status).toBe(400);
    expect(badJson.body.error).toEqual({ code: 'bad_request', message: 'The request body is not valid JSON.' });
  });

  it('leaves the session log untouched by reads', async () => {
    const rows = await server.database.db.select().from(sessionEvents);
    expect(logAtStart.length).toBeGreaterThan(0);
    expect(rows).toEqual(logAtStart);
  });
});

async function insertDevice(server: TestServer, schoolId: string, label: string, revokedAt: Date | null) {
  const [row] = await server.database.db.insert(devices).values({ schoolId, label, revokedAt }).returning({ id: devices.id });
  return row!.id;
}
