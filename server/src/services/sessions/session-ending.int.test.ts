import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectDevice, type DeviceSocket } from '../../test-support/device-socket.js';
import { openFreshSession } from '../../test-support/open-session.js';
import { addOtherSchoolAndAdmin } from '../../test-support/other-school.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { connectStaff } from '../../test-support/staff-socket.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const KIND_WORDS =
  "A member of staff has ended this session. You haven't done anything wrong by seeing this message. Your coordinator will talk to you about what happens next.";

describe.each(testDatabaseKinds())('an observer ends a session on %s', (kind) => {
  let server: TestServer;
  let open: DeviceSocket[] = [];
  const track = <T extends DeviceSocket>(s: T) => (open.push(s), s);
  const device = (role: 'mentor' | 'mentee') => server.demo!.schools.find((s) => s.role === role)!.deviceToken;
  const end = async (email: string, sessionId: string, body: unknown) => (await signInStaff(server, email)).post(`/api/staff/sessions/${sessionId}/end`).send(body as object);

  beforeAll(async () => {
    server = await startTestServer(kind);
    await addOtherSchoolAndAdmin(server);
  });
  afterEach(() => {
    for (const s of open) s.close();
    open = [];
  });
  afterAll(() => stopTestServer(server));

  it('ends the call for everyone, logs who and why, tells both coordinators and refuses every way back in', async () => {
    const session = await openFreshSession(server);
    const mentor = track(await connectDevice(server.url, device('mentor')));
    const mentee = track(await connectDevice(server.url, device('mentee')));
    expect((await mentor.join(session.sessionId, session.mentorId)).ok).toBe(true);
    expect((await mentee.join(session.sessionId, session.menteeId)).ok).toBe(true);
    // A join token the mentee's iPad already holds, as it would for an automatic rejoin.
    const held = await mentee.signIn(session.sessionId, session.menteeId);
    if (!held.ok) throw new Error(held.error.message);
    const dsl = track(await connectStaff(server.url, 'dsl@riverside.example'));
    expect((await dsl.request('observe:join', { sessionId: session.sessionId })).ok).toBe(true);

    const mentorTold = mentor.next('session:ended');
    const menteeTold = mentee.next('session:ended');
    const observerTold = dsl.next('session:ended');
    const res = await end('dsl@riverside.example', session.sessionId, { reason: 'safeguarding_concern', note: 'Asked to meet after school.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Date.parse(res.body.endedAt)).toBeLessThanOrEqual(server.clock.now().epochMilliseconds);
    // Both children read the same kind words: nothing of the reason, nothing of the note.
    for (const told of [await mentorTold, await menteeTold]) expect(told).toEqual({ reason: 'ended_by_staff', message: KIND_WORDS });
    expect(await observerTold).toMatchObject({ reason: 'ended_by_staff', message: expect.stringMatching(/ended for everyone/) });
    expect(server.calls.liveSessionCount()).toBe(0);

    const log = await server.events.list(session.sessionId);
    const ended = log.find((e) => e.type === 'SessionEnded');
    expect(ended).toMatchObject({
      detail: {
        reason: 'ended_by_staff',
        endReason: 'safeguarding_concern',
        note: 'Asked to meet after school.',
        name: 'Ms Grace Adeyemi',
        role: 'dsl',
        schoolName: 'Riverside High School',
      },
    });
    // Written before anyone was told they had left.
    const leaving = log.filter((e) => e.type === 'SessionLeft');
    expect(leaving.map((e) => e.detail.reason)).toEqual(['ended_by_staff', 'ended_by_staff']);
    expect(leaving.every((e) => e.seq > ended!.seq)).toBe(true);

    for (const [email, child] of [
      ['coordinator@northgate.example', session.mentorId],
      ['coordinator@riverside.example', session.menteeId],
    ] as const) {
      const notices = (await (await signInStaff(server, email)).get('/api/staff/notices').expect(200)).body.notices as { kind: string; studentId: string; message: string }[];
      const notice = notices.find((n) => n.kind === 'session_ended_by_staff' && n.studentId === child);
      expect(notice, email).toBeDefined();
      expect(notice!.message).toMatch(/^Ms Grace Adeyemi \(safeguarding lead, Riverside High School\) ended Open\d+'s \d\d:\d\d session with Open\d+ .* early\. Reason: Safeguarding concern\./);
      // The note is for the safeguarding record, not the coordinator's notice.
      expect(notice!.message).not.toMatch(/meet after school/);
    }

    // PIN sign-in refuses, and so does the join path with a token issued before the end.
    const again = await mentor.signIn(session.sessionId, session.mentorId);
    expect(again).toMatchObject({ ok: false, error: { code: 'session_ended_by_staff', message: expect.stringMatching(/can't be joined again/) } });
    const rejoin = await mentee.request('session:join', { sessionId: session.sessionId, studentId: session.menteeId, joinToken: held.data.joinToken });
    expect(rejoin).toMatchObject({ ok: false, error: { code: 'session_ended_by_staff' } });
    expect(server.calls.liveSessionCount()).toBe(0);

    // Only once.
    const twice = await end('supervisor@northgate.example', session.sessionId, { reason: 'other' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('conflict');
    expect((await server.events.list(session.sessionId)).filter((e) => e.type === 'SessionEnded')).toHaveLength(1);
  });

  it('lets a DSL or supervisor of either school end it, and nobody else', async () => {
    for (const email of ['dsl@northgate.example', 'supervisor@northgate.example', 'dsl@riverside.example', 'supervisor@riverside.example']) {
      const { sessionId } = await openFreshSession(server);
      const res = await end(email, sessionId, { reason: 'technical_problem' });
      expect(res.status, `${email}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    const { sessionId } = await openFreshSession(server);
    for (const email of ['coordinator@northgate.example', 'coordinator@riverside.example', 'dsl@hillcrest.example', 'supervisor@hillcrest.example', 'admin@peerbridge.example']) {
      const res = await end(email, sessionId, { reason: 'technical_problem' });
      expect(res.status, email).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await server.events.list(sessionId)).filter((e) => e.type === 'SessionEnded')).toHaveLength(0);
  });

  it('checks the reason and the note, and writes nothing for a bad one', async () => {
    const { sessionId } = await openFreshSession(server);
    for (const body of [{}, { reason: 'boredom' }, { reason: 'other', note: 'x'.repeat(501) }, { reason: 'other', note: '\u200b' }, { reason: 'other', extra: 1 }]) {
      const res = await end('dsl@northgate.example', sessionId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    expect(await server.events.list(sessionId)).toHaveLength(0);
    expect((await end('dsl@northgate.example', '00000000-0000-4000-8000-000000000000', { reason: 'other' })).status).toBe(404);
  });

  it('refuses to end a session that is not happening now', async () => {
    // The demo's "later" session's join window opens a minute or more after now.
    const later = server.demo!.sessions.find((s) => s.kind === 'later');
    const res = await end('dsl@northgate.example', later!.id, { reason: 'other' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('session_not_open');
  });
});
