import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { connectDevice } from '../test-support/device-socket.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../test-support/test-server.js';

/* What the fuzz suite (fuzz.int.test.ts) found, each pinned down on its own. */
describe.each(testDatabaseKinds())('fuzz findings on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  it('treats a staff cookie that is not valid percent-encoding as no sign-in: 401, not 500', async () => {
    const res = await fetch(`${server.url}/api/staff/students`, { headers: { cookie: 'pb_staff=%E0%A4%A' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('refuses such a cookie on the socket handshake as unauthenticated, not as an internal error', async () => {
    const socket = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie: 'pb_staff=%E0%A4%A' } });
    const refusal = await new Promise<{ data?: unknown }>((resolve) => socket.once('connect_error', resolve));
    socket.close();
    expect(refusal.data).toMatchObject({ code: 'bad_request' });
  });

  it('answers a URL too long for the HTTP parser with a coded JSON error', async () => {
    const res = await fetch(`${server.url}/api/staff/concerns?q=${'7'.repeat(20_000)}`);
    expect(res.status).toBe(431);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('refuses a DTLS fingerprint the media worker cannot read at once, instead of leaving it unanswered', async () => {
    const demo = server.demo!;
    const session = demo.sessions.find((s) => s.kind === 'now')!;
    const device = await connectDevice(server.url, demo.schools.find((s) => s.role === 'mentor')!.deviceToken);
    const join = await device.join<{ sendTransport: { id: string } }>(session.id, session.mentor.id);
    if (!join.ok) throw new Error(join.error.message);
    const started = performance.now();
    const ack = await device.request('transport:connect', {
      transportId: join.data.sendTransport.id,
      dtlsParameters: { fingerprints: [{ algorithm: '\uDFFF', value: '' }] },
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('dtlsParameters.fingerprints.0') } });
    expect(performance.now() - started).toBeLessThan(2_000);
    device.close();
  });
});
