import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { studentAvailability, students } from '../../infra/db/schema.js';
import { typicalCalendar } from '../../test-support/calendar-fixtures.js';
import { addOtherSchoolAndAdmin } from '../../test-support/other-school.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;

/*
 * Free periods and subjects, one student at a time and by CSV. The demo's
 * schools run the demo bell schedule (Registration, P1–P6, Break, Lunch) on
 * a two-week cycle; Hillcrest has no calendar at all.
 */
describe.each(testDatabaseKinds())('students’ free periods and subjects on %s', (kind) => {
  let server: TestServer;
  let northgate: Agent;
  let riverside: Agent;
  let hillcrestId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    hillcrestId = (await addOtherSchoolAndAdmin(server)).id;
    northgate = await signInStaff(server, 'coordinator@northgate.example');
    riverside = await signInStaff(server, 'coordinator@riverside.example');
  });
  afterAll(() => stopTestServer(server));

  const slotsOf = async (studentId: string) =>
    (await server.database.db.select().from(studentAvailability).where(eq(studentAvailability.studentId, studentId)))[0]?.slots;
  const byAdno = async (adno: string) => (await server.database.db.select().from(students).where(eq(students.admissionNumber, adno)))[0];

  it('refuses a period the bell schedule does not have, naming it and the day, and keeps what was on record', async () => {
    const mentor = server.demo!.sessions[0]!.mentor.id;
    const before = await slotsOf(mentor);
    const res = await northgate
      .put(`/api/staff/students/${mentor}/availability`)
      .send({ slots: [{ week: 'A', weekday: 2, period: 'P1' }, { week: 'any', weekday: 3, period: 'P9' }] })
      .expect(400);
    expect(res.body.error.message).toContain('"P9" is not a Wednesday period');
    expect(res.body.error.message).toContain('Wednesday has Registration, P1, P2');
    expect(await slotsOf(mentor)).toEqual(before);
  });

  it('refuses free periods in words when the school has no calendar yet', async () => {
    const [student] = await server.database.db
      .insert(students)
      .values({ schoolId: hillcrestId, firstName: 'Hana', lastName: 'Park', yearGroup: 12, role: 'mentor', admissionNumber: 'H1' })
      .returning();
    const hillcrest = await signInStaff(server, 'coordinator@hillcrest.example');
    const res = await hillcrest.put(`/api/staff/students/${student!.id}/availability`).send({ slots: [{ week: 'any', weekday: 1, period: 'P1' }] }).expect(409);
    expect(res.body.error.message).toMatch(/no bell times yet/);
    const file = await hillcrest.post('/api/staff/import/students').type('text/csv').send('Adno,Free periods\nH1,Mon:P1\n').expect(422);
    expect(file.body.problems).toEqual([{ line: 2, reason: 'free periods: the school has no bell times yet (set up the calendar first)' }]);
    // Subjects need no calendar.
    await hillcrest.post('/api/staff/import/students').type('text/csv').send('Adno,Subjects\nH1,latin\n').expect(200);
    expect((await byAdno('H1'))!.subjects).toEqual(['latin']);
  });

  it('reads back what was saved, with subjects in use across the partnership to suggest, and audits each change', async () => {
    const mentee = server.demo!.sessions[1]!.mentee.id;
    await riverside
      .put(`/api/staff/students/${mentee}/availability`)
      .send({ slots: [{ week: 'B', weekday: 5, period: 'P6' }, { week: 'B', weekday: 5, period: 'P6' }, { week: 'any', weekday: 1, period: 'Lunch' }] })
      .expect(204);
    await riverside.put(`/api/staff/students/${mentee}/subjects`).send({ subjects: ['Science:Chemistry', 'maths'] }).expect(204);
    const profile = await riverside.get(`/api/staff/students/${mentee}/matching-profile`).expect(200);
    expect(profile.body).toMatchObject({
      studentId: mentee,
      role: 'mentee',
      freePeriods: [{ week: 'B', weekday: 5, period: 'P6' }, { week: 'any', weekday: 1, period: 'Lunch' }],
      subjects: ['science:chemistry', 'maths'],
    });
    // The partner school's mentors offer English poetry: suggested so both sides use the same words. Hillcrest is no partner.
    expect(profile.body.subjectSuggestions).toEqual(expect.arrayContaining(['english:poetry', 'science:chemistry', 'maths']));
    expect(profile.body.subjectSuggestions).not.toContain('latin');
    await northgate.get(`/api/staff/students/${mentee}/matching-profile`).expect(403);
    const audit = await riverside.get('/api/staff/audit').expect(200);
    const kinds = audit.body.entries.map((e: { action: { kind: string } }) => e.action);
    expect(kinds).toContainEqual(expect.objectContaining({ kind: 'FreePeriodsSet', periods: 2 }));
    expect(kinds).toContainEqual(expect.objectContaining({ kind: 'SubjectsSet', subjects: ['science:chemistry', 'maths'] }));
  });

  it('imports students with free periods and subjects: the dry run shows them, a bad cell anywhere writes nothing', async () => {
    const file = ['Adno,Forename,Surname,Year,Free periods,Subjects', 'R9001,Nia,Cole,11,Tue:P1; A:Thu:P3,english:poetry', 'R9002,Omar,Diaz,11,,maths'].join('\n');
    const dry = await riverside.post('/api/staff/import/students?dryRun=true').type('text/csv').send(file).expect(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      written: false,
      toCreate: 2,
      profilesOnly: false,
      profileChanges: [
        { line: 2, admissionNumber: 'R9001', freePeriods: 'Tue:P1; A:Thu:P3', subjects: ['english:poetry'] },
        { line: 3, admissionNumber: 'R9002', freePeriods: null, subjects: ['maths'] },
      ],
    });
    expect(await byAdno('R9001')).toBeUndefined();

    const bad = `${file}\nR9003,Pat,Ely,11,Tue:P9; Sat:P1,maths\nR9004,Kai,Fox,11,B:Mon:Lunch,7 maths`;
    const refused = await riverside.post('/api/staff/import/students').type('text/csv').send(bad).expect(422);
    expect(refused.body.problems).toEqual([
      { line: 4, reason: 'free periods: "Sat:P1": Sat is not a school day (Mon–Fri)' },
      { line: 5, reason: 'subjects: "7 maths" must look like "maths" or "english:poetry"' },
    ]);
    const wrongPeriod = await riverside.post('/api/staff/import/students').type('text/csv').send(`${file}\nR9003,Pat,Ely,11,Tue:P9,`).expect(422);
    expect(wrongPeriod.body.problems).toEqual([{ line: 4, reason: expect.stringContaining('free periods: "P9" is not a Tuesday period') }]);
    expect(await byAdno('R9001')).toBeUndefined();

    await riverside.post('/api/staff/import/students').type('text/csv').send(file).expect(200);
    const nia = (await byAdno('R9001'))!;
    expect(nia.subjects).toEqual(['english:poetry']);
    expect(await slotsOf(nia.id)).toEqual([{ week: 'any', weekday: 2, period: 'P1' }, { week: 'A', weekday: 4, period: 'P3' }]);
    expect(await slotsOf((await byAdno('R9002'))!.id)).toBeUndefined();
  });

  it('takes a second file for students already imported, refusing an unknown admission number and writing nothing then', async () => {
    const second = ['Adno,Free periods,Subjects', 'R9002,Tue:P1,none'];
    const unknown = await riverside.post('/api/staff/import/students').type('text/csv').send([...second, 'R0000,Mon:P1,maths'].join('\n')).expect(422);
    expect(unknown.body.problems).toEqual([{ line: 3, reason: 'no student with admission number R0000 at your school (import them first)' }]);
    const omar = (await byAdno('R9002'))!;
    expect(await slotsOf(omar.id)).toBeUndefined();

    const done = await riverside.post('/api/staff/import/students').type('text/csv').send(second.join('\n')).expect(200);
    expect(done.body).toMatchObject({ profilesOnly: true, toCreate: 0, toUpdate: 1, written: true, profileChanges: [{ admissionNumber: 'R9002', freePeriods: 'Tue:P1', subjects: [] }] });
    const after = (await byAdno('R9002'))!;
    expect(after).toMatchObject({ firstName: 'Omar', subjects: [] });
    expect(await slotsOf(after.id)).toEqual([{ week: 'any', weekday: 2, period: 'P1' }]);
    // Another school's file cannot reach Riverside's students.
    await northgate.post('/api/staff/import/students').type('text/csv').send(second.join('\n')).expect(422);
  });

  it('suggests a student imported with free periods and subjects, and finds slots once they are paired', async () => {
    const nia = (await byAdno('R9001'))!;
    await riverside.put(`/api/staff/students/${nia.id}/eligibility`).send({ parentalConsent: true, method: 'form' }).expect(204);
    const partnershipId = (await server.database.db.query.partnerships.findFirst())!.id;
    const res = await riverside.post(`/api/staff/partnerships/${partnershipId}/suggestions`).send({}).expect(200);
    const forNia = res.body.suggestions.find((s: { menteeId: string }) => s.menteeId === nia.id);
    expect(forNia, JSON.stringify(res.body.unmatched)).toBeDefined();
    expect(forNia.sharedSlots).toBeGreaterThan(0);
    expect(forNia.score.subjectFit).toBeGreaterThan(0);
    const paired = await riverside.post(`/api/staff/partnerships/${partnershipId}/pairings`).send({ menteeId: nia.id, mentorId: forNia.mentorId }).expect(201);
    const candidates = await riverside.get(`/api/staff/pairings/${paired.body.pairingId}/candidates`).expect(200);
    expect(candidates.body.candidates.length).toBeGreaterThan(0);
  });

  it('refuses Week B at a school that runs a one-week timetable, and takes the periods once the calendar is there', async () => {
    const hillcrest = await signInStaff(server, 'coordinator@hillcrest.example');
    await hillcrest.put('/api/staff/calendar').send(typicalCalendar({ cycle: { weeks: 1, knownWeekAMonday: '2026-09-07' } })).expect(204);
    const hana = (await byAdno('H1'))!;
    const res = await hillcrest.put(`/api/staff/students/${hana.id}/availability`).send({ slots: [{ week: 'B', weekday: 1, period: 'P1' }] }).expect(400);
    expect(res.body.error.message).toContain('Week B Monday P1: the school runs a one-week timetable');
    const file = await hillcrest.post('/api/staff/import/students').type('text/csv').send('Adno,Free periods\nH1,B:Mon:P1\n').expect(422);
    expect(file.body.problems).toEqual([{ line: 2, reason: expect.stringContaining('there is no Week B') }]);
    await hillcrest.post('/api/staff/import/students').type('text/csv').send('Adno,Free periods\nH1,Mon:P1\n').expect(200);
    expect(await slotsOf(hana.id)).toEqual([{ week: 'any', weekday: 1, period: 'P1' }]);
  });
});
