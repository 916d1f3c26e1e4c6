import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { CreatedAccount, DeploymentOverview, DeploymentPartnership, DeploymentSchool, StaffAuditPage } from '@peerbridge/shared';
import { createAdminCommand } from '../../cli/create-admin.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;
const PASSWORD = 'a password nobody guesses';

/*
 * The deployment admin's first hour on an empty database (no demo data): the
 * admin from the command line, schools, partnerships, and each school's first
 * coordinator and DSL, who then sign in with their own codes.
 */
describe.each(testDatabaseKinds())('deployment set-up on %s', (kind) => {
  let server: TestServer;
  let admin: Agent;
  let northgate: DeploymentSchool;
  let riverside: DeploymentSchool;
  /** Every set-up code handed out, none of which may reach the trail. */
  const codes: string[] = [];

  const setPassword = (code: string) => request(server.url).post('/api/staff/set-password').set('Origin', server.url).send({ code, password: PASSWORD });
  const school = (name: string, urn: string, extra: object = {}) =>
    admin.post('/api/staff/admin/schools').send({ name, urn, timeZone: 'Europe/London', contactEmail: `office@${urn}.example`, ...extra });
  const problemFields = (res: request.Response) => (res.body.error.details?.problems ?? []).map((p: { field: string }) => p.field);

  beforeAll(async () => {
    server = await startTestServer(kind, undefined, { DEMO: '0' });
  });
  afterAll(() => stopTestServer(server));

  it('starts with no admin and says so; the admin from the command line signs in with the code, not a default password', async () => {
    expect(server.demo).toBeUndefined();
    expect(server.needsFirstAdmin).toBe(true);
    const made = await createAdminCommand(['--email', 'ops@peerbridge.example', '--name', 'Olu Ops'], { db: server.database.db, clock: server.clock });
    const code = /set-up code: (\S+)/.exec(made.out)![1]!;
    codes.push(code);
    await request(server.url).post('/api/staff/login').set('Origin', server.url).send({ email: 'ops@peerbridge.example', password: code }).expect(401);
    await setPassword(code).expect(204);
    await setPassword(code).expect(404);
    admin = await signInStaff(server, 'ops@peerbridge.example', PASSWORD);
    const me = await admin.get('/api/staff/me').expect(200);
    expect(me.body.staff).toMatchObject({ roles: ['admin'], school: null });
  });

  it('creates schools, refusing bad input by field and a URN already used', async () => {
    const bad = await admin
      .post('/api/staff/admin/schools')
      .send({ name: '', urn: '12345', timeZone: 'Mars/Olympus', contactEmail: 'nope' })
      .expect(400);
    expect(problemFields(bad).sort()).toEqual(['contactEmail', 'name', 'timeZone', 'urn']);
    expect(bad.body.error.message).toMatch(/urn: must be the six-digit URN/);
    expect(problemFields(await school('Offset School', '100001', { timeZone: '+01:00' }).expect(400))).toEqual(['timeZone']);

    northgate = DeploymentSchool.parse((await school('Northgate Academy', '137001').expect(201)).body);
    expect(northgate).toMatchObject({ name: 'Northgate Academy', urn: '137001', timeZone: 'Europe/London', contactEmail: 'office@137001.example', staff: [] });
    riverside = DeploymentSchool.parse((await school('Riverside High School', '137002', { timeZone: 'Europe/Dublin' }).expect(201)).body);

    const taken = await school('Another Northgate', '137001').expect(409);
    expect(problemFields(taken)).toEqual(['urn']);
    expect(taken.body.error.message).toMatch(/URN 137001 is already/);
  });

  it('partners two schools, which side mentors and the programme dates; a school may be in several partnerships', async () => {
    const dates = { start: '2027-01-04', end: '2027-07-16' };
    const created = await admin.post('/api/staff/admin/partnerships').send({ mentorSchoolId: northgate.id, menteeSchoolId: riverside.id, ...dates }).expect(201);
    expect(DeploymentPartnership.parse(created.body)).toMatchObject({
      name: 'Northgate Academy – Riverside High School',
      mentorSchool: { id: northgate.id },
      menteeSchool: { id: riverside.id },
      ...dates,
    });
    await admin.post('/api/staff/admin/partnerships').send({ mentorSchoolId: northgate.id, menteeSchoolId: riverside.id, ...dates }).expect(409);
    const same = await admin.post('/api/staff/admin/partnerships').send({ mentorSchoolId: northgate.id, menteeSchoolId: northgate.id, ...dates }).expect(400);
    expect(problemFields(same)).toEqual(['menteeSchoolId']);
    const backwards = await admin
      .post('/api/staff/admin/partnerships')
      .send({ mentorSchoolId: riverside.id, menteeSchoolId: northgate.id, start: '2027-07-16', end: '2027-01-04' })
      .expect(400);
    expect(problemFields(backwards)).toEqual(['end']);
    await admin
      .post('/api/staff/admin/partnerships')
      .send({ mentorSchoolId: northgate.id, menteeSchoolId: '00000000-0000-4000-8000-000000000000', ...dates })
      .expect(404);

    const third = DeploymentSchool.parse((await school('Hillcrest School', '137003').expect(201)).body);
    await admin.post('/api/staff/admin/partnerships').send({ mentorSchoolId: third.id, menteeSchoolId: northgate.id, name: 'Hillcrest reading', ...dates }).expect(201);
    const overview = DeploymentOverview.parse((await admin.get('/api/staff/admin/schools').expect(200)).body);
    expect(overview.schools.map((s) => s.name)).toEqual(['Hillcrest School', 'Northgate Academy', 'Riverside High School']);
    expect(overview.partnerships.map((p) => [p.name, p.mentorSchool.name, p.menteeSchool.name])).toEqual([
      ['Northgate Academy – Riverside High School', 'Northgate Academy', 'Riverside High School'],
      ['Hillcrest reading', 'Hillcrest School', 'Northgate Academy'],
    ]);
  });

  it("creates each school's first coordinator and DSL with a code shown once; they sign in and see their school", async () => {
    const made = await admin.post(`/api/staff/admin/schools/${northgate.id}/staff`).send({ fullName: 'Dana Hill', email: 'Dana@Northgate.example', role: 'coordinator' }).expect(201);
    const dana = CreatedAccount.parse(made.body);
    expect(dana).toMatchObject({ email: 'dana@northgate.example', roles: ['coordinator'] });
    const dsl = CreatedAccount.parse(
      (await admin.post(`/api/staff/admin/schools/${northgate.id}/staff`).send({ fullName: 'Ravi Patel', email: 'ravi@northgate.example', role: 'dsl' }).expect(201)).body,
    );

    const badRole = await admin.post(`/api/staff/admin/schools/${northgate.id}/staff`).send({ fullName: 'X', email: 'x@northgate.example', role: 'admin' }).expect(400);
    expect(problemFields(badRole)).toEqual(['role']);
    expect(problemFields(await admin.post(`/api/staff/admin/schools/${northgate.id}/staff`).send({ fullName: 'Dana Again', email: 'dana@northgate.example', role: 'dsl' }).expect(409))).toEqual(['email']);
    await admin.post('/api/staff/admin/schools/00000000-0000-4000-8000-000000000000/staff').send({ fullName: 'Nobody', email: 'n@x.example', role: 'dsl' }).expect(404);

    let overview = DeploymentOverview.parse((await admin.get('/api/staff/admin/schools').expect(200)).body);
    expect(overview.schools.find((s) => s.id === northgate.id)!.staff.map((s) => [s.fullName, s.setUp])).toEqual([
      ['Dana Hill', false],
      ['Ravi Patel', false],
    ]);

    codes.push(dana.setupCode, dsl.setupCode);
    await setPassword(dana.setupCode).expect(204);
    await setPassword(dsl.setupCode).expect(204);
    overview = DeploymentOverview.parse((await admin.get('/api/staff/admin/schools').expect(200)).body);
    expect(overview.schools.find((s) => s.id === northgate.id)!.staff.every((s) => s.setUp)).toBe(true);

    const coordinator = await signInStaff(server, 'dana@northgate.example', PASSWORD);
    expect((await coordinator.get('/api/staff/me').expect(200)).body.staff.school).toMatchObject({ id: northgate.id, name: 'Northgate Academy' });
    const partnerships = (await coordinator.get('/api/staff/partnerships').expect(200)).body.partnerships as { name: string }[];
    expect(partnerships.map((p) => p.name).sort()).toEqual(['Hillcrest reading', 'Northgate Academy – Riverside High School']);
    expect((await coordinator.get(`/api/staff/partnerships/${overview.partnerships[0]!.id}/programme`).expect(200)).body.programme).toMatchObject({
      start: '2027-01-04',
      end: '2027-07-16',
    });
    // The admin's work is not the coordinator's to do.
    await coordinator.post('/api/staff/admin/schools').send({ name: 'Mine', urn: '137009', timeZone: 'Europe/London', contactEmail: 'a@b.example' }).expect(403);
  });

  it("puts the admin's actions on the trail of the school they concern, and none of a child's records in the admin's reach", async () => {
    const dana = await signInStaff(server, 'dana@northgate.example', PASSWORD);
    const trail = StaffAuditPage.parse((await dana.get('/api/staff/audit?limit=200').expect(200)).body);
    expect(trail.entries.every((e) => e.actor.name === 'Olu Ops')).toBe(true);
    expect(trail.entries.map((e) => e.action.kind).reverse()).toEqual([
      'SchoolCreated',
      'PartnershipCreated',
      'PartnershipCreated',
      'StaffAccountCreated',
      'StaffAccountCreated',
    ]);
    expect(trail.entries.find((e) => e.action.kind === 'SchoolCreated')!.action).toEqual({
      kind: 'SchoolCreated',
      school: { id: northgate.id, name: 'Northgate Academy', urn: '137001' },
    });
    // No set-up code reaches the trail.
    expect(codes).toHaveLength(3);
    for (const code of codes) expect(JSON.stringify(trail)).not.toContain(code);
    expect((await dana.get('/api/staff/audit/verify').expect(200)).body).toMatchObject({ ok: true, entries: 5 });

    for (const path of ['/api/staff/students', '/api/staff/sessions', '/api/staff/concerns', '/api/staff/audit', '/api/staff/partnerships']) {
      expect((await admin.get(path)).status, path).toBe(403);
    }
  });
});
