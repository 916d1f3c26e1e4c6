import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';
import { pairings, partnerships, schools, students } from './schema.js';

const mentorSchool = alias(schools, 'mentor_school');
const menteeSchool = alias(schools, 'mentee_school');
const mentor = alias(students, 'mentor');
const mentee = alias(students, 'mentee');

export class PartnershipRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string) {
    const [row] = await this.db.select().from(partnerships).where(eq(partnerships.id, id)).limit(1);
    return row ? { ...row, schoolIds: [row.mentorSchoolId, row.menteeSchoolId] } : undefined;
  }

  /** The partnership's two schools' names, keyed by school id. */
  async schoolNames(partnership: { mentorSchoolId: string; menteeSchoolId: string }): Promise<Map<string, string>> {
    const rows = await this.db
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(inArray(schools.id, [partnership.mentorSchoolId, partnership.menteeSchoolId]));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The partnerships a school is in, with their pairings by first name (partner students appear no other way). */
  async listForSchool(schoolId: string) {
    const rows = await this.db
      .select({
        id: partnerships.id,
        name: partnerships.name,
        mentorSchool: { id: mentorSchool.id, name: mentorSchool.name },
        menteeSchool: { id: menteeSchool.id, name: menteeSchool.name },
      })
      .from(partnerships)
      .innerJoin(mentorSchool, eq(mentorSchool.id, partnerships.mentorSchoolId))
      .innerJoin(menteeSchool, eq(menteeSchool.id, partnerships.menteeSchoolId))
      .where(or(eq(partnerships.mentorSchoolId, schoolId), eq(partnerships.menteeSchoolId, schoolId)));
    if (rows.length === 0) return [];
    const pairs = await this.db
      .select({
        id: pairings.id,
        partnershipId: pairings.partnershipId,
        mentor: { id: mentor.id, firstName: mentor.firstName },
        mentee: { id: mentee.id, firstName: mentee.firstName },
      })
      .from(pairings)
      .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
      .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
      // Ended pairings (unpaired, or a student archived) are kept for the records but are no longer current.
      .where(and(inArray(pairings.partnershipId, rows.map((r) => r.id)), isNull(pairings.endedAt)));
    return rows.map((r) => ({
      ...r,
      pairings: pairs.filter((p) => p.partnershipId === r.id).map(({ partnershipId: _, ...p }) => p),
    }));
  }
}
