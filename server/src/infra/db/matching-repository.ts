import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { pairings, students } from './schema.js';

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

  async setSubjects(studentId: string, subjects: string[]): Promise<void> {
    await this.db.update(students).set({ subjects }).where(eq(students.id, studentId));
  }

  async studentsByIds(ids: string[]) {
    if (ids.length === 0) return [];
    return this.db
      .select({ id: students.id, schoolId: students.schoolId, role: students.role, firstName: students.firstName })
      .from(students)
      .where(inArray(students.id, ids));
  }
}
