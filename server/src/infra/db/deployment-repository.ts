import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { partnerships, programmes, schools, staff } from './schema.js';
import { NO_PASSWORD_YET } from './staff-import-repository.js';
import { isUniqueViolation } from './unique-violation.js';

const mentorSchool = alias(schools, 'mentor_school');
const menteeSchool = alias(schools, 'mentee_school');

export interface NewSchool {
  name: string;
  urn: string;
  timeZone: string;
  contactEmail: string;
}

export interface StoredSchool extends NewSchool {
  id: string;
}

export interface NewPartnership {
  name: string;
  mentorSchoolId: string;
  menteeSchoolId: string;
  start: string;
  end: string;
}

/**
 * The deployment admin's view: schools, the partnerships between them, and
 * each school's coordinators and DSLs. Nothing here reads a child's record.
 */
export class DeploymentRepository {
  constructor(private readonly db: Db) {}

  /** Whether any active deployment admin exists (set up or still waiting for their code). */
  async hasAdmin(): Promise<boolean> {
    const [row] = await this.db
      .select({ id: staff.id })
      .from(staff)
      .where(and(isNull(staff.schoolId), isNull(staff.deactivatedAt), sql`'admin' = any(${staff.roles})`))
      .limit(1);
    return row !== undefined;
  }

  async schools() {
    return this.db
      .select({ id: schools.id, name: schools.name, urn: schools.urn, timeZone: schools.timeZone, contactEmail: schools.contactEmail })
      .from(schools)
      .orderBy(asc(schools.name));
  }

  /** Coordinators and DSLs still active, and whether each has chosen a password yet. */
  async leadStaff() {
    const rows = await this.db
      .select({ id: staff.id, schoolId: staff.schoolId, fullName: staff.fullName, email: staff.email, roles: staff.roles, passwordHash: staff.passwordHash })
      .from(staff)
      .where(and(isNotNull(staff.schoolId), isNull(staff.deactivatedAt), sql`${staff.roles} && array['coordinator', 'dsl']::staff_role[]`))
      .orderBy(asc(staff.fullName));
    return rows.map(({ passwordHash, schoolId, ...r }) => ({ ...r, schoolId: schoolId!, setUp: passwordHash !== NO_PASSWORD_YET }));
  }

  async partnerships() {
    return this.db
      .select({
        id: partnerships.id,
        name: partnerships.name,
        mentorSchool: { id: mentorSchool.id, name: mentorSchool.name },
        menteeSchool: { id: menteeSchool.id, name: menteeSchool.name },
        start: programmes.startDate,
        end: programmes.endDate,
      })
      .from(partnerships)
      .innerJoin(mentorSchool, eq(mentorSchool.id, partnerships.mentorSchoolId))
      .innerJoin(menteeSchool, eq(menteeSchool.id, partnerships.menteeSchoolId))
      .leftJoin(programmes, eq(programmes.partnershipId, partnerships.id))
      .orderBy(asc(partnerships.createdAt));
  }

  async schoolsByIds(ids: string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    return this.db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, ids));
  }

  /** Null when a school already has that URN (the unique constraint decides, so two at once cannot both get it). */
  async createSchool(school: NewSchool, also?: AlsoInTransaction<StoredSchool>): Promise<StoredSchool | null> {
    return nullIfTaken(
      'schools_urn',
      this.db.transaction(async (tx) => {
        const [row] = await tx.insert(schools).values(school).returning({ id: schools.id });
        const stored = { ...school, id: row!.id };
        await also?.(tx as unknown as Db, stored);
        return stored;
      }),
    );
  }

  /**
   * The partnership and its programme's dates, together: a partnership is always running something.
   * Null when the same school already mentors the same school.
   */
  async createPartnership(partnership: NewPartnership, also?: AlsoInTransaction<{ id: string }>): Promise<{ id: string } | null> {
    return nullIfTaken(
      'partnerships_school_pair',
      this.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(partnerships)
          .values({ name: partnership.name, mentorSchoolId: partnership.mentorSchoolId, menteeSchoolId: partnership.menteeSchoolId })
          .returning({ id: partnerships.id });
        await tx.insert(programmes).values({ partnershipId: row!.id, startDate: partnership.start, endDate: partnership.end });
        await also?.(tx as unknown as Db, { id: row!.id });
        return { id: row!.id };
      }),
    );
  }
}

/** The write's result, or null when it broke that one unique constraint (anything else is a fault). */
async function nullIfTaken<T>(constraint: string, write: Promise<T>): Promise<T | null> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error, constraint)) return null;
    throw error;
  }
}
