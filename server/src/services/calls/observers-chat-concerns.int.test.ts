import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { SafeguardingAlert } from '@peerbridge/shared';
import { connectDevice, type DeviceSocket } from '../../test-support/device-socket.js';
import { addOtherSchoolAndAdmin } from '../../test-support/other-school.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { collect, connectStaff } from '../../test-support/staff-socket.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

describe.each(testDatabaseKinds())('observers, chat and concerns in a live call on %s', (kind) => {
  let server: TestServer;
  let open: DeviceSocket[] = [];
  const track = <T extends DeviceSocket>(s: T) => (open.push(s), s);
  const session = () => server.demo!.sessions.find((s) => s.kind === 'now')!;
  const device = (role: 'mentor' | 'mentee') => server.demo!.schools.find((s) => s.role === role)!.deviceToken;

  const inCall = async () => {
    const mentor = track(await connectDevice(server.url, device('mentor')));
    const mentee = track(await connectDevice(server.url, device('mentee')));
    expect((await mentor.join(session().id, session().mentor.id)).ok).toBe(true);
    expect((await mentee.join(session().id, session().mentee.id)).ok).toBe(true);
    return { mentor, mentee };
  };
  const logTypes = async () => (await server.events.list(session().id)).map((e) => e.type);

  beforeAll(async () => {
    server = await startTestServer(kind);
    await addOtherSchoolAndAdmin(server);
  });
  afterEach(() => {
    for (const s of open) s.close();
    open = [];
  });
  afterAll(() => stopTestServer(server));

  it('lets a DSL observe, receiving only, and shows both students who is watching', async () => {
    const { mentor, mentee } = await inCall();
    const dsl = track(await connectStaff(server.url, 'dsl@riverside.example'));
    const mentorSees = mentor.next('observer:joined');
    const menteeSees = mentee.next('observer:joined');
    const watching = await dsl.request<{ peers: unknown[]; recvTransport: { id: string } }>('observe:join', { sessionId: session().id });
    expect(watching.ok && watching.data.peers).toHaveLength(2);
    const shown = { name: 'Ms Grace Adeyemi', schoolName: 'Riverside High School', role: 'dsl' };
    expect(await mentorSees).toMatchObject(shown);
    expect(await menteeSees).toMatchObject(shown);

    // An observer may restart ICE on its own receiving transport, and on nobody else's.
    if (!watching.ok) throw new Error(watching.error.message);
    expect(await dsl.request('transport:restart-ice', { transportId: watching.data.recvTransport.id })).toMatchObject({
      ok: true,
      data: { iceParameters: { usernameFragment: expect.any(String), password: expect.any(String) } },
    });
    expect(await dsl.request('transport:restart-ice', { transportId: 'someone-elses' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // An observer never sends.
    expect(await dsl.request('media:produce', { transportId: 't', kind: 'video', rtpParameters: { codecs: [{}] } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // A newcomer sees the observer already there.
    mentee.close();
    const again = track(await connectDevice(server.url, device('mentee')));
    const rejoined = await again.join<{ observers: { name: string }[] }>(session().id, session().mentee.id);
    expect(rejoined.ok && rejoined.data.observers).toEqual([expect.objectContaining({ name: 'Ms Grace Adeyemi' })]);

    const left = mentor.next('observer:left');
    expect((await dsl.request('session:leave', {})).ok).toBe(true);
    expect(await left).toMatchObject({ observerId: expect.any(String) });
    const types = await logTypes();
    expect(types).toContain('ObserverJoined');
    expect(types).toContain('ObserverLeft');
  });

  it('refuses observers from another school, staff without the role, and devices', async () => {
    const { mentor } = await inCall();
    for (const email of ['dsl@hillcrest.example', 'coordinator@northgate.example']) {
      const staff = track(await connectStaff(server.url, email));
      expect(await staff.request('observe:join', { sessionId: session().id }), email).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await mentor.request('observe:join', { sessionId: session().id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const supervisor = track(await connectStaff(server.url, 'supervisor@northgate.example'));
    expect((await supervisor.request('observe:join', { sessionId: session().id })).ok).toBe(true);
  });

  it('delivers ordinary chat, blocks contact details with a kind explanation, and logs both', async () => {
    const { mentor, mentee } = await inCall();
    const received = collect<{ text: string }>(mentee, 'chat:message');
    expect(await mentor.request('chat:send', { text: 'Shall we look at the poem again?' })).toEqual({ ok: true, data: { delivered: true } });
    const blocked = await mentor.request<{ delivered: boolean; explanation: string }>('chat:send', { text: 'text me on 07700 900 123' });
    expect(blocked).toMatchObject({ ok: true, data: { delivered: false, explanation: expect.stringMatching(/phone number/i) } });
    const evasion = await mentor.request<{ delivered: boolean }>('chat:send', { text: 'my snap is priya dot s twenty two' });
    expect(evasion.ok && evasion.data.delivered).toBe(false);
    await expect.poll(() => received.map((m) => m.text)).toEqual(['Shall we look at the poem again?']);
    const entries = await server.events.list(session().id);
    expect(entries.filter((e) => e.type === 'ChatMessageBlocked').map((e) => e.detail.text)).toEqual([
      'text me on 07700 900 123',
      'my snap is priya dot s twenty two',
    ]);
    expect(await mentor.request('chat:send', { text: '' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it("flags a keyword to both schools' DSLs, and nobody else", async () => {
    const northgateDsl = track(await connectStaff(server.url, 'dsl@northgate.example'));
    const riversideDsl = track(await connectStaff(server.url, 'dsl@riverside.example'));
    const hillcrestDsl = track(await connectStaff(server.url, 'dsl@hillcrest.example'));
    const coordinator = track(await connectStaff(server.url, 'coordinator@riverside.example'));
    const alerts = [northgateDsl, riversideDsl, hillcrestDsl, coordinator].map((s) => collect<SafeguardingAlert>(s, 'safeguarding:alert'));
    const { mentee } = await inCall();
    expect(await mentee.request('chat:send', { text: "I'm scared to go home tonight" })).toEqual({ ok: true, data: { delivered: true } });
    await expect.poll(() => alerts.map((a) => a.length)).toEqual([1, 1, 0, 0]);
    // Actionable: who, their year and school, who they were with, and that it is happening now.
    const { mentee: menteeStudent, mentor: mentorStudent } = session();
    for (const alert of [alerts[0]![0], alerts[1]![0]]) {
      expect(alert).toMatchObject({
        kind: 'chat_flagged',
        sessionId: session().id,
        live: true,
        keywords: ['scared to go home'],
        child: { firstName: menteeStudent.firstName, yearGroup: 11, schoolName: 'Riverside High School' },
        partner: { firstName: mentorStudent.firstName, yearGroup: 12, schoolName: 'Northgate Academy' },
      });
      // No surname crosses schools in an alert.
      expect(Object.keys(alert!.child!)).toEqual(['firstName', 'yearGroup', 'schoolName']);
    }
    // The DSL's list marks the session as flagged.
    const dsl = await signInStaff(server, 'dsl@riverside.example');
    const list = await dsl.get('/api/staff/sessions').expect(200);
    expect(list.body.sessions.find((s: { id: string }) => s.id === session().id)).toMatchObject({ flagged: true });
  });

  it("makes one press one concern: the words typed afterwards are added to it, by that child only", async () => {
    const { mentor, mentee } = await inCall();
    const dsl = await signInStaff(server, 'dsl@riverside.example');
    const before = (await dsl.get('/api/staff/concerns').expect(200)).body.concerns.length;
    const tapped = await mentee.request<{ concernId: string }>('concern:raise', {});
    if (!tapped.ok) throw new Error(tapped.error.message);
    const id = tapped.data.concernId;
    expect(await mentee.request('concern:raise', { text: 'He keeps asking where I live', concernId: id })).toEqual({ ok: true, data: { concernId: id } });

    // Still one concern, now carrying the child's words as their own addition.
    expect((await dsl.get('/api/staff/concerns').expect(200)).body.concerns.length).toBe(before + 1);
    const opened = await dsl.get(`/api/staff/concerns/${id}`).expect(200);
    const amendments = opened.body.concern.amendments as { kind: string; text: string | null; byStudentId: string | null }[];
    expect(amendments.map((a) => a.kind)).toEqual(['raised', 'note']);
    expect(amendments[1]).toMatchObject({ text: 'He keeps asking where I live', byStudentId: session().mentee.id });
    expect(await logTypes()).toEqual(expect.arrayContaining(['ConcernRaised', 'ConcernWordsAdded']));

    // The other child cannot write into it (it may be about them), nor can anyone name a concern that is not theirs.
    expect(await mentor.request('concern:raise', { text: 'not mine', concernId: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await mentee.request('concern:raise', { text: 'x', concernId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await dsl.get(`/api/staff/concerns/${id}`).expect(200)).body.concern.amendments).toHaveLength(2);
  });

  it('raises a concern from the call to both DSLs, who can handle, export and audit it', async () => {
    const northgateDsl = track(await connectStaff(server.url, 'dsl@northgate.example'));
    const riversideDsl = track(await connectStaff(server.url, 'dsl@riverside.example'));
    const northgateAlert = northgateDsl.next('safeguarding:alert');
    const riversideAlert = riversideDsl.next('safeguarding:alert');
    const { mentee } = await inCall();
    const words = 'He said something, about my "family", that upset me';
    const raised = await mentee.request<{ concernId: string }>('concern:raise', { text: words });
    if (!raised.ok) throw new Error(raised.error.message);
    const id = raised.data.concernId;
    for (const alert of [await northgateAlert, await riversideAlert]) {
      expect(alert).toMatchObject({ kind: 'concern_raised', concernId: id, live: true, raisedBy: 'student', child: { firstName: session().mentee.firstName }, partner: { firstName: session().mentor.firstName } });
    }
    expect(await logTypes()).toContain('ConcernRaised');

    const dsl = await signInStaff(server, 'dsl@riverside.example');
    const queue = await dsl.get('/api/staff/concerns?status=new').expect(200);
    expect(queue.body.concerns.map((c: { id: string }) => c.id)).toContain(id);
    const opened = await dsl.get(`/api/staff/concerns/${id}`).expect(200);
    const viewed = await dsl.get(`/api/staff/concerns/${id}/views`).expect(200);
    // Listing it named the children, so that is on the record too, before the opening.
    expect(viewed.body.views).toEqual([
      expect.objectContaining({ fullName: 'Ms Grace Adeyemi', access: 'listed' }),
      expect.objectContaining({ fullName: 'Ms Grace Adeyemi', access: 'viewed' }),
    ]);
    expect(JSON.stringify(opened.body)).toContain(JSON.stringify(words).slice(1, -1));
    // Riverside's DSL sees Riverside's child in full and Northgate's by first name only.
    expect(JSON.stringify(opened.body)).toContain('Riley');
    expect(JSON.stringify(opened.body)).not.toContain('Shah');

    const closeTooSoon = await dsl.post(`/api/staff/concerns/${id}/amendments`).send({ kind: 'close', summary: 'x', actionsTaken: 'y', outcome: 'z' });
    expect(closeTooSoon.status).toBe(409);
    await dsl.post(`/api/staff/concerns/${id}/amendments`).send({ kind: 'status', to: 'in_progress' }).expect(201);
    const missing = await dsl.post(`/api/staff/concerns/${id}/amendments`).send({ kind: 'close', summary: 'Spoke to Sam' });
    expect(missing.status).toBe(400);
    await dsl
      .post(`/api/staff/concerns/${id}/amendments`)
      .send({ kind: 'close', summary: 'Spoke to Sam and the mentor', actionsTaken: 'Pairing paused; parents told', outcome: 'No further action' })
      .expect(201);
    const csv = await dsl.get(`/api/staff/concerns/${id}/export.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n').length).toBeGreaterThanOrEqual(4);
    // The file names each author and the children's schools (its content is checked in concern-exports.int.test.ts).
    expect(csv.text.split('\r\n')[0]).toBe('Date,Time,Child,School,Year,What happened,Recorded by,Action taken / Status,Reference');
    expect(csv.text).toContain('Riverside High School');
    expect(csv.text).toContain('Ms Grace Adeyemi');

    const other = await signInStaff(server, 'dsl@hillcrest.example');
    await other.get(`/api/staff/concerns/${id}`).expect(403);
    const coordinator = await signInStaff(server, 'coordinator@riverside.example');
    await coordinator.get(`/api/staff/concerns/${id}`).expect(403);
    await request(server.url).get(`/api/staff/concerns/${id}`).expect(401);
  });
});
