import { and, eq } from 'drizzle-orm';
import request from 'supertest';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitQuestionnaireAnswers, pairingExits, pairings, sessionOccurrences, students } from '../../infra/db/schema.js';
import { freshPairing } from '../../test-support/fresh-pairing.js';
import { addOtherSchoolAndAdmin } from '../../test-support/other-school.js';
import { collect, connectStaff } from '../../test-support/staff-socket.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';
import { seedDemoExits } from '../../demo/demo-exits.js';
import { hashSecret } from '../staff/passwords.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;
const answers = { helpful: 5, listened: 4, targets: 4, recommend: 5 };

/** Ending pairings at once and gradually, and the exit questionnaire answered on the iPad after the PIN. */
describe.each(testDatabaseKinds())('exits on %s', (kind) => {
  let server: TestServer;
  let northgate: Agent;
  let riverside: Agent;
  let hillcrest: Agent;
  const db = () => server.database.db;
  const device = (role: 'mentor' | 'mentee') => `Bearer ${server.demo!.schools.find((s) => s.role === role)!.deviceToken}`;
  const scheduled = async (pairingId: string) =>
    db().select().from(sessionOccurrences).where(and(eq(sessionOccurrences.pairingId, pairingId), eq(sessionOccurrences.status, 'scheduled')));
  const listed = async (agent: Agent, pairingId: string) => (await agent.get('/api/staff/exits').expect(200)).body.pairings.find((p: { pairingId: string }) => p.pairingId === pairingId);

  beforeAll(async () => {
    server = await startTestServer(kind);
    await addOtherSchoolAndAdmin(server);
    northgate = await signInStaff(server, 'coordinator@northgate.example');
    riverside = await signInStaff(server, 'coordinator@riverside.example');
    hillcrest = await signInStaff(server, 'coordinator@hillcrest.example');
  });
  afterAll(() => stopTestServer(server));

  it('seeds the demo with one exited pairing and both students’ answers, once however often it starts', async () => {
    const schoolOf = (role: 'mentor' | 'mentee') => server.demo!.schools.find((s) => s.role === role)!.id;
    const partnershipId = (await db().query.partnerships.findFirst())!.id;
    // The demo seeds on every start: a second run adds nothing.
    await seedDemoExits(db(), server.clock.now(), { partnershipId, mentorSchoolId: schoolOf('mentor'), menteeSchoolId: schoolOf('mentee'), pairings: [] });
    const demoExits = (await riverside.get('/api/staff/exits').expect(200)).body.pairings.filter((p: { mentee: { firstName: string } }) => p.mentee.firstName === 'Leo');
    expect(demoExits).toHaveLength(1);
    expect(demoExits[0]).toMatchObject({ state: 'exited', exit: { reason: 'targets_met', kind: 'planned' }, mentee: { lastName: 'Grant' }, mentor: { firstName: 'Maya', ownSchool: false } });
    expect(demoExits[0].mentor).not.toHaveProperty('lastName');
    expect(demoExits[0].answers).toHaveLength(2);
    // Five weeks ago: past what the iPad offers, so the demo iPads' home screens are unchanged.
    expect((await request(server.url).get('/api/device/exits').set('authorization', device('mentee')).expect(200)).body.students).toEqual([]);
  });

  it('exits a pairing at once: later sessions cancelled through unpair, the exit recorded, both schools see it', async () => {
    const pair = await freshPairing(server);
    await hillcrest.post(`/api/staff/pairings/${pair.pairingId}/exit`).send({ reason: 'targets_met', note: '', mode: 'immediate', questionnaire: true }).expect(403);
    await riverside.post(`/api/staff/pairings/${pair.pairingId}/exit`).send({ reason: 'finished', note: '', mode: 'immediate', questionnaire: true }).expect(400);
    const done = await riverside
      .post(`/api/staff/pairings/${pair.pairingId}/exit`)
      .send({ reason: 'targets_met', note: 'Both targets met early', mode: 'immediate', questionnaire: true })
      .expect(200);
    expect(done.body).toMatchObject({ cancelled: 2, state: 'exited' });
    expect(done.body.message).toContain('Targets met (planned exit): Both targets met early');
    expect(await scheduled(pair.pairingId)).toEqual([]);
    const [row] = await db().select().from(pairings).where(eq(pairings.id, pair.pairingId));
    expect(row!.endReason).toBe('Targets met (planned exit): Both targets met early');
    expect(row!.endedAt).not.toBeNull();
    const seen = await listed(northgate, pair.pairingId);
    expect(seen).toMatchObject({ state: 'exited', exit: { kind: 'planned', reason: 'targets_met', questionnaireRequested: true, gradual: false } });
    // Northgate sees its own mentor in full, Riverside's mentee as first name, school and year only.
    expect(seen.mentor).toMatchObject({ lastName: 'Mentor', ownSchool: true });
    expect(seen.mentee).not.toHaveProperty('lastName');
    expect(seen.mentee).toMatchObject({ schoolName: 'Riverside High School', yearGroup: 11, ownSchool: false });
    const notices = (await northgate.get('/api/staff/notices').expect(200)).body.notices as { message: string }[];
    expect(notices.some((n) => n.message.includes('Targets met (planned exit)'))).toBe(true);
    const again = await northgate.post(`/api/staff/pairings/${pair.pairingId}/exit`).send({ reason: 'other', note: '', mode: 'immediate', questionnaire: false }).expect(409);
    expect(again.body.error.message).toContain('already exited');
    expect((await hillcrest.get('/api/staff/exits').expect(200)).body.pairings.some((p: { pairingId: string }) => p.pairingId === pair.pairingId)).toBe(false);
  });

  it('the student answers the questionnaire on the iPad after the PIN: contact details refused, keywords flagged, once only', async () => {
    const pair = await freshPairing(server);
    await db().update(students).set({ pinHash: await hashSecret('2468') }).where(eq(students.id, pair.menteeId));
    await northgate.post(`/api/staff/pairings/${pair.pairingId}/exit`).send({ reason: 'no_shows', note: '', mode: 'immediate', questionnaire: true }).expect(200);
    const offered = await request(server.url).get('/api/device/exits').set('authorization', device('mentee')).expect(200);
    const me = offered.body.students.find((s: { studentId: string }) => s.studentId === pair.menteeId);
    expect(me).toMatchObject({ questionnaire: true });
    expect((await request(server.url).get('/api/device/exits').set('authorization', device('mentor')).expect(200)).body.students.map((s: { studentId: string }) => s.studentId)).not.toContain(pair.menteeId);
    await request(server.url).post('/api/device/exits/open').set('authorization', device('mentee')).send({ studentId: pair.menteeId, pin: '1111' }).expect(401);
    await request(server.url).post('/api/device/exits/open').set('authorization', device('mentor')).send({ studentId: pair.menteeId, pin: '2468' }).expect(404);
    const opened = await request(server.url).post('/api/device/exits/open').set('authorization', device('mentee')).send({ studentId: pair.menteeId, pin: '2468' }).expect(200);
    expect(opened.body.form.questions.length).toBe(4);
    expect(opened.body.partner).toEqual({ firstName: expect.stringMatching(/^Fresh/), schoolName: 'Northgate Academy', yearGroup: 12 });
    expect(opened.body.support.contacts).toContain('Mr Owen Price');
    expect(opened.body.support.message).toContain('has ended, but support is still here for you');
    const answer = (body: object) => request(server.url).post('/api/device/exits/answer').set('authorization', device('mentee')).send({ token: opened.body.token, ...body });
    expect((await answer({ scaled: { helpful: 5 }, freeText: '' }).expect(400)).body.error.details.problems).toContainEqual({ field: 'scaled.listened', problem: 'is not answered' });
    const blocked = await answer({ scaled: answers, freeText: 'Text me on 07700 900123' }).expect(200);
    expect(blocked.body).toMatchObject({ saved: false, explanation: expect.stringContaining('phone numbers') });
    expect(await db().select().from(exitQuestionnaireAnswers).where(eq(exitQuestionnaireAnswers.studentId, pair.menteeId))).toEqual([]);
    await request(server.url).post('/api/device/exits/answer').set('authorization', device('mentor')).send({ token: opened.body.token, scaled: answers, freeText: '' }).expect(401);
    // Both schools' safeguarding leads hear of a keyword match at once.
    const leads = await Promise.all(['dsl@northgate.example', 'dsl@riverside.example'].map((email) => connectStaff(server.url, email)));
    const alerts = leads.map((lead) => collect<{ kind: string; keywords?: string[]; child?: { firstName: string } }>(lead, 'safeguarding:alert'));
    try {
      const saved = await answer({ scaled: answers, freeText: 'It helped. Sometimes I want to hurt myself when exams come.' }).expect(200);
      expect(saved.body.saved).toBe(true);
      await expect.poll(() => alerts.map((a) => a.length), { timeout: 5000 }).toEqual([1, 1]);
      for (const got of alerts) expect(got[0]).toMatchObject({ kind: 'questionnaire_flagged', keywords: ['hurt myself'], child: { firstName: expect.stringMatching(/^Fresh/) } });
    } finally {
      for (const lead of leads) lead.close();
    }
    await answer({ scaled: answers, freeText: 'Again' }).expect(409);
    const [stored] = await db().select().from(exitQuestionnaireAnswers).where(eq(exitQuestionnaireAnswers.studentId, pair.menteeId));
    expect(stored).toMatchObject({ scaled: answers, flaggedKeywords: ['hurt myself'] });
    expect((stored!.form as { questions: unknown[] }).questions.length).toBe(4);
    const seen = await listed(northgate, pair.pairingId);
    expect(seen.answers).toEqual([expect.objectContaining({ scaled: answers, flaggedKeywords: ['hurt myself'], student: expect.not.objectContaining({ lastName: expect.anything() }) })]);
    const own = await listed(riverside, pair.pairingId);
    expect(own.answers[0].student).toMatchObject({ lastName: 'Mentee', ownSchool: true });
    const after = await request(server.url).get('/api/device/exits').set('authorization', device('mentee')).expect(200);
    expect(after.body.students.find((s: { studentId: string }) => s.studentId === pair.menteeId)).toMatchObject({ questionnaire: false });
  });

  it('reads and replaces only the school’s own questionnaire form', async () => {
    const form = { scale: 3, questions: [{ id: 'felt_heard', text: 'Did you feel heard?' }], freeTextPrompt: 'What would you change?' };
    await riverside.put('/api/staff/exit-questionnaire').send({ form: { ...form, questions: [] } }).expect(400);
    await riverside.put('/api/staff/exit-questionnaire').send({ form: { ...form, questions: [form.questions[0], form.questions[0]] } }).expect(400);
    expect((await riverside.put('/api/staff/exit-questionnaire').send({ form }).expect(200)).body.form).toEqual(form);
    expect((await riverside.get('/api/staff/exit-questionnaire').expect(200)).body.form).toEqual(form);
    expect((await northgate.get('/api/staff/exit-questionnaire').expect(200)).body.form.scale).toBe(5);
  });

  it('winds a pairing down to a final review, then exits once the final review is over', async () => {
    const pair = await freshPairing(server);
    const [first] = await db().select().from(sessionOccurrences).where(eq(sessionOccurrences.pairingId, pair.pairingId)).orderBy(sessionOccurrences.startsAt);
    const week = 7 * 24 * 3_600_000;
    // Five weekly sessions in all.
    await db()
      .insert(sessionOccurrences)
      .values([2, 3, 4].map((i) => ({ pairingId: pair.pairingId, startsAt: new Date(first!.startsAt.getTime() + i * week), endsAt: new Date(first!.endsAt.getTime() + i * week) })));
    const all = await scheduled(pair.pairingId);
    const byStart = all.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    const dateOf = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO('Europe/London').toPlainDate().toString();
    const finalReview = byStart[3]!;
    const body = { reason: 'programme_finished', note: '', mode: 'gradual', questionnaire: false };
    expect((await northgate.post(`/api/staff/pairings/${pair.pairingId}/exit`).send(body).expect(400)).body.error.details.problems[0].field).toBe('finalReviewOn');
    await northgate.post(`/api/staff/pairings/${pair.pairingId}/exit`).send({ ...body, finalReviewOn: '2031-01-01' }).expect(400);
    const done = await northgate.post(`/api/staff/pairings/${pair.pairingId}/exit`).send({ ...body, finalReviewOn: dateOf(finalReview.startsAt) }).expect(200);
    expect(done.body).toMatchObject({ cancelled: 2, state: 'winding_down' });
    const left = (await scheduled(pair.pairingId)).map((s) => s.id).sort();
    expect(left).toEqual([byStart[0]!.id, byStart[2]!.id, finalReview.id].sort());
    const [thinned] = await db().select().from(sessionOccurrences).where(eq(sessionOccurrences.id, byStart[1]!.id));
    expect(thinned!.cancelReason).toContain('gradual exit');
    expect(await listed(riverside, pair.pairingId)).toMatchObject({ state: 'winding_down', exit: { finalReviewSessionId: finalReview.id, gradual: true } });
    // The mentor sees on the iPad that mentoring is coming to an end, and who to talk to.
    await db().update(students).set({ pinHash: await hashSecret('1357') }).where(eq(students.id, pair.mentorId));
    const opened = await request(server.url).post('/api/device/exits/open').set('authorization', device('mentor')).send({ studentId: pair.mentorId, pin: '1357' }).expect(200);
    expect(opened.body).toMatchObject({ state: 'winding_down', form: null, finalReviewOn: dateOf(finalReview.startsAt) });
    expect(opened.body.support.message).toContain('is coming to an end');
    // On the day, both iPads' home screens mark it as the final review.
    server.clock.jumpTo(Temporal.Instant.fromEpochMilliseconds(finalReview.startsAt.getTime() - 3_600_000));
    for (const role of ['mentor', 'mentee'] as const) {
      const today = await request(server.url).get('/api/device/sessions/today').set('authorization', device(role)).expect(200);
      const card = today.body.sessions.find((s: { id: string }) => s.id === finalReview.id);
      expect(card).toMatchObject({ finalReview: true });
      expect(today.body.sessions.filter((s: { finalReview?: boolean }) => s.finalReview)).toHaveLength(1);
    }
    // Once the final review has ended, the next read of exits finishes it through the unpair path.
    server.clock.jumpTo(Temporal.Instant.fromEpochMilliseconds(finalReview.endsAt.getTime() + 60_000));
    // (A staff sign-in does not last two months: sign in again.)
    northgate = await signInStaff(server, 'coordinator@northgate.example');
    expect(await listed(northgate, pair.pairingId)).toMatchObject({ state: 'exited' });
    const [exit] = await db().select().from(pairingExits).where(eq(pairingExits.pairingId, pair.pairingId));
    expect(exit!.exitedAt).not.toBeNull();
    const [row] = await db().select().from(pairings).where(eq(pairings.id, pair.pairingId));
    expect(row!.endReason).toBe('Final review held: Programme finished (planned exit)');
  });
});
