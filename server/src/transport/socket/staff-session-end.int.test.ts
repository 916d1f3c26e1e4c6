import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { BACKGROUND_REQUEST_HEADER } from '@peerbridge/shared';
import { SIGN_IN_REFUSED } from '../../services/staff/staff-auth.js';
import { connectDevice, type DeviceSocket } from '../../test-support/device-socket.js';
import { addNorthgateStaff } from '../../test-support/extra-staff.js';
import { DEMO_PASSWORD, signInStaff } from '../../test-support/staff-agent.js';
import { connectStaff } from '../../test-support/staff-socket.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/** Resolves when the server ends the connection; rejects if it is still open after `ms`. */
const endedWithin = (socket: Socket, ms: number) =>
  new Promise<void>((resolve, reject) => {
    if (socket.disconnected) return resolve();
    const timer = setTimeout(() => reject(new Error(`socket still connected after ${ms} ms`)), ms);
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve();
    });
  });

describe.each(testDatabaseKinds())('ending a staff session ends its sockets on %s', (kind) => {
  let server: TestServer;
  const open: DeviceSocket[] = [];
  const track = <T extends DeviceSocket>(s: T) => (open.push(s), s);

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => stopTestServer(server));

  const nowSession = () => server.demo!.sessions.find((s) => s.kind === 'now')!;
  const mentorInCall = async () => {
    const mentor = track(await connectDevice(server.url, server.demo!.schools.find((s) => s.role === 'mentor')!.deviceToken));
    expect((await mentor.join(nowSession().id, nowSession().mentor.id)).ok).toBe(true);
    return mentor;
  };

  it('signing out ends the socket at once, and with it the observing', async () => {
    const mentor = await mentorInCall();
    const dsl = track(await connectStaff(server.url, 'dsl@northgate.example'));
    expect((await dsl.request('observe:join', { sessionId: nowSession().id })).ok).toBe(true);
    const observerGone = mentor.next('observer:left');

    await request(server.url).post('/api/staff/logout').set('Origin', server.url).set('Cookie', dsl.cookie).expect(204);
    await endedWithin(dsl.socket, 2_000);
    await observerGone;
  });

  it('each staff event checks the session again: one ended elsewhere cannot start observing', async () => {
    await mentorInCall();
    const [email] = await addNorthgateStaff(server, 'recheck', 1, 'dsl');
    const dsl = track(await connectStaff(server.url, email!));
    // Ended in the database only (as by another node whose message was lost): no disconnect reaches this socket.
    await server.database.db.execute(sql`update staff_sessions set revoked_at = now() where staff_id = (select id from staff where email = ${email!})`);
    const attempt = await dsl.request('observe:join', { sessionId: nowSession().id }).catch(() => ({ ok: false, error: { code: 'unauthenticated' } }));
    expect(attempt).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await endedWithin(dsl.socket, 2_000);
  });

  it("changing the password ends that person's other sessions and their sockets, not the one that changed it", async () => {
    const [email] = await addNorthgateStaff(server, 'pwchange', 1, 'dsl');
    const here = track(await connectStaff(server.url, email!));
    const elsewhere = track(await connectStaff(server.url, email!));
    await request(server.url)
      .post('/api/staff/password')
      .set('Origin', server.url)
      .set('Cookie', here.cookie)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'a-new-long-password' })
      .expect(204);
    await endedWithin(elsewhere.socket, 2_000);
    await request(server.url).get('/api/staff/me').set('Cookie', elsewhere.cookie).expect(401);
    await request(server.url).get('/api/staff/me').set('Cookie', here.cookie).expect(200);
    expect(here.socket.connected).toBe(true);
    // The wrong current password changes nothing and says which field is wrong.
    const wrong = await request(server.url)
      .post('/api/staff/password')
      .set('Origin', server.url)
      .set('Cookie', here.cookie)
      .send({ currentPassword: 'not-it', newPassword: 'another-long-password' })
      .expect(400);
    expect(wrong.body.error.details).toEqual({ field: 'currentPassword' });
  });

  it('deactivating an account ends its sockets and sessions, and it can no longer sign in', async () => {
    const [email] = await addNorthgateStaff(server, 'leaver', 1, 'dsl');
    const leaver = track(await connectStaff(server.url, email!));
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    const me = await request(server.url).get('/api/staff/me').set('Cookie', leaver.cookie).expect(200);
    await coordinator.post(`/api/staff/accounts/${me.body.staff.id}/deactivate`).expect(204);
    await endedWithin(leaver.socket, 2_000);
    await request(server.url).get('/api/staff/me').set('Cookie', leaver.cookie).expect(401);
    const again = await request(server.url).post('/api/staff/login').send({ email, password: DEMO_PASSWORD }).expect(401);
    expect(again.body.error.message).toBe(SIGN_IN_REFUSED);
  });

  it('a session unused for the idle time-out is over on the server, and its socket ends with no event sent', async () => {
    const [email] = await addNorthgateStaff(server, 'idle', 2, 'dsl');
    const busy = await signInStaff(server, email!);
    // Used every 20 minutes: never idle for 30.
    for (let i = 0; i < 3; i++) {
      server.clock.advance({ minutes: 20 });
      await busy.get('/api/staff/me').expect(200);
    }
    const idle = track(await connectStaff(server.url, 'idle-2@northgate.example'));
    server.clock.advance({ minutes: 31 });
    // The sweep runs every 5 seconds on each node.
    await endedWithin(idle.socket, 8_000);
    await request(server.url).get('/api/staff/me').set('Cookie', idle.cookie).expect(401);
  });

  it("a screen polling by itself does not hold off the idle time-out; a person's request does", async () => {
    const [email] = await addNorthgateStaff(server, 'polling', 1, 'dsl');
    const agent = await signInStaff(server, email!);
    server.clock.advance({ minutes: 20 });
    await agent.get('/api/staff/concerns').set(BACKGROUND_REQUEST_HEADER, '1').expect(200);
    server.clock.advance({ minutes: 11 });
    // 31 minutes since the last request a person made.
    await agent.get('/api/staff/concerns').set(BACKGROUND_REQUEST_HEADER, '1').expect(401);
  });
});
