import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { pairings, studentAvailability, students } from './schema.js';

/** Students and pairings as the matcher needs them. */
export class MatchingRepository {
  constructor(private readonly db: Db) {}

  /** Current students only: an archived student is never suggested. */
  async studentsOf(schoolId: string, role: 'mentor' | 'mentee') {
    return this.db
      .select({
        id: students.id,
        firstName: students.firstName,
        lastName: students.lastName,
        schoolId: students.schoolId,
        subjects: students.subjects,
        parentalConsentAt: students.parentalConsentAt,
        trainingCompletedAt: students.trainingCompletedAt,
      })
      .from(students)
      .where(and(eq(students.schoolId, schoolId), eq(students.role, role), isNull(students.archivedAt)));
  }

  async pairingsOf(partnershipId: string) {
    return this.db
      .select({ id: pairings.id, mentorId: pairings.mentorId, menteeId: pairings.menteeId })
      .from(pairings)
      .where(and(eq(pairings.partnershipId, partnershipId), isNull(pairings.endedAt)));
  }

  /** Undefined when the two are paired already; `also` runs only for a new pairing. */
  async createPairing(partnershipId: string, mentorId: string, menteeId: string, also?: AlsoInTransaction<string>): Promise<string | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(pairings)
        .values({ partnershipId, mentorId, menteeId })
        .onConflictDoNothing()
        .returning({ id: pairings.id });
      if (row) await also?.(tx as unknown as Db, row.id);
      return row?.id;
    });
  }

  async setSubjects(studentId: string, subjects: string[], also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(students).set({ subjects }).where(eq(students.id, studentId));
      await also?.(tx as unknown as Db);
    });
  }

  /** One student's subjects and free periods (none recorded reads as none). */
  async profileOf(studentId: string) {
    const [row] = await this.db
      .select({
        id: students.id,
        schoolId: students.schoolId,
        firstName: students.firstName,
        lastName: students.lastName,
        role: students.role,
        subjects: students.subjects,
        slots: studentAvailability.slots,
      })
      .from(students)
      .leftJoin(studentAvailability, eq(studentAvailability.studentId, students.id))
      .where(eq(students.id, studentId))
      .limit(1);
    return row;
  }

  /** Every subject recorded for any student of these schools, once each, in order. */
  async subjectsInUse(schoolIds: string[]): Promise<string[]> {
    if (schoolIds.length === 0) return [];
    const rows = await this.db
      .selectDistinct({ subject: sql<string>`unnest(${students.subjects})` })
      .from(students)
      .where(inArray(students.schoolId, schoolIds));
    return rows.map((r) => r.subject).sort();
  }

  async studentsByIds(ids: string[]) {
    if (ids.length === 0) return [];
    return this.db
      .select({ id: students.id, schoolId: students.schoolId, role: students.role, firstName: students.firstName })
      .from(students)
      .where(inArray(students.id, ids));
  }
}
