import type { ExitQuestionnaireForm } from '@peerbridge/shared';
import { and, arrayContains, asc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from './database.js';
import { exitQuestionnaireAnswers, pairingExits, pairings, schools, sessionOccurrences, staff, students } from './schema.js';

const mentor = alias(students, 'mentor');
const mentee = alias(students, 'mentee');
const mentorSchool = alias(schools, 'mentor_school');
const menteeSchool = alias(schools, 'mentee_school');
const toDate = (i: Temporal.Instant) => new Date(i.epochMilliseconds);

export type ExitRow = typeof pairingExits.$inferSelect;
export type NewExit = typeof pairingExits.$inferInsert;

const person = (s: typeof mentor | typeof mentee, school: typeof mentorSchool | typeof menteeSchool) => ({
  id: s.id,
  firstName: s.firstName,
  lastName: s.lastName,
  yearGroup: s.yearGroup,
  schoolId: s.schoolId,
  schoolName: school.name,
  timeZone: school.timeZone,
  archivedAt: s.archivedAt,
});

/** Pairings' exits and the exit questionnaire's answers. */
export class ExitsRepository {
  constructor(private readonly db: Db) {}

  /** Every pairing with a student at the school (either side), both students named, and its exit if any. */
  async pairingsOfSchool(schoolId: string) {
    return this.pairingsWhere(or(eq(mentor.schoolId, schoolId), eq(mentee.schoolId, schoolId)));
  }

  async pairingById(pairingId: string) {
    const [row] = await this.pairingsWhere(eq(pairings.id, pairingId));
    return row;
  }

  private pairingsWhere(where: SQL | undefined) {
    return this.db
      .select({
        id: pairings.id,
        endedAt: pairings.endedAt,
        createdAt: pairings.createdAt,
        mentor: person(mentor, mentorSchool),
        mentee: person(mentee, menteeSchool),
        exit: pairingExits,
      })
      .from(pairings)
      .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
      .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
      .innerJoin(mentorSchool, eq(mentorSchool.id, mentor.schoolId))
      .innerJoin(menteeSchool, eq(menteeSchool.id, mentee.schoolId))
      .leftJoin(pairingExits, eq(pairingExits.pairingId, pairings.id))
      .where(where)
      .orderBy(asc(mentee.firstName), asc(pairings.createdAt));
  }

  async answersFor(pairingIds: string[]) {
    if (pairingIds.length === 0) return [];
    return this.db.select().from(exitQuestionnaireAnswers).where(inArray(exitQuestionnaireAnswers.pairingId, pairingIds)).orderBy(asc(exitQuestionnaireAnswers.answeredAt));
  }

  async insertExit(tx: Db, exit: NewExit): Promise<void> {
    await tx.insert(pairingExits).values(exit);
  }

  async markExited(tx: Db, pairingId: string, at: Temporal.Instant): Promise<void> {
    await tx.update(pairingExits).set({ status: 'exited', exitedAt: toDate(at) }).where(and(eq(pairingExits.pairingId, pairingId), eq(pairingExits.status, 'winding_down')));
  }

  async markExitedAlone(pairingId: string, at: Temporal.Instant): Promise<void> {
    await this.markExited(this.db, pairingId, at);
  }

  /** Gradual exits whose final review session has ended by `now` (the sweep finishes them). */
  async dueWindDowns(now: Temporal.Instant) {
    return this.db
      .select({ pairingId: pairingExits.pairingId, startedBy: pairingExits.startedBy })
      .from(pairingExits)
      .innerJoin(sessionOccurrences, eq(sessionOccurrences.id, pairingExits.finalReviewOccurrenceId))
      .where(and(eq(pairingExits.status, 'winding_down'), lte(sessionOccurrences.endsAt, toDate(now))));
  }

  /**
   * The school's students whose pairing is winding down, or exited since `since`: what the iPad offers
   * (the questionnaire if asked and not answered, and the support words).
   */
  async endingFor(schoolId: string, since: Temporal.Instant) {
    const found = await this.pairingsWhere(
      and(or(eq(mentor.schoolId, schoolId), eq(mentee.schoolId, schoolId)), or(eq(pairingExits.status, 'winding_down'), gte(pairingExits.exitedAt, toDate(since)))),
    );
    // Earliest exit first: the iPad's latest ending for a student is the last.
    const rows = found
      .flatMap(({ exit, ...rest }) => (exit ? [{ ...rest, pairingId: rest.id, exit }] : []))
      .sort((a, b) => a.exit.startedAt.getTime() - b.exit.startedAt.getTime());
    const answered = await this.answersFor(rows.map((r) => r.pairingId));
    const done = new Set(answered.map((a) => `${a.pairingId}:${a.studentId}`));
    return rows.map((r) => ({ ...r, answered: (studentId: string) => done.has(`${r.pairingId}:${studentId}`) }));
  }

  /** The school's coordinators' names: who a student can go to once mentoring ends. */
  async coordinatorNames(schoolId: string): Promise<string[]> {
    const rows = await this.db
      .select({ fullName: staff.fullName })
      .from(staff)
      .where(and(eq(staff.schoolId, schoolId), arrayContains(staff.roles, ['coordinator']), isNull(staff.deactivatedAt)))
      .orderBy(asc(staff.fullName));
    return rows.map((r) => r.fullName);
  }

  /** False when this student has already answered for this pairing (answers are given once). */
  async saveAnswer(
    answer: { pairingId: string; studentId: string; form: ExitQuestionnaireForm; scaled: Record<string, number>; freeText: string; flaggedKeywords: string[]; at: Temporal.Instant },
  ): Promise<boolean> {
    const rows = await this.db
      .insert(exitQuestionnaireAnswers)
      .values({
        pairingId: answer.pairingId,
        studentId: answer.studentId,
        form: answer.form as unknown as Record<string, unknown>,
        scaled: answer.scaled,
        freeText: answer.freeText,
        flaggedKeywords: answer.flaggedKeywords,
        answeredAt: toDate(answer.at),
      })
      .onConflictDoNothing()
      .returning({ pairingId: exitQuestionnaireAnswers.pairingId });
    return rows.length > 0;
  }
}
