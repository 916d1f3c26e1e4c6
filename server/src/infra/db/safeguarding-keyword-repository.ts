import { eq, inArray, or } from 'drizzle-orm';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { partnerships, schools } from './schema.js';

/** A school's own chat keyword list (null: the default), and who shares sessions with it. */
export class SafeguardingKeywordRepository {
  constructor(private readonly db: Db) {}

  async forSchool(schoolId: string): Promise<string[] | null> {
    const [row] = await this.db.select({ keywords: schools.chatKeywords }).from(schools).where(eq(schools.id, schoolId)).limit(1);
    return row?.keywords ?? null;
  }

  /** Replaces the list and writes `also` (the audit entry) in the same transaction. */
  async set(schoolId: string, keywords: string[] | null, also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(schools).set({ chatKeywords: keywords }).where(eq(schools.id, schoolId));
      await also?.(tx as unknown as Db);
    });
  }

  /** The names of the schools this one is in a partnership with. */
  async partnerSchoolNames(schoolId: string): Promise<string[]> {
    const rows = await this.db
      .select({ mentorSchoolId: partnerships.mentorSchoolId, menteeSchoolId: partnerships.menteeSchoolId })
      .from(partnerships)
      .where(or(eq(partnerships.mentorSchoolId, schoolId), eq(partnerships.menteeSchoolId, schoolId)));
    const partnerIds = [...new Set(rows.map((r) => (r.mentorSchoolId === schoolId ? r.menteeSchoolId : r.mentorSchoolId)))];
    if (partnerIds.length === 0) return [];
    const names = await this.db.select({ name: schools.name }).from(schools).where(inArray(schools.id, partnerIds));
    return names.map((n) => n.name).sort();
  }
}
