import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import request from 'supertest';
import { sessionEvents, students } from '../../test-support/stored-rows.js';
import { asDatabaseOwner } from '../../test-support/database-owner.js';
import { connectDevice } from '../../test-support/device-socket.js';
import { enrolIPads } from '../../test-support/enrolled-ipads.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

describe.each(testDatabaseKinds())('safeguarding flows on %s', (kind) => {
  let server: TestServer;
  const demo = () => server.demo!;
  const nowSession = () => demo().sessions.find((s) => s.kind === 'now')!;
  const laterSession = () => demo().sessions.find((s) => s.kind === 'later')!;
  const deviceToken = (role: 'mentor' | 'mentee') => demo().schools.find((s) => s.role === role)!.deviceToken;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  describe('device enrolment', () => {
    it('enrols an iPad with a one-time code, and revoking it ends its call and logs why', async () => {
      const coordinator = await signInStaff(server, 'coordinator@northgate.example');
      const enrolled = await coordinator.post('/api/staff/devices').send({ label: 'Library iPad 7' }).expect(201);
      expect(enrolled.body.enrolmentCode).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

      const redeemed = await request(server.url)
        .post('/api/device/enrol')
        .send({ code: enrolled.body.enrolmentCode.toLowerCase() })
        .expect(200);
      const again = await request(server.url).post('/api/device/enrol').send({ code: enrolled.body.enrolmentCode }).expect(404);
      expect(again.body.error.message).toMatch(/Codes work once/);
      const bad = await request(server.url).post('/api/device/enrol').send({ code: 'short' }).expect(400);
      expect(bad.body.error.message).toMatch(/10-character code/);

      const device = await connectDevice(server.url, redeemed.body.deviceToken);
      const session = nowSession();
      expect((await device.join(session.id, session.mentor.id)).ok).toBe(true);
      const told = device.next('session:ended');
      await coordinator.post(`/api/staff/devices/${enrolled.body.device.id}/revoke`).expect(204);
      expect(await told).toMatchObject({ reason: 'device_revoked' });
      await expect
        .poll(async () => (await server.events.list(session.id)).at(-1))
        .toMatchObject({ type: 'SessionLeft', actor: session.mentor.id, detail: { reason: 'device_revoked' } });
      const refused = await request(server.url)
        .get('/api/device/sessions/today')
        .set('Authorization', `Bearer ${redeemed.body.deviceToken}`)
        .expect(401);
      // Marked as the device's problem, so the iPad goes back to set-up rather than asking for a PIN again.
      expect(refused.body.error).toMatchObject({ code: 'unauthenticated', details: { scope: 'device' } });
    });
  });

  describe('student sign-in with a PIN', () => {
    it("counts down wrong PINs, then locks the iPad they were typed on (not the child), with messages a student understands", async () => {
      const session = nowSession();
      const coordinator = await signInStaff(server, 'coordinator@riverside.example');
      const [spare] = await enrolIPads(server, coordinator, 1, 'Spare iPad');
      const device = await connectDevice(server.url, spare!.deviceToken);
      for (const left of [9, 8, 7, 6, 5, 4, 3, 2, 1]) {
        const wrong = await device.signIn(session.id, session.mentee.id, '0000');
        expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: `That PIN isn't right. You have ${left} ${left === 1 ? 'try' : 'tries'} left.` } });
      }
      expect(await device.signIn(session.id, session.mentee.id, '0000')).toMatchObject({
        ok: false,
        error: { code: 'rate_limited', message: expect.stringMatching(/^Too many wrong PINs on this iPad\. Try again at \d\d:\d\d/) },
      });
      expect(await device.signIn(session.id, session.mentee.id, '1234')).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      device.close();

      // The child is not locked: on the school's other iPad their PIN works.
      const usual = await connectDevice(server.url, deviceToken('mentee'));
      expect((await usual.signIn(session.id, session.mentee.id, '1234')).ok).toBe(true);
      usual.close();
    });

    it('refuses a session outside its window before looking at the PIN', async () => {
      const device = await connectDevice(server.url, deviceToken('mentor'));
      expect(await device.signIn(laterSession().id, laterSession().mentor.id, '9999')).toMatchObject({ ok: false, error: { code: 'session_not_open' } });
      device.close();
    });

    it("refuses a session while the mentee's parental consent is missing, and tells the coordinator what is missing", async () => {
      const session = nowSession();
      await server.database.db.update(students).set({ parentalConsentAt: null }).where(eq(students.id, session.mentee.id));
      try {
        const device = await connectDevice(server.url, deviceToken('mentor'));
        const refused = await device.signIn(session.id, session.mentor.id);
        expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/coordinator has been told/) } });
        device.close();
        const riverside = await signInStaff(server, 'coordinator@riverside.example');
        const notices = await riverside.get('/api/staff/notices').expect(200);
        // The demo's attendance history leaves Riverside a repeated-absence notice (Aisha's two misses); that one is not this test's.
        const besidesDemoAbsence = (list: { id: string; kind: string }[]) => list.filter((n) => n.kind !== 'repeated_absence');
        expect(besidesDemoAbsence(notices.body.notices)).toEqual([
          expect.objectContaining({ kind: 'consent_missing', studentName: session.mentee.firstName, message: expect.stringMatching(/parental consent is not on record/) }),
        ]);
        // Northgate's coordinator has nothing to fix, sees nothing of Riverside's notice and cannot resolve it.
        const northgate = await signInStaff(server, 'coordinator@northgate.example');
        expect((await northgate.get('/api/staff/notices').expect(200)).body.notices).toEqual([]);
        const noticeId = besidesDemoAbsence(notices.body.notices)[0]!.id;
        await northgate.post(`/api/staff/notices/${noticeId}/resolve`).expect(404);
        // Recording the consent clears the way.
        await riverside.put(`/api/staff/students/${session.mentee.id}/eligibility`).send({ parentalConsent: true }).expect(204);
        await riverside.post(`/api/staff/notices/${noticeId}/resolve`).expect(204);
        expect(besidesDemoAbsence((await riverside.get('/api/staff/notices').expect(200)).body.notices)).toEqual([]);
        const again = await connectDevice(server.url, deviceToken('mentor'));
        expect((await again.signIn(session.id, session.mentor.id)).ok).toBe(true);
        again.close();
      } finally {
        await server.database.db.update(students).set({ parentalConsentAt: new Date(server.clock.now().epochMilliseconds) }).where(eq(students.id, session.mentee.id));
      }
    });
  });

  describe('the session log', () => {
    it('is readable by both schools’ DSLs, every view is recorded, and it verifies', async () => {
      const session = nowSession();
      const device = await connectDevice(server.url, deviceToken('mentor'));
      expect((await device.join(session.id, session.mentor.id)).ok).toBe(true);
      device.close();

      const northgateDsl = await signInStaff(server, 'dsl@northgate.example');
      const riversideDsl = await signInStaff(server, 'dsl@riverside.example');
      const log = await northgateDsl.get(`/api/staff/sessions/${session.id}/log`).expect(200);
      expect(log.body.entries.map((e: { seq: number }) => e.seq)).toEqual(log.body.entries.map((_: unknown, i: number) => i + 1));
      await riversideDsl.get(`/api/staff/sessions/${session.id}/log`).expect(200);
      const views = await riversideDsl.get(`/api/staff/sessions/${session.id}/log/views`).expect(200);
      expect(views.body.views.map((v: { fullName: string }) => v.fullName)).toEqual(['Mr Ravi Patel', 'Ms Grace Adeyemi']);
      const verified = await northgateDsl.get(`/api/staff/sessions/${session.id}/log/verify`).expect(200);
      expect(verified.body).toMatchObject({ ok: true, entries: log.body.entries.length });
    });

    it('cannot be changed or deleted by the application', async () => {
      const db = server.database.db;
      await expect(db.update(sessionEvents).set({ type: 'Nothing' })).rejects.toThrow();
      await expect(db.delete(sessionEvents)).rejects.toThrow();
      await expect(db.execute(sql`truncate session_events`)).rejects.toThrow();
    });

    it('names the first entry changed directly in the database', async () => {
      const session = nowSession();
      const entries = await server.events.list(session.id);
      expect(entries.length).toBeGreaterThanOrEqual(3);
      const target = entries[1]!;
      await asDatabaseOwner(server, [
        `update session_events set detail = '{"reason":"nothing to see"}'::jsonb where id = ${Number(target.id)}`,
      ]);
      const dsl = await signInStaff(server, 'dsl@riverside.example');
      const verified = await dsl.get(`/api/staff/sessions/${session.id}/log/verify`).expect(200);
      expect(verified.body).toMatchObject({ ok: false, entries: entries.length, firstBroken: { id: target.id, seq: target.seq, problem: 'content_changed' } });
    });
  });
});
