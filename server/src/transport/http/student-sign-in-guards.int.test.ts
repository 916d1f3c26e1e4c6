import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { addClassInSessionNow, type ClassMember } from '../../test-support/class-fixture.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/*
 * A school reaches Peerbridge from one address. Guessing is stopped per student
 * and per iPad, so one pupil cannot lock out the rest of the school.
 */
describe.each(testDatabaseKinds())('student sign-in from one school address on %s', (kind) => {
  let server: TestServer;
  // Every request of these tests comes from 127.0.0.1, as a school's do from its one public address.
  const signIn = (member: ClassMember, pin: string, on: ClassMember = member) =>
    request(server.url)
      .post('/api/device/sign-in')
      .set('authorization', `Bearer ${on.deviceToken}`)
      .send({ sessionId: member.sessionId, studentId: member.studentId, pin });

  beforeAll(async () => {
    // The production defaults for the /api and sign-in address limits.
    server = await startTestServer(kind, undefined, { API_RATE_LIMIT: '1200' });
  });
  afterAll(() => stopTestServer(server));

  it('a class of 30 signs in within a minute, a third of them mistyping first, and every one gets in', async () => {
    const pupils = await addClassInSessionNow(server, 30);
    const started = server.clock.now();
    for (const [i, pupil] of pupils.entries()) {
      if (i % 3 === 0) expect((await signIn(pupil, '9999')).status).toBe(401);
      const res = await signIn(pupil, '1234');
      expect(res.status, `pupil ${i + 1}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.joinToken).toEqual(expect.any(String));
    }
    expect(started.until(server.clock.now()).total('seconds')).toBeLessThan(60);
  });

  it('one pupil guessing PINs locks only the student guessed at and the iPad used, nobody else', async () => {
    const [guessed, ...others] = await addClassInSessionNow(server, 12);
    const ipad = guessed!;
    // Five wrong PINs for one student lock that student.
    for (let i = 0; i < 4; i++) expect((await signIn(guessed!, '0000')).status).toBe(401);
    expect((await signIn(guessed!, '0000')).body.error).toMatchObject({ code: 'rate_limited' });
    // Five more, one each at other names, on the same iPad: ten on one iPad lock the iPad.
    const sprayed = others.slice(0, 5);
    for (const [i, victim] of sprayed.entries()) {
      const res = await signIn(victim, '0000', ipad);
      expect(res.status, `guess ${i + 6}`).toBe(i < 4 ? 401 : 429);
    }

    // The locked student cannot get in anywhere, even with the right PIN; the locked iPad takes nobody.
    expect((await signIn(guessed!, '1234', others[6])).body.error).toMatchObject({ code: 'rate_limited' });
    expect((await signIn(others[7]!, '1234', ipad)).body.error).toMatchObject({ code: 'rate_limited' });
    // Everyone else, including those whose names were tried once, signs in on their own iPads.
    for (const pupil of others) expect((await signIn(pupil, '1234')).status).toBe(200);
  });
});
