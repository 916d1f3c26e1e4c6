import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { pairings, scheduleChanges, schoolCalendars, sessionOccurrences, sessionSeries, staff, studentAvailability } from '../../infra/db/schema.js';
import { schoolYearAfter, typicalCalendar } from '../../test-support/calendar-fixtures.js';
import { addOtherSchoolAndAdmin } from '../../test-support/other-school.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;
type Cancelled = { occurrenceId: string; date: string; when: string; reason: string; proposal: string | null; changeId: number | null };

/*
 * Priya (Northgate, mentor) and Sam (Riverside, mentee) meet on Tuesdays at 09:00 (P1). Both
 * are free in Tuesday registration too, and on Thursdays in P3 (Priya only in Week A), which
 * is where a replacement for a lost Tuesday goes. Every calendar change re-flows the series.
 */
describe.each(testDatabaseKinds())('re-flow after calendar changes on %s', (kind) => {
  let server: TestServer;
  let northgate: Agent;
  let riverside: Agent;
  let pairingId: string;
  let partnershipId: string;
  let year: ReturnType<typeof schoolYearAfter>;
  const priyaFree = { slots: [{ week: 'any', weekday: 2, period: 'Registration' }, { week: 'any', weekday: 2, period: 'P1' }, { week: 'A', weekday: 4, period: 'P3' }] };
  const staffId = async (email: string) => (await server.database.db.select().from(staff).where(eq(staff.email, email)))[0]!.id;
  const occurrenceOn = async (date: string) => {
    const rows = await server.database.db.select().from(sessionOccurrences).where(eq(sessionOccurrences.pairingId, pairingId));
    return rows.filter((r) => r.startsAt.toISOString().startsWith(date));
  };
  const changesOf = (kindOfChange: string) =>
    server.database.db.select().from(scheduleChanges).where(and(eq(scheduleChanges.kind, kindOfChange), eq(scheduleChanges.partnershipId, partnershipId)));

  beforeAll(async () => {
    server = await startTestServer(kind);
    year = schoolYearAfter(server.clock.now());
    await addOtherSchoolAndAdmin(server);
    northgate = await signInStaff(server, 'coordinator@northgate.example');
    riverside = await signInStaff(server, 'coordinator@riverside.example');
    await northgate.put('/api/staff/calendar').send(year.calendar(typicalCalendar())).expect(200);
    await riverside.put('/api/staff/calendar').send(year.calendar(typicalCalendar())).expect(200);
    partnershipId = (await server.database.db.query.partnerships.findFirst())!.id;
    await riverside.put(`/api/staff/partnerships/${partnershipId}/programme`).send(year.programme({ start: '2026-09-14', end: '2027-07-16' })).expect(200);
    const { mentor, mentee } = server.demo!.sessions[0]!;
    await northgate.put(`/api/staff/students/${mentor.id}/availability`).send(priyaFree).expect(204);
    const samFree = { slots: [{ week: 'any', weekday: 2, period: 'Registration' }, { week: 'any', weekday: 2, period: 'P1' }, { week: 'any', weekday: 4, period: 'P3' }] };
    await riverside.put(`/api/staff/students/${mentee.id}/availability`).send(samFree).expect(204);
    pairingId = (await server.database.db.select().from(pairings).where(eq(pairings.mentorId, mentor.id)))[0]!.id;
    await riverside.post(`/api/staff/pairings/${pairingId}/series`).send({ candidateId: '2@09:00' }).expect(201);
  });
  afterAll(() => stopTestServer(server));

  it('cancels the sessions that fall in a new holiday when term dates change, previewing first and recording who did it', async () => {
    // Riverside's autumn half-term grows by two weeks: Tuesdays 3 and 10 November are now holidays.
    const longer = typicalCalendar();
    longer.terms[1] = { name: 'Autumn 2', start: '2026-11-16', end: '2026-12-18' };
    const before = await server.database.db.select().from(scheduleChanges);
    const preview = await riverside.put('/api/staff/calendar').query({ dryRun: 'true' }).send(year.calendar(longer)).expect(200);
    expect(preview.body.dryRun).toBe(true);
    expect(preview.body.cancelled.map((c: Cancelled) => c.date)).toEqual(['2026-11-03', '2026-11-10'].map(year.date));
    expect(preview.body.cancelled[0]).toMatchObject({
      reason: 'Riverside High School: holiday',
      proposal: null,
      changeId: null,
      mentor: { firstName: 'Priya', school: 'Northgate Academy' },
      mentee: { firstName: 'Sam', school: 'Riverside High School' },
    });
    const first = Temporal.PlainDate.from(year.date('2026-11-03'));
    expect(preview.body.cancelled[0].when).toBe(`Tue ${first.day} Nov ${first.year}, 09:00 (Riverside High School time)`);
    // The preview wrote nothing: not the calendar, not the cancellation, not the log.
    expect((await occurrenceOn(year.date('2026-11-03')))[0]!.status).toBe('scheduled');
    expect(await server.database.db.select().from(scheduleChanges)).toHaveLength(before.length);
    const stored = await server.database.db.select().from(schoolCalendars);
    expect(stored.every((c) => c.terms[1]!.start === year.date('2026-11-02'))).toBe(true);

    const saved = await riverside.put('/api/staff/calendar').send(year.calendar(longer)).expect(200);
    expect(saved.body).toMatchObject({ dryRun: false, cancelled: [{ date: year.date('2026-11-03') }, { date: year.date('2026-11-10'), reason: 'Riverside High School: holiday' }] });
    expect((await occurrenceOn(year.date('2026-11-03')))[0]).toMatchObject({ status: 'cancelled', cancelReason: 'Riverside High School: holiday' });
    const [change] = (await changesOf('occurrence_cancelled')).filter((c) => c.id === saved.body.cancelled[0].changeId);
    expect(change!.byStaffId).toBe(await staffId('coordinator@riverside.example'));
    // Saving the same calendar again changes nothing more.
    expect((await riverside.put('/api/staff/calendar').send(year.calendar(longer)).expect(200)).body.cancelled).toEqual([]);
  });

  it('previews what new bell times and programme dates would cancel, with replacements inside the programme', async () => {
    // Riverside's P1 starts ten minutes later: 09:00 is no longer in a period Sam is free in.
    const later = typicalCalendar();
    const day = later.bellSchedule[1].map((p) => (p.name === 'P1' ? { ...p, start: '09:10' } : p.name === 'Registration' ? { ...p, end: '09:10' } : p));
    later.bellSchedule = { 1: day, 2: day, 3: day, 4: day, 5: day };
    later.terms[1] = { name: 'Autumn 2', start: '2026-11-16', end: '2026-12-18' };
    const bells = await riverside.put('/api/staff/calendar').query({ dryRun: 'true' }).send(year.calendar(later)).expect(200);
    expect(bells.body.cancelled.length).toBeGreaterThan(20);
    expect(bells.body.cancelled[0].reason).toBe('Riverside High School: the timetable no longer has Sam free at that time');
    // Priya's P1 (09:00–09:50) and Sam's shorter one (09:10–09:50) still overlap by 40 minutes.
    expect(bells.body.cancelled[0].proposal).toMatch(/^09:10 on Tue /);

    const shorter = await riverside
      .put(`/api/staff/partnerships/${partnershipId}/programme`)
      .query({ dryRun: 'true' })
      .send(year.programme({ start: '2026-09-14', end: '2027-06-30' }))
      .expect(200);
    expect(shorter.body.cancelled.map((c: Cancelled) => c.date)).toEqual(['2027-07-06', '2027-07-13'].map(year.date));
    expect(shorter.body.cancelled[0]).toMatchObject({ proposal: null, reason: expect.stringMatching(/^Outside the programme's dates/) });
    expect((await occurrenceOn(year.date('2027-07-06')))[0]!.status).toBe('scheduled');
    // A coordinator of neither school cannot preview either.
    const other = await signInStaff(server, 'coordinator@hillcrest.example');
    await other.put(`/api/staff/partnerships/${partnershipId}/programme`).query({ dryRun: 'true' }).send(year.programme({ start: '2026-09-14', end: '2027-06-30' })).expect(403);
  });

  it('refuses to book a replacement on a day that has closed since it was proposed, so a later closure cannot cancel it', async () => {
    const inset = await northgate.post('/api/staff/calendar/closures').send({ date: year.date('2026-12-01'), reason: 'INSET day' }).expect(201);
    expect(inset.body).toMatchObject({ dryRun: false, closureId: expect.any(String) });
    expect(inset.body.cancelled).toEqual([expect.objectContaining({ date: year.date('2026-12-01'), reason: 'Northgate Academy: INSET day' })]);
    expect(inset.body.cancelled[0].proposal).toBe(`11:00 on ${year.dayLabel('2026-12-03')}`);
    // The proposed Thursday then closes at Riverside.
    await riverside.post('/api/staff/calendar/closures').send({ date: year.date('2026-12-03'), reason: 'Trip' }).expect(201);
    const refused = await riverside.post(`/api/staff/schedule-changes/${inset.body.cancelled[0].changeId}/accept-replacement`).expect(409);
    expect(refused.body.error.message).toBe('The proposed replacement no longer fits: Riverside High School: Trip.');
    expect(await occurrenceOn(year.date('2026-12-03'))).toEqual([]);

    // What the old check let through: the replacement booked on the closed Thursday anyway.
    const [series] = await server.database.db.select().from(sessionSeries).where(eq(sessionSeries.pairingId, pairingId));
    const thursday = new Date(`${year.date('2026-12-03')}T11:00:00Z`);
    await server.database.db.insert(sessionOccurrences).values({ pairingId, seriesId: series!.id, startsAt: thursday, endsAt: new Date(thursday.getTime() + 30 * 60_000) });
    // A later, unrelated closure cancels only its own day's session, in the name of whoever added it: not that Thursday's.
    const later = await northgate.post('/api/staff/calendar/closures').send({ date: year.date('2027-03-02'), reason: 'Snow day' }).expect(201);
    expect(later.body.cancelled.map((c: Cancelled) => c.date)).toEqual([year.date('2027-03-02')]);
    expect((await occurrenceOn(year.date('2026-12-03')))[0]!.status).toBe('scheduled');
    await server.database.db.delete(sessionOccurrences).where(eq(sessionOccurrences.startsAt, thursday));
    const byNorthgate = (await changesOf('occurrence_cancelled')).filter((c) => c.id === later.body.cancelled[0].changeId);
    expect(byNorthgate.map((c) => c.byStaffId)).toEqual([await staffId('coordinator@northgate.example')]);

    // A closure previewed first writes nothing.
    const preview = await northgate.post('/api/staff/calendar/closures').query({ dryRun: 'true' }).send({ date: year.date('2027-03-09'), reason: 'Mocks' }).expect(201);
    expect(preview.body).toMatchObject({ dryRun: true, closureId: null, cancelled: [{ date: year.date('2027-03-09'), changeId: null }] });
    expect((await occurrenceOn(year.date('2027-03-09')))[0]!.status).toBe('scheduled');

    // The calendar lists what each closure cancelled.
    const calendar = await northgate.get('/api/staff/calendar').expect(200);
    const listed = calendar.body.closures.find((c: { id: string }) => c.id === inset.body.closureId);
    expect(listed.cancelledSessions).toEqual([expect.objectContaining({ date: year.date('2026-12-01'), changeId: inset.body.cancelled[0].changeId })]);
    expect(calendar.body.closures.some((c: { reason: string }) => c.reason === 'Mocks')).toBe(false);
  });

  it("re-checks the students' availability when a replacement is accepted", async () => {
    const inset = await northgate.post('/api/staff/calendar/closures').send({ date: year.date('2027-01-26'), reason: 'Staff training' }).expect(201);
    expect(inset.body.cancelled[0].proposal).toBe(`11:00 on ${year.dayLabel('2027-01-28')}`);
    const { mentor } = server.demo!.sessions[0]!;
    await northgate.put(`/api/staff/students/${mentor.id}/availability`).send({ slots: priyaFree.slots.slice(0, 2) }).expect(204);
    const refused = await northgate.post(`/api/staff/schedule-changes/${inset.body.cancelled[0].changeId}/accept-replacement`).expect(409);
    expect(refused.body.error.message).toBe('The proposed replacement no longer fits: Northgate Academy: the timetable no longer has Priya free at that time.');
    await northgate.put(`/api/staff/students/${mentor.id}/availability`).send(priyaFree).expect(204);
    await northgate.post(`/api/staff/schedule-changes/${inset.body.cancelled[0].changeId}/accept-replacement`).expect(201);
  });

  it('undoes a closure: restores what it cancelled where the time still fits, and says why not otherwise', async () => {
    const calendar = await northgate.get('/api/staff/calendar').expect(200);
    const idOf = (reason: string) => calendar.body.closures.find((c: { reason: string }) => c.reason === reason).id as string;
    const listedChangeId = calendar.body.closures.find((c: { reason: string }) => c.reason === 'INSET day').cancelledSessions[0].changeId as number;

    // Riverside cannot undo Northgate's closure; nobody can undo one that does not exist.
    await riverside.delete(`/api/staff/calendar/closures/${idOf('INSET day')}`).expect(404);
    await northgate.delete('/api/staff/calendar/closures/00000000-0000-4000-8000-000000000000').expect(404);
    await northgate.delete('/api/staff/calendar/closures/not-an-id').expect(400);

    const preview = await northgate.delete(`/api/staff/calendar/closures/${idOf('INSET day')}`).query({ dryRun: 'true' }).expect(200);
    expect(preview.body).toMatchObject({ dryRun: true, restored: [{ date: year.date('2026-12-01') }], stillCancelled: [] });
    expect((await occurrenceOn(year.date('2026-12-01')))[0]!.status).toBe('cancelled');

    const undone = await northgate.delete(`/api/staff/calendar/closures/${idOf('INSET day')}`).expect(200);
    expect(undone.body.restored).toEqual([expect.objectContaining({ date: year.date('2026-12-01'), mentor: { firstName: 'Priya', school: 'Northgate Academy' } })]);
    expect((await occurrenceOn(year.date('2026-12-01')))[0]).toMatchObject({ status: 'scheduled', cancelReason: null });
    // The session is back on: its old proposal can no longer be booked.
    const stale = await northgate.post(`/api/staff/schedule-changes/${listedChangeId}/accept-replacement`).expect(409);
    expect(stale.body.error.message).toMatch(/^That session is back on/);
    const [restoredChange] = await changesOf('occurrence_restored');
    expect(restoredChange!.byStaffId).toBe(await staffId('coordinator@northgate.example'));
    const after = await northgate.get('/api/staff/calendar').expect(200);
    expect(after.body.closures.some((c: { reason: string }) => c.reason === 'INSET day')).toBe(false);

    // Its replacement was booked: the original stays cancelled.
    const bookedPreview = await northgate.delete(`/api/staff/calendar/closures/${idOf('Staff training')}`).query({ dryRun: 'true' }).expect(200);
    expect(bookedPreview.body.stillCancelled).toEqual([expect.objectContaining({ changeId: expect.any(Number), notRestoredBecause: 'A replacement session was booked instead.' })]);
    const booked = await northgate.delete(`/api/staff/calendar/closures/${idOf('Staff training')}`).expect(200);
    expect(booked.body).toMatchObject({ restored: [], stillCancelled: [{ date: year.date('2027-01-26'), notRestoredBecause: 'A replacement session was booked instead.' }] });

    // The other school has since closed that day too: the session stays cancelled, saying so.
    await riverside.post('/api/staff/calendar/closures').send({ date: year.date('2027-03-02'), reason: 'Open day' }).expect(201);
    const closedThere = await northgate.delete(`/api/staff/calendar/closures/${idOf('Snow day')}`).expect(200);
    expect(closedThere.body).toMatchObject({ restored: [], stillCancelled: [{ date: year.date('2027-03-02'), notRestoredBecause: 'Riverside High School: Open day.' }] });
  });

  it('still cancels a session on a closed day when a student has no free periods on record', async () => {
    // A pair booked before free periods were kept (or whose record was cleared) must not stay booked on an INSET day.
    const { mentee } = server.demo!.sessions[0]!;
    const kept = await server.database.db.select().from(studentAvailability).where(eq(studentAvailability.studentId, mentee.id));
    await server.database.db.delete(studentAvailability).where(eq(studentAvailability.studentId, mentee.id));
    const closed = await riverside.post('/api/staff/calendar/closures').send({ date: year.date('2027-05-04'), reason: 'Polling station' }).expect(201);
    expect(closed.body.cancelled).toEqual([expect.objectContaining({ date: year.date('2027-05-04'), reason: 'Riverside High School: Polling station' })]);
    expect((await occurrenceOn(year.date('2027-05-04')))[0]).toMatchObject({ status: 'cancelled' });
    await server.database.db.insert(studentAvailability).values(kept);
  });
});
