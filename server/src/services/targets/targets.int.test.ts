import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { CallTarget, SafeguardingAlert, TargetChanged } from '@peerbridge/shared';
import { connectDevice, type DeviceSocket } from '../../test-support/device-socket.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { collect, connectStaff } from '../../test-support/staff-socket.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';
import { pairings, sessionNotes, sessionOccurrences, targetReviews, targets } from '../../infra/db/schema.js';
import { seedDemoTargets } from '../../demo/demo-targets.js';

describe.each(testDatabaseKinds())('targets in the call, for staff and on the iPad, and session notes on %s', (kind) => {
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
  const deviceCall = async (role: 'mentor' | 'mentee', path: string, body: object) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device(role)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the answers' shapes are what the assertions check
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const joinToken = async (role: 'mentor' | 'mentee') => {
    const socket = track(await connectDevice(server.url, device(role)));
    const signed = await socket.signIn(session().id, role === 'mentor' ? session().mentor.id : session().mentee.id);
    if (!signed.ok) throw new Error(signed.error.message);
    return signed.data.joinToken;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterEach(() => {
    for (const s of open) s.close();
    open = [];
  });
  afterAll(() => stopTestServer(server));

  it('shows both students the targets due, lets only the mentor review and add, logs each change and tells the mentee', async () => {
    const { mentor, mentee } = await inCall();
    const listed = await mentee.request<{ sessionDate: string; targets: CallTarget[] }>('targets:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    const due = listed.data.targets.filter((t) => t.dueForReview);
    expect(due.map((t) => t.what)).toEqual(['Hand in maths homework on time every week']);
    // Due first; the met one last.
    expect(listed.data.targets.at(-1)?.status).toBe('met');

    const target = due[0]!;
    const review = { targetId: target.id, status: 'on_track', progress: 'Four out of four on time', nextStep: 'Keep a planner', nextReviewOn: '2026-12-09' };
    expect(await mentee.request('targets:review', review)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // An open target reviewed on its day needs a next review date.
    expect(await mentor.request('targets:review', { ...review, nextReviewOn: undefined })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await mentor.request('targets:review', { ...review, status: 'great' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const told = mentee.next('targets:changed');
    const reviewed = await mentor.request<{ target: CallTarget }>('targets:review', review);
    expect(reviewed).toMatchObject({ ok: true, data: { target: { status: 'on_track', nextStep: 'Keep a planner', reviewOn: '2026-12-09', dueForReview: false } } });
    expect(await told).toMatchObject<Partial<TargetChanged>>({ change: 'reviewed', target: expect.objectContaining({ id: target.id, status: 'on_track' }) });
    const [stored] = await server.database.db.select().from(targetReviews).where(eq(targetReviews.occurrenceId, session().id));
    expect(stored).toMatchObject({ dueOn: listed.data.sessionDate, progress: 'Four out of four on time', byId: session().mentor.id });

    const added = mentee.next('targets:changed');
    expect(await mentor.request('targets:add', { what: 'Sleep by ten', reviewOn: '2026-01-01' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await mentee.request('targets:add', { what: 'Sleep by ten', reviewOn: '2026-12-09' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await mentor.request('targets:add', { what: 'Sleep by ten', why: 'Tired in lessons', reviewOn: '2026-12-09' })).toMatchObject({ ok: true });
    expect(await added).toMatchObject({ change: 'set', target: { what: 'Sleep by ten', origin: 'pair', status: 'not_started' } });

    const log = await server.events.list(session().id);
    expect(log.filter((e) => e.type === 'TargetReviewed').at(-1)?.detail).toMatchObject({ targetId: target.id, status: 'on_track', progress: 'Four out of four on time' });
    expect(log.filter((e) => e.type === 'TargetSet').at(-1)?.detail).toMatchObject({ what: 'Sleep by ten' });
  });

  it('seeds the demo targets once: starting the demo again adds none', async () => {
    const db = server.database.db;
    const before = await db.select({ id: targets.id }).from(targets);
    const rows = await db.select().from(pairings);
    const ids = (id: string) => ({ id, firstName: '' });
    const schools = server.demo!.schools;
    await seedDemoTargets(db, server.clock.now(), {
      partnershipId: rows[0]!.partnershipId,
      mentorSchoolId: schools.find((s) => s.role === 'mentor')!.id,
      menteeSchoolId: schools.find((s) => s.role === 'mentee')!.id,
      pairings: rows.map((p) => ({ id: p.id, mentor: ids(p.mentorId), mentee: ids(p.menteeId) })),
    });
    expect((await db.select({ id: targets.id }).from(targets)).length).toBe(before.length);
  });

  it('refuses targets to a device that is not in the call', async () => {
    const outsider = track(await connectDevice(server.url, device('mentor')));
    expect(await outsider.request('targets:list', {})).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });

  it("shows coordinators their pairings' targets (the partner's students by first name only) and lets the mentee's school seed one", async () => {
    const riverside = await signInStaff(server, 'coordinator@riverside.example');
    const northgate = await signInStaff(server, 'coordinator@northgate.example');
    const seen = await riverside.get('/api/staff/targets').expect(200);
    const pair = seen.body.pairings.find((p: { mentor: { firstName: string } }) => p.mentor.firstName === session().mentor.firstName);
    expect(pair.mentor).not.toHaveProperty('lastName');
    expect(pair.mentee).toHaveProperty('lastName');
    expect(pair.canSeed).toBe(true);
    const withHistory = pair.targets.find((t: { what: string }) => t.what === 'Make a revision timetable');
    expect(withHistory.reviews).toHaveLength(2);
    expect(withHistory.reviews[0]).toMatchObject({ onTime: true, by: 'mentor' });

    const mine = await northgate.get(`/api/staff/pairings/${pair.pairingId}/targets`).expect(200);
    expect(mine.body.mentor).toHaveProperty('lastName');
    expect(mine.body.mentee).not.toHaveProperty('lastName');
    expect(mine.body.canSeed).toBe(false);

    const body = { what: 'Bring equipment to every lesson', why: 'Teacher feedback', measure: 'Planner checks', reviewOn: '2026-12-16' };
    await northgate.post(`/api/staff/pairings/${pair.pairingId}/targets`).send(body).expect(403);
    await riverside.post(`/api/staff/pairings/${pair.pairingId}/targets`).send({ ...body, what: '' }).expect(400);
    const seeded = await riverside.post(`/api/staff/pairings/${pair.pairingId}/targets`).send(body).expect(201);
    expect(seeded.body.target).toMatchObject({ origin: 'school', status: 'not_started', reviews: [] });
    await (await signInStaff(server, 'dsl@riverside.example')).get('/api/staff/targets').expect(403);
  });

  it('shows the mentee their targets and next session after the PIN, and the mentor their mentees’ by first name', async () => {
    const [now] = await server.database.db.select().from(sessionOccurrences).where(eq(sessionOccurrences.id, session().id));
    const nextWeek = new Date(now!.startsAt.getTime() + 7 * 24 * 3600_000);
    await server.database.db.insert(sessionOccurrences).values({ pairingId: now!.pairingId, startsAt: nextWeek, endsAt: new Date(nextWeek.getTime() + 3600_000) });
    const asMentee = await deviceCall('mentee', '/api/device/my-targets', { sessionId: session().id, studentId: session().mentee.id, joinToken: await joinToken('mentee') });
    expect(asMentee.status).toBe(200);
    expect(asMentee.body.role).toBe('mentee');
    expect(asMentee.body.pairings[0].partner).toEqual({ firstName: session().mentor.firstName, schoolName: expect.any(String), yearGroup: expect.any(Number) });
    expect(asMentee.body.pairings[0].nextSessionStartsAt).toBe(nextWeek.toISOString());
    expect(asMentee.body.pairings[0].targets.length).toBeGreaterThan(0);

    const asMentor = await deviceCall('mentor', '/api/device/my-targets', { sessionId: session().id, studentId: session().mentor.id, joinToken: await joinToken('mentor') });
    expect(asMentor.body.role).toBe('mentor');
    expect(JSON.stringify(asMentor.body)).not.toMatch(/lastName/);
    // Someone else's token is refused.
    const forged = await deviceCall('mentor', '/api/device/my-targets', { sessionId: session().id, studentId: session().mentee.id, joinToken: await joinToken('mentor') });
    expect(forged.status).toBe(401);
  });

  it("keeps the mentor's note (one per session), blocks contact details kindly and flags keywords to both schools' DSLs", async () => {
    const token = await joinToken('mentor');
    const ask = { sessionId: session().id, studentId: session().mentor.id, joinToken: token };
    const blocked = await deviceCall('mentor', '/api/device/session-note', { ...ask, text: 'Call me on 07700 900123' });
    expect(blocked.body).toEqual({ saved: false, explanation: expect.stringContaining('phone numbers') });
    const menteeToken = await joinToken('mentee');
    const notMentor = await deviceCall('mentee', '/api/device/session-note', { sessionId: session().id, studentId: session().mentee.id, joinToken: menteeToken, text: 'Hi' });
    expect(notMentor.status).toBe(403);

    const northDsl = track(await connectStaff(server.url, 'dsl@northgate.example'));
    const riverDsl = track(await connectStaff(server.url, 'dsl@riverside.example'));
    const northAlerts = collect<SafeguardingAlert>(northDsl, 'safeguarding:alert');
    const riverAlert = riverDsl.next('safeguarding:alert');
    // After the end, within the note's half hour.
    server.clock.advance({ milliseconds: Date.parse(session().endsAt) - server.clock.now().epochMilliseconds + 60_000 });
    const saved = await deviceCall('mentor', '/api/device/session-note', { ...ask, text: 'Good session. They said kms about exams, worth a check.' });
    expect(saved.body).toEqual({ saved: true });
    expect(await riverAlert).toMatchObject({ kind: 'session_note_flagged', keywords: ['kms'], child: { firstName: session().mentor.firstName } });
    await expect.poll(() => northAlerts.length).toBe(1);
    const again = await deviceCall('mentor', '/api/device/session-note', { ...ask, text: 'Another' });
    expect(again.status).toBe(409);
    const [note] = await server.database.db.select().from(sessionNotes).where(eq(sessionNotes.occurrenceId, session().id));
    expect(note?.flaggedKeywords).toEqual(['kms']);

    const read = async (email: string) => (await signInStaff(server, email)).get('/api/staff/session-notes');
    expect((await read('dsl@riverside.example')).body.notes).toEqual([expect.objectContaining({ text: expect.stringContaining('Good session'), flaggedKeywords: ['kms'] })]);
    expect((await read('coordinator@northgate.example')).body.notes).toHaveLength(1);
    expect((await read('dsl@northgate.example')).body.notes).toEqual([]);

    // And nothing changes targets once the session is over.
    const mentor = track(await connectDevice(server.url, device('mentor')));
    expect(await mentor.request('targets:list', {})).toMatchObject({ ok: false });
  });
});
