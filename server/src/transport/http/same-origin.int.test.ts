import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { io } from 'socket.io-client';
import request from 'supertest';
import { students } from '../../test-support/stored-rows.js';
import { DEMO_PASSWORD, signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { TestClock } from '../../test-support/test-clock.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const EVIL = 'https://evil.example';
/** The public address a reverse proxy serves Peerbridge at (its Host header is the proxy's business). */
const PROXIED = 'https://peerbridge.school.example';
/** A staff socket opened with the cookie from a page at `origin`; resolves with the refusal's data, or 'connected'. */
async function staffSocketFrom(url: string, cookie: string, origin: string | undefined): Promise<unknown> {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: origin === undefined ? { cookie } : { cookie, origin },
  });
  try {
    return await new Promise((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (err: Error & { data?: unknown }) => resolve(err.data));
    });
  } finally {
    socket.close();
  }
}

const importFile = 'Adno,Forename,Surname,Year\nX9001,Eve,Forged,12\n';

/*
 * A page on another site can make a signed-in coordinator's browser send a
 * "simple" request (text/plain, form-encoded or no body) without any
 * preflight. Each of these must be refused before it does anything.
 */
describe.each(testDatabaseKinds())('cross-origin staff requests on %s', (kind) => {
  let server: TestServer;
  let cookie: string;
  const northgate = () => server.demo!.schools.find((s) => s.role === 'mentor')!.id;
  const forgedStudents = async () =>
    (await server.database.db.select().from(students).where(eq(students.schoolId, northgate()))).filter((s) => s.firstName === 'Eve').length;

  beforeAll(async () => {
    server = await startTestServer(kind, new TestClock(), { ALLOWED_ORIGINS: `${PROXIED}, http://localhost:5173` });
    const login = await request(server.url).post('/api/staff/login').send({ email: 'coordinator@northgate.example', password: DEMO_PASSWORD }).expect(200);
    cookie = login.headers['set-cookie']![0]!.split(';')[0]!;
  });
  afterAll(() => stopTestServer(server));

  /** The victim's browser: it adds the cookie (were SameSite not enough) and the page's true origin. */
  const fromPage = (origin: string | undefined, method: 'post' | 'put' | 'delete', path: string) => {
    const req = request(server.url)[method](path).set('Cookie', cookie);
    return origin === undefined ? req : req.set('Origin', origin);
  };
  const expectRefused = (res: request.Response, reason: string) => {
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'cross_origin', details: { reason } });
  };

  it('refuses a text/plain import from another site, and writes nothing', async () => {
    const res = await fromPage(EVIL, 'post', '/api/staff/import/students').set('Content-Type', 'text/plain').send(importFile);
    expectRefused(res, 'foreign_origin');
    expect(await forgedStudents()).toBe(0);
  });

  it('refuses a bodiless POST from another site (replacing the calendar feed)', async () => {
    expectRefused(await fromPage(EVIL, 'post', '/api/staff/calendar-feed'), 'foreign_origin');
  });

  it('refuses a form-encoded POST from another site, and the iPad stays enrolled', async () => {
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    const enrolled = await coordinator.post('/api/staff/devices').send({ label: 'Form target' }).expect(201);
    const res = await fromPage(EVIL, 'post', `/api/staff/devices/${enrolled.body.device.id}/revoke`).type('form').send({ confirm: 'yes' });
    expectRefused(res, 'foreign_origin');
    const devices = (await coordinator.get('/api/staff/devices').expect(200)).body.devices as { id: string; revokedAt: string | null }[];
    expect(devices.find((d) => d.id === enrolled.body.device.id)?.revokedAt).toBeNull();
  });

  it('refuses what the browser marks as cross-site or same-site, even with a matching Origin', async () => {
    expectRefused(await fromPage(server.url, 'post', '/api/staff/calendar-feed').set('Sec-Fetch-Site', 'cross-site'), 'cross_site_fetch');
    // A sibling subdomain is "same-site": SameSite cookies go with it, so only this check stops it.
    expectRefused(await fromPage('https://other.school.example', 'post', '/api/staff/calendar-feed').set('Sec-Fetch-Site', 'same-site'), 'cross_site_fetch');
  });

  it('refuses a cookie-carrying request with no Origin, or Origin "null", and the session survives', async () => {
    expectRefused(await fromPage(undefined, 'post', '/api/staff/logout'), 'missing_origin');
    expectRefused(await fromPage('null', 'post', '/api/staff/logout'), 'foreign_origin');
    expectRefused(await fromPage(EVIL, 'put', '/api/staff/calendar').send({}), 'foreign_origin');
    expectRefused(await fromPage(EVIL, 'delete', '/api/staff/calendar-feed'), 'foreign_origin');
    await request(server.url).get('/api/staff/me').set('Cookie', cookie).expect(200);
  });

  it('refuses a cross-site sign-in, which would sign the victim in as someone else', async () => {
    const res = await request(server.url)
      .post('/api/staff/login')
      .set('Origin', EVIL)
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify({ email: 'coordinator@northgate.example', password: DEMO_PASSWORD }));
    expectRefused(res, 'cross_site_fetch');
  });

  it('accepts the same requests from Peerbridge’s own page, and from a configured public origin', async () => {
    await fromPage(server.url, 'post', '/api/staff/calendar-feed').set('Sec-Fetch-Site', 'same-origin').expect(201);
    await fromPage(PROXIED, 'post', '/api/staff/calendar-feed').set('Sec-Fetch-Site', 'same-origin').expect(201);
    await fromPage('HTTPS://PEERBRIDGE.SCHOOL.EXAMPLE:443', 'post', '/api/staff/calendar-feed').expect(201);
    const imported = await fromPage(server.url, 'post', '/api/staff/import/students?dryRun=true').type('text/csv').send(importFile);
    expect(imported.status).toBe(200);
    // Read-only requests and the iPads' bearer-token requests are not subject to it.
    await request(server.url).get('/api/staff/me').set('Cookie', cookie).set('Origin', EVIL).expect(200);
    const device = server.demo!.schools[0]!.deviceToken;
    await request(server.url).get('/api/device/sessions/today').set('Authorization', `Bearer ${device}`).expect(200);
    await request(server.url).post('/api/device/enrol').send({ code: 'ABCDE-FGHJK' }).expect(404);
  });

  it('refuses a staff socket opened from another site or with no Origin, and accepts one from its own page', async () => {
    expect(await staffSocketFrom(server.url, cookie, EVIL)).toMatchObject({ code: 'cross_origin', details: { reason: 'foreign_origin' } });
    expect(await staffSocketFrom(server.url, cookie, 'https://other.school.example')).toMatchObject({ code: 'cross_origin' });
    expect(await staffSocketFrom(server.url, cookie, undefined)).toMatchObject({ code: 'cross_origin', details: { reason: 'missing_origin' } });
    expect(await staffSocketFrom(server.url, cookie, server.url)).toBe('connected');
    expect(await staffSocketFrom(server.url, cookie, PROXIED)).toBe('connected');
  });
});
