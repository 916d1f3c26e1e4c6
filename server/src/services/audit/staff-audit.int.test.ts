import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { StaffAuditEntry, StaffAuditKind } from '@peerbridge/shared';
import { pairings, staff, students } from '../../infra/db/schema.js';
import { schoolYearAfter, typicalCalendar } from '../../test-support/calendar-fixtures.js';
import { asDatabaseOwner } from '../../test-support/database-owner.js';
import { addOtherSchoolAndAdmin } from '../../test-support/other-school.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';
import { showsPin } from '../../test-support/pin-leaks.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;

/*
 * Every audited staff action, done through the real API, leaves exactly its
 * entry on the acting school's trail, in the same transaction as the action.
 * Northgate's coordinator is Ms Dana Hill, its DSL Mr Ravi Patel; Riverside's
 * coordinator is Mr Owen Price.
 */
describe.each(testDatabaseKinds())('staff audit trail on %s', (kind) => {
  let server: TestServer;
  let dana: Agent;
  let ravi: Agent;
  let owen: Agent;
  let year: ReturnType<typeof schoolYearAfter>;

  const entriesOf = async (agent: Agent, query = ''): Promise<StaffAuditEntry[]> =>
    (await agent.get(`/api/staff/audit?limit=200${query}`).expect(200)).body.entries;
  const latest = async (agent: Agent, kind: StaffAuditKind): Promise<StaffAuditEntry | undefined> => (await entriesOf(agent, `&kind=${kind}`))[0];
  const count = async (agent: Agent, kind: StaffAuditKind) => (await entriesOf(agent, `&kind=${kind}`)).length;
  const demo = () => server.demo!;

  beforeAll(async () => {
    server = await startTestServer(kind);
    year = schoolYearAfter(server.clock.now());
    await addOtherSchoolAndAdmin(server);
    dana = await signInStaff(server, 'coordinator@northgate.example');
    ravi = await signInStaff(server, 'dsl@northgate.example');
    owen = await signInStaff(server, 'coordinator@riverside.example');
  });
  afterAll(() => stopTestServer(server));

  it('records a PIN reset as "who reset whose PIN", with the student as first name and initial', async () => {
    const priya = demo().sessions[0]!.mentor;
    await dana.put(`/api/staff/students/${priya.id}/pin`).send({ pin: '4321' }).expect(204);
    const entry = await latest(dana, 'PinReset');
    expect(entry).toMatchObject({
      actor: { name: 'Ms Dana Hill' },
      action: { kind: 'PinReset', student: { id: priya.id, name: 'Priya S' } },
    });
    // The PIN itself (or its hash) is never on the trail.
    expect(showsPin(entry, '4321')).toBe(false);
    expect(JSON.stringify(entry)).not.toMatch(/argon2|"pin"/i);
    // When, by the server's clock.
    expect(Math.abs(Date.parse(entry!.at) - server.clock.now().epochMilliseconds)).toBeLessThan(10_000);
  });

  it('records consent and training changes, one entry each, on the acting school only', async () => {
    const session = demo().sessions[0]!;
    await dana.put(`/api/staff/students/${session.mentor.id}/eligibility`).send({ trainingCompleted: false }).expect(204);
    await owen.put(`/api/staff/students/${session.mentee.id}/eligibility`).send({ parentalConsent: true }).expect(204);
    expect(await latest(dana, 'TrainingChanged')).toMatchObject({ action: { student: { id: session.mentor.id }, completed: false } });
    expect(await latest(owen, 'ParentalConsentChanged')).toMatchObject({
      actor: { name: 'Mr Owen Price' },
      action: { student: { id: session.mentee.id, name: 'Sam R' }, given: true },
    });
    expect(await count(dana, 'ParentalConsentChanged')).toBe(0);
    await dana.put(`/api/staff/students/${session.mentor.id}/eligibility`).send({ trainingCompleted: true }).expect(204);
  });

  it('records PINs set for a class as one entry naming each student, never the PINs', async () => {
    const mentors = [...new Map(demo().sessions.map((s) => [s.mentor.id, s.mentor])).values()].slice(0, 2);
    const res = await dana.post('/api/staff/students/pins').send({ studentIds: mentors.map((m) => m.id) }).expect(200);
    const entry = await latest(dana, 'PinsGenerated');
    expect(entry).toMatchObject({ actor: { name: 'Ms Dana Hill' }, action: { kind: 'PinsGenerated', students: mentors.map((m) => ({ id: m.id })) } });
    for (const card of res.body.cards) expect(showsPin(entry, card.pin)).toBe(false);
    // A refused list (another school's student in it) changes nothing and adds nothing.
    await dana.post('/api/staff/students/pins').send({ studentIds: [mentors[0]!.id, demo().sessions[0]!.mentee.id] }).expect(403);
    expect(await count(dana, 'PinsGenerated')).toBe(1);
    for (const m of mentors) await dana.put(`/api/staff/students/${m.id}/pin`).send({ pin: '1234' }).expect(204);
  });

  it('records how a consent came, and its withdrawal, with the method', async () => {
    const mentee = demo().sessions[0]!.mentee;
    await owen.put(`/api/staff/students/${mentee.id}/eligibility`).send({ parentalConsent: false, method: 'email' }).expect(204);
    expect(await latest(owen, 'ParentalConsentChanged')).toMatchObject({ action: { student: { id: mentee.id }, given: false, method: 'email' } });
    await owen.put(`/api/staff/students/${mentee.id}/eligibility`).send({ parentalConsent: true, method: 'letter' }).expect(204);
    expect(await latest(owen, 'ParentalConsentChanged')).toMatchObject({ action: { given: true, method: 'letter' } });
  });

  it('records enrolling, re-coding and revoking an iPad, and a second revoke (which changes nothing) adds nothing', async () => {
    const enrolled = await dana.post('/api/staff/devices').send({ label: 'Audit iPad' }).expect(201);
    const device = enrolled.body.device;
    expect(await latest(dana, 'DeviceEnrolled')).toMatchObject({ action: { device: { id: device.id, label: 'Audit iPad' } } });
    expect(JSON.stringify(await entriesOf(dana))).not.toContain(enrolled.body.enrolmentCode);
    const reissued = await dana.post(`/api/staff/devices/${device.id}/code`).expect(201);
    expect(await latest(dana, 'DeviceCodeIssued')).toMatchObject({ action: { device: { id: device.id, label: 'Audit iPad' } } });
    expect(JSON.stringify(await entriesOf(dana))).not.toContain(reissued.body.enrolmentCode);
    await dana.post(`/api/staff/devices/${device.id}/revoke`).expect(204);
    await dana.post(`/api/staff/devices/${device.id}/revoke`).expect(204);
    expect((await entriesOf(dana, '&kind=DeviceRevoked')).map((e) => e.action)).toEqual([
      { kind: 'DeviceRevoked', device: { id: device.id, label: 'Audit iPad' } },
    ]);
  });

  it('records a student import with its counts, but not a dry run or a refused file', async () => {
    const file = 'Adno,Forename,Surname,Year\nR9001,Nia,Cole,11\n';
    await owen.post('/api/staff/import/students?dryRun=true').type('text/csv').send(file).expect(200);
    await owen.post('/api/staff/import/students').type('text/csv').send('Adno,Forename,Surname,Year\nR9002,,Cole,11\n').expect(422);
    expect(await count(owen, 'StudentsImported')).toBe(0);
    await owen.post('/api/staff/import/students').type('text/csv').send(file).expect(200);
    expect(await latest(owen, 'StudentsImported')).toMatchObject({ action: { created: 1, updated: 0 } });
  });

  it('records staff accounts created by import with the roles each was granted', async () => {
    const file = 'Forename,Surname,Email,Role\nJo,Ward,jo.ward@northgate.example,coordinator\n';
    const done = await dana.post('/api/staff/import/staff').type('text/csv').send(file).expect(200);
    const entry = await latest(dana, 'StaffAccountsImported');
    expect(entry?.action).toEqual({ kind: 'StaffAccountsImported', accounts: [{ id: expect.any(String), fullName: 'Jo Ward', roles: ['coordinator'] }] });
    expect(JSON.stringify(entry)).not.toContain(done.body.created[0].setupCode);
    // The same file again creates nobody, so records nothing.
    await dana.post('/api/staff/import/staff').type('text/csv').send(file).expect(200);
    expect(await count(dana, 'StaffAccountsImported')).toBe(1);
  });

  it("records closing a leaver's account, once, naming them", async () => {
    const file = 'Forename,Surname,Email,Role\nSam,Leaver,sam.leaver@northgate.example,coordinator\n';
    await dana.post('/api/staff/import/staff').type('text/csv').send(file).expect(200);
    const [leaver] = await server.database.db.select({ id: staff.id }).from(staff).where(eq(staff.email, 'sam.leaver@northgate.example'));
    const id = leaver!.id;
    await dana.post(`/api/staff/accounts/${id}/deactivate`).expect(204);
    await dana.post(`/api/staff/accounts/${id}/deactivate`).expect(204);
    expect((await entriesOf(dana, '&kind=StaffAccountDeactivated')).map((e) => ({ actor: e.actor.name, action: e.action }))).toEqual([
      { actor: 'Ms Dana Hill', action: { kind: 'StaffAccountDeactivated', account: { id, fullName: 'Sam Leaver' } } },
    ]);
  });

  it('records the accounts screen: an invitation with its roles, a new code, a reset, a change of roles; a no-op change adds nothing', async () => {
    const invited = await dana.post('/api/staff/accounts').send({ fullName: 'Ann Invite', email: 'ann.invite@northgate.example', roles: ['coordinator'] }).expect(201);
    const id = invited.body.account.id;
    expect((await latest(dana, 'StaffAccountInvited'))?.action).toEqual({ kind: 'StaffAccountInvited', account: { id, fullName: 'Ann Invite', roles: ['coordinator'] } });
    await dana.post(`/api/staff/accounts/${id}/setup-code`).expect(200);
    expect((await latest(dana, 'StaffSetupCodeReissued'))?.action).toEqual({ kind: 'StaffSetupCodeReissued', account: { id, fullName: 'Ann Invite' } });
    await dana.post(`/api/staff/accounts/${id}/password-reset`).expect(200);
    expect(await latest(dana, 'StaffPasswordReset')).toMatchObject({ actor: { name: 'Ms Dana Hill' }, action: { account: { id, fullName: 'Ann Invite' } } });
    // The codes themselves are never on the trail.
    expect(JSON.stringify(await entriesOf(dana))).not.toContain(invited.body.setupCode);

    const [supervisor] = await server.database.db.select({ id: staff.id }).from(staff).where(eq(staff.email, 'supervisor@northgate.example'));
    await dana.put(`/api/staff/accounts/${supervisor!.id}/roles`).send({ roles: ['supervisor', 'coordinator'] }).expect(200);
    await dana.put(`/api/staff/accounts/${supervisor!.id}/roles`).send({ roles: ['coordinator', 'supervisor'] }).expect(200);
    expect((await entriesOf(dana, '&kind=StaffRolesChanged')).map((e) => e.action)).toEqual([
      { kind: 'StaffRolesChanged', account: { id: supervisor!.id, fullName: expect.any(String) }, from: ['supervisor'], to: ['supervisor', 'coordinator'] },
    ]);
    // Put back as the demo has it, for the tests that follow.
    await server.database.db.update(staff).set({ roles: ['supervisor'] }).where(eq(staff.id, supervisor!.id));
    expect(await count(owen, 'StaffAccountInvited')).toBe(0);
  });

  it('records each export of a concern, JSON and CSV, by the DSL who took it', async () => {
    const now = demo().sessions.find((s) => s.kind === 'now')!;
    const raised = await ravi
      .post('/api/staff/concerns')
      .send({ sessionId: now.id, studentIds: [now.mentor.id], whatHappened: 'Export me.' })
      .expect(201);
    const id = raised.body.concernId;
    await ravi.get(`/api/staff/concerns/${id}/export.json`).expect(200);
    await ravi.get(`/api/staff/concerns/${id}/export.csv`).expect(200);
    const exports = await entriesOf(ravi, '&kind=ConcernExported');
    expect(exports.map((e) => [e.actor.name, e.action])).toEqual([
      ['Mr Ravi Patel', { kind: 'ConcernExported', concernId: id, format: 'csv' }],
      ['Mr Ravi Patel', { kind: 'ConcernExported', concernId: id, format: 'json' }],
    ]);
  });

  it('records a pairing accepted, naming both students by first name and school', async () => {
    const [nia] = await server.database.db.select().from(students).where(eq(students.admissionNumber, 'R9001'));
    const partnershipId = (await server.database.db.query.partnerships.findFirst())!.id;
    const priya = demo().sessions[0]!.mentor;
    const res = await dana.post(`/api/staff/partnerships/${partnershipId}/pairings`).send({ menteeId: nia!.id, mentorId: priya.id }).expect(201);
    await dana.post(`/api/staff/partnerships/${partnershipId}/pairings`).send({ menteeId: nia!.id, mentorId: priya.id }).expect(409);
    expect((await entriesOf(dana, '&kind=PairingAccepted')).map((e) => e.action)).toEqual([
      {
        kind: 'PairingAccepted',
        pairingId: res.body.pairingId,
        mentor: { id: priya.id, firstName: 'Priya', schoolName: 'Northgate Academy' },
        mentee: { id: nia!.id, firstName: 'Nia', schoolName: 'Riverside High School' },
      },
    ]);
  });

  it('records a series booked, a closure and the sessions it cancelled, and the replacement booked', async () => {
    await dana.put('/api/staff/calendar').send(year.calendar(typicalCalendar())).expect(200);
    await owen.put('/api/staff/calendar').send(year.calendar(typicalCalendar())).expect(200);
    const partnershipId = (await server.database.db.query.partnerships.findFirst())!.id;
    await owen.put(`/api/staff/partnerships/${partnershipId}/programme`).send(year.programme({ start: '2026-09-14', end: '2027-07-16' })).expect(200);
    const session = demo().sessions[0]!;
    const free = { slots: [{ week: 'any', weekday: 2, period: 'P1' }, { week: 'any', weekday: 4, period: 'P3' }] };
    await dana.put(`/api/staff/students/${session.mentor.id}/availability`).send(free).expect(204);
    await owen.put(`/api/staff/students/${session.mentee.id}/availability`).send(free).expect(204);
    const [pairing] = await server.database.db.select().from(pairings).where(eq(pairings.menteeId, session.mentee.id));

    const series = await owen.post(`/api/staff/pairings/${pairing!.id}/series`).send({ candidateId: '2@09:00' }).expect(201);
    expect(await latest(owen, 'SeriesBooked')).toMatchObject({
      actor: { name: 'Mr Owen Price' },
      action: {
        seriesId: series.body.seriesId,
        pairingId: pairing!.id,
        mentor: { firstName: 'Priya', schoolName: 'Northgate Academy' },
        mentee: { firstName: 'Sam', schoolName: 'Riverside High School' },
        when: series.body.label,
        sessions: series.body.sessions,
      },
    });

    const closure = await dana.post('/api/staff/calendar/closures').send({ date: year.date('2026-12-01'), reason: 'INSET day' }).expect(201);
    expect(await latest(dana, 'ClosureAdded')).toMatchObject({ action: { date: year.date('2026-12-01'), from: null, to: null, reason: 'INSET day' } });
    const cancelled = await entriesOf(dana, '&kind=SessionCancelled');
    expect(cancelled.map((e) => e.action)).toEqual(
      closure.body.cancelled.map((c: { occurrenceId: string; reason: string }) =>
        expect.objectContaining({ kind: 'SessionCancelled', occurrenceId: c.occurrenceId, reason: c.reason }),
      ),
    );
    expect(cancelled).toHaveLength(1);

    const changes = await owen.get('/api/staff/schedule-changes').expect(200);
    const booked = await owen.post(`/api/staff/schedule-changes/${changes.body.changes[0].id}/accept-replacement`).expect(201);
    expect(await latest(owen, 'ReplacementBooked')).toMatchObject({
      action: { occurrenceId: booked.body.occurrenceId, replacesOccurrenceId: closure.body.cancelled[0].occurrenceId, when: booked.body.when },
    });
  });

  it('writes nothing of an action whose entry cannot be written: the action and its record go together', async () => {
    const priya = demo().sessions[0]!.mentor;
    const pinHash = async () => (await server.database.db.select({ h: students.pinHash }).from(students).where(eq(students.id, priya.id)))[0]!.h;
    const before = await pinHash();
    const entries = (await entriesOf(dana)).length;
    await asDatabaseOwner(server, ['revoke insert on staff_audit from peerbridge_app']);
    try {
      const res = await dana.put(`/api/staff/students/${priya.id}/pin`).send({ pin: '9999' });
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('internal');
    } finally {
      await asDatabaseOwner(server, ['grant insert on staff_audit to peerbridge_app']);
    }
    expect(await pinHash()).toBe(before);
    expect((await entriesOf(dana)).length).toBe(entries);
  });

  it('filters by kind, actor and date range, and pages newest first', async () => {
    const all = await entriesOf(dana);
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));
    const page1 = (await dana.get('/api/staff/audit?limit=2').expect(200)).body;
    expect(page1.entries.map((e: StaffAuditEntry) => e.seq)).toEqual(all.slice(0, 2).map((e) => e.seq));
    const page2 = (await dana.get(`/api/staff/audit?limit=2&before=${page1.nextBefore}`).expect(200)).body;
    expect(page2.entries.map((e: StaffAuditEntry) => e.seq)).toEqual(all.slice(2, 4).map((e) => e.seq));
    const last = (await dana.get(`/api/staff/audit?limit=200&before=${all[all.length - 1]!.seq + 1}`).expect(200)).body;
    expect(last.nextBefore).toBeNull();

    // Northgate's trail has two actors: the coordinator and the DSL (the exports).
    expect(page1.actors.map((a: { name: string }) => a.name)).toEqual(['Mr Ravi Patel', 'Ms Dana Hill']);
    const raviId = page1.actors.find((a: { name: string }) => a.name === 'Mr Ravi Patel').id;
    const byRavi = await entriesOf(dana, `&actorId=${raviId}`);
    expect(new Set(byRavi.map((e) => e.action.kind))).toEqual(new Set(['ConcernExported']));

    const now = server.clock.now();
    expect(await entriesOf(dana, `&from=${now.add({ hours: 1 }).toString()}`)).toEqual([]);
    expect((await entriesOf(dana, `&from=${now.subtract({ hours: 1 }).toString()}&to=${now.add({ seconds: 1 }).toString()}`)).length).toBe(all.length);
    expect(await entriesOf(dana, `&to=${now.subtract({ hours: 1 }).toString()}`)).toEqual([]);
  });

  it('refuses a bad filter with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['kind=Nonsense', 'kind'],
      ['limit=0', 'limit'],
      ['limit=lots', 'limit'],
      ['from=yesterday', 'from'],
      ['actorId=1', 'actorId'],
      ['before=-3', 'before'],
      ['kind=PinReset&kind=DeviceRevoked', 'kind'],
      ['colour=red', '(whole payload)'],
      [`from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z`, 'from'],
    ] as const) {
      const res = await dana.get(`/api/staff/audit?${query}`).expect(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.details.problems.map((p: { field: string }) => p.field), query).toContain(field);
    }
  });

  it('shows each school only its own trail: never the partner school, another school or a supervisor', async () => {
    const northgateSeqs = await entriesOf(ravi);
    const riverside = await entriesOf(owen);
    expect(riverside.length).toBeGreaterThan(0);
    // Owen sees his own actions only, though Dana's closure cancelled a session of his school's pairing.
    expect(new Set(riverside.map((e) => e.actor.name))).toEqual(new Set(['Mr Owen Price']));
    expect(northgateSeqs.every((e) => e.actor.name !== 'Mr Owen Price')).toBe(true);
    const hillcrest = await signInStaff(server, 'coordinator@hillcrest.example');
    expect(await entriesOf(hillcrest)).toEqual([]);
    for (const email of ['supervisor@northgate.example', 'supervisor@riverside.example', 'admin@peerbridge.example']) {
      const agent = await signInStaff(server, email);
      expect((await agent.get('/api/staff/audit').expect(403)).body.error.code).toBe('forbidden');
      expect((await agent.get('/api/staff/audit/verify').expect(403)).body.error.code).toBe('forbidden');
    }
  });

  it("records the deployment admin's set-up on the trail of each school it concerns: a partnership on both, an account on its own", async () => {
    const admin = await signInStaff(server, 'admin@peerbridge.example');
    const hillcrest = await signInStaff(server, 'coordinator@hillcrest.example');
    const northgateId = demo().schools.find((s) => s.role === 'mentor')!.id;
    const { schools: all } = (await admin.get('/api/staff/admin/schools').expect(200)).body as { schools: { id: string; name: string }[] };
    const hillcrestId = all.find((s) => s.name === 'Hillcrest School')!.id;
    const made = await admin
      .post('/api/staff/admin/partnerships')
      .send({ mentorSchoolId: hillcrestId, menteeSchoolId: northgateId, start: '2027-01-04', end: '2027-07-16' })
      .expect(201);
    const partnership = {
      kind: 'PartnershipCreated',
      partnershipId: made.body.id,
      mentorSchool: { id: hillcrestId, name: 'Hillcrest School' },
      menteeSchool: { id: northgateId, name: 'Northgate Academy' },
      start: '2027-01-04',
      end: '2027-07-16',
    };
    for (const agent of [dana, hillcrest]) {
      expect(await latest(agent, 'PartnershipCreated')).toMatchObject({ actor: { name: 'Deployment Admin' }, action: partnership });
    }
    expect(await count(owen, 'PartnershipCreated')).toBe(0);

    const account = await admin.post(`/api/staff/admin/schools/${northgateId}/staff`).send({ fullName: 'Kim Lowe', email: 'kim.lowe@northgate.example', role: 'dsl' }).expect(201);
    const entry = await latest(ravi, 'StaffAccountCreated');
    expect(entry).toMatchObject({ actor: { name: 'Deployment Admin' }, action: { kind: 'StaffAccountCreated', account: { fullName: 'Kim Lowe', roles: ['dsl'] } } });
    expect(JSON.stringify(entry)).not.toContain(account.body.setupCode);
    expect(await count(hillcrest, 'StaffAccountCreated')).toBe(0);
  });

  it('refuses the application any change to the trail, and verification names an entry edited behind its back', async () => {
    expect((await dana.get('/api/staff/audit/verify').expect(200)).body).toMatchObject({ ok: true, entries: (await entriesOf(dana)).length });
    const northgateId = demo().schools.find((s) => s.role === 'mentor')!.id;
    // As the application: refused (privileges on PostgreSQL, and the trigger everywhere).
    await expect(server.database.db.execute(sql`update staff_audit set actor_name = 'Someone else' where seq = 1`)).rejects.toThrow();
    await expect(server.database.db.execute(sql`delete from staff_audit where seq = 1`)).rejects.toThrow();
    await expect(server.database.db.execute(sql`truncate staff_audit`)).rejects.toThrow();

    // As whoever holds the database itself: the edit goes in, and verification catches it.
    await asDatabaseOwner(server, [
      `update staff_audit set detail = jsonb_set(detail, '{student,name}', '"Tom O"') where school_id = '${northgateId}' and seq = 1`,
    ]);
    expect((await dana.get('/api/staff/audit/verify').expect(200)).body).toEqual({
      ok: false,
      entries: (await entriesOf(dana)).length,
      firstBroken: { seq: 1, problem: 'content_changed' },
    });
    // Riverside's chain is its own and still verifies.
    expect((await owen.get('/api/staff/audit/verify').expect(200)).body.ok).toBe(true);

    // Put back, it verifies again; then deleting an entry in the middle shows as a gap where it was.
    await asDatabaseOwner(server, [
      `update staff_audit set detail = jsonb_set(detail, '{student,name}', '"Priya S"') where school_id = '${northgateId}' and seq = 1`,
    ]);
    expect((await ravi.get('/api/staff/audit/verify').expect(200)).body.ok).toBe(true);
    await asDatabaseOwner(server, [`delete from staff_audit where school_id = '${northgateId}' and seq = 3`]);
    expect((await ravi.get('/api/staff/audit/verify').expect(200)).body.firstBroken).toEqual({ seq: 4, problem: 'sequence_gap' });
  });
});
