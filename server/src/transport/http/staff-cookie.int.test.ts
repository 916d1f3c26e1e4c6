import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { io } from 'socket.io-client';
import { DEMO_PASSWORD } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/** Cookie headers a browser would never send but anyone can: each must read as "not signed in". */
const MALFORMED = [
  'pb_staff=%E0%A4%A',
  'pb_staff=%zz',
  'pb_staff',
  'pb_staff=',
  '=;=;;',
  ';;;',
  'pb_staff="unterminated',
  'pb_staff=%; other=%%%',
  `pb_staff=${'%'.repeat(3000)}`,
];

describe.each(testDatabaseKinds())('staff cookie parsing on %s', (kind) => {
  let server: TestServer;
  let goodCookie: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const res = await request(server.url).post('/api/staff/login').send({ email: 'dsl@northgate.example', password: DEMO_PASSWORD }).expect(200);
    goodCookie = res.headers['set-cookie']![0]!.split(';')[0]!;
  });
  afterAll(() => stopTestServer(server));

  it.each(MALFORMED)('answers a staff route with a malformed Cookie header (%s) with 401, never 500', async (cookie) => {
    const res = await request(server.url).get('/api/staff/students').set('Cookie', cookie);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('still finds the session cookie among malformed neighbours', async () => {
    await request(server.url).get('/api/staff/me').set('Cookie', `junk=%E0%A4%A; ${goodCookie}; =;;`).expect(200);
  });

  it.each(MALFORMED)('refuses a socket handshake with a malformed Cookie header (%s) cleanly, in our vocabulary', async (cookie) => {
    const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie, origin: server.url } });
    const refusal = await new Promise<{ data?: { code?: string } }>((resolve) => socket.once('connect_error', resolve));
    const connected = socket.connected;
    socket.close();
    expect(connected).toBe(false);
    // No device token and no usable cookie: a bad handshake or no sign-in, never an internal error.
    expect(['bad_request', 'unauthenticated']).toContain(refusal.data?.code);
  });
});
