import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { addClassInSessionNow, type ClassMember } from '../../test-support/class-fixture.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/*
 * A school reaches Peerbridge from one address. Guessing is stopped per iPad
 * first, and per student as a backstop above it, so one pupil can lock out
 * neither the rest of the school nor the child whose card they tapped.
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

  it("wrong PINs typed on someone else's card lock the iPad they were typed on, never that other child", async () => {
    const [aisha, sam, ...others] = await addClassInSessionNow(server, 12);
    const samsIpad = sam!;
    // Sam taps Aisha's card and types his own PIN, again and again: each says what this iPad has left.
    for (let i = 1; i <= 9; i++) {
      const res = await signIn(aisha!, '0000', samsIpad);
      expect(res.status, `guess ${i}`).toBe(401);
      expect(res.body.error.message).toBe(`That PIN isn't right. You have ${10 - i} ${10 - i === 1 ? 'try' : 'tries'} left.`);
    }
    // The tenth locks Sam's iPad for a while: it takes nobody, Sam included.
    expect((await signIn(aisha!, '0000', samsIpad)).body.error).toMatchObject({ code: 'rate_limited' });
    expect((await signIn(sam!, '1234', samsIpad)).body.error).toMatchObject({ code: 'rate_limited' });
    // Aisha is not locked: she signs in on her own iPad with her PIN.
    expect((await signIn(aisha!, '1234')).status).toBe(200);
    // Nobody else was touched.
    for (const pupil of others.slice(0, 3)) expect((await signIn(pupil, '1234')).status).toBe(200);
  });

  it('guessing one child from several iPads is stopped by that child’s own backstop, and only that child', async () => {
    const [guessed, ...others] = await addClassInSessionNow(server, 12);
    // Ten on one iPad lock that iPad; five more on a second reach the child's backstop of fifteen.
    for (let i = 0; i < 10; i++) await signIn(guessed!, '0000', others[0]);
    for (let i = 0; i < 4; i++) expect((await signIn(guessed!, '0000', others[1])).status, `guess ${i + 11}`).toBe(401);
    expect((await signIn(guessed!, '0000', others[1])).body.error).toMatchObject({ code: 'rate_limited' });
    // The guessed child cannot get in anywhere for now, even with the right PIN; everyone else can, on their own iPads.
    expect((await signIn(guessed!, '1234', others[2])).body.error).toMatchObject({ code: 'rate_limited' });
    expect((await signIn(guessed!, '1234')).body.error).toMatchObject({ code: 'rate_limited' });
    for (const pupil of others.slice(1)) expect((await signIn(pupil, '1234')).status).toBe(200);
  });
});
