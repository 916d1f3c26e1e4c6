import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './database.js';
import { pairings, students } from './schema.js';

/** Students and pairings as the matcher needs them. */
export class MatchingRepository {
  constructor(private readonly db: Db) {}

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
      .where(and(eq(students.schoolId, schoolId), eq(students.role, role)));
  }

  async pairingsOf(partnershipId: string) {
    return this.db
      .select({ id: pairings.id, mentorId: pairings.mentorId, menteeId: pairings.menteeId })
      .from(pairings)
      .where(eq(pairings.partnershipId, partnershipId));
  }

  async createPairing(partnershipId: string, mentorId: string, menteeId: string): Promise<string | undefined> {
    const [row] = await this.db
      .insert(pairings)
      .values({ partnershipId, mentorId, menteeId })
      .onConflictDoNothing()
      .returning({ id: pairings.id });
    return row?.id;
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
