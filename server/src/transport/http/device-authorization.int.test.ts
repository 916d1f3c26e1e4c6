import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { connectDevice } from '../../test-support/device-socket.js';
import { connectStaff } from '../../test-support/staff-socket.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/* The device half of the authorization matrix (authorization-matrix.int.test.ts has the staff routes). */
describe.each(testDatabaseKinds())('device authorization on %s', (kind) => {
  let server: TestServer;
  let cases = 0;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    process.stdout.write(`device authorization on ${kind}: ${cases} cases\n`);
    await stopTestServer(server);
  });

  it('device endpoints and socket events: only a device of the student’s own school, never staff or strangers', async () => {
    const demo = server.demo!;
    const session = demo.sessions.find((s) => s.kind === 'now')!;
    const mentorDevice = demo.schools.find((s) => s.role === 'mentor')!.deviceToken;
    const menteeDevice = demo.schools.find((s) => s.role === 'mentee')!.deviceToken;

    // A staff cookie is not a device.
    const staffAgent = await signInStaff(server, 'coordinator@northgate.example');
    await staffAgent.get('/api/device/sessions/today').expect(401);
    await staffAgent.post('/api/device/sign-in').send({ sessionId: session.id, studentId: session.mentor.id, pin: '1234' }).expect(401);
    await expect(connectDevice(server.url, undefined)).rejects.toThrow();
    cases += 3;
    // The rejoin after a reload: a device's alone (staff and strangers never reach the grant check).
    const rejoinAsk = { sessionId: session.id, studentId: session.mentor.id, rejoinGrant: 'A'.repeat(43) };
    for (const path of ['/api/device/rejoin/offer', '/api/device/rejoin']) {
      await staffAgent.post(path).send(rejoinAsk).expect(401);
      await request(server.url).post(path).send(rejoinAsk).expect(401);
      // The partner school's iPad is refused for the student before any grant is looked at; a made-up grant is refused too.
      await request(server.url).post(path).set('Authorization', `Bearer ${menteeDevice}`).send(rejoinAsk).expect(403);
      await request(server.url).post(path).set('Authorization', `Bearer ${mentorDevice}`).send(rejoinAsk).expect(403);
      cases += 4;
    }

    const own = await connectDevice(server.url, mentorDevice);
    const partner = await connectDevice(server.url, menteeDevice);
    // Own school's device, own student: in. The partner school's device for that student: refused at sign-in and at join.
    expect((await own.join(session.id, session.mentor.id)).ok).toBe(true);
    expect(await partner.join(session.id, session.mentor.id)).toMatchObject({ ok: false, error: { code: 'not_participant' } });
    const token = await own.signIn(session.id, session.mentor.id);
    const stolen = await partner.request('session:join', {
      sessionId: session.id,
      studentId: session.mentor.id,
      joinToken: token.ok ? token.data.joinToken : '',
    });
    expect(stolen, 'a join token is bound to the device it was issued to').toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    cases += 3;
    // Pre-join's "is my partner here?": only with this iPad's own join token for that student.
    const presence = { sessionId: session.id, studentId: session.mentor.id, joinToken: token.ok ? token.data.joinToken : '' };
    expect(await own.request('session:presence', presence)).toMatchObject({ ok: true });
    expect(await partner.request('session:presence', presence), 'the token is bound to its iPad').toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // A DSL's socket may not ask it either (staff observe; they never pre-join).
    const dslSocket = await connectStaff(server.url, 'dsl@northgate.example');
    expect(await dslSocket.request('session:presence', presence)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    dslSocket.close();
    cases += 3;

    // The call events need a joined device; the partner's device, not joined, is refused every one.
    for (const event of ['transport:connect', 'media:produce', 'media:consume', 'media:resume-consumer', 'media:set-paused'] as const) {
      const payloads: Record<typeof event, object> = {
        'transport:connect': { transportId: 't', dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] } },
        'media:produce': { transportId: 't', kind: 'audio', rtpParameters: { codecs: [{}] } },
        'media:consume': { producerId: 'p', rtpCapabilities: {} },
        'media:resume-consumer': { consumerId: 'c' },
        'media:set-paused': { producerId: 'p', paused: true },
      };
      expect(await partner.request(event, payloads[event]), event).toMatchObject({ ok: false, error: { code: 'not_joined' } });
      cases++;
    }

    // The pre-join network check: a device's probe is its own; another device cannot drive or finish it.
    const probe = await own.request<{ probeId: string }>('probe:start', {});
    expect(probe.ok).toBe(true);
    const probeId = probe.ok ? probe.data.probeId : '';
    const probeEvents = {
      'probe:connect': { probeId, dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] } },
      'probe:produce-data': { probeId, sctpStreamParameters: { streamId: 0 } },
      'probe:finish': { probeId },
    };
    for (const [event, payload] of Object.entries(probeEvents)) {
      expect(await partner.request(event, payload), event).toMatchObject({ ok: false, error: { code: 'not_found' } });
      cases++;
    }
    expect(await own.request('probe:finish', { probeId })).toMatchObject({ ok: true });
    cases += 1;
    own.close();
    partner.close();
  });
});
