import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import request from 'supertest';
import { capturingLogger } from '../../test-support/log-capture.js';
import { connectDevice } from '../../test-support/device-socket.js';
import { connectStaff } from '../../test-support/staff-socket.js';
import { DEMO_PASSWORD } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { TestClock } from '../../test-support/test-clock.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const staffCookie = (res: request.Response) => {
  const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('pb_staff='));
  if (!header) throw new Error('no staff cookie was set');
  return decodeURIComponent(header.slice('pb_staff='.length).split(';')[0]!);
};

/** Every form in which a secret could be written: as issued, as typed, and its parts. */
function formsOf(secret: string): string[] {
  const forms = new Set([secret, secret.toLowerCase(), secret.replace(/-/g, ''), encodeURIComponent(secret)]);
  // A signed token's header and claims are not secret but its signature is: look for that alone too,
  // so a token cut short or split across fields is still caught.
  if (/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/.test(secret)) forms.add(secret.split('.')[2]!);
  return [...forms].filter((f) => f.length > 0);
}

/** A PIN is four digits: it counts as leaked only where it stands alone, not inside a timestamp or an id. */
const standsAlone = (text: string, pin: string) => new RegExp(`(?<![\\w-])${pin}(?![\\w-])`).test(text);

describe.each(testDatabaseKinds())('no secrets in the logs on %s', (kind) => {
  let server: TestServer;
  const capture = capturingLogger('trace');
  beforeAll(async () => {
    server = await startTestServer(kind, new TestClock(), {}, capture.log);
  });
  afterAll(() => stopTestServer(server));

  it('scrubs every token, code, PIN, password and cookie issued or typed in a whole day of use', async () => {
    const secrets: string[] = [];
    const pins: string[] = [];
    const session = server.demo!.sessions.find((s) => s.kind === 'now')!;

    // A coordinator signs in, enrols an iPad and sets a student's PIN.
    const coordinator = request.agent(server.url).set('Origin', server.url);
    const login = await coordinator.post('/api/staff/login').send({ email: 'coordinator@northgate.example', password: DEMO_PASSWORD }).expect(200);
    secrets.push(DEMO_PASSWORD, staffCookie(login));
    await request(server.url).post('/api/staff/login').send({ email: 'coordinator@northgate.example', password: 'Wrong-Guess-77' }).expect(401);
    secrets.push('Wrong-Guess-77');

    const enrolled = await coordinator.post('/api/staff/devices').send({ label: 'Library iPad 9' }).expect(201);
    const enrolmentCode: string = enrolled.body.enrolmentCode;
    secrets.push(enrolmentCode);
    const redeemed = await request(server.url).post('/api/device/enrol').send({ code: enrolmentCode.toLowerCase() }).expect(200);
    await request(server.url).post('/api/device/enrol').send({ code: enrolmentCode }).expect(404);
    const deviceToken: string = redeemed.body.deviceToken;
    secrets.push(deviceToken);

    // The iPad opens its set-up link, then lists today's sessions; a careless caller puts the token in a query.
    await request(server.url).get(`/?device=${deviceToken}`);
    await request(server.url).get('/api/device/sessions/today').set('Authorization', `Bearer ${deviceToken}`).expect(200);
    await request(server.url).get(`/api/device/sessions/today?deviceToken=${deviceToken}`).expect(401);
    await request(server.url).get(`/api/device/${deviceToken}`).expect(404);

    pins.push('8642', '9753');
    await coordinator.put(`/api/staff/students/${session.mentor.id}/pin`).send({ pin: '8642' }).expect(204);
    const device = await connectDevice(server.url, deviceToken);
    expect((await device.signIn(session.id, session.mentor.id, '9753')).ok).toBe(false);
    const signedIn = await device.signIn(session.id, session.mentor.id, '8642');
    if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.error.message}`);
    secrets.push(signedIn.data.joinToken);
    const joined = await device.request('session:join', { sessionId: session.id, studentId: session.mentor.id, joinToken: signedIn.data.joinToken });
    expect(joined.ok).toBe(true);
    // A join token with its signature altered is refused.
    await device.request('session:join', { sessionId: session.id, studentId: session.mentor.id, joinToken: `${signedIn.data.joinToken}x` });
    device.close();

    // A socket with a forged device token is refused at the handshake.
    const forged = `${deviceToken.slice(0, -6)}AAAAAA`;
    secrets.push(forged);
    const refused = io(server.url, { auth: { deviceToken: forged }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve) => refused.once('connect_error', () => resolve()));
    refused.close();

    // New staff get set-up codes and choose a password with one.
    const file = 'Forename,Surname,Email,Role\nAmy,Stone,amy.stone@northgate.example,coordinator\n';
    const imported = await coordinator.post('/api/staff/import/staff').type('text/csv').send(file).expect(200);
    const setupCode: string = imported.body.created[0].setupCode;
    const newPassword = 'Correct Horse Battery 42';
    secrets.push(setupCode, newPassword);
    await request(server.url).post('/api/staff/set-password').send({ code: setupCode, password: newPassword }).expect(204);
    const amy = await request(server.url).post('/api/staff/login').send({ email: 'amy.stone@northgate.example', password: newPassword }).expect(200);
    secrets.push(staffCookie(amy));

    // A calendar app fetches the secret feed address, then the address is revoked.
    const feed = await coordinator.post('/api/staff/calendar-feed').expect(201);
    const feedPath = new URL(feed.body.url as string).pathname;
    secrets.push(feedPath.slice('/calendar/'.length, -'.ics'.length));
    await request(server.url).get(feedPath).expect(200);
    await coordinator.delete('/api/staff/calendar-feed').expect(204);
    await request(server.url).get(feedPath).expect(404);

    // A safeguarding lead's socket, authenticated by the session cookie.
    const dsl = await connectStaff(server.url, 'dsl@northgate.example');
    secrets.push(decodeURIComponent(dsl.cookie.slice('pb_staff='.length)));
    dsl.close();
    await coordinator.post('/api/staff/logout').expect(204);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const text = capture.text();
    const leaked = secrets.flatMap(formsOf).filter((form) => text.includes(form));
    const leakedPins = pins.filter((pin) => standsAlone(text, pin));
    expect({ leaked, leakedPins }).toEqual({ leaked: [], leakedPins: [] });

    // The flow was logged (so the scan below is not of an empty log), with the secret parts censored.
    const urls = capture.lines.map((line) => (line.req as { url?: string } | undefined)?.url);
    expect(urls).toContain('/?device=[redacted]');
    expect(urls).toContain('/calendar/[redacted]');
    expect(urls).toContain('/api/device/sessions/today?deviceToken=[redacted]');
    expect(capture.lines.some((line) => line.msg === 'DeviceConnected')).toBe(true);

  });
});
