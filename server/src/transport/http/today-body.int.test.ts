import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { TestClock } from '../../test-support/test-clock.js';
import { fixture, id, A } from '../../test-support/today-fixture.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/*
 * The today list's exact bytes for a fixed day: the school iPad parses them, and the ETag an iPad polls with
 * is a hash of them, so a faster way of building the answer must build the very same one. Sessions on both
 * sides of two partnerships, one of each status, instants with and without millisecond fractions, a focus
 * with spaces around it, a final review, and sessions of the days before and after (not listed).
 */
const s = (n: number) => id(5, n);
const amara = `"participant":{"id":"${id(3, 1)}","firstName":"Amara","role":"mentor"},"partner":{"firstName":"Ben","role":"mentee","yearGroup":9,"schoolName":"Fixture Vale Academy"}`;
const dev = `"participant":{"id":"${id(3, 4)}","firstName":"Dev","role":"mentee"},"partner":{"firstName":"Chloé","role":"mentor","yearGroup":13,"schoolName":"Fixture Brook College"}`;
const expectedBody =
  `{"school":{"id":"${A}","name":"Fixture Hill School","timeZone":"Europe/London"},"device":{"id":"${id(7, 1)}","label":"Hill iPad"},"date":"2026-11-25","sessions":[` +
  `{"id":"${s(2)}","startsAt":"2026-11-25T08:00:00Z","endsAt":"2026-11-25T08:30:00Z","joinOpensAt":"2026-11-25T07:55:00Z","status":"ended",${amara},"focus":"Reading together.","nextStartsAt":"2026-11-25T13:00:00.123Z"},` +
  `{"id":"${s(3)}","startsAt":"2026-11-25T10:10:00.5Z","endsAt":"2026-11-25T10:40:00.25Z","joinOpensAt":"2026-11-25T10:05:00.5Z","status":"open",${dev},"nextStartsAt":"2026-11-25T13:00:00.123Z","finalReview":true},` +
  `{"id":"${s(4)}","startsAt":"2026-11-25T13:00:00.123Z","endsAt":"2026-11-25T13:30:00Z","joinOpensAt":"2026-11-25T12:55:00.123Z","status":"upcoming",${amara},"focus":"Reading together.","nextStartsAt":"2026-11-26T00:00:00Z"},` +
  `{"id":"${s(5)}","startsAt":"2026-11-25T13:00:00.123Z","endsAt":"2026-11-25T13:30:00Z","joinOpensAt":"2026-11-25T12:55:00.123Z","status":"upcoming",${dev}},` +
  `{"id":"${s(6)}","startsAt":"2026-11-25T15:00:00Z","endsAt":"2026-11-25T15:30:00Z","joinOpensAt":"2026-11-25T14:55:00Z","status":"cancelled",${dev}}` +
  `]}`;

describe.each(testDatabaseKinds())('the today list, byte for byte, on %s', (kind) => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    // 10:20 on a Wednesday in London (GMT); the clock moves on from there, nowhere near a status change in the test's seconds.
    server = await startTestServer(kind, new TestClock(Temporal.Instant.from('2026-11-25T10:20:00Z')));
    for (const statement of fixture) await server.database.db.execute(sql.raw(statement));
    token = await server.deviceTokens.issue(id(7, 1), A);
  });
  afterAll(() => stopTestServer(server));

  it('is exactly the fixture day, with the weak ETag of those bytes', async () => {
    const res = await request(server.url).get('/api/device/sessions/today').set('Authorization', `Bearer ${token}`).set('Accept-Encoding', 'identity').expect(200);
    expect(res.text).toBe(expectedBody);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(expectedBody)));
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha1').update(expectedBody, 'utf8').digest('base64').slice(0, 27);
    expect(res.headers.etag).toBe(`W/"${Buffer.byteLength(expectedBody).toString(16)}-${hash}"`);
  });

  it('is the same bytes compressed for an iPad that accepts gzip', async () => {
    const res = await request(server.url).get('/api/device/sessions/today').set('Authorization', `Bearer ${token}`).set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toBe(expectedBody);
  });
});
