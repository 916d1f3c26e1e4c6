import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sessionOccurrences } from '../../infra/db/schema.js';
import { lifecycleFixture } from '../../test-support/lifecycle-fixture.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Fixture = Awaited<ReturnType<typeof lifecycleFixture>>;
interface Change {
  kind: string;
  occurrenceId: string | null;
  mentor: { firstName: string; school: string } | null;
  mentee: { firstName: string; school: string } | null;
  sessionStart: string | null;
  byName: string | null;
  detail: Record<string, unknown>;
}

/** A pairing's series after booking: what it shows, and one session cancelled or moved by either school's coordinator. */
describe.each(testDatabaseKinds())('a series after booking on %s', (kind) => {
  let server: TestServer;
  let f: Fixture;
  beforeAll(async () => {
    server = await startTestServer(kind);
    f = await lifecycleFixture(server);
  });
  afterAll(() => stopTestServer(server));

  const series = async (pairingId: string) => (await f.riverside.get(`/api/staff/pairings/${pairingId}/series`).expect(200)).body;
  const changes = async (): Promise<Change[]> => (await f.riverside.get('/api/staff/schedule-changes').expect(200)).body.changes;
  const status = async (id: string) => (await server.database.db.select().from(sessionOccurrences).where(eq(sessionOccurrences.id, id)))[0]!.status;

  it('shows the current series and its next sessions, in the mentee school’s time, to both schools and no other', async () => {
    const body = await series(f.tuesdays.id);
    expect(body.series).toMatchObject({ weekday: 2, localStart: '09:00', label: 'Tuesdays at 09:00 (Riverside High School time)' });
    expect(body.mentor).toEqual({ firstName: f.tuesdays.mentor.firstName, school: 'Northgate Academy' });
    expect(body.upcoming).toHaveLength(8);
    // Today's demo session first, then the series: 09:00 in London in September is 08:00 UTC.
    expect(body.upcoming[0]).toMatchObject({ id: f.tuesdays.sessionId, status: 'scheduled' });
    expect(body.upcoming[1]).toMatchObject({ start: `${f.year.date('2026-09-15')}T08:00:00.000Z`, status: 'scheduled' });
    await f.northgate.get(`/api/staff/pairings/${f.tuesdays.id}/series`).expect(200);
    expect((await f.hillcrest.get(`/api/staff/pairings/${f.tuesdays.id}/series`).expect(403)).body.error.code).toBe('forbidden');
  });

  it('names the children, the first session’s date and who booked it in the "series booked" change, old entries included', async () => {
    const booked = (await changes()).find((c) => c.kind === 'series_created' && c.detail.pairingId === f.tuesdays.id)!;
    expect(booked).toMatchObject({
      mentor: { firstName: f.tuesdays.mentor.firstName, school: 'Northgate Academy' },
      mentee: { firstName: f.tuesdays.mentee.firstName, school: 'Riverside High School' },
      sessionStart: `${f.year.date('2026-09-15')}T08:00:00.000Z`,
      byName: 'Ms Dana Hill',
    });
  });

  it('cancels one session with a reason, logs it with names, tells both coordinators and records it on the audit trail', async () => {
    const target = (await series(f.tuesdays.id)).upcoming[1];
    await f.northgate.post(`/api/staff/sessions/${target.id}/cancel`).send({ reason: '' }).expect(400);
    const done = await f.northgate.post(`/api/staff/sessions/${target.id}/cancel`).send({ reason: 'Museum trip' }).expect(200);
    expect(done.body.message).toBe(
      `Cancelled the session of ${f.tuesdays.mentor.firstName} (Northgate Academy) and ${f.tuesdays.mentee.firstName} (Riverside High School) at 09:00 on ${f.year.dayLabel('2026-09-15')} (Riverside High School time). Both schools’ coordinators have been told.`,
    );
    expect(await status(target.id)).toBe('cancelled');
    const [latest] = await changes();
    expect(latest).toMatchObject({ kind: 'occurrence_cancelled', occurrenceId: target.id, sessionStart: target.start, byName: 'Ms Dana Hill', detail: { reason: 'Museum trip' } });
    for (const coordinator of [f.northgate, f.riverside]) {
      const notices = (await coordinator.get('/api/staff/notices').expect(200)).body.notices as { kind: string; message: string }[];
      expect(notices.some((n) => n.kind === 'schedule_changed' && n.message.includes('Museum trip') && n.message.includes(f.year.dayLabel('2026-09-15')))).toBe(true);
    }
    const audit = (await f.northgate.get('/api/staff/audit?kind=SessionCancelledByStaff').expect(200)).body.entries;
    expect(audit[0].action).toMatchObject({ occurrenceId: target.id, reason: 'Museum trip' });
    const again = await f.riverside.post(`/api/staff/sessions/${target.id}/cancel`).send({ reason: 'Twice' }).expect(409);
    expect(again.body.error.message).toContain('is already cancelled');
    await f.hillcrest.post(`/api/staff/sessions/${target.id}/cancel`).send({ reason: 'Not mine' }).expect(403);
  });

  it('refuses a move that breaks a rule of a new booking, in words, and writes nothing', async () => {
    const target = (await series(f.tuesdays.id)).upcoming[2];
    const move = (date: string, time: string) => f.riverside.post(`/api/staff/sessions/${target.id}/move`).send({ date, time });
    const reasons = async (date: string, time: string) => {
      const res = await move(date, time).expect(409);
      return (res.body.error.details.conflicts as { code: string; message: string }[]).map((c) => c.code);
    };
    // Before the programme starts (next week is still this school year, the programme the next).
    expect(await reasons('2026-12-07', '09:50')).toContain('outside_programme');
    // A closure at Riverside that day.
    await f.riverside.post('/api/staff/calendar/closures').send({ date: f.year.date('2026-09-30'), reason: 'Sports day' }).expect(201);
    const closed = await move(f.year.date('2026-09-30'), '09:00').expect(409);
    expect(closed.body.error.message).toContain('Riverside High School is closed then (Sports day)');
    // Neither is free on Wednesdays.
    expect(await reasons(f.year.date('2026-10-07'), '09:00')).toContain('not_available');
    // Riverside's one iPad is the Thursday pair's at 11:00.
    expect(await reasons(f.year.date('2026-10-01'), '11:00')).toContain('device_pool_exhausted');
    await move('2026-13-01', '09:00').expect(400);
    expect(await status(target.id)).toBe('scheduled');
  });

  it('moves one session to a time that passes every check, logging the new date', async () => {
    const target = (await series(f.tuesdays.id)).upcoming[2];
    // Monday P2, 09:50 at both schools.
    const moved = await f.riverside.post(`/api/staff/sessions/${target.id}/move`).send({ date: f.year.date('2026-09-28'), time: '09:50' }).expect(200);
    expect(moved.body.message).toContain(`to 09:50 on ${f.year.dayLabel('2026-09-28')} (Riverside High School time)`);
    expect(await status(target.id)).toBe('cancelled');
    const [booked] = await server.database.db.select().from(sessionOccurrences).where(eq(sessionOccurrences.id, moved.body.bookedSessionId));
    expect(booked).toMatchObject({ status: 'scheduled', pairingId: f.tuesdays.id });
    expect(booked!.startsAt.toISOString()).toBe(`${f.year.date('2026-09-28')}T08:50:00.000Z`);
    const [latest] = await changes();
    expect(latest).toMatchObject({ kind: 'occurrence_moved', occurrenceId: target.id, sessionStart: `${f.year.date('2026-09-28')}T08:50:00.000Z`, byName: 'Mr Owen Price' });
  });
});
