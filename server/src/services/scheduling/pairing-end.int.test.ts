import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { and, eq, gte } from 'drizzle-orm';
import { pairings, sessionOccurrences, students } from '../../infra/db/schema.js';
import { lifecycleFixture } from '../../test-support/lifecycle-fixture.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Fixture = Awaited<ReturnType<typeof lifecycleFixture>>;

/** Ending things: a series from a date, a pairing (unpair), and every pairing of a student who leaves (archive). */
describe.each(testDatabaseKinds())('ending a series, a pairing, a student on %s', (kind) => {
  let server: TestServer;
  let f: Fixture;
  beforeAll(async () => {
    server = await startTestServer(kind);
    f = await lifecycleFixture(server);
  });
  afterAll(() => stopTestServer(server));

  const db = () => server.database.db;
  const scheduledFrom = async (pairingId: string, from: Date) =>
    db()
      .select()
      .from(sessionOccurrences)
      .where(and(eq(sessionOccurrences.pairingId, pairingId), eq(sessionOccurrences.status, 'scheduled'), gte(sessionOccurrences.startsAt, from)));
  const latestChange = async () => (await f.northgate.get('/api/staff/schedule-changes').expect(200)).body.changes[0];

  it('ends a series from a date: the sessions from then cancelled, the ones before kept, logged with names', async () => {
    const from = new Date(`${f.year.date('2026-11-05')}T00:00:00Z`);
    const before = await scheduledFrom(f.thursdays.id, new Date(server.clock.now().epochMilliseconds));
    const after = await scheduledFrom(f.thursdays.id, from);
    await f.riverside.post(`/api/staff/pairings/${f.thursdays.id}/end-series`).send({ from: '2026-11-01' }).expect(400);
    const done = await f.riverside.post(`/api/staff/pairings/${f.thursdays.id}/end-series`).send({ from: f.year.date('2026-11-05'), reason: 'Exams' }).expect(200);
    expect(done.body.cancelled).toBe(after.length);
    expect(done.body.message).toContain(`from ${f.year.dayLabel('2026-11-05')}: ${after.length} sessions cancelled`);
    expect(await scheduledFrom(f.thursdays.id, from)).toEqual([]);
    expect((await scheduledFrom(f.thursdays.id, new Date(server.clock.now().epochMilliseconds))).length).toBe(before.length - after.length);
    expect(await latestChange()).toMatchObject({
      kind: 'series_ended',
      mentee: { firstName: f.thursdays.mentee.firstName, school: 'Riverside High School' },
      sessionStart: `${f.year.date('2026-11-05')}T11:00:00.000Z`,
      byName: 'Mr Owen Price',
    });
    expect((await f.northgate.get(`/api/staff/pairings/${f.thursdays.id}/series`).expect(200)).body.series).toBeNull();
    const again = await f.riverside.post(`/api/staff/pairings/${f.thursdays.id}/end-series`).send({ from: f.year.date('2026-11-05') }).expect(409);
    expect(again.body.error.message).toContain('have no weekly sessions to end');
    await f.hillcrest.post(`/api/staff/pairings/${f.thursdays.id}/end-series`).send({ from: f.year.date('2026-11-05') }).expect(403);
  });

  it('unpairs with a reason: every session still to come cancelled, the pairing kept as ended, and nothing more booked', async () => {
    await f.northgate.post(`/api/staff/pairings/${f.tuesdays.id}/unpair`).send({}).expect(400);
    const now = new Date(server.clock.now().epochMilliseconds);
    const coming = await scheduledFrom(f.tuesdays.id, now);
    const done = await f.northgate.post(`/api/staff/pairings/${f.tuesdays.id}/unpair`).send({ reason: 'They asked to change mentor' }).expect(200);
    expect(done.body.cancelled).toBe(coming.length);
    expect(await scheduledFrom(f.tuesdays.id, now)).toEqual([]);
    const [row] = await db().select().from(pairings).where(eq(pairings.id, f.tuesdays.id));
    expect(row).toMatchObject({ endReason: 'They asked to change mentor' });
    expect(row!.endedAt).not.toBeNull();
    expect(await latestChange()).toMatchObject({ kind: 'pairing_ended', mentor: { firstName: f.tuesdays.mentor.firstName, school: 'Northgate Academy' }, byName: 'Ms Dana Hill' });
    const listed = (await f.riverside.get('/api/staff/partnerships').expect(200)).body.partnerships[0].pairings.map((p: { id: string }) => p.id);
    expect(listed).not.toContain(f.tuesdays.id);
    const notices = (await f.riverside.get('/api/staff/notices').expect(200)).body.notices as { kind: string; message: string }[];
    expect(notices.some((n) => n.kind === 'schedule_changed' && n.message.includes('They asked to change mentor'))).toBe(true);
    expect((await f.riverside.post(`/api/staff/pairings/${f.tuesdays.id}/unpair`).send({ reason: 'Again' }).expect(409)).body.error.message).toContain('already unpaired');
    expect((await f.riverside.post(`/api/staff/pairings/${f.tuesdays.id}/series`).send({ candidateId: '2@09:00' }).expect(409)).body.error.message).toContain('no longer paired');
  });

  it('archives a leaver: only their own school may; their pairing ends, they leave the lists and cannot sign in; records stay', async () => {
    const { mentor } = f.now;
    await f.riverside.post(`/api/staff/students/${mentor.id}/archive`).send({}).expect(403);
    const done = await f.northgate.post(`/api/staff/students/${mentor.id}/archive`).send({ reason: 'Moved away' }).expect(200);
    expect(done.body.message).toContain('1 pairing ended');
    const current = (await f.northgate.get('/api/staff/students').expect(200)).body.students.map((s: { id: string }) => s.id);
    expect(current).not.toContain(mentor.id);
    const archived = (await f.northgate.get('/api/staff/students?archived=true').expect(200)).body.students;
    expect(archived).toEqual([expect.objectContaining({ id: mentor.id, archivedAt: expect.any(String) })]);
    const [row] = await db().select().from(pairings).where(eq(pairings.id, f.now.id));
    expect(row!.endReason).toBe(`${mentor.firstName} has left Northgate Academy: Moved away`);
    expect((await db().select().from(students).where(eq(students.id, mentor.id))).length).toBe(1);
    const suggestions = (await f.riverside.post(`/api/staff/partnerships/${f.partnershipId}/suggestions`).send({}).expect(200)).body;
    expect(JSON.stringify([...suggestions.suggestions, ...suggestions.kept])).not.toContain(mentor.id);
    // The session open now began before the archive, so it is still booked; signing in to it is refused all the same.
    const mentorDevice = server.demo!.schools.find((s) => s.role === 'mentor')!.deviceToken;
    const signIn = await request(server.url).post('/api/device/sign-in').set('authorization', `Bearer ${mentorDevice}`).send({ sessionId: f.now.sessionId, studentId: mentor.id, pin: '1234' });
    expect(signIn.status).toBe(403);
    expect(signIn.body.error.message).toContain('has been closed');
    const audit = (await f.northgate.get('/api/staff/audit?kind=StudentArchived').expect(200)).body.entries;
    expect(audit[0].action).toMatchObject({ reason: 'Moved away', pairingsEnded: 1 });
    await f.northgate.post(`/api/staff/students/${mentor.id}/archive`).send({}).expect(409);
  });
});
