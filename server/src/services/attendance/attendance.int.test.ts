import { MentoredListResponse, PairingAttendanceResponse, StudentAttendanceResponse } from '@peerbridge/shared';
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgrammeSettingsRepository } from '../../infra/db/programme-settings-repository.js';
import { attendanceRecords, coordinatorNotices, pairings, sessionOccurrences } from '../../infra/db/schema.js';
import { connectDevice } from '../../test-support/device-socket.js';
import { freshPairing } from '../../test-support/fresh-pairing.js';
import { openFreshSession } from '../../test-support/open-session.js';
import { addOtherSchoolAndAdmin } from '../../test-support/other-school.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

describe.each(testDatabaseKinds())('attendance from the session log on %s', (kind) => {
  let server: TestServer;
  const db = () => server.database.db;
  const demoPair = (i: number) => server.demo!.sessions[i]!;
  const pairingOf = async (mentorId: string) => (await db().select().from(pairings).where(eq(pairings.mentorId, mentorId)))[0]!.id;
  const noticesOf = async (email: string) =>
    (await (await signInStaff(server, email)).get('/api/staff/notices').expect(200)).body.notices as { kind: string; studentId: string; message: string; occurrenceId: string }[];
  /** A past session of a pairing that ended `endedMinutesAgo` minutes ago. */
  const pastSession = async (pairingId: string, endedMinutesAgo: number) => {
    const end = server.clock.now().subtract({ minutes: endedMinutesAgo });
    const [row] = await db()
      .insert(sessionOccurrences)
      .values({ pairingId, startsAt: new Date(end.subtract({ minutes: 30 }).epochMilliseconds), endsAt: new Date(end.epochMilliseconds) })
      .returning();
    return { id: row!.id, start: end.subtract({ minutes: 30 }) };
  };
  const joinedWithMedia = async (sessionId: string, studentId: string, at: Temporal.Instant) => {
    await server.events.append({ occurrenceId: sessionId, type: 'SessionJoined', actor: studentId, at });
    await server.events.append({ occurrenceId: sessionId, type: 'MediaFlowing', actor: studentId, at, detail: { kind: 'audio' } });
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    await addOtherSchoolAndAdmin(server);
  });
  afterAll(() => stopTestServer(server));

  it("seeds the demo's weeks of history from real logs, with Aisha's two absences noticed at Riverside only", async () => {
    const tomAisha = demoPair(1);
    const riverside = await signInStaff(server, 'coordinator@riverside.example');
    const body = PairingAttendanceResponse.parse((await riverside.get(`/api/staff/pairings/${await pairingOf(tomAisha.mentor.id)}/attendance`).expect(200)).body);
    // Newest first: present, absent, absent, present.
    expect(body.records.map((r) => [r.outcome, r.mentee])).toEqual([
      ['attended', 'present'],
      ['mentee_absent', 'absent'],
      ['mentee_absent', 'absent'],
      ['attended', 'present'],
    ]);
    expect(body.menteeCounts).toMatchObject({ expected: 4, attended: 2, absent: 2 });
    expect(body.records[1]!.note).toBe('Aisha did not come');
    expect(body.records[0]!.when).toMatch(/^\w{3} \d+ \w{3} \d{4}, \d\d:\d\d \(Riverside High School time\)$/);
    // Riverside's own mentee in full; Northgate's mentor by first name, school and year only.
    expect(body.pairing.mentee).toMatchObject({ firstName: 'Aisha', lastName: 'Khan', ownSchool: true });
    expect(Object.keys(body.pairing.mentor).sort()).toEqual(['firstName', 'id', 'ownSchool', 'schoolName', 'yearGroup']);

    const notice = (await noticesOf('coordinator@riverside.example')).filter((n) => n.kind === 'repeated_absence' && n.studentId === tomAisha.mentee.id);
    expect(notice).toHaveLength(1);
    expect(notice[0]!.message).toMatch(/^Aisha has missed 2 mentoring sessions in a row with Tom \(Northgate Academy\): \w{3} \d+ \w+ and \w{3} \d+ \w+\. Please check in with Aisha/);
    expect((await noticesOf('coordinator@northgate.example')).filter((n) => n.studentId === tomAisha.mentee.id)).toEqual([]);

    // The other demo weeks: late, left early, a failed connection, a cancellation, the mentor absent.
    const notes = async (i: number) => PairingAttendanceResponse.parse((await riverside.get(`/api/staff/pairings/${await pairingOf(demoPair(i).mentor.id)}/attendance`).expect(200)).body).records.map((r) => r.note);
    expect(await notes(0)).toEqual(['Sam left 12 minutes early', 'Both came on time and stayed to the end', 'Sam joined 9 minutes late', 'Both came on time and stayed to the end']);
    expect(await notes(2)).toEqual(['Ellie did not come', 'Not held: cancelled (Year 11 mock exams)', 'Jack joined, but their camera and microphone never reached the call', 'Both came on time and stayed to the end']);
  });

  it('computes every occurrence once it is over plus the grace, idempotently, and notices two absences in a row once', async () => {
    const pair = await freshPairing(server);
    const first = await pastSession(pair.pairingId, 60 * 24 * 7);
    await joinedWithMedia(first.id, pair.mentorId, first.start.add({ minutes: 1 }));
    const second = await pastSession(pair.pairingId, 1);
    await joinedWithMedia(second.id, pair.mentorId, second.start.add({ minutes: 1 }));

    await server.attendance.sweep();
    const stored = async (id: string) => (await db().select().from(attendanceRecords).where(eq(attendanceRecords.occurrenceId, id)))[0];
    expect(await stored(first.id)).toMatchObject({ outcome: 'mentee_absent', mentor: 'present', mentee: 'absent' });
    // Ended a minute ago: inside the grace, so not yet.
    expect(await stored(second.id)).toBeUndefined();
    const absences = async () => (await noticesOf('coordinator@riverside.example')).filter((n) => n.kind === 'repeated_absence' && n.studentId === pair.menteeId);
    expect(await absences()).toEqual([]);

    server.clock.advance({ minutes: 2 });
    await server.attendance.sweep();
    expect(await stored(second.id)).toMatchObject({ outcome: 'mentee_absent' });
    expect((await absences()).map((n) => n.occurrenceId)).toEqual([second.id]);

    // Computing again changes nothing: one record each, one notice.
    await server.attendance.compute(first.id);
    await server.attendance.compute(second.id);
    expect(await db().select().from(attendanceRecords).where(eq(attendanceRecords.pairingId, pair.pairingId))).toHaveLength(2);
    expect(await absences()).toHaveLength(1);
    expect(await db().select().from(coordinatorNotices).where(eq(coordinatorNotices.studentId, pair.mentorId))).toEqual([]);
  });

  it("raises no notice when the student's school has turned it off", async () => {
    const settings = new ProgrammeSettingsRepository(db());
    const riversideId = server.demo!.schools.find((s) => s.role === 'mentee')!.id;
    await settings.update(riversideId, { absenceNoticeAfter: 0 }, new Date(server.clock.now().epochMilliseconds));
    try {
      const pair = await freshPairing(server);
      for (const days of [14, 7]) await server.attendance.compute((await pastSession(pair.pairingId, 60 * 24 * days)).id);
      const student = StudentAttendanceResponse.parse((await (await signInStaff(server, 'coordinator@riverside.example')).get(`/api/staff/students/${pair.menteeId}/attendance`).expect(200)).body);
      expect(student.counts).toMatchObject({ expected: 2, absent: 2 });
      expect(student).toMatchObject({ role: 'mentee', student: { lastName: 'Mentee', ownSchool: true } });
      // The partner school reads the same sessions, with the child by first name, school and year only.
      const partnerView = StudentAttendanceResponse.parse((await (await signInStaff(server, 'coordinator@northgate.example')).get(`/api/staff/students/${pair.menteeId}/attendance`).expect(200)).body);
      expect(partnerView.student.lastName).toBeUndefined();
      expect(partnerView.pairings[0]!.partner).toMatchObject({ lastName: 'Mentor', ownSchool: true });
      expect(partnerView.records.map((r) => r.side)).toEqual(['absent', 'absent']);
      expect((await noticesOf('coordinator@riverside.example')).filter((n) => n.studentId === pair.menteeId)).toEqual([]);
    } finally {
      await settings.update(riversideId, { absenceNoticeAfter: 2 }, new Date(server.clock.now().epochMilliseconds));
    }
  });

  it('computes a session as soon as staff end it, from its log', async () => {
    const session = await openFreshSession(server);
    const mentor = await connectDevice(server.url, server.demo!.schools.find((s) => s.role === 'mentor')!.deviceToken);
    try {
      expect((await mentor.join(session.sessionId, session.mentorId)).ok).toBe(true);
      await (await signInStaff(server, 'dsl@riverside.example')).post(`/api/staff/sessions/${session.sessionId}/end`).send({ reason: 'safeguarding_concern' }).expect(200);
    } finally {
      mentor.close();
    }
    await expect
      .poll(async () => (await db().select().from(attendanceRecords).where(eq(attendanceRecords.occurrenceId, session.sessionId)))[0]?.outcome, { timeout: 5_000 })
      // The test's mediasoup receives no RTP, so the mentor's media never flowed; the mentee never came.
      .toBe('mentee_absent');
  });

  it("lists who is being mentored at the coordinator's school, with each next session in its time", async () => {
    const northgate = MentoredListResponse.parse((await (await signInStaff(server, 'coordinator@northgate.example')).get('/api/staff/attendance/mentored').expect(200)).body);
    expect(northgate.schoolName).toBe('Northgate Academy');
    const priya = northgate.students.find((s) => s.student.firstName === 'Priya')!;
    expect(priya).toMatchObject({ role: 'mentor', student: { lastName: 'Shah', ownSchool: true }, partner: { firstName: 'Sam', schoolName: 'Riverside High School', yearGroup: 11 } });
    expect(priya.partner.lastName).toBeUndefined();
    expect(priya.counts).toMatchObject({ expected: 4, attended: 4, late: 0, leftEarly: 0 });
    // The demo's "later" session today is Tom's next one.
    const tom = northgate.students.find((s) => s.student.firstName === 'Tom')!;
    expect(tom.nextSession?.startsAt).toBe(Temporal.Instant.from(demoPair(1).startsAt).toString());
    expect(tom.nextSession?.when).toMatch(/\(Northgate Academy time\)$/);
    expect(northgate.students.every((s) => s.student.ownSchool && !s.partner.ownSchool)).toBe(true);

    const other = MentoredListResponse.parse((await (await signInStaff(server, 'coordinator@hillcrest.example')).get('/api/staff/attendance/mentored').expect(200)).body);
    expect(other.students).toEqual([]);
  });

  it('refuses the pairing and student of another partnership, and a DSL', async () => {
    const pairingId = await pairingOf(demoPair(0).mentor.id);
    const hillcrest = await signInStaff(server, 'coordinator@hillcrest.example');
    expect((await hillcrest.get(`/api/staff/pairings/${pairingId}/attendance`).expect(403)).body.error.code).toBe('forbidden');
    await hillcrest.get(`/api/staff/students/${demoPair(0).mentee.id}/attendance`).expect(403);
    await (await signInStaff(server, 'dsl@northgate.example')).get(`/api/staff/pairings/${pairingId}/attendance`).expect(403);
    await hillcrest.get('/api/staff/pairings/00000000-0000-4000-8000-000000000000/attendance').expect(404);
  });
});
