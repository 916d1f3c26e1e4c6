import { and, eq, inArray } from 'drizzle-orm';
import type { StudentRow } from '../../domain/import/student-rows.js';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { students } from './schema.js';

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

  async upsert(schoolId: string, rows: StudentRow[], also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const row of rows) {
        const values = {
          firstName: row.firstName,
          lastName: row.surname,
          yearGroup: row.yearGroup,
          role: row.role,
          tutorGroup: row.tutorGroup,
        };
        await tx
          .insert(students)
          .values({ schoolId, admissionNumber: row.admissionNumber, ...values })
          .onConflictDoUpdate({ target: [students.schoolId, students.admissionNumber], set: values });
      }
      await also?.(tx as unknown as Db);
    });
  }
}
