import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { Temporal } from 'temporal-polyfill';
import { DeviceList, StaffSessionList, type DeviceSummary } from '@peerbridge/shared';
import { pairings } from '../../infra/db/schema.js';
import { schoolYearAfter, typicalCalendar } from '../../test-support/calendar-fixtures.js';
import { enrolIPads } from '../../test-support/enrolled-ipads.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;

/*
 * The iPads a school has actually set up are the pool scheduling books: an iPad waiting
 * for its code, or one removed, takes no session. The demo gives each school one iPad.
 */
describe.each(testDatabaseKinds())('iPads and the pool on %s', (kind) => {
  let server: TestServer;
  let northgate: Agent;
  let riverside: Agent;
  let pairingIds: string[];
  let year: ReturnType<typeof schoolYearAfter>;

  const listOf = async (agent: Agent): Promise<DeviceSummary[]> => DeviceList.parse((await agent.get('/api/staff/devices').expect(200)).body).devices;
  const deviceIn = async (agent: Agent, id: string) => (await listOf(agent)).find((d) => d.id === id)!;
  const redeem = (code: string) => request(server.url).post('/api/device/enrol').send({ code });

  beforeAll(async () => {
    server = await startTestServer(kind);
    year = schoolYearAfter(server.clock.now());
    northgate = await signInStaff(server, 'coordinator@northgate.example');
    riverside = await signInStaff(server, 'coordinator@riverside.example');
    await northgate.put('/api/staff/calendar').send(year.calendar(typicalCalendar())).expect(200);
    await riverside.put('/api/staff/calendar').send(year.calendar(typicalCalendar())).expect(200);
    const partnershipId = (await server.database.db.query.partnerships.findFirst())!.id;
    await riverside.put(`/api/staff/partnerships/${partnershipId}/programme`).send(year.programme({ start: '2026-09-14', end: '2027-07-16' })).expect(200);
    const free = { slots: [{ week: 'any', weekday: 2, period: 'P1' }, { week: 'any', weekday: 4, period: 'P3' }] };
    const demo = server.demo!;
    for (const session of demo.sessions) {
      await northgate.put(`/api/staff/students/${session.mentor.id}/availability`).send(free).expect(204);
      await riverside.put(`/api/staff/students/${session.mentee.id}/availability`).send(free).expect(204);
    }
    const rows = await server.database.db.select().from(pairings);
    pairingIds = demo.sessions.map((s) => rows.find((p) => p.mentorId === s.mentor.id)!.id);
  });
  afterAll(() => stopTestServer(server));

  it('shows an iPad waiting for set-up until its code is typed, then enrolled, then when it was last used', async () => {
    const enrolled = await northgate.post('/api/staff/devices').send({ label: 'Status iPad', room: 'Library' }).expect(201);
    const id: string = enrolled.body.device.id;
    expect(await deviceIn(northgate, id)).toMatchObject({ status: 'waiting', room: 'Library', redeemedAt: null, lastUsedAt: null });

    const { deviceToken } = (await redeem(enrolled.body.enrolmentCode).expect(200)).body;
    const redeemedAt = (await deviceIn(northgate, id)).redeemedAt;
    expect(await deviceIn(northgate, id)).toMatchObject({ status: 'enrolled', redeemedAt: expect.any(String), lastUsedAt: null });

    const useIt = () => request(server.url).get('/api/device/sessions/today').set('Authorization', `Bearer ${deviceToken}`).expect(200);
    await useIt();
    const firstUse = (await deviceIn(northgate, id)).lastUsedAt;
    expect(firstUse).not.toBeNull();
    // Within the minute nothing more is written; after it, the new use is.
    await useIt();
    expect((await deviceIn(northgate, id)).lastUsedAt).toBe(firstUse);
    server.clock.advance({ minutes: 2 });
    await useIt();
    const later = (await deviceIn(northgate, id)).lastUsedAt!;
    expect(Date.parse(later)).toBeGreaterThan(Date.parse(firstUse!));

    // A new code for the same row: the earlier unused code stops working, the iPad stays enrolled.
    const first = await northgate.post(`/api/staff/devices/${id}/code`).expect(201);
    const second = await northgate.post(`/api/staff/devices/${id}/code`).expect(201);
    expect(second.body.device).toEqual({ id, label: 'Status iPad' });
    await redeem(first.body.enrolmentCode).expect(404);
    await redeem(second.body.enrolmentCode).expect(200);
    expect(await deviceIn(northgate, id)).toMatchObject({ status: 'enrolled', redeemedAt });

    await northgate.post(`/api/staff/devices/${id}/revoke`).expect(204);
    expect((await deviceIn(northgate, id)).status).toBe('removed');
    const refused = await northgate.post(`/api/staff/devices/${id}/code`).expect(409);
    expect(refused.body.error.message).toBe('“Status iPad” was removed from Peerbridge. Enrol it again as a new iPad.');
    // Another school's coordinator cannot re-code it.
    await riverside.post(`/api/staff/devices/${id}/code`).expect(403);
  });

  it("refuses a label another of the school's working iPads has, in words, and frees it once that iPad is removed", async () => {
    const first = await northgate.post('/api/staff/devices').send({ label: 'Trolley iPad' }).expect(201);
    const clash = await northgate.post('/api/staff/devices').send({ label: '  trolley IPAD ' }).expect(409);
    expect(clash.body.error.message).toBe('Another iPad at your school is already called “trolley IPAD”. Give this one a different name.');
    // Another school may use the same name.
    await riverside.post('/api/staff/devices').send({ label: 'Trolley iPad' }).expect(201);
    await northgate.post(`/api/staff/devices/${first.body.device.id}/revoke`).expect(204);
    await northgate.post('/api/staff/devices').send({ label: 'Trolley iPad' }).expect(201);
    const bad = await northgate.post('/api/staff/devices').send({ label: '', room: 'x'.repeat(61) }).expect(400);
    for (const field of ['label', 'room']) expect(bad.body.error.message).toContain(field);
  });

  it('books no more sessions at once than a school has enrolled iPads, and a removed iPad leaves the pool', async () => {
    await riverside.post(`/api/staff/pairings/${pairingIds[0]}/series`).send({ candidateId: '2@09:00' }).expect(201);

    // One iPad at each school (the demo's), and it is taken.
    const both = await riverside.post(`/api/staff/pairings/${pairingIds[1]}/series`).send({ candidateId: '2@09:00' }).expect(409);
    expect(both.body.error.message).toMatch(/^The only iPad at Northgate Academy is booked at 09:00 on Tue/);
    expect(both.body.error.details.conflicts.map((c: { message: string }) => c.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^The only iPad at Riverside High School is booked at 09:00 on Tue/)]),
    );

    // Northgate sets up a second iPad; Riverside's second is still waiting for its code, so it is not in the pool.
    const [northgateSecond] = await enrolIPads(server, northgate, 1, 'Pool iPad');
    const waiting = await riverside.post('/api/staff/devices').send({ label: 'Pool iPad 1' }).expect(201);
    const riversideOnly = await riverside.post(`/api/staff/pairings/${pairingIds[1]}/series`).send({ candidateId: '2@09:00' }).expect(409);
    expect(riversideOnly.body.error.message).toMatch(/^The only iPad at Riverside High School is booked at 09:00 on Tue/);
    expect(riversideOnly.body.error.details.conflicts.some((c: { message: string }) => c.message.includes('Northgate'))).toBe(false);

    await redeem(waiting.body.enrolmentCode).expect(200);
    await riverside.post(`/api/staff/pairings/${pairingIds[1]}/series`).send({ candidateId: '2@09:00' }).expect(201);

    // Removing Northgate's second iPad takes it out of the pool again: two are booked, one is left.
    await northgate.post(`/api/staff/devices/${northgateSecond!.id}/revoke`).expect(204);
    await enrolIPads(server, riverside, 1, 'Spare iPad');
    const removed = await riverside.post(`/api/staff/pairings/${pairingIds[2]}/series`).send({ candidateId: '2@09:00' }).expect(409);
    expect(removed.body.error.message).toMatch(/^The only iPad at Northgate Academy is booked at 09:00 on Tue/);
  });

  it('refuses to accept a replacement once the enrolled iPads are all taken at its time', async () => {
    // A closure on a Tuesday cancels the first pairing's session and proposes that week's Thursday at 11:00.
    const closed = await northgate.post('/api/staff/calendar/closures').send({ date: year.date('2026-12-01'), reason: 'INSET day' }).expect(201);
    const thursday = `11:00 on ${year.dayLabel('2026-12-03')}`;
    expect(closed.body.cancelled.map((c: { proposal: string | null }) => c.proposal)).toContain(thursday);
    const changes = (await riverside.get('/api/staff/schedule-changes').expect(200)).body.changes as { id: number; kind: string; proposal?: unknown }[];
    // Meanwhile another pair is booked on Thursdays at 11:00, which takes Northgate's only iPad then.
    await riverside.post(`/api/staff/pairings/${pairingIds[2]}/series`).send({ candidateId: '4@11:00' }).expect(201);
    const cancelled = changes.filter((c) => c.kind === 'occurrence_cancelled');
    const answers = await Promise.all(cancelled.map((c) => riverside.post(`/api/staff/schedule-changes/${c.id}/accept-replacement`)));
    const refused = answers.filter((a) => a.status === 409 && /iPad/.test(a.body.error?.message ?? ''));
    expect(refused.length, JSON.stringify(answers.map((a) => [a.status, a.body]))).toBeGreaterThan(0);
    expect(refused[0]!.body.error.message).toMatch(/^The only iPad at Northgate Academy is booked at 11:00 on Thu/);
  });

  it('lists a past session nobody joined as not held, and one a student joined as ended', async () => {
    const demo = server.demo!;
    const earlier = demo.sessions.find((s) => s.kind === 'earlier')!;
    const now = demo.sessions.find((s) => s.kind === 'now')!;
    await server.events.append({ occurrenceId: now.id, type: 'SessionJoined', actor: now.mentor.id, at: server.clock.now() });
    server.clock.jumpTo(Temporal.Instant.from(now.endsAt).add({ minutes: 1 }));
    const dsl = await signInStaff(server, 'dsl@northgate.example');
    const { sessions } = StaffSessionList.parse((await dsl.get('/api/staff/sessions').expect(200)).body);
    expect(sessions.find((s) => s.id === earlier.id)!.status).toBe('not_held');
    expect(sessions.find((s) => s.id === now.id)!.status).toBe('ended');
  });
});
