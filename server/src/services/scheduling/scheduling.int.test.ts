import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { pairings, sessionOccurrences, students } from '../../infra/db/schema.js';
import { schoolYearAfter, typicalCalendar } from '../../test-support/calendar-fixtures.js';
import { enrolIPads } from '../../test-support/enrolled-ipads.js';
import { addOtherSchoolAndAdmin } from '../../test-support/other-school.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;

describe.each(testDatabaseKinds())('cross-school scheduling on %s', (kind) => {
  let server: TestServer;
  let northgate: Agent;
  let riverside: Agent;
  let pairingIds: string[];
  // Every date below is a 2026–27 one, moved to the first such school year after the test clock's today.
  let year: ReturnType<typeof schoolYearAfter>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    year = schoolYearAfter(server.clock.now());
    await addOtherSchoolAndAdmin(server);
    northgate = await signInStaff(server, 'coordinator@northgate.example');
    riverside = await signInStaff(server, 'coordinator@riverside.example');
    await northgate.put('/api/staff/calendar').send(year.calendar(typicalCalendar())).expect(200);
    // The pool is the enrolled iPads: Northgate has four (the demo's one and three more), Riverside only the demo's one.
    await enrolIPads(server, northgate, 3);
    // Riverside's half-term falls a week later, and it runs a one-week timetable.
    const riversideCalendar = typicalCalendar({ cycle: { weeks: 1, knownWeekAMonday: '2026-09-07' } });
    riversideCalendar.terms[0] = { name: 'Autumn 1', start: '2026-09-03', end: '2026-10-30' };
    riversideCalendar.terms[1] = { name: 'Autumn 2', start: '2026-11-09', end: '2026-12-18' };
    await riverside.put('/api/staff/calendar').send(year.calendar(riversideCalendar)).expect(200);
    const partnershipId = (await server.database.db.query.partnerships.findFirst())!.id;
    await riverside
      .put(`/api/staff/partnerships/${partnershipId}/programme`)
      .send(year.programme({ start: '2026-09-14', end: '2027-07-16', caseloadLimit: 1 }))
      .expect(200);
    const demo = server.demo!;
    for (const session of demo.sessions) {
      const free = { slots: [{ week: 'any', weekday: 2, period: 'Registration' }, { week: 'any', weekday: 2, period: 'P1' }, { week: 'A', weekday: 4, period: 'P3' }] };
      await northgate.put(`/api/staff/students/${session.mentor.id}/availability`).send(free).expect(204);
      await riverside.put(`/api/staff/students/${session.mentee.id}/availability`).send({ slots: [{ week: 'any', weekday: 2, period: 'Registration' }, { week: 'any', weekday: 2, period: 'P1' }, { week: 'any', weekday: 4, period: 'P3' }] }).expect(204);
    }
    const rows = await server.database.db.select().from(pairings);
    pairingIds = demo.sessions.map((s) => rows.find((p) => p.mentorId === s.mentor.id)!.id);
  });
  afterAll(() => stopTestServer(server));

  it('suggests Tuesdays at 09:00 first, saying how many sessions it yields and which dates are lost, and why', async () => {
    const res = await northgate.get(`/api/staff/pairings/${pairingIds[0]}/candidates`).expect(200);
    const [best] = res.body.candidates;
    expect(best).toMatchObject({ id: '2@09:00', localStart: '09:00', menteePeriod: 'P1', everyWeekSameSlot: true });
    expect(best.label).toBe('Tuesdays at 09:00 (Riverside High School time, P1)');
    expect(best.sessions).toBeGreaterThan(30);
    // Northgate's half-term (26–30 Oct) and Riverside's a week later (2–6 Nov) both cost a Tuesday.
    expect(best.lostDates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: year.date('2026-10-27'), school: 'Northgate Academy', reason: 'holiday' }),
        expect.objectContaining({ date: year.date('2026-11-03'), school: 'Riverside High School', reason: 'holiday' }),
      ]),
    );
  });

  it('creates a series for the whole programme, then refuses clashes with reasons a coordinator understands', async () => {
    const created = await riverside.post(`/api/staff/pairings/${pairingIds[0]}/series`).send({ candidateId: '2@09:00' }).expect(201);
    const stored = await server.database.db.select().from(sessionOccurrences).where(eq(sessionOccurrences.seriesId, created.body.seriesId));
    expect(stored).toHaveLength(created.body.sessions);

    // Another pairing at the same time: Riverside has one iPad.
    const devices = await riverside.post(`/api/staff/pairings/${pairingIds[1]}/series`).send({ candidateId: '2@09:00' }).expect(409);
    expect(devices.body.error.message).toMatch(/^The only iPad at Riverside High School is booked at 09:00 on Tue/);

    // The same pairing again: it already meets weekly.
    const again = await riverside.post(`/api/staff/pairings/${pairingIds[0]}/series`).send({ candidateId: '2@09:00' }).expect(409);
    expect(again.body.error.message).toBe('Priya and Sam already meet every week (Tuesdays at 09:00).');

    // A time the students are not both free.
    const never = await riverside.post(`/api/staff/pairings/${pairingIds[2]}/series`).send({ candidateId: '1@13:30' }).expect(409);
    expect(never.body.error.message).toMatch(/not both free then/);
  });

  it("refuses a mentor over the partnership's caseload limit", async () => {
    const demo = server.demo!;
    const [extra] = await server.database.db
      .insert(pairings)
      .values({ partnershipId: (await server.database.db.query.partnerships.findFirst())!.id, mentorId: demo.sessions[0]!.mentor.id, menteeId: demo.sessions[1]!.mentee.id })
      .returning();
    const res = await northgate.post(`/api/staff/pairings/${extra!.id}/series`).send({ candidateId: '2@09:00' }).expect(409);
    const codes = res.body.error.details.conflicts.map((c: { code: string }) => c.code);
    // Priya is over her limit, and already meets Sam at that time.
    expect(codes).toContain('caseload_limit');
    expect(codes).toContain('student_already_booked');
    expect(res.body.error.details.conflicts.find((c: { code: string }) => c.code === 'student_already_booked').message).toMatch(
      /^Priya already has a session at 09:00 on Tue/,
    );
    expect(res.body.error.details.conflicts.find((c: { code: string }) => c.code === 'caseload_limit').message).toBe('Priya already mentors 1 student (the limit)');
  });

  it('cancels the sessions a new closure covers, proposes a same-week replacement, and shows both coordinators', async () => {
    const res = await northgate.post('/api/staff/calendar/closures').send({ date: year.date('2026-12-01'), reason: 'INSET day' }).expect(201);
    expect(res.body.cancelled).toEqual([expect.objectContaining({ reason: 'Northgate Academy: INSET day' })]);
    // The same week's Thursday (Week A at Northgate, when Priya is free in P3) is proposed.
    expect(res.body.cancelled[0].proposal).toBe(`11:00 on ${year.dayLabel('2026-12-03')}`);
    const riversideSees = await riverside.get('/api/staff/schedule-changes').expect(200);
    expect(riversideSees.body.changes.map((c: { kind: string }) => c.kind)).toEqual(['occurrence_cancelled', 'series_created']);
    expect(riversideSees.body.changes[0].byStaffId).toBeDefined();

    // Either coordinator may book the proposal, once.
    const changeId = riversideSees.body.changes[0].id;
    const booked = await riverside.post(`/api/staff/schedule-changes/${changeId}/accept-replacement`).expect(201);
    expect(booked.body.when).toBe(`11:00 on ${year.dayLabel('2026-12-03')}`);
    await northgate.post(`/api/staff/schedule-changes/${changeId}/accept-replacement`).expect(409);
    await northgate.post('/api/staff/schedule-changes/not-a-number/accept-replacement').expect(400);
    const other = await signInStaff(server, 'coordinator@hillcrest.example');
    expect((await other.get('/api/staff/schedule-changes').expect(200)).body.changes).toEqual([]);
    await other.get(`/api/staff/pairings/${pairingIds[0]}/candidates`).expect(403);
    await other.post(`/api/staff/schedule-changes/${changeId}/accept-replacement`).expect(403);
    await other.post(`/api/staff/pairings/${pairingIds[0]}/series`).send({ candidateId: '2@09:00' }).expect(403);
    const bad = await northgate.post('/api/staff/calendar/closures').send({ date: '2026-13-01', from: '10:00', to: '09:00', reason: '' }).expect(400);
    for (const field of ['date', 'to', 'reason']) expect(bad.body.error.message).toContain(field);
  });

  it('suggests pairings that explain themselves, never an ineligible student, and pairs only on a coordinator’s say', async () => {
    const db = server.database.db;
    const riversideId = server.demo!.schools.find((x) => x.role === 'mentee')!.id;
    const [zara, yusuf] = await db
      .insert(students)
      .values([
        { schoolId: riversideId, firstName: 'Zara', lastName: 'Ali', yearGroup: 11, role: 'mentee', parentalConsentAt: new Date(server.clock.now().epochMilliseconds), subjects: ['english:poetry'] },
        { schoolId: riversideId, firstName: 'Yusuf', lastName: 'Bakr', yearGroup: 11, role: 'mentee', parentalConsentAt: null, subjects: ['maths'] },
      ])
      .returning();
    for (const id of [zara!.id, yusuf!.id]) {
      await riverside.put(`/api/staff/students/${id}/availability`).send({ slots: [{ week: 'any', weekday: 2, period: 'P1' }] }).expect(204);
    }
    const partnershipId = (await db.query.partnerships.findFirst())!.id;
    await riverside.put(`/api/staff/partnerships/${partnershipId}/programme`).send(year.programme({ start: '2026-09-14', end: '2027-07-16', caseloadLimit: 3 })).expect(200);
    await northgate.put(`/api/staff/students/${server.demo!.sessions[2]!.mentor.id}/subjects`).send({ subjects: ['English:Poetry'] }).expect(204);
    await northgate.put(`/api/staff/students/${server.demo!.sessions[2]!.mentor.id}/subjects`).send({ subjects: ['poetry!'] }).expect(400);

    const res = await riverside.post(`/api/staff/partnerships/${partnershipId}/suggestions`).send({}).expect(200);
    const forZara = res.body.suggestions.find((s: { menteeId: string }) => s.menteeId === zara!.id);
    // Both mentors who offer English poetry are good fits; partner-school mentors appear by first name only.
    expect(forZara).toMatchObject({ mentee: 'Zara Ali', score: { subjectFit: expect.any(Number), total: expect.any(Number) } });
    expect(['Priya', 'Ellie']).toContain(forZara.mentor);
    expect(forZara.score.subjectFit).toBeGreaterThan(0);
    expect(forZara.explanation.length).toBeGreaterThan(0);
    expect(res.body.suggestions.some((s: { menteeId: string }) => s.menteeId === yusuf!.id)).toBe(false);
    expect(res.body.unmatched).toContainEqual(expect.objectContaining({ menteeId: yusuf!.id, reason: 'not_eligible' }));
    expect(res.body.totalScore).toBeGreaterThanOrEqual(res.body.greedyScore);
    // A rejected pair is not suggested again.
    const after = await riverside
      .post(`/api/staff/partnerships/${partnershipId}/suggestions`)
      .send({ excluded: [{ menteeId: zara!.id, mentorId: forZara.mentorId }] })
      .expect(200);
    const zaraNow = after.body.suggestions.find((s: { menteeId: string }) => s.menteeId === zara!.id);
    expect(zaraNow?.mentorId).not.toBe(forZara.mentorId);
    // Suggesting wrote nothing; accepting pairs them.
    expect((await db.select().from(pairings).where(eq(pairings.menteeId, zara!.id))).length).toBe(0);
    await riverside.post(`/api/staff/partnerships/${partnershipId}/pairings`).send({ menteeId: zara!.id, mentorId: forZara.mentorId }).expect(201);
    await riverside.post(`/api/staff/partnerships/${partnershipId}/pairings`).send({ menteeId: zara!.id, mentorId: forZara.mentorId }).expect(409);
    await riverside.post(`/api/staff/partnerships/${partnershipId}/pairings`).send({ menteeId: forZara.mentorId, mentorId: zara!.id }).expect(400);
    const accepted = await riverside.post(`/api/staff/partnerships/${partnershipId}/suggestions`).send({}).expect(200);
    expect(accepted.body.kept).toContainEqual(expect.objectContaining({ menteeId: zara!.id, mentorId: forZara.mentorId }));
    const other = await signInStaff(server, 'coordinator@hillcrest.example');
    await other.post(`/api/staff/partnerships/${partnershipId}/suggestions`).send({}).expect(403);
    await other.post(`/api/staff/partnerships/${partnershipId}/pairings`).send({ menteeId: yusuf!.id, mentorId: forZara.mentorId }).expect(403);
  });
});
