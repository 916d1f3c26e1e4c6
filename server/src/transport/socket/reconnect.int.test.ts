import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { io } from 'socket.io-client';
import { sessionEvents } from '../../test-support/stored-rows.js';
import { connectDevice, wrap, type DeviceSocket } from '../../test-support/device-socket.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/*
 * The two light levels of reconnecting, over real sockets with the real media worker: ICE restarted
 * on a connection's own transports, and a dropped socket that socket.io recovers (or a new one from
 * the same iPad) taking up the place the server kept, with the log saying so.
 */
describe.each(testDatabaseKinds())('reconnecting on %s', (kind) => {
  let server: TestServer;
  let mentorDevice: string;
  let menteeDevice: string;
  let session: NonNullable<TestServer['demo']>['sessions'][number];
  let open: DeviceSocket[] = [];
  const track = (s: DeviceSocket) => (open.push(s), s);
  const presence = async () =>
    (
      await server.database.db.select().from(sessionEvents).where(eq(sessionEvents.occurrenceId, session.id)).orderBy(asc(sessionEvents.seq))
    )
      .filter((e) => /^(Session|Participant)/.test(e.type))
      .map((e) => [e.type, e.actor === session.mentor.id ? 'mentor' : 'mentee', (e.detail as { how?: string; reason?: string }).how ?? (e.detail as { reason?: string }).reason]);
  /** A device socket that reconnects by itself, as the iPad's does. */
  const reconnecting = async (token: string) => {
    const socket = io(server.url, { auth: { deviceToken: token }, transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 200 });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return track(wrap(socket, server.url, token));
  };
  /** The network under the socket goes (no goodbye): the server sees a transport close. */
  const cutNetwork = (s: DeviceSocket) => s.socket.io.engine.close();

  beforeAll(async () => {
    server = await startTestServer(kind);
    const demo = server.demo!;
    mentorDevice = demo.schools.find((s) => s.role === 'mentor')!.deviceToken;
    menteeDevice = demo.schools.find((s) => s.role === 'mentee')!.deviceToken;
    session = demo.sessions.find((s) => s.kind === 'now')!;
  });
  afterEach(async () => {
    for (const s of open) s.close();
    open = [];
    await expect.poll(() => server.calls.liveSessionCount()).toBe(0);
  });
  afterAll(() => stopTestServer(server));

  it('restarts ICE only on the asking device’s own transports', async () => {
    const mentor = track(await connectDevice(server.url, mentorDevice));
    const mentee = track(await connectDevice(server.url, menteeDevice));
    expect(await mentor.request('transport:restart-ice', { transportId: 'not-yet' })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    const mine = await mentor.join<{ sendTransport: { id: string }; recvTransport: { id: string } }>(session.id, session.mentor.id);
    const theirs = await mentee.join<{ sendTransport: { id: string } }>(session.id, session.mentee.id);
    if (!mine.ok || !theirs.ok) throw new Error('join failed');
    const first = await mentor.request<{ iceParameters: { usernameFragment: string } }>('transport:restart-ice', { transportId: mine.data.sendTransport.id });
    const second = await mentor.request<{ iceParameters: { usernameFragment: string } }>('transport:restart-ice', { transportId: mine.data.sendTransport.id });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    // Each restart is fresh credentials.
    expect(second.data.iceParameters.usernameFragment).not.toBe(first.data.iceParameters.usernameFragment);
    expect(await mentor.request('transport:restart-ice', { transportId: theirs.data.sendTransport.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await mentor.request('transport:restart-ice', { transportId: mine.data.recvTransport.id, extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await mentor.request('transport:restart-ice', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('keeps a dropped socket’s place and takes it back when socket.io recovers the connection', async () => {
    const before = (await presence()).length;
    const mentor = await reconnecting(mentorDevice);
    const mentee = track(await connectDevice(server.url, menteeDevice));
    const joined = await mentor.join<{ sendTransport: { id: string } }>(session.id, session.mentor.id);
    expect((await mentee.join(session.id, session.mentee.id)).ok).toBe(true);
    if (!joined.ok) throw new Error(joined.error.message);
    const idBefore = mentor.socket.id;

    const told = mentee.next('peer:reconnecting');
    const back = mentee.next('peer:reconnected');
    const recovered = new Promise<boolean>((resolve) => mentor.socket.once('connect', () => resolve(mentor.socket.recovered)));
    cutNetwork(mentor);
    expect(await told).toEqual({ participantId: session.mentor.id });
    expect(await recovered).toBe(true);
    expect(await back).toEqual({ participantId: session.mentor.id });
    expect(mentor.socket.id).toBe(idBefore);
    // Same connection, same transports: ICE can be restarted on them, nothing was rebuilt.
    expect((await mentor.request('transport:restart-ice', { transportId: joined.data.sendTransport.id })).ok).toBe(true);
    await expect.poll(async () => (await presence()).slice(before)).toEqual([
      [expect.stringMatching(/^Session(Joined|Reconnected)$/), 'mentor', undefined],
      [expect.stringMatching(/^Session(Joined|Reconnected)$/), 'mentee', undefined],
      ['ParticipantReconnecting', 'mentor', undefined],
      ['ParticipantReconnected', 'mentor', 'same_connection'],
    ]);
    mentor.close();
    mentee.close();
  });

  it('takes a rejoin from the same iPad on a new socket as a reconnection (no new join in the log)', async () => {
    const before = (await presence()).length;
    const mentor = track(await connectDevice(server.url, mentorDevice));
    const mentee = track(await connectDevice(server.url, menteeDevice));
    expect((await mentor.join(session.id, session.mentor.id)).ok).toBe(true);
    expect((await mentee.join(session.id, session.mentee.id)).ok).toBe(true);
    const told = mentee.next('peer:reconnecting');
    cutNetwork(mentor); // reconnection is off for this socket: the iPad comes back on a new one
    await told;
    const again = track(await connectDevice(server.url, mentorDevice));
    const back = mentee.next('peer:reconnected');
    expect((await again.join(session.id, session.mentor.id)).ok).toBe(true);
    await back;
    const after = (await presence()).slice(before);
    expect(after.slice(2)).toEqual([
      ['ParticipantReconnecting', 'mentor', undefined],
      ['ParticipantReconnected', 'mentor', 'new_connection'],
    ]);
  });

  it('lets a recovered socket in only after the handshake checks its device again', async () => {
    const mentor = await reconnecting(mentorDevice);
    expect((await mentor.join(session.id, session.mentor.id)).ok).toBe(true);
    const connectionId = mentor.socket.id!;
    // The handshake is re-run on recovery: with the token made invalid it is refused, not recovered.
    (mentor.socket.auth as { deviceToken: string }).deviceToken = 'not-a-token';
    const refused = new Promise<Error>((resolve) => mentor.socket.io.once('reconnect_error', resolve).on('error', resolve));
    const refusedConnect = new Promise<Error>((resolve) => mentor.socket.once('connect_error', resolve));
    cutNetwork(mentor);
    const error = await Promise.race([refused, refusedConnect]);
    expect(String(error.message)).toMatch(/setup code is not valid/);
    expect(mentor.socket.connected).toBe(false);
    mentor.close();
    // Its place is still kept (for the grace period); end it here rather than wait.
    await server.calls.leave(connectionId, 'left');
  });
});
