import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgrammeSettingsResponse, ReferralLetter, ReferralQueueResponse, ReferralResponse, StaffAuditPage, StudentListResponse, type Referral } from '@peerbridge/shared';
import { freshStudent } from '../../test-support/fresh-referral.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;

/*
 * Riverside (Mr Owen Price) refers its Year 11 students; Northgate (Ms Dana Hill) recruits mentors.
 * Each school's referrals are its own: the partner's coordinator neither sees nor touches them.
 */
describe.each(testDatabaseKinds())('referrals and programme settings on %s', (kind) => {
  let server: TestServer;
  let owen: Agent;
  let dana: Agent;
  let riversideDsl: Agent;
  let northgateDsl: Agent;
  const referralOf = (res: { body: unknown }): Referral => ReferralResponse.parse(res.body).referral;
  const queueOf = async (agent: Agent) => ReferralQueueResponse.parse((await agent.get('/api/staff/referrals').expect(200)).body);
  const refer = (agent: Agent, studentId: string, over: object = {}) =>
    agent.post('/api/staff/referrals').send({ studentId, kind: 'mentee', source: 'staff', reasons: ['Exam stress'], note: 'Worried about mocks.', ...over });

  beforeAll(async () => {
    server = await startTestServer(kind);
    owen = await signInStaff(server, 'coordinator@riverside.example');
    dana = await signInStaff(server, 'coordinator@northgate.example');
    riversideDsl = await signInStaff(server, 'dsl@riverside.example');
    northgateDsl = await signInStaff(server, 'dsl@northgate.example');
  });
  afterAll(() => stopTestServer(server));

  it('refers a Year 11 student, consent goes on the student record, and the referral becomes ready to pair', async () => {
    const { studentId } = await freshStudent(server, 'mentee');
    const created = referralOf(await refer(owen, studentId).expect(201));
    expect(created).toMatchObject({ status: 'new', reasons: ['Exam stress'], referredBy: 'Mr Owen Price', optIn: null, consent: null });

    // Not ready without the student's own yes and the parents' consent.
    const early = await owen.post(`/api/staff/referrals/${created.id}/status`).send({ to: 'ready_to_pair' }).expect(409);
    expect(early.body.error.message).toContain('opt-in');

    const optedIn = referralOf(await owen.post(`/api/staff/referrals/${created.id}/opt-in`).send({}).expect(200));
    expect(optedIn.optIn).toMatchObject({ askedBy: 'Mr Owen Price', recordedBy: 'Mr Owen Price' });
    // The referrer heard the yes themselves: a warning, not a refusal.
    expect(optedIn.optInWarning).toContain('also recorded their agreement');
    await owen.post(`/api/staff/referrals/${created.id}/opt-in`).send({}).expect(409);

    const asked = referralOf(await owen.post(`/api/staff/referrals/${created.id}/consent-request`).expect(200));
    expect(asked).toMatchObject({ status: 'waiting_for_consent', consentRequest: { by: 'Mr Owen Price' } });

    const consented = referralOf(await owen.post(`/api/staff/referrals/${created.id}/consent`).send({ method: 'letter' }).expect(200));
    expect(consented.status).toBe('ready_to_pair');
    expect(consented.consent).toMatchObject({ recordedBy: 'Mr Owen Price', method: 'letter' });

    // The same record the students screen shows, and admission checks.
    const students = StudentListResponse.parse((await owen.get('/api/staff/students').expect(200)).body).students;
    expect(students.find((s) => s.id === studentId)).toMatchObject({ parentalConsentRecord: { recordedBy: 'Mr Owen Price', method: 'letter' } });
    expect(students.find((s) => s.id === studentId)!.parentalConsentAt).not.toBeNull();

    // Each step is on the school's audit trail, the consent as the students screen would have put it, and the chain still verifies.
    const trail = StaffAuditPage.parse((await owen.get('/api/staff/audit').expect(200)).body).entries.filter((e) => 'student' in e.action && e.action.student.id === studentId);
    expect(trail.map((e) => e.action.kind).reverse()).toEqual(['ReferralRecorded', 'ReferralUpdated', 'ReferralUpdated', 'ParentalConsentChanged']);
    expect((await owen.get('/api/staff/audit/verify').expect(200)).body.ok).toBe(true);
  });

  it("keeps each school's referrals to itself", async () => {
    const { studentId } = await freshStudent(server, 'mentee');
    const created = referralOf(await refer(owen, studentId).expect(201));
    expect((await queueOf(owen)).referrals.map((r) => r.id)).toContain(created.id);
    expect((await queueOf(dana)).referrals.map((r) => r.id)).not.toContain(created.id);
    const attempts = { 'opt-in': {}, 'consent-request': {}, consent: { method: 'form' }, status: { to: 'withdrawn', reason: 'x' }, 'pass-to-dsl': { whatHappened: 'Not yours to pass on at all.' } };
    for (const [path, body] of Object.entries(attempts)) {
      const res = await dana.post(`/api/staff/referrals/${created.id}/${path}`).send(body);
      expect(res.status, path).toBe(403);
    }
    await dana.get(`/api/staff/referrals/${created.id}/letter`).expect(403);
    // Nor can a coordinator refer the partner school's child.
    expect((await refer(dana, studentId)).status).toBe(403);
  });

  it('refuses bad referrals in words, and a second open referral of the same student', async () => {
    const { studentId } = await freshStudent(server, 'mentee');
    const year10 = await freshStudent(server, 'mentee', 10);
    expect((await refer(owen, year10.studentId).expect(400)).body.error.message).toContain('Year 11');
    expect((await refer(owen, studentId, { reasons: ['Bereavement'] }).expect(400)).body.error.message).toContain('Bereavement');
    expect((await refer(owen, studentId, { reasons: [] }).expect(400)).body.error.message).toContain('at least one reason');
    await refer(owen, '00000000-0000-4000-8000-000000000000').expect(404);
    const first = referralOf(await refer(owen, studentId).expect(201));
    expect((await refer(owen, studentId, { source: 'self' }).expect(409)).body.error.message).toContain('already has an open referral');

    // Withdrawing needs a reason; once withdrawn, the student may be referred again.
    expect((await owen.post(`/api/staff/referrals/${first.id}/status`).send({ to: 'withdrawn' }).expect(400)).body.error.message).toContain('Say why');
    const withdrawn = referralOf(await owen.post(`/api/staff/referrals/${first.id}/status`).send({ to: 'withdrawn', reason: 'Family moving away' }).expect(200));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusReason: 'Family moving away' });
    await owen.post(`/api/staff/referrals/${first.id}/consent`).send({ method: 'form' }).expect(409);
    await refer(owen, studentId, { source: 'self' }).expect(201);
  });

  it("passes a referral to the school's DSL as a concern, once", async () => {
    const { studentId, firstName } = await freshStudent(server, 'mentee');
    const created = referralOf(await refer(owen, studentId, { note: 'Said things at home are hard.' }).expect(201));
    const passed = referralOf(
      await owen.post(`/api/staff/referrals/${created.id}/pass-to-dsl`).send({ whatHappened: 'The referral mentions problems at home beyond mentoring.' }).expect(200),
    );
    expect(passed.passedToDsl).toMatchObject({ by: 'Mr Owen Price', concernId: expect.any(String) });
    const concernId = passed.passedToDsl!.concernId!;
    const listed = (await riversideDsl.get('/api/staff/concerns').expect(200)).body.concerns as { id: string; children: { firstName: string }[] }[];
    expect(listed.find((c) => c.id === concernId)?.children).toEqual([expect.objectContaining({ firstName })]);
    // The DSL opens it like any concern: the referral's words, no session.
    const opened = await riversideDsl.get(`/api/staff/concerns/${concernId}`).expect(200);
    expect(opened.body.concern).toMatchObject({ sessionId: null, whatHappened: 'The referral mentions problems at home beyond mentoring.' });
    const theirs = (await northgateDsl.get('/api/staff/concerns').expect(200)).body.concerns as { id: string }[];
    expect(theirs.map((c) => c.id)).not.toContain(concernId);
    await owen.post(`/api/staff/referrals/${created.id}/pass-to-dsl`).send({ whatHappened: 'Again, the same worry as before.' }).expect(409);
  });

  it('recruits a mentor: an application, training recorded with course and date, then ready to pair', async () => {
    const { studentId } = await freshStudent(server, 'mentor');
    const applied = referralOf(await dana.post('/api/staff/referrals').send({ studentId, kind: 'mentor', source: 'self', reasons: [], note: 'Keen to help.' }).expect(201));
    await dana.post(`/api/staff/referrals/${applied.id}/consent-request`).expect(409);
    const riversideStaff = (await queueOf(owen)).staff[0]!.id;
    expect((await dana.post(`/api/staff/referrals/${applied.id}/opt-in`).send({ askedBy: riversideStaff }).expect(400)).body.error.message).toContain('your school');
    const danaQueue = await queueOf(dana);
    const ravi = danaQueue.staff.find((s) => s.name === 'Mr Ravi Patel')!.id;
    const optedIn = referralOf(await dana.post(`/api/staff/referrals/${applied.id}/opt-in`).send({ askedBy: ravi }).expect(200));
    expect(optedIn).toMatchObject({ status: 'new', optIn: { askedBy: 'Mr Ravi Patel', recordedBy: 'Ms Dana Hill' } });
    // Asked by someone else, but still recorded by the person who referred: still worth a look.
    expect(optedIn.optInWarning).not.toBeNull();

    const today = server.clock.now().toZonedDateTimeISO('Europe/London').toPlainDate();
    await dana.post(`/api/staff/referrals/${applied.id}/training`).send({ course: 'Child protection', completedOn: today.add({ days: 1 }).toString() }).expect(400);
    const trained = referralOf(
      await dana.post(`/api/staff/referrals/${applied.id}/training`).send({ course: 'Child protection', completedOn: today.toString(), method: 'in_person' }).expect(200),
    );
    expect(trained).toMatchObject({ status: 'ready_to_pair', training: [{ course: 'Child protection', completedOn: today.toString(), recordedBy: 'Ms Dana Hill' }] });
    const students = StudentListResponse.parse((await dana.get('/api/staff/students').expect(200)).body).students;
    expect(students.find((s) => s.id === studentId)!.trainingRecord).toMatchObject({ recordedBy: 'Ms Dana Hill', method: 'in_person' });
  });

  it('records consent or training that does not yet make the referral ready (no opt-in yet)', async () => {
    const mentee = await freshStudent(server, 'mentee');
    const referral = referralOf(await refer(owen, mentee.studentId).expect(201));
    expect(referralOf(await owen.post(`/api/staff/referrals/${referral.id}/consent`).send({ method: 'email' }).expect(200))).toMatchObject({ status: 'new', consent: { method: 'email' } });
    const mentor = await freshStudent(server, 'mentor');
    const applied = referralOf(await dana.post('/api/staff/referrals').send({ studentId: mentor.studentId, kind: 'mentor', source: 'staff', reasons: [] }).expect(201));
    const trained = referralOf(await dana.post(`/api/staff/referrals/${applied.id}/training`).send({ course: 'Confidentiality', completedOn: '2026-09-01' }).expect(200));
    expect(trained).toMatchObject({ status: 'new', training: [{ course: 'Confidentiality' }], trained: { method: null } });
  });

  it('cleans free text as every other field does: nothing unseen is stored, nothing answers 500', async () => {
    const { studentId } = await freshStudent(server, 'mentee');
    const note = 'before\u0000after \u202Eevil\u202C zero\u200Bwidth';
    const created = referralOf(await refer(owen, studentId, { note }).expect(201));
    expect(created.note).toBe('beforeafter evil zerowidth');
    await refer(owen, studentId, { reasons: ['Exam\u0000 stress'] }).expect(409);
    await owen.post(`/api/staff/referrals/${created.id}/status`).send({ to: 'declined', reason: '\u0000\u200B' }).expect(400);
    await owen.post(`/api/staff/referrals/${created.id}/pass-to-dsl`).send({ whatHappened: 'x'.repeat(5000) }).expect(400);
    const settings = await dana.put('/api/staff/programme-settings').send({ referralReasons: ['Attain\u0000ment', 'Other'] }).expect(200);
    expect(ProgrammeSettingsResponse.parse(settings.body).settings.referralReasons).toEqual(['Attainment', 'Other']);
    await dana.put('/api/staff/programme-settings').send({ referralReasons: ['\u200B'] }).expect(400);
  });

  it("writes the parents' letter from the programme, naming no partner child", async () => {
    const { studentId, firstName } = await freshStudent(server, 'mentee');
    const created = referralOf(await refer(owen, studentId).expect(201));
    const res = await owen.get(`/api/staff/referrals/${created.id}/letter`).expect(200);
    const letter = ReferralLetter.parse(res.body);
    expect(letter).toMatchObject({ schoolName: 'Riverside High School', partnerSchoolName: 'Northgate Academy', student: { firstName, yearGroup: 11 }, coordinatorName: 'Mr Owen Price' });
    expect(letter.programme).toMatchObject({ sessionMinutes: expect.any(Number), frequency: expect.any(String) });
    for (const mentor of server.demo!.sessions.map((s) => s.mentor.firstName)) expect(JSON.stringify(res.body)).not.toContain(mentor);
  });

  it("edits the school's programme settings, not the partner's and not the exit questionnaire", async () => {
    const before = ProgrammeSettingsResponse.parse((await owen.get('/api/staff/programme-settings').expect(200)).body).settings;
    expect(before).not.toHaveProperty('exitQuestionnaire');
    const reasons = [...before.referralReasons, 'Bereavement'];
    const after = ProgrammeSettingsResponse.parse((await owen.put('/api/staff/programme-settings').send({ referralReasons: reasons, lateAfterMinutes: 7 }).expect(200)).body);
    expect(after.settings).toMatchObject({ referralReasons: reasons, lateAfterMinutes: 7, absenceNoticeAfter: before.absenceNoticeAfter });
    expect((await queueOf(owen)).reasons).toContain('Bereavement');
    const { studentId } = await freshStudent(server, 'mentee');
    await refer(owen, studentId, { reasons: ['Bereavement'] }).expect(201);
    // Northgate keeps its own.
    const northgate = ProgrammeSettingsResponse.parse((await dana.get('/api/staff/programme-settings').expect(200)).body).settings;
    expect(northgate.referralReasons).not.toContain('Bereavement');

    await owen.put('/api/staff/programme-settings').send({ exitQuestionnaire: { scale: 5 } }).expect(400);
    await owen.put('/api/staff/programme-settings').send({ lateAfterMinutes: 0 }).expect(400);
    await owen.put('/api/staff/programme-settings').send({ referralReasons: ['Attainment', 'attainment'] }).expect(400);
    await owen.put('/api/staff/programme-settings').send({}).expect(400);
    await riversideDsl.put('/api/staff/programme-settings').send({ lateAfterMinutes: 9 }).expect(403);
  });
});
