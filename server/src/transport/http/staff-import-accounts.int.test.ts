import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const file = 'Forename,Surname,Email,Role\nJo,Ward,jo.ward@northgate.example,coordinator\nKai,Lund,kai.lund@northgate.example,coordinator\n';

describe.each(testDatabaseKinds())('staff import and account set-up on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  it('creates accounts with one-time set-up codes, with which each person chooses a password', async () => {
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    const dry = await coordinator.post('/api/staff/import/staff?dryRun=true').type('text/csv').send(file).expect(200);
    expect(dry.body).toMatchObject({ toCreate: 2, written: false, created: [] });

    const done = await coordinator.post('/api/staff/import/staff').type('text/csv').send(file).expect(200);
    expect(done.body.created).toEqual([
      expect.objectContaining({ email: 'jo.ward@northgate.example', roles: ['coordinator'], setupCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/) }),
      expect.objectContaining({ email: 'kai.lund@northgate.example' }),
    ]);
    const code = done.body.created[0].setupCode;

    // No password works before the code is used.
    await request(server.url).post('/api/staff/login').send({ email: 'jo.ward@northgate.example', password: '!set-up-code-pending' }).expect(401);
    const short = await request(server.url).post('/api/staff/set-password').send({ code, password: 'short' }).expect(400);
    expect(short.body.error.message).toMatch(/at least 12 characters/);
    await request(server.url).post('/api/staff/set-password').send({ code: code.toLowerCase(), password: 'a long pass phrase' }).expect(204);
    await request(server.url).post('/api/staff/set-password').send({ code, password: 'another long phrase' }).expect(404);
    const me = await signInStaff(server, 'jo.ward@northgate.example', 'a long pass phrase');
    expect((await me.get('/api/staff/me').expect(200)).body.staff).toMatchObject({ roles: ['coordinator'], school: { name: 'Northgate Academy' } });

    // Importing the same file again creates nobody new.
    const again = await coordinator.post('/api/staff/import/staff').type('text/csv').send(file).expect(200);
    expect(again.body).toMatchObject({ toCreate: 0, existing: ['jo.ward@northgate.example', 'kai.lund@northgate.example'], created: [] });
  });

  it('refuses to grant a role the importer does not hold, writing nothing', async () => {
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    const res = await coordinator
      .post('/api/staff/import/staff')
      .type('text/csv')
      .send('Forename,Surname,Email,Role\nNew,Dsl,new.dsl@northgate.example,designated safeguarding lead\nOk,Person,ok@northgate.example,coordinator\n')
      .expect(422);
    expect(res.body.problems).toEqual([{ line: 2, reason: 'role dsl can only be given by someone who has it' }]);
    // The good row was not written either.
    const check = await coordinator.post('/api/staff/import/staff?dryRun=true').type('text/csv').send('Forename,Surname,Email,Role\nOk,Person,ok@northgate.example,coordinator\n').expect(200);
    expect(check.body).toMatchObject({ toCreate: 1, existing: [] });
    const supervisor = await signInStaff(server, 'supervisor@northgate.example');
    await supervisor.post('/api/staff/import/staff').type('text/csv').send(file).expect(403);
  });
});
