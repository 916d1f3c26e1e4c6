import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { sessionEvents } from '../../test-support/stored-rows.js';
import { connectDevice, type DeviceSocket } from '../../test-support/device-socket.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

describe.each(testDatabaseKinds())('call signalling on %s with the real media worker', (kind) => {
  let server: TestServer;
  let mentorDevice: string;
  let menteeDevice: string;
  let nowSession: NonNullable<TestServer['demo']>['sessions'][number];
  let laterSession: NonNullable<TestServer['demo']>['sessions'][number];
  const sockets: DeviceSocket[] = [];
  const connect = async (token: string | undefined) => {
    const s = await connectDevice(server.url, token);
    sockets.push(s);
    return s;
  };
  const eventsOf = (sessionId: string) =>
    server.database.db
      .select()
      .from(sessionEvents)
      .where(eq(sessionEvents.occurrenceId, sessionId))
      .orderBy(asc(sessionEvents.seq));

  beforeAll(async () => {
    server = await startTestServer(kind);
    const demo = server.demo!;
    mentorDevice = demo.schools.find((s) => s.role === 'mentor')!.deviceToken;
    menteeDevice = demo.schools.find((s) => s.role === 'mentee')!.deviceToken;
    nowSession = demo.sessions.find((s) => s.kind === 'now')!;
    laterSession = demo.sessions.find((s) => s.kind === 'later')!;
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await stopTestServer(server);
  });

  it('refuses a connection without a device token, saying why', async () => {
    await expect(connectDevice(server.url, undefined)).rejects.toThrow(/Invalid connection: deviceToken/);
    await expect(connectDevice(server.url, 'not-a-token')).rejects.toThrow(/setup code is not valid/);
  });

  it('joins both students, tells each about the other, and logs each join before acknowledging it', async () => {
    const mentor = await connect(mentorDevice);
    const mentee = await connect(menteeDevice);

    const mentorJoin = await mentor.join<{ peers: unknown[]; sendTransport: { id: string }; routerRtpCapabilities: { codecs: { mimeType: string }[] } }>(nowSession.id, nowSession.mentor.id);
    expect(mentorJoin.ok).toBe(true);
    if (!mentorJoin.ok) return;
    expect(mentorJoin.data.peers).toEqual([]);
    const mimeTypes = mentorJoin.data.routerRtpCapabilities.codecs.map((c) => c.mimeType);
    expect(mimeTypes).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8', 'video/H264']));
    expect(await eventsOf(nowSession.id)).toMatchObject([{ type: 'SessionJoined', actor: nowSession.mentor.id }]);

    const announced = mentor.next('peer:joined');
    const menteeJoin = await mentee.join<{ peers: { firstName: string; schoolName: string }[] }>(nowSession.id, nowSession.mentee.id);
    expect(menteeJoin.ok && menteeJoin.data.peers).toEqual([
      expect.objectContaining({ firstName: nowSession.mentor.firstName, schoolName: 'Northgate Academy' }),
    ]);
    expect(await announced).toMatchObject({ participantId: nowSession.mentee.id, firstName: nowSession.mentee.firstName });

    const left = mentor.next('peer:left');
    expect(await mentee.request('session:leave', {})).toEqual({ ok: true, data: {} });
    expect(await left).toEqual({ participantId: nowSession.mentee.id });
    expect((await eventsOf(nowSession.id)).map((e) => [e.type, e.actor])).toEqual([
      ['SessionJoined', nowSession.mentor.id],
      ['SessionJoined', nowSession.mentee.id],
      ['SessionLeft', nowSession.mentee.id],
    ]);

    // A dropped connection is logged as leaving too.
    mentor.close();
    await expect.poll(async () => (await eventsOf(nowSession.id)).at(-1)).toMatchObject({
      type: 'SessionLeft',
      actor: nowSession.mentor.id,
      detail: { reason: 'disconnected' },
    });
    expect(server.calls.liveSessionCount()).toBe(0);
  });

  it("refuses a session that is not open yet, in the student's words, and writes nothing", async () => {
    const mentor = await connect(mentorDevice);
    const ack = await mentor.join(laterSession.id, laterSession.mentor.id);
    expect(ack).toMatchObject({ ok: false, error: { code: 'session_not_open', message: expect.stringMatching(/isn't open yet. You can join from \d\d:\d\d/) } });
    expect(await eventsOf(laterSession.id)).toEqual([]);
  });

  it('refuses a student who is not in the session, and one joining from the other school', async () => {
    const mentor = await connect(mentorDevice);
    const mentee = await connect(menteeDevice);
    const stranger = await mentor.join(nowSession.id, laterSession.mentor.id);
    expect(stranger).toMatchObject({ ok: false, error: { code: 'not_participant' } });
    const wrongSchool = await mentee.join(nowSession.id, nowSession.mentor.id);
    expect(wrongSchool).toMatchObject({ ok: false, error: { code: 'not_participant' } });
  });

  it('answers malformed, oversized, unknown and out-of-order events with error acks and stays up', async () => {
    const device = await connect(mentorDevice);
    const cases: [string, unknown, string][] = [
      ['session:join', 'not an object', 'bad_request'],
      ['session:join', { sessionId: 'nope', studentId: nowSession.mentor.id }, 'bad_request'],
      ['session:join', { sessionId: nowSession.id, studentId: nowSession.mentor.id, extra: 1 }, 'bad_request'],
      ['session:join', { sessionId: nowSession.id, studentId: nowSession.mentor.id, pad: 'x'.repeat(70_000) }, 'payload_too_large'],
      ['session:join', { sessionId: nowSession.id, studentId: nowSession.mentor.id }, 'bad_request'],
      ['session:join', { sessionId: nowSession.id, studentId: nowSession.mentor.id, joinToken: 'forged' }, 'unauthenticated'],
      ['media:produce', { transportId: 't', kind: 'video', rtpParameters: { codecs: [{}] } }, 'not_joined'],
      ['media:consume', { producerId: 'p', rtpCapabilities: {} }, 'not_joined'],
      ['transport:connect', { transportId: 't', dtlsParameters: { fingerprints: [] } }, 'bad_request'],
      ['media:set-paused', { producerId: 'p', paused: 'yes' }, 'bad_request'],
      ['no:such-event', {}, 'bad_request'],
    ];
    for (const [event, payload, code] of cases) {
      const ack = await device.request(event, payload);
      expect(ack, `${event} ${JSON.stringify(payload).slice(0, 80)}`).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    }
    const missing = await device.request('session:join');
    expect(missing).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    device.socket.emit('session:join', { sessionId: nowSession.id }); // no ack callback: ignored, not fatal

    // Still serving, and the refused requests left nothing behind.
    const join = await device.join(nowSession.id, nowSession.mentor.id);
    expect(join.ok).toBe(true);
    expect((await eventsOf(nowSession.id)).filter((e) => e.actor === nowSession.mentor.id && (e.type === 'SessionJoined' || e.type === 'SessionReconnected'))).toHaveLength(2);
  });

  it('keeps media objects private to their owner and rejects parameters the SFU cannot use', async () => {
    const mentor = await connect(mentorDevice);
    const join = await mentor.join<{ sendTransport: { id: string }; recvTransport: { id: string } }>(nowSession.id, nowSession.mentor.id);
    if (!join.ok) throw new Error(join.error.message);
    const bogusCodec = await mentor.request('media:produce', {
      transportId: join.data.sendTransport.id,
      kind: 'video',
      rtpParameters: { codecs: [{ mimeType: 'video/Nonsense', payloadType: 'x' }], encodings: [{}] },
    });
    expect(bogusCodec).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const wrongDirection = await mentor.request('media:produce', {
      transportId: join.data.recvTransport.id,
      kind: 'audio',
      rtpParameters: { codecs: [{}] },
    });
    expect(wrongDirection).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const foreign = await mentor.request('transport:connect', {
      transportId: 'someone-elses',
      dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] },
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const ghost = await mentor.request('media:consume', { producerId: 'ghost', rtpCapabilities: { codecs: [] } });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const health = await fetch(`${server.url}/readyz`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ready', checks: { media: { workersAlive: 1 } } });
  });

  it('advertises router capabilities before the join and prepares consumers for the partner within it', async () => {
    const mentor = await connect(mentorDevice);
    const mentee = await connect(menteeDevice);
    const caps = await mentee.request<{ routerRtpCapabilities: { codecs: unknown[] } }>('media:capabilities', {});
    if (!caps.ok) throw new Error(caps.error.message);

    const mentorJoin = await mentor.join<{ sendTransport: { id: string }; routerRtpCapabilities: unknown }>(nowSession.id, nowSession.mentor.id);
    if (!mentorJoin.ok) throw new Error(mentorJoin.error.message);
    expect(mentorJoin.data.routerRtpCapabilities).toEqual(caps.data.routerRtpCapabilities);
    const produced = await mentor.request<{ producerId: string }>('media:produce', {
      transportId: mentorJoin.data.sendTransport.id,
      kind: 'audio',
      rtpParameters: {
        mid: '0',
        codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: {}, rtcpFeedback: [] }],
        headerExtensions: [],
        encodings: [{ ssrc: 11111111 }],
        rtcp: { cname: 'mentor', reducedSize: true },
      },
    });
    if (!produced.ok) throw new Error(produced.error.message);

    const menteeJoin = await mentee.join<{ producers: { producerId: string }[]; consumers: { producerId: string; kind: string; participantId: string }[] }>(nowSession.id, nowSession.mentee.id, { rtpCapabilities: caps.data.routerRtpCapabilities });
    if (!menteeJoin.ok) throw new Error(menteeJoin.error.message);
    expect(menteeJoin.data.producers.map((p) => p.producerId)).toEqual([produced.data.producerId]);
    expect(menteeJoin.data.consumers).toEqual([
      expect.objectContaining({ producerId: produced.data.producerId, kind: 'audio', participantId: nowSession.mentor.id }),
    ]);
  });

  it('pauses a receiver’s video when its link is too weak, tells that device alone, logs it, and brings video back', async () => {
    const mentor = await connect(mentorDevice);
    const mentee = await connect(menteeDevice);
    const caps = await mentee.request<{ routerRtpCapabilities: unknown }>('media:capabilities', {});
    if (!caps.ok) throw new Error(caps.error.message);
    const mentorJoin = await mentor.join<{ sendTransport: { id: string } }>(nowSession.id, nowSession.mentor.id);
    if (!mentorJoin.ok) throw new Error(mentorJoin.error.message);
    const produced = await mentor.request<{ producerId: string }>('media:produce', {
      transportId: mentorJoin.data.sendTransport.id,
      kind: 'video',
      rtpParameters: {
        mid: '1',
        codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, parameters: {}, rtcpFeedback: [] }],
        headerExtensions: [],
        encodings: [{ ssrc: 22222222 }],
        rtcp: { cname: 'mentor', reducedSize: true },
      },
    });
    if (!produced.ok) throw new Error(produced.error.message);
    const menteeJoin = await mentee.join<{ consumers: { consumerId: string; kind: string }[] }>(nowSession.id, nowSession.mentee.id, {
      rtpCapabilities: caps.data.routerRtpCapabilities,
    });
    if (!menteeJoin.ok) throw new Error(menteeJoin.error.message);
    const [video] = menteeJoin.data.consumers;
    expect(video).toMatchObject({ kind: 'video' });
    expect(await mentee.request('media:resume-consumer', { consumerId: video!.consumerId })).toEqual({ ok: true, data: {} });
    const before = (await eventsOf(nowSession.id)).length;

    // What mediasoup's estimate of the mentee's receiving link reports (a browser makes it; here it is stated).
    const link = (await server.media.peerOf(nowSession.id, nowSession.mentee.id))!;
    const mentorHeard: unknown[] = [];
    mentor.socket.on('media:video-paused-for-bandwidth', (p: unknown) => mentorHeard.push(p));
    const paused = mentee.next('media:video-paused-for-bandwidth');
    link.reportBandwidth(120_000);
    server.clock.advance({ seconds: 3 });
    link.reportBandwidth(118_000);
    expect(await paused).toEqual({ paused: true, availableKbps: 118 });
    const logged = (await eventsOf(nowSession.id)).slice(before);
    expect(logged.map((e) => [e.type, e.actor, e.detail])).toEqual([
      ['VideoPausedForBandwidth', nowSession.mentee.id, { receiver: 'student', availableKbps: 118 }],
    ]);

    // A trial comes due; the link now carries it, and video is back for good.
    const resumed = mentee.next('media:video-paused-for-bandwidth', 10_000);
    server.clock.advance({ seconds: 5 });
    await expect.poll(() => !link.holdingVideo, { timeout: 5_000 }).toBe(true);
    // Past the trial's first burst (whose readings do not count), the link carries it.
    server.clock.advance({ seconds: 1 });
    link.reportBandwidth(400_000);
    server.clock.advance({ seconds: 2 });
    link.reportBandwidth(410_000);
    expect(await resumed).toEqual({ paused: false, availableKbps: 410 });
    expect((await eventsOf(nowSession.id)).slice(before).map((e) => e.type)).toEqual(['VideoPausedForBandwidth', 'VideoResumedForBandwidth']);
    expect(mentorHeard).toEqual([]);
  });
});
