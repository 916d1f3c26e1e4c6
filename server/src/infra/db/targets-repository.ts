import { and, asc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TargetOrigin, TargetStatus } from '@peerbridge/shared';
import type { Db } from './database.js';
import type { SessionStudent } from './session-repository.js';
import { pairings, partnerships, schools, sessionNotes, sessionOccurrences, students, targetReviews, targets } from './schema.js';

export type TargetRow = typeof targets.$inferSelect;
export type TargetReviewRow = typeof targetReviews.$inferSelect;
export type SessionNoteRow = typeof sessionNotes.$inferSelect & { sessionStartsAt: Date; pairingId: string };

/** A student of a pairing, as a session's students are read (without what only the call needs). */
export type PairingStudentRow = Omit<SessionStudent, 'role' | 'eligible'>;

export interface PairingRow {
  id: string;
  mentor: PairingStudentRow;
  mentee: PairingStudentRow;
}

const mentor = alias(students, 'mentor');
const mentee = alias(students, 'mentee');
const mentorSchool = alias(schools, 'mentor_school');
const menteeSchool = alias(schools, 'mentee_school');

/** Targets, their reviews and the mentors' session notes, by pairing. */
export class TargetsRepository {
  constructor(private readonly db: Db) {}

  private selectPairings() {
    const side = (s: typeof mentor | typeof mentee, school: typeof mentorSchool | typeof menteeSchool) => ({
      id: s.id,
      schoolId: s.schoolId,
      schoolName: school.name,
      schoolTimeZone: school.timeZone,
      firstName: s.firstName,
      lastName: s.lastName,
      yearGroup: s.yearGroup,
    });
    return this.db
      .select({ id: pairings.id, mentor: side(mentor, mentorSchool), mentee: side(mentee, menteeSchool) })
      .from(pairings)
      .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
      .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
      .innerJoin(mentorSchool, eq(mentorSchool.id, mentor.schoolId))
      .innerJoin(menteeSchool, eq(menteeSchool.id, mentee.schoolId));
  }

  async pairing(id: string): Promise<PairingRow | undefined> {
    const [row] = await this.selectPairings().where(eq(pairings.id, id));
    return row;
  }

  /** A school's current pairings (either side), mentors' first names in order. */
  async pairingsOfSchool(schoolId: string): Promise<PairingRow[]> {
    return this.selectPairings()
      .innerJoin(partnerships, eq(partnerships.id, pairings.partnershipId))
      .where(and(isNull(pairings.endedAt), or(eq(partnerships.mentorSchoolId, schoolId), eq(partnerships.menteeSchoolId, schoolId))))
      .orderBy(asc(mentor.firstName), asc(mentee.firstName));
  }

  /** A student's current pairings (as mentor or mentee). */
  async pairingsOfStudent(studentId: string): Promise<PairingRow[]> {
    return this.selectPairings()
      .where(and(isNull(pairings.endedAt), or(eq(pairings.mentorId, studentId), eq(pairings.menteeId, studentId))))
      .orderBy(asc(mentee.firstName));
  }

  async pairingOfSession(occurrenceId: string): Promise<string | undefined> {
    const [row] = await this.db.select({ pairingId: sessionOccurrences.pairingId }).from(sessionOccurrences).where(eq(sessionOccurrences.id, occurrenceId));
    return row?.pairingId;
  }

  /** The next session of each pairing after `after` that is not cancelled. */
  async nextSessions(pairingIds: readonly string[], after: Date): Promise<Map<string, Date>> {
    if (pairingIds.length === 0) return new Map();
    const rows = await this.db
      .select({ pairingId: sessionOccurrences.pairingId, startsAt: sql<Date | string>`min(${sessionOccurrences.startsAt})` })
      .from(sessionOccurrences)
      .where(and(inArray(sessionOccurrences.pairingId, [...pairingIds]), gt(sessionOccurrences.startsAt, after), ne(sessionOccurrences.status, 'cancelled')))
      .groupBy(sessionOccurrences.pairingId);
    return new Map(rows.map((r) => [r.pairingId, new Date(r.startsAt)]));
  }

  async targetsOf(pairingIds: readonly string[]): Promise<TargetRow[]> {
    if (pairingIds.length === 0) return [];
    return this.db.select().from(targets).where(inArray(targets.pairingId, [...pairingIds])).orderBy(asc(targets.reviewOn), asc(targets.createdAt));
  }

  async reviewsOf(targetIds: readonly string[]): Promise<TargetReviewRow[]> {
    if (targetIds.length === 0) return [];
    return this.db.select().from(targetReviews).where(inArray(targetReviews.targetId, [...targetIds])).orderBy(asc(targetReviews.at));
  }

  async target(id: string): Promise<TargetRow | undefined> {
    const [row] = await this.db.select().from(targets).where(eq(targets.id, id));
    return row;
  }

  async addTarget(values: {
    pairingId: string;
    what: string;
    why: string;
    measure: string;
    reviewOn: string;
    origin: TargetOrigin;
    seededBy: string | null;
    at: Date;
  }): Promise<TargetRow> {
    const [row] = await this.db
      .insert(targets)
      .values({ ...values, createdAt: values.at, updatedAt: values.at })
      .returning();
    return row!;
  }

  /** The review and the target's new state together, or neither. */
  async review(review: {
    targetId: string;
    occurrenceId: string | null;
    byId: string;
    at: Date;
    status: TargetStatus;
    progress: string;
    nextStep: string;
    dueOn: string;
    nextReviewOn: string;
  }): Promise<TargetRow> {
    return this.db.transaction(async (tx) => {
      const { nextReviewOn, ...row } = review;
      await tx.insert(targetReviews).values(row);
      const [updated] = await tx
        .update(targets)
        .set({ status: review.status, nextStep: review.nextStep, reviewOn: nextReviewOn, updatedAt: review.at })
        .where(eq(targets.id, review.targetId))
        .returning();
      return updated!;
    });
  }

  /** One note per session and mentor: a second is not saved (false). */
  async addNote(note: { occurrenceId: string; mentorId: string; text: string; flaggedKeywords: string[]; at: Date }): Promise<boolean> {
    const rows = await this.db
      .insert(sessionNotes)
      .values({ occurrenceId: note.occurrenceId, mentorId: note.mentorId, text: note.text, flaggedKeywords: note.flaggedKeywords, createdAt: note.at })
      .onConflictDoNothing()
      .returning({ id: sessionNotes.id });
    return rows.length > 0;
  }

  async notesOf(pairingIds: readonly string[]): Promise<SessionNoteRow[]> {
    if (pairingIds.length === 0) return [];
    const rows = await this.db
      .select({ note: sessionNotes, sessionStartsAt: sessionOccurrences.startsAt, pairingId: sessionOccurrences.pairingId })
      .from(sessionNotes)
      .innerJoin(sessionOccurrences, eq(sessionOccurrences.id, sessionNotes.occurrenceId))
      .where(inArray(sessionOccurrences.pairingId, [...pairingIds]))
      .orderBy(asc(sessionOccurrences.startsAt));
    return rows.map((r) => ({ ...r.note, sessionStartsAt: r.sessionStartsAt, pairingId: r.pairingId }));
  }
}
