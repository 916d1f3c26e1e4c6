import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { IssuedSetupCode, StaffAccountList, StaffAccountSummary } from '@peerbridge/shared';
import { addOtherSchoolAndAdmin } from '../../test-support/other-school.js';
import { addNorthgateStaff } from '../../test-support/extra-staff.js';
import { DEMO_PASSWORD, signInStaff } from '../../test-support/staff-agent.js';
import { connectStaff } from '../../test-support/staff-socket.js';
import { StaffRepository } from '../../test-support/stored-rows.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;

/*
 * The staff accounts screen's routes against a real server: Northgate's
 * coordinator (Ms Dana Hill, coordinator only) and DSL (Mr Ravi Patel), and
 * Riverside's coordinator for the other side of the partnership. Every answer
 * is read with the contract's own schema, as the client reads it.
 */
describe.each(testDatabaseKinds())('staff accounts on %s', (kind) => {
  let server: TestServer;
  let dana: Agent;
  let ravi: Agent;
  let owen: Agent;
  let n = 0;

  const idOf = async (email: string) => (await new StaffRepository(server.database.db).findByEmail(email))!.id;
  const invite = async (agent: Agent, roles: string[], status = 201) => {
    const email = `invited-${++n}@northgate.example`;
    const res = await agent.post('/api/staff/accounts').send({ fullName: `Invited Person ${n}`, email, roles }).expect(status);
    return { email, res };
  };
  const choosePassword = (code: string, password: string) => request(server.url).post('/api/staff/set-password').send({ code, password });

  beforeAll(async () => {
    server = await startTestServer(kind);
    await addOtherSchoolAndAdmin(server);
    dana = await signInStaff(server, 'coordinator@northgate.example');
    ravi = await signInStaff(server, 'dsl@northgate.example');
    owen = await signInStaff(server, 'coordinator@riverside.example');
  });
  afterAll(() => stopTestServer(server));

  it("lists the school's staff with roles and status: a coordinator all of them, a DSL the DSL accounts", async () => {
    const all = StaffAccountList.parse((await dana.get('/api/staff/accounts').expect(200)).body);
    const emails = all.accounts.map((a) => a.email);
    expect(emails).toEqual(expect.arrayContaining(['coordinator@northgate.example', 'dsl@northgate.example', 'supervisor@northgate.example']));
    expect(emails.some((e) => !e.endsWith('@northgate.example'))).toBe(false);
    expect(all.accounts.find((a) => a.email === 'coordinator@northgate.example')).toMatchObject({ status: 'active', manageable: false });
    expect(all.accounts.find((a) => a.email === 'supervisor@northgate.example')).toMatchObject({ roles: ['supervisor'], manageable: true });
    expect(JSON.stringify(all)).not.toMatch(/password|argon/i);

    const dsls = StaffAccountList.parse((await ravi.get('/api/staff/accounts').expect(200)).body);
    expect(dsls.accounts.length).toBeGreaterThan(0);
    expect(dsls.accounts.every((a) => a.roles.every((r) => r === 'dsl'))).toBe(true);
  });

  it('invites one person: a one-time code, shown once, with which they choose a password; the list shows them waiting then active', async () => {
    const { email, res } = await invite(dana, ['coordinator']);
    const issued = IssuedSetupCode.parse(res.body);
    expect(issued).toMatchObject({ account: { email, roles: ['coordinator'], status: 'waiting', manageable: true } });
    expect(issued.setupCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const listed = StaffAccountList.parse((await dana.get('/api/staff/accounts').expect(200)).body).accounts.find((a) => a.email === email);
    expect(listed?.status).toBe('waiting');

    await choosePassword(issued.setupCode, 'a long pass phrase').expect(204);
    await signInStaff(server, email, 'a long pass phrase');
    const after = StaffAccountList.parse((await dana.get('/api/staff/accounts').expect(200)).body).accounts.find((a) => a.email === email);
    expect(after?.status).toBe('active');
  });

  it('refuses bad input naming the field, a taken email, and roles the asker does not hold', async () => {
    const bad = await dana.post('/api/staff/accounts').send({ fullName: '', email: 'not-an-email', roles: [] }).expect(400);
    expect(bad.body.error.message).toMatch(/fullName/);
    expect(bad.body.error.message).toMatch(/email/);
    expect(bad.body.error.message).toMatch(/roles/);
    await dana.post('/api/staff/accounts').send({ fullName: 'A Person', email: 'x@northgate.example', roles: ['admin'] }).expect(400);

    const taken = await dana.post('/api/staff/accounts').send({ fullName: 'Twice', email: 'DSL@northgate.example', roles: ['coordinator'] }).expect(409);
    expect(taken.body.error).toMatchObject({ code: 'conflict', details: { field: 'email' } });

    // Dana is a coordinator, not a DSL: she cannot grant 'dsl'.
    const dsl = (await invite(dana, ['dsl'], 403)).res;
    expect(dsl.body.error.message).toMatch(/roles you hold yourself \(not dsl\)/);
    // A DSL adds DSLs only.
    expect(IssuedSetupCode.parse((await invite(ravi, ['dsl'])).res.body).account.roles).toEqual(['dsl']);
    await invite(ravi, ['supervisor'], 403);
  });

  it('re-issues a set-up code for someone waiting: the old code stops working, the new one works', async () => {
    const { email, res } = await invite(dana, ['coordinator']);
    const first = IssuedSetupCode.parse(res.body);
    const again = IssuedSetupCode.parse((await dana.post(`/api/staff/accounts/${first.account.id}/setup-code`).expect(200)).body);
    expect(again.setupCode).not.toBe(first.setupCode);
    await choosePassword(first.setupCode, 'a long pass phrase').expect(404);
    await choosePassword(again.setupCode, 'a long pass phrase').expect(204);
    await signInStaff(server, email, 'a long pass phrase');
    // Once they have a password, a new set-up code is a reset, not a resend.
    const refused = await dana.post(`/api/staff/accounts/${first.account.id}/setup-code`).expect(409);
    expect(refused.body.error.message).toMatch(/reset it instead/);
  });

  it("resets a password: the old password and every one of that person's sessions and sockets end at once", async () => {
    const [email] = await addNorthgateStaff(server, 'reset', 1);
    const id = await idOf(email!);
    const browser = await signInStaff(server, email!);
    const socket = await connectStaff(server.url, email!);
    const disconnected = new Promise<void>((resolve) => socket.socket.once('disconnect', () => resolve()));

    const issued = IssuedSetupCode.parse((await dana.post(`/api/staff/accounts/${id}/password-reset`).expect(200)).body);
    expect(issued.account.status).toBe('waiting');
    await browser.get('/api/staff/me').expect(401);
    await disconnected;
    await request(server.url).post('/api/staff/login').send({ email, password: DEMO_PASSWORD }).expect(401);

    await choosePassword(issued.setupCode, 'a brand new phrase').expect(204);
    await signInStaff(server, email!, 'a brand new phrase');
    // Nobody resets their own password here; that is "Change password".
    await dana.post(`/api/staff/accounts/${await idOf('coordinator@northgate.example')}/password-reset`).expect(409);
  });

  it('a reset unlocks a locked account; the list says locked until then', async () => {
    const [email] = await addNorthgateStaff(server, 'locked', 1);
    for (let i = 0; i < 5; i++) await request(server.url).post('/api/staff/login').send({ email, password: 'wrong password!' }).expect(401);
    const listed = StaffAccountList.parse((await dana.get('/api/staff/accounts').expect(200)).body).accounts.find((a) => a.email === email);
    expect(listed?.status).toBe('locked');
    const issued = IssuedSetupCode.parse((await dana.post(`/api/staff/accounts/${listed!.id}/password-reset`).expect(200)).body);
    await choosePassword(issued.setupCode, 'unlocked at last').expect(204);
    await signInStaff(server, email!, 'unlocked at last');
  });

  it('changes roles only within the roles the asker holds; nobody takes away their own coordinator role', async () => {
    const [email] = await addNorthgateStaff(server, 'roles', 1);
    const id = await idOf(email!);
    const changed = StaffAccountSummary.parse((await dana.put(`/api/staff/accounts/${id}/roles`).send({ roles: ['supervisor', 'coordinator'] }).expect(200)).body);
    expect(changed.roles).toEqual(['supervisor', 'coordinator']);
    const person = await signInStaff(server, email!);
    expect((await person.get('/api/staff/me').expect(200)).body.staff.roles).toEqual(['supervisor', 'coordinator']);

    const grantDsl = await dana.put(`/api/staff/accounts/${id}/roles`).send({ roles: ['dsl'] }).expect(403);
    expect(grantDsl.body.error.message).toMatch(/not dsl/);
    // Removing the DSL role from the DSL is as out of reach as giving it.
    await dana.put(`/api/staff/accounts/${await idOf('dsl@northgate.example')}/roles`).send({ roles: ['coordinator'] }).expect(403);
    const own = await dana.put(`/api/staff/accounts/${await idOf('coordinator@northgate.example')}/roles`).send({ roles: ['supervisor'] }).expect(403);
    expect(own.body.error.message).toMatch(/not supervisor|your own coordinator role/);
    const empty = await dana.put(`/api/staff/accounts/${id}/roles`).send({ roles: [] }).expect(400);
    expect(empty.body.error.message).toMatch(/roles/);
    // A DSL changes nothing on a coordinator's or supervisor's account.
    await ravi.put(`/api/staff/accounts/${id}/roles`).send({ roles: ['supervisor'] }).expect(403);
  });

  it('another school’s coordinator, even the partner school’s, gets nowhere with a Northgate account', async () => {
    const [email] = await addNorthgateStaff(server, 'cross', 1);
    const id = await idOf(email!);
    await owen.post(`/api/staff/accounts/${id}/setup-code`).expect(403);
    await owen.post(`/api/staff/accounts/${id}/password-reset`).expect(403);
    await owen.put(`/api/staff/accounts/${id}/roles`).send({ roles: ['coordinator'] }).expect(403);
    await owen.post(`/api/staff/accounts/${id}/deactivate`).expect(403);
    const riverside = StaffAccountList.parse((await owen.get('/api/staff/accounts').expect(200)).body);
    expect(riverside.accounts.some((a) => a.id === id)).toBe(false);
    await dana.post('/api/staff/accounts/00000000-0000-4000-8000-000000000000/password-reset').expect(404);
    await dana.post('/api/staff/accounts/not-a-uuid/password-reset').expect(400);
    // Still usable: nothing was changed.
    await signInStaff(server, email!);
  });

  it('deactivates a leaver: closed in the list, and nothing more can be done to the account', async () => {
    const [email] = await addNorthgateStaff(server, 'leaver', 1, 'dsl');
    const id = await idOf(email!);
    // A DSL closes a DSL account.
    await ravi.post(`/api/staff/accounts/${id}/deactivate`).expect(204);
    const listed = StaffAccountList.parse((await dana.get('/api/staff/accounts').expect(200)).body).accounts.find((a) => a.id === id);
    expect(listed?.status).toBe('deactivated');
    await dana.post(`/api/staff/accounts/${id}/password-reset`).expect(409);
    await dana.put(`/api/staff/accounts/${id}/roles`).send({ roles: ['supervisor'] }).expect(409);
    // A DSL cannot close a supervisor's account.
    const [other] = await addNorthgateStaff(server, 'kept', 1);
    await ravi.post(`/api/staff/accounts/${await idOf(other!)}/deactivate`).expect(403);
  });
});
