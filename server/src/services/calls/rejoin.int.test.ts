import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { sessionEvents } from '../../test-support/stored-rows.js';
import { connectDevice, type DeviceSocket } from '../../test-support/device-socket.js';
import { enrolIPads } from '../../test-support/enrolled-ipads.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/*
 * Rejoining after the iPad's page reloaded, without the PIN, over real sockets, the real media worker and
 * the real database: the join's rejoin grant, the offer, the rejoin logged as such, and every refusal
 * (after Leave, after the window, from another iPad, twice).
 */
describe.each(testDatabaseKinds())('rejoin after a reload on %s', (kind) => {
  let server: TestServer;
  let mentorDevice: string;
  let secondMentorDevice: string;
  let session: NonNullable<TestServer['demo']>['sessions'][number];
  let open: DeviceSocket[] = [];
  const track = (s: DeviceSocket) => (open.push(s), s);

  const post = async (path: 'offer' | 'take', deviceToken: string, rejoinGrant: string) => {
    const res = await fetch(`${server.url}/api/device/rejoin${path === 'offer' ? '/offer' : ''}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: session.id, studentId: session.mentor.id, rejoinGrant }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; details?: { reason?: string } } } };
  };
  const joinMentor = async () => {
    const mentor = track(await connectDevice(server.url, mentorDevice));
    const joined = await mentor.join<{ rejoinGrant?: string }>(session.id, session.mentor.id);
    if (!joined.ok || !joined.data.rejoinGrant) throw new Error(`join failed: ${JSON.stringify(joined)}`);
    return { mentor, grant: joined.data.rejoinGrant };
  };
  /** The page reloads: the browser drops the socket's connection without a goodbye (the server sees a transport close). */
  const reload = (s: DeviceSocket) => s.socket.io.engine.close();
  const logTypes = async () =>
    (await server.database.db.select().from(sessionEvents).where(eq(sessionEvents.occurrenceId, session.id)).orderBy(asc(sessionEvents.seq))).map(
      (e) => e.type,
    );

  beforeAll(async () => {
    server = await startTestServer(kind);
    const demo = server.demo!;
    mentorDevice = demo.schools.find((s) => s.role === 'mentor')!.deviceToken;
    session = demo.sessions.find((s) => s.kind === 'now')!;
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    secondMentorDevice = (await enrolIPads(server, coordinator, 1, 'Rejoin iPad'))[0]!.deviceToken;
  });
  afterEach(async () => {
    for (const s of open) s.close();
    open = [];
    await expect.poll(() => server.calls.liveSessionCount(), { timeout: 30_000 }).toBe(0);
  });
  afterAll(() => stopTestServer(server));

  it('brings the child back without the PIN after a reload, logs it as a rejoin, and takes the grant once', async () => {
    const { mentor, grant } = await joinMentor();
    reload(mentor);
    const offer = await post('offer', mentorDevice, grant);
    expect(offer).toMatchObject({ status: 200, body: { partnerFirstName: session.mentee.firstName, until: expect.any(String) } });
    const taken = await post('take', mentorDevice, grant);
    expect(taken.status).toBe(200);
    const back = track(await connectDevice(server.url, mentorDevice));
    const rejoined = await back.request<{ rejoinGrant?: string }>('session:join', {
      sessionId: session.id,
      studentId: session.mentor.id,
      joinToken: taken.body.joinToken,
    });
    expect(rejoined).toMatchObject({ ok: true, data: { rejoinGrant: expect.any(String) } });
    expect(rejoined.ok && rejoined.data.rejoinGrant).not.toBe(grant);
    expect((await logTypes()).slice(-2)).toEqual(['ParticipantReconnecting', 'SessionRejoined']);
    // Single-use: the same grant again is refused, and offers nothing.
    expect(await post('take', mentorDevice, grant)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await post('offer', mentorDevice, grant)).status).toBe(403);
  });

  it('offers nothing after the child tapped Leave', async () => {
    const { mentor, grant } = await joinMentor();
    expect(await mentor.request('session:leave', {})).toMatchObject({ ok: true });
    expect(await post('offer', mentorDevice, grant)).toMatchObject({ status: 403, body: { error: { details: { reason: 'unknown' } } } });
    expect((await post('take', mentorDevice, grant)).status).toBe(403);
  });

  it('is refused from another iPad of the same school, and from the partner school’s iPad', async () => {
    const { mentor, grant } = await joinMentor();
    reload(mentor);
    expect(await post('take', secondMentorDevice, grant)).toMatchObject({ status: 403, body: { error: { details: { reason: 'other_device' } } } });
    const menteeDevice = server.demo!.schools.find((s) => s.role === 'mentee')!.deviceToken;
    expect(await post('take', menteeDevice, grant)).toMatchObject({ status: 403, body: { error: { code: 'not_participant' } } });
    // Refusals take nothing: the iPad it belongs to still may.
    expect((await post('take', mentorDevice, grant)).status).toBe(200);
  });

  it('is refused once the few minutes after the drop are over', async () => {
    const { mentor, grant } = await joinMentor();
    reload(mentor);
    await expect.poll(async () => (await logTypes()).at(-1)).toBe('ParticipantReconnecting');
    server.clock.advance({ minutes: 3, seconds: 1 });
    expect(await post('offer', mentorDevice, grant)).toMatchObject({ status: 403 });
    expect((await post('take', mentorDevice, grant)).status).toBe(403);
  });

  it('tells pre-join whether the partner is here, only to the student this iPad signed in', async () => {
    const mentor = track(await connectDevice(server.url, mentorDevice));
    const signedIn = await mentor.signIn(session.id, session.mentor.id);
    if (!signedIn.ok) throw new Error('sign-in failed');
    const ask = { sessionId: session.id, studentId: session.mentor.id, joinToken: signedIn.data.joinToken };
    expect(await mentor.request('session:presence', ask)).toEqual({ ok: true, data: { partnerHere: false } });
    const menteeDevice = server.demo!.schools.find((s) => s.role === 'mentee')!.deviceToken;
    const mentee = track(await connectDevice(server.url, menteeDevice));
    expect((await mentee.join(session.id, session.mentee.id)).ok).toBe(true);
    expect(await mentor.request('session:presence', ask)).toEqual({ ok: true, data: { partnerHere: true } });
    // Someone else's token, or none that fits: refused, never answered.
    expect(await mentee.request('session:presence', ask)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await mentor.request('session:presence', { ...ask, joinToken: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await mentor.request('session:presence', { sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
