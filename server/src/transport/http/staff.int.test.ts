import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { signInStaff, DEMO_PASSWORD } from '../../test-support/staff-agent.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';
import { SIGN_IN_REFUSED } from '../../services/staff/staff-auth.js';

describe.each(testDatabaseKinds())('staff sign-in on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  it('signs in with an httpOnly, SameSite=Strict session cookie, and signs out for good', async () => {
    const res = await request(server.url)
      .post('/api/staff/login')
      .send({ email: 'DSL@northgate.example', password: DEMO_PASSWORD })
      .expect(200);
    expect(res.body.staff).toMatchObject({ email: 'dsl@northgate.example', roles: ['dsl'], school: { name: 'Northgate Academy' } });
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
    const cookie = res.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^pb_staff=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    await request(server.url).get('/api/staff/me').set('Cookie', cookie.split(';')[0]!).expect(200);
    await request(server.url).post('/api/staff/logout').set('Cookie', cookie.split(';')[0]!).set('Origin', server.url).expect(204);
    await request(server.url).get('/api/staff/me').set('Cookie', cookie.split(';')[0]!).expect(401);
  });

  it('says what is wrong with a malformed sign-in', async () => {
    const res = await request(server.url).post('/api/staff/login').send({ email: 'not-an-email' }).expect(400);
    expect(res.body.error.message).toMatch(/email: must be an email address.*password/);
  });

  it('locks an account after five wrong passwords, refusing even the right one in the words of a wrong password', async () => {
    const email = 'supervisor@riverside.example';
    for (let i = 0; i < 5; i++) {
      const wrong = await request(server.url).post('/api/staff/login').send({ email, password: 'nope' }).expect(401);
      expect(wrong.body.error.message).toBe(SIGN_IN_REFUSED);
    }
    const locked = await request(server.url).post('/api/staff/login').send({ email, password: DEMO_PASSWORD }).expect(401);
    expect(locked.body.error).toEqual({ code: 'unauthenticated', message: SIGN_IN_REFUSED });
  });

  it('answers an unknown email exactly as a wrong password', async () => {
    const res = await request(server.url).post('/api/staff/login').send({ email: 'nobody@example.org', password: 'x' }).expect(401);
    expect(res.body.error).toEqual({ code: 'unauthenticated', message: SIGN_IN_REFUSED });
  });

  it('keeps signed-in staff to their own school', async () => {
    const northgate = await signInStaff(server, 'coordinator@northgate.example');
    const students = await northgate.get('/api/staff/students').expect(200);
    expect(students.body.students.map((s: { firstName: string }) => s.firstName).sort()).toEqual(['Ellie', 'Maya', 'Priya', 'Tom']);
    const riversideStudent = server.demo!.sessions[0]!.mentee.id;
    await northgate.put(`/api/staff/students/${riversideStudent}/pin`).send({ pin: '9999' }).expect(403);
  });
});
