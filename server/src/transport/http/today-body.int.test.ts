import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { TestClock } from '../../test-support/test-clock.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/*
 * The today list's exact bytes for a fixed day: the school iPad parses them, and the ETag an iPad polls with
 * is a hash of them, so a faster way of building the answer must build the very same one. Sessions on both
 * sides of two partnerships, one of each status, instants with and without millisecond fractions, a focus
 * with spaces around it, a final review, and sessions of the days before and after (not listed).
 */
const id = (kind: number, n: number) => `0000000${kind}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const [A, B, C] = [id(1, 0xa1), id(1, 0xb1), id(1, 0xc1)];
const fixture = [
  `insert into schools (id, name) values ('${A}', 'Fixture Hill School'), ('${B}', 'Fixture Vale Academy'), ('${C}', 'Fixture Brook College')`,
  `insert into staff (id, email, full_name, school_id, roles, password_hash) values ('${id(9, 1)}', 'lead@fixture.example', 'Lead', '${A}', '{coordinator}', 'x')`,
  `insert into partnerships (id, name, mentor_school_id, mentee_school_id) values ('${id(2, 1)}', 'Hill mentors Vale', '${A}', '${B}'), ('${id(2, 2)}', 'Brook mentors Hill', '${C}', '${A}')`,
  `insert into programmes (partnership_id, start_date, end_date, goals) values ('${id(2, 1)}', '2026-09-01', '2027-07-01', '  Reading together.  '), ('${id(2, 2)}', '2026-09-01', '2027-07-01', '   ')`,
  `insert into students (id, school_id, first_name, last_name, year_group, role, parental_consent_at, training_completed_at) values
     ('${id(3, 1)}', '${A}', 'Amara', 'Hidden', 12, 'mentor', null, '2026-09-10T00:00:00Z'),
     ('${id(3, 2)}', '${B}', 'Ben', 'Hidden', 9, 'mentee', '2026-09-10T00:00:00Z', null),
     ('${id(3, 3)}', '${C}', 'Chloé', 'Hidden', 13, 'mentor', null, '2026-09-10T00:00:00Z'),
     ('${id(3, 4)}', '${A}', 'Dev', 'Hidden', 10, 'mentee', null, null)`,
  `insert into pairings (id, partnership_id, mentor_id, mentee_id, created_at) values
     ('${id(4, 1)}', '${id(2, 1)}', '${id(3, 1)}', '${id(3, 2)}', '2026-09-15T00:00:00Z'),
     ('${id(4, 2)}', '${id(2, 2)}', '${id(3, 3)}', '${id(3, 4)}', '2026-09-15T00:00:00Z')`,
  `insert into session_occurrences (id, pairing_id, starts_at, ends_at, status) values
     ('${id(5, 1)}', '${id(4, 1)}', '2026-11-24T10:00:00Z', '2026-11-24T10:30:00Z', 'scheduled'),
     ('${id(5, 2)}', '${id(4, 1)}', '2026-11-25T08:00:00Z', '2026-11-25T08:30:00Z', 'scheduled'),
     ('${id(5, 3)}', '${id(4, 2)}', '2026-11-25T10:10:00.5Z', '2026-11-25T10:40:00.25Z', 'scheduled'),
     ('${id(5, 4)}', '${id(4, 1)}', '2026-11-25T13:00:00.123Z', '2026-11-25T13:30:00Z', 'scheduled'),
     ('${id(5, 5)}', '${id(4, 2)}', '2026-11-25T13:00:00.123Z', '2026-11-25T13:30:00Z', 'scheduled'),
     ('${id(5, 6)}', '${id(4, 2)}', '2026-11-25T15:00:00Z', '2026-11-25T15:30:00Z', 'cancelled'),
     ('${id(5, 7)}', '${id(4, 1)}', '2026-11-26T00:00:00Z', '2026-11-26T00:30:00Z', 'scheduled'),
     ('${id(5, 8)}', '${id(4, 1)}', '2026-12-02T08:00:00.01Z', '2026-12-02T08:30:00Z', 'cancelled'),
     ('${id(5, 9)}', '${id(4, 1)}', '2026-12-09T08:00:00Z', '2026-12-09T08:30:00Z', 'scheduled')`,
  `insert into pairing_exits (pairing_id, kind, reason, status, gradual, final_review_on, final_review_occurrence_id, started_by, started_at)
     values ('${id(4, 2)}', 'planned', 'programme_finished', 'winding_down', true, '2026-11-25', '${id(5, 3)}', '${id(9, 1)}', '2026-11-11T09:00:00Z')`,
  `insert into devices (id, school_id, label, redeemed_at) values ('${id(7, 1)}', '${A}', 'Hill iPad', '2026-11-01T09:00:00Z')`,
];

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
