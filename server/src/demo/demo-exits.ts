import { DEFAULT_EXIT_QUESTIONNAIRE } from '@peerbridge/shared';
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../infra/db/database.js';
import { exitQuestionnaireAnswers, pairingExits, pairings, staff, students } from '../infra/db/schema.js';
import type { DemoProgrammeBase } from './demo-programme.js';

const DAY = 24 * 3_600_000;

/**
 * One exited pairing with both students' questionnaire answers, so the Exits section and the reports
 * show an exit on first start. Its students are its own (the demo's other pairs stay as they are),
 * not eligible for matching (no consent or training on record), and the exit is five weeks old, past
 * the four weeks an iPad offers the support words, so the demo iPads' home screens are unchanged.
 */
export async function seedDemoExits(db: Db, now: Temporal.Instant, base: DemoProgrammeBase): Promise<void> {
  const at = (daysAgo: number) => new Date(now.epochMilliseconds - daysAgo * DAY);
  const [coordinator] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, 'coordinator@northgate.example'));
  if (!coordinator) return;
  const mentor = await ensureStudent(db, { schoolId: base.mentorSchoolId, firstName: 'Maya', lastName: 'Brooks', yearGroup: 13, role: 'mentor' });
  const mentee = await ensureStudent(db, { schoolId: base.menteeSchoolId, firstName: 'Leo', lastName: 'Grant', yearGroup: 11, role: 'mentee' });
  const [existing] = await db.select({ id: pairings.id }).from(pairings).where(and(eq(pairings.mentorId, mentor), eq(pairings.menteeId, mentee)));
  const pairingId =
    existing?.id ??
    (
      await db
        .insert(pairings)
        .values({ partnershipId: base.partnershipId, mentorId: mentor, menteeId: mentee, createdAt: at(120), endedAt: at(35), endedBy: coordinator.id, endReason: 'Targets met (planned exit)' })
        .returning({ id: pairings.id })
    )[0]!.id;
  await db
    .insert(pairingExits)
    .values({ pairingId, kind: 'planned', reason: 'targets_met', note: 'Both targets met before the mocks.', status: 'exited', questionnaireRequested: true, startedBy: coordinator.id, startedAt: at(35), exitedAt: at(35) })
    .onConflictDoNothing();
  const answer = (studentId: string, scaled: Record<string, number>, freeText: string, daysAgo: number) => ({
    pairingId,
    studentId,
    form: DEFAULT_EXIT_QUESTIONNAIRE as unknown as Record<string, unknown>,
    scaled,
    freeText,
    answeredAt: at(daysAgo),
  });
  await db
    .insert(exitQuestionnaireAnswers)
    .values([
      answer(mentee, { helpful: 5, listened: 5, targets: 4, recommend: 5 }, 'Maya helped me plan my revision. I feel calmer about exams.', 34),
      answer(mentor, { helpful: 4, listened: 4, targets: 4, recommend: 5 }, 'Seeing Leo set his own targets by the end was the best part.', 33),
    ])
    .onConflictDoNothing();
}

async function ensureStudent(db: Db, s: { schoolId: string; firstName: string; lastName: string; yearGroup: number; role: 'mentor' | 'mentee' }): Promise<string> {
  const [found] = await db
    .select({ id: students.id })
    .from(students)
    .where(and(eq(students.schoolId, s.schoolId), eq(students.firstName, s.firstName), eq(students.lastName, s.lastName)));
  if (found) return found.id;
  return (await db.insert(students).values(s).returning({ id: students.id }))[0]!.id;
}
