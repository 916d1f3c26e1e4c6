import { and, eq, inArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { ProfileRow, StudentRow } from '../../domain/import/student-rows.js';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { studentAvailability, students } from './schema.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Writes a whole import in one transaction: every row, or (on any failure) none. */
export class StudentImportRepository {
  constructor(private readonly db: Db) {}

  async existingAdmissionNumbers(schoolId: string, admissionNumbers: string[]): Promise<Set<string>> {
    if (admissionNumbers.length === 0) return new Set();
    const rows = await this.db
      .select({ n: students.admissionNumber })
      .from(students)
      .where(and(eq(students.schoolId, schoolId), inArray(students.admissionNumber, admissionNumbers)));
    return new Set(rows.map((r) => r.n!));
  }

  /** New and updated students, with the free periods and subjects their rows carry. */
  async upsert(schoolId: string, rows: StudentRow[], at: Temporal.Instant, also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const row of rows) {
        const values = {
          firstName: row.firstName,
          lastName: row.surname,
          yearGroup: row.yearGroup,
          role: row.role,
          tutorGroup: row.tutorGroup,
          ...(row.subjects ? { subjects: row.subjects } : {}),
        };
        const [written] = await tx
          .insert(students)
          .values({ schoolId, admissionNumber: row.admissionNumber, ...values })
          .onConflictDoUpdate({ target: [students.schoolId, students.admissionNumber], set: values })
          .returning({ id: students.id });
        if (row.freePeriods) await setFreePeriods(tx, written!.id, row.freePeriods, at);
      }
      await also?.(tx as unknown as Db);
    });
  }

  /** Free periods and subjects of students already on record, found by admission number (the caller checked each exists). */
  async updateProfiles(schoolId: string, rows: ProfileRow[], at: Temporal.Instant, also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const row of rows) {
        const [student] = await tx
          .select({ id: students.id })
          .from(students)
          .where(and(eq(students.schoolId, schoolId), eq(students.admissionNumber, row.admissionNumber)))
          .limit(1);
        if (!student) throw new Error(`no student with admission number ${row.admissionNumber}`);
        if (row.subjects) await tx.update(students).set({ subjects: row.subjects }).where(eq(students.id, student.id));
        if (row.freePeriods) await setFreePeriods(tx, student.id, row.freePeriods, at);
      }
      await also?.(tx as unknown as Db);
    });
  }
}

async function setFreePeriods(tx: Tx, studentId: string, slots: NonNullable<ProfileRow['freePeriods']>, at: Temporal.Instant) {
  const row = { slots, updatedAt: new Date(at.epochMilliseconds) };
  await tx.insert(studentAvailability).values({ studentId, ...row }).onConflictDoUpdate({ target: studentAvailability.studentId, set: row });
}
