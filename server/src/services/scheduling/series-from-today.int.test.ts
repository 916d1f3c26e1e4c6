import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { pairings, sessionOccurrences } from '../../infra/db/schema.js';
import { schoolYearAfter, typicalCalendar } from '../../test-support/calendar-fixtures.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/*
 * Booking a series on 1 December used to write every Tuesday since the programme began in
 * September, as sessions that then read as held. The clock is moved to that Tuesday at noon,
 * after its 09:00 slot, so the first session booked must be the Tuesday after.
 */
describe.each(testDatabaseKinds())('a series booked mid-year on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  it('starts at the first session still to come, and creates none before today', async () => {
    const year = schoolYearAfter(server.clock.now());
    const setUp = await signInStaff(server, 'coordinator@northgate.example');
    await setUp.put('/api/staff/calendar').send(year.calendar(typicalCalendar())).expect(200);
    const partnershipId = (await server.database.db.query.partnerships.findFirst())!.id;
    await setUp.put(`/api/staff/partnerships/${partnershipId}/programme`).send(year.programme({ start: '2026-09-14', end: '2027-07-16' })).expect(200);
    const { mentor, mentee } = server.demo!.sessions[0]!;
    const free = { slots: [{ week: 'any', weekday: 2, period: 'P1' }] };
    await setUp.put(`/api/staff/students/${mentor.id}/availability`).send(free).expect(204);
    const riverside = await signInStaff(server, 'coordinator@riverside.example');
    await riverside.put('/api/staff/calendar').send(year.calendar(typicalCalendar())).expect(200);
    await riverside.put(`/api/staff/students/${mentee.id}/availability`).send(free).expect(204);
    const pairingId = (await server.database.db.select().from(pairings).where(eq(pairings.mentorId, mentor.id)))[0]!.id;

    // Tuesday 1 December, 12:00 in London: that day's 09:00 session is already over.
    const tuesday = year.date('2026-12-01');
    server.clock.jumpTo(Temporal.Instant.from(`${tuesday}T12:00:00Z`));
    const coordinator = await signInStaff(server, 'coordinator@riverside.example');

    const [suggested] = (await coordinator.get(`/api/staff/pairings/${pairingId}/candidates`).expect(200)).body.candidates;
    expect(suggested).toMatchObject({ id: '2@09:00', firstSession: `${year.date('2026-12-08')}T09:00:00Z` });

    const created = await coordinator.post(`/api/staff/pairings/${pairingId}/series`).send({ candidateId: '2@09:00' }).expect(201);
    const stored = await server.database.db.select().from(sessionOccurrences).where(eq(sessionOccurrences.seriesId, created.body.seriesId));
    expect(stored).toHaveLength(created.body.sessions);
    expect(created.body.sessions).toBe(suggested.sessions);
    const starts = stored.map((o) => Temporal.Instant.fromEpochMilliseconds(o.startsAt.getTime())).sort(Temporal.Instant.compare);
    expect(starts[0]!.toString()).toBe(`${year.date('2026-12-08')}T09:00:00Z`);
    expect(starts.filter((s) => Temporal.Instant.compare(s, server.clock.now()) <= 0)).toEqual([]);
  });

  it('answers a programme that is already over in words, not a server error', async () => {
    const setUp = await signInStaff(server, 'coordinator@northgate.example');
    const partnershipId = (await server.database.db.query.partnerships.findFirst())!.id;
    await setUp.put(`/api/staff/partnerships/${partnershipId}/programme`).send({ start: '2000-01-03', end: '2000-01-07' }).expect(200);
    const pairingId = (await server.database.db.select().from(pairings).where(eq(pairings.mentorId, server.demo!.sessions[0]!.mentor.id)))[0]!.id;
    const refused = await setUp.get(`/api/staff/pairings/${pairingId}/candidates`).expect(409);
    expect(refused.body.error.message).toBe('The programme ended on 2000-01-07. Set new programme dates to book sessions.');
  });
});
