import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkPinResponse, NoticeListResponse, StudentListResponse, type PinCard } from '@peerbridge/shared';
import { isGuessablePin } from '../../domain/access/pin-rules.js';
import { addClassInSessionNow, type ClassMember } from '../../test-support/class-fixture.js';
import { connectDevice } from '../../test-support/device-socket.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';
import { showsPin } from '../../test-support/pin-leaks.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;

/*
 * A coordinator sets PINs for a class at once and prints them as cards, and
 * records consent and training with who, when and how. Northgate (Ms Dana
 * Hill) is the mentor school; Riverside (Mr Owen Price) the mentee school.
 */
describe.each(testDatabaseKinds())('class PINs and consent records on %s', (kind) => {
  let server: TestServer;
  let dana: Agent;
  let owen: Agent;
  let pupils: ClassMember[];
  const demo = () => server.demo!;
  const nowSession = () => demo().sessions.find((s) => s.kind === 'now')!;
  const deviceToken = (role: 'mentor' | 'mentee') => demo().schools.find((s) => s.role === role)!.deviceToken;
  const studentsOf = async (agent: Agent) => StudentListResponse.parse((await agent.get('/api/staff/students').expect(200)).body).students;

  beforeAll(async () => {
    server = await startTestServer(kind);
    pupils = await addClassInSessionNow(server, 3);
    dana = await signInStaff(server, 'coordinator@northgate.example');
    owen = await signInStaff(server, 'coordinator@riverside.example');
  });
  afterAll(() => stopTestServer(server));

  describe('PINs for a class at once', () => {
    let cards: PinCard[];

    beforeAll(async () => {
      const res = await dana.post('/api/staff/students/pins').send({ studentIds: pupils.map((p) => p.studentId) }).expect(200);
      cards = BulkPinResponse.parse(res.body).cards;
    });

    it('answers one card per student, in the order asked, each with a different PIN nobody would guess', () => {
      expect(cards.map((c) => c.studentId)).toEqual(pupils.map((p) => p.studentId));
      expect(cards[0]).toMatchObject({ firstName: 'Pupil1', surnameInitial: 'C', school: 'Northgate Academy' });
      expect(new Set(cards.map((c) => c.pin)).size).toBe(cards.length);
      for (const card of cards) expect(isGuessablePin(card.pin)).toBe(false);
    });

    it('sets each PIN so the student signs in with it, and the old PIN stops working', async () => {
      for (const [i, pupil] of pupils.entries()) {
        const device = await connectDevice(server.url, pupil.deviceToken);
        expect((await device.signIn(pupil.sessionId, pupil.studentId, cards[i]!.pin)).ok).toBe(true);
        device.close();
      }
      const device = await connectDevice(server.url, pupils[0]!.deviceToken);
      expect(await device.signIn(pupils[0]!.sessionId, pupils[0]!.studentId, '1234')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      // A good sign-in clears the count of wrong ones.
      expect((await device.signIn(pupils[0]!.sessionId, pupils[0]!.studentId, cards[0]!.pin)).ok).toBe(true);
      device.close();
    });

    it('shows the PINs once: no later answer, the student list or the audit trail, holds them', async () => {
      const list = await dana.get('/api/staff/students').expect(200);
      const audit = await dana.get('/api/staff/audit?kind=PinsGenerated').expect(200);
      for (const card of cards) {
        expect(showsPin(list.body, card.pin)).toBe(false);
        expect(showsPin(audit.body, card.pin)).toBe(false);
      }
      expect(StudentListResponse.parse(list.body).students.filter((s) => pupils.some((p) => p.studentId === s.id)).every((s) => s.hasPin)).toBe(true);
      expect(audit.body.entries[0]).toMatchObject({
        actor: { name: 'Ms Dana Hill' },
        action: { kind: 'PinsGenerated', students: pupils.map((p, i) => ({ id: p.studentId, name: `Pupil${i + 1} C` })) },
      });
    });

    it("refuses the whole request if any student is another school's, and changes no one's PIN", async () => {
      const riversideMentee = nowSession().mentee.id;
      const refused = await dana.post('/api/staff/students/pins').send({ studentIds: [pupils[1]!.studentId, riversideMentee] }).expect(403);
      expect(refused.body.error.code).toBe('forbidden');
      // The partner school's coordinator cannot re-PIN Northgate's pupils either.
      await owen.post('/api/staff/students/pins').send({ studentIds: [pupils[1]!.studentId] }).expect(403);
      const device = await connectDevice(server.url, pupils[1]!.deviceToken);
      expect((await device.signIn(pupils[1]!.sessionId, pupils[1]!.studentId, cards[1]!.pin)).ok).toBe(true);
      device.close();
    });

    it('refuses bad lists in words naming the field', async () => {
      const empty = await dana.post('/api/staff/students/pins').send({ studentIds: [] }).expect(400);
      expect(empty.body.error.message).toMatch(/studentIds.*at least one student/);
      const twice = await dana.post('/api/staff/students/pins').send({ studentIds: [pupils[0]!.studentId, pupils[0]!.studentId] }).expect(400);
      expect(twice.body.error.message).toMatch(/studentIds.*listed twice/);
      const unknown = await dana.post('/api/staff/students/pins').send({ studentIds: ['00000000-0000-4000-8000-000000000000'] }).expect(404);
      expect(unknown.body.error.message).toMatch(/No such student/);
    });
  });

  describe('consent and training records', () => {
    it('stores who recorded consent, when and how, and shows it in the student list', async () => {
      const mentee = nowSession().mentee;
      await owen.put(`/api/staff/students/${mentee.id}/eligibility`).send({ parentalConsent: true, method: 'email' }).expect(204);
      const row = (await studentsOf(owen)).find((s) => s.id === mentee.id)!;
      expect(row.parentalConsentRecord).toMatchObject({ recordedBy: 'Mr Owen Price', method: 'email' });
      // When, by the server's clock.
      expect(Math.abs(Date.parse(row.parentalConsentRecord!.recordedAt) - server.clock.now().epochMilliseconds)).toBeLessThan(10_000);
      expect(row.parentalConsentAt).toBe(row.parentalConsentRecord!.recordedAt);
      const mentor = nowSession().mentor;
      await dana.put(`/api/staff/students/${mentor.id}/eligibility`).send({ trainingCompleted: true, method: 'in_person' }).expect(204);
      expect((await studentsOf(dana)).find((s) => s.id === mentor.id)!.trainingRecord).toMatchObject({ recordedBy: 'Ms Dana Hill', method: 'in_person' });
      const entries = (await owen.get('/api/staff/audit?kind=ParentalConsentChanged').expect(200)).body.entries;
      expect(entries[0]).toMatchObject({ action: { student: { id: mentee.id }, given: true, method: 'email' } });
    });

    it('refuses a method it does not know, naming the field', async () => {
      const bad = await owen.put(`/api/staff/students/${nowSession().mentee.id}/eligibility`).send({ parentalConsent: true, method: 'carrier pigeon' }).expect(400);
      expect(bad.body.error.message).toMatch(/method/);
    });

    it('on withdrawal blocks the child from joining, in kind words, and tells the coordinator', async () => {
      const session = nowSession();
      try {
        await owen.put(`/api/staff/students/${session.mentee.id}/eligibility`).send({ parentalConsent: false, method: 'letter' }).expect(204);
        const row = (await studentsOf(owen)).find((s) => s.id === session.mentee.id)!;
        expect(row).toMatchObject({ parentalConsentAt: null, parentalConsentRecord: null });

        const notices = NoticeListResponse.parse((await owen.get('/api/staff/notices').expect(200)).body).notices;
        expect(notices).toContainEqual(
          expect.objectContaining({
            kind: 'consent_withdrawn',
            studentId: session.mentee.id,
            message: expect.stringMatching(/^Parental consent for Sam R was withdrawn \(by letter\), recorded by Mr Owen Price\. /),
          }),
        );
        // Withdrawing again (nothing left to withdraw) tells no one twice.
        await owen.put(`/api/staff/students/${session.mentee.id}/eligibility`).send({ parentalConsent: false }).expect(204);
        const again = NoticeListResponse.parse((await owen.get('/api/staff/notices').expect(200)).body).notices;
        expect(again.filter((n) => n.kind === 'consent_withdrawn' && n.studentId === session.mentee.id)).toHaveLength(1);
        // Northgate, the partner school, sees none of Riverside's notices.
        expect((await dana.get('/api/staff/notices').expect(200)).body.notices.filter((n: { kind: string }) => n.kind === 'consent_withdrawn')).toEqual([]);

        // The coordinator reads how many booked sessions that blocks.
        const now = server.clock.now().epochMilliseconds;
        const upcoming = demo().sessions.filter((s) => s.mentee.id === session.mentee.id && Date.parse(s.startsAt) > now).length;
        const told = notices.find((n) => n.kind === 'consent_withdrawn')!.message;
        expect(told).toContain(upcoming === 0 ? 'No sessions are booked' : `their ${upcoming} booked session`);

        const device = await connectDevice(server.url, deviceToken('mentee'));
        const refused = await device.join(session.id, session.mentee.id);
        expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/can't start yet.*coordinator has been told/) } });
        device.close();
        const partner = await connectDevice(server.url, deviceToken('mentor'));
        expect(await partner.join(session.id, session.mentor.id)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        partner.close();
      } finally {
        await owen.put(`/api/staff/students/${session.mentee.id}/eligibility`).send({ parentalConsent: true, method: 'form' }).expect(204);
      }
      const device = await connectDevice(server.url, deviceToken('mentee'));
      expect((await device.join(session.id, session.mentee.id)).ok).toBe(true);
      device.close();
    });
  });
});
