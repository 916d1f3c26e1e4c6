import { Temporal } from 'temporal-polyfill';
import { DEFAULT_EXIT_QUESTIONNAIRE, type AttendanceOutcome } from '@peerbridge/shared';
import {
  attendanceRecords,
  exitQuestionnaireAnswers,
  pairingExits,
  pairings,
  partnerships,
  referrals,
  schoolCalendars,
  schools,
  sessionOccurrences,
  students,
  targetReviews,
  targets,
} from '../infra/db/schema.js';
import { StaffRepository } from '../infra/db/staff-repository.js';
import { hashSecret } from '../services/staff/passwords.js';
import { DEMO_PASSWORD } from './staff-agent.js';
import type { TestServer } from './test-server.js';

const DAY = 24 * 3_600_000;

/**
 * A partnership of two schools of its own (so the demo's rows, and whatever other parts seed, never shift
 * the counts), written straight into the programme tables around the test clock's now:
 * - six pairings (Y12 mentors but one Y13) with three sessions "this term" (one mentee absence, one not held)
 *   and one "last term", plus one still to come;
 * - seven mentee referrals (six ready to pair, one new; reasons Attainment ×7, Exam stress ×2);
 * - a target per pairing (five met, five reviewed on time), one exited pairing, questionnaire answers from
 *   five mentees (helpful: 4) and two mentors (helpful: 2).
 */
export async function seedReportFixture(server: TestServer) {
  const db = server.database.db;
  const now = server.clock.now();
  const at = (days: number) => new Date(now.epochMilliseconds + days * DAY);
  const dateAt = (days: number) => now.add({ hours: 24 * days }).toZonedDateTimeISO('Europe/London').toPlainDate().toString();
  const [mentorSchool] = await db.insert(schools).values({ name: 'Report Mentor College' }).returning();
  const [menteeSchool] = await db.insert(schools).values({ name: 'Report Mentee School' }).returning();
  const staffRepo = new StaffRepository(db);
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const coordinatorId = (await staffRepo.create({ email: 'coordinator@report-mentee.example', fullName: 'Mentee Lead', schoolId: menteeSchool!.id, roles: ['coordinator'], passwordHash }))!;
  await staffRepo.create({ email: 'coordinator@report-mentor.example', fullName: 'Mentor Lead', schoolId: mentorSchool!.id, roles: ['coordinator'], passwordHash });
  await staffRepo.create({ email: 'dsl@report-mentee.example', fullName: 'Mentee DSL', schoolId: menteeSchool!.id, roles: ['dsl'], passwordHash });
  const terms = [
    { name: 'Last term', start: dateAt(-200), end: dateAt(-61) },
    { name: 'This term', start: dateAt(-60), end: dateAt(30) },
  ];
  await db.insert(schoolCalendars).values({ schoolId: menteeSchool!.id, bellSchedule: {}, cycleWeeks: 1, knownWeekAMonday: '2026-01-05', terms, updatedAt: at(0) });
  const [partnership] = await db.insert(partnerships).values({ name: 'Report Partnership', mentorSchoolId: mentorSchool!.id, menteeSchoolId: menteeSchool!.id }).returning();

  const six = [0, 1, 2, 3, 4, 5];
  const mentors = await db
    .insert(students)
    .values(six.map((i) => ({ schoolId: mentorSchool!.id, firstName: `Mentor${i}`, lastName: `Mentorsurname${i}`, yearGroup: i === 5 ? 13 : 12, role: 'mentor' as const })))
    .returning();
  const mentees = await db
    .insert(students)
    .values([...six, 6].map((i) => ({ schoolId: menteeSchool!.id, firstName: `Mentee${i}`, lastName: `Menteesurname${i}`, yearGroup: 11, role: 'mentee' as const })))
    .returning();
  const pairs = await db.insert(pairings).values(six.map((i) => ({ partnershipId: partnership!.id, mentorId: mentors[i]!.id, menteeId: mentees[i]!.id, createdAt: at(-150) }))).returning();

  await db.insert(referrals).values(
    mentees.map((m, i) => ({
      schoolId: menteeSchool!.id,
      studentId: m.id,
      kind: 'mentee' as const,
      source: 'staff' as const,
      referredBy: coordinatorId,
      reasons: i < 2 ? ['Attainment', 'Exam stress'] : ['Attainment'],
      status: i === 6 ? ('new' as const) : ('ready_to_pair' as const),
      createdAt: at(-30),
    })),
  );

  for (const [i, pair] of pairs.entries()) {
    const starts = [-100, -20, -13, -6, 2].map((d) => at(d));
    const occurrences = await db
      .insert(sessionOccurrences)
      .values(starts.map((s) => ({ pairingId: pair.id, startsAt: s, endsAt: new Date(s.getTime() + 1_800_000) })))
      .returning();
    const outcomeOf = (week: number): AttendanceOutcome => (i === 1 && week === 2 ? 'mentee_absent' : i === 2 && week === 3 ? 'not_held' : 'attended');
    await db.insert(attendanceRecords).values(
      occurrences.slice(0, 4).map((o, week) => {
        const outcome = outcomeOf(week);
        const side = outcome === 'attended' ? ('present' as const) : outcome === 'not_held' ? ('not_expected' as const) : ('absent' as const);
        return { occurrenceId: o.id, pairingId: pair.id, startsAt: o.startsAt, outcome, mentor: side === 'absent' ? 'present' : side, mentee: side, computedAt: at(0) };
      }),
    );
    const [target] = await db.insert(targets).values({ pairingId: pair.id, what: `Target ${i}`, reviewOn: dateAt(-5), status: i < 5 ? 'met' : 'on_track' }).returning();
    // Five reviewed the day before their date; the last one three days late.
    await db.insert(targetReviews).values({ targetId: target!.id, byId: coordinatorId, at: at(i < 5 ? -6 : -2), status: i < 5 ? 'met' : 'on_track', dueOn: dateAt(-5) });
    if (i < 5) {
      const answer = (studentId: string, helpful: number) => ({ pairingId: pair.id, studentId, form: DEFAULT_EXIT_QUESTIONNAIRE, scaled: { helpful }, answeredAt: at(-1) });
      await db.insert(exitQuestionnaireAnswers).values([answer(mentees[i]!.id, 4), ...(i < 2 ? [answer(mentors[i]!.id, 2)] : [])]);
    }
  }
  await db.insert(pairingExits).values({ pairingId: pairs[5]!.id, kind: 'planned', reason: 'programme_finished', status: 'exited', startedBy: coordinatorId, startedAt: at(-3), exitedAt: at(-1) });
  return { partnershipId: partnership!.id, menteeSchoolId: menteeSchool!.id, mentorSchoolId: mentorSchool!.id, now: Temporal.Instant.from(now.toString()) };
}
