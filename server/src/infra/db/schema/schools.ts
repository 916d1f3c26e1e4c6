import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

// Schools and the partnerships between them, with what each partnership runs.

export const schools = pgTable('schools', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** IANA zone; every local time at the school is read in it. */
  timeZone: text('time_zone').notNull().default('Europe/London'),
  /** The DfE unique reference number (six digits); null only for schools made before the admin set-up existed (the demo). */
  urn: text('urn').unique('schools_urn'),
  /** Who at the school the deployment's operator writes to. */
  contactEmail: text('contact_email'),
  /** The school DSLs' own safeguarding keyword list for chat; null means the default list. */
  chatKeywords: text('chat_keywords').array(),
  createdAt: createdAt(),
});

/** Two schools working together: mentors come from one, mentees from the other. */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    mentorSchoolId: uuid('mentor_school_id').notNull().references(() => schools.id),
    menteeSchoolId: uuid('mentee_school_id').notNull().references(() => schools.id),
    /** The partnership's safeguarding keyword list for chat; null means the default list. */
    chatKeywords: text('chat_keywords').array(),
    /** Ordinary session logs are kept this long; anything attached to a concern follows the child-protection schedule. */
    sessionLogRetentionDays: integer('session_log_retention_days').notNull().default(365),
    createdAt: createdAt(),
  },
  (t) => [
    check('partnerships_two_schools', sql`${t.mentorSchoolId} <> ${t.menteeSchoolId}`),
    unique('partnerships_school_pair').on(t.mentorSchoolId, t.menteeSchoolId),
    // A school's partnerships as the mentee school (the unique pair above serves the mentor school); 0019.
    index('partnerships_mentee_school_idx').on(t.menteeSchoolId),
  ],
);

/** What a partnership is running: dates, session length and frequency, goals, mentors' caseload limit. */
export const programmes = pgTable('programmes', {
  partnershipId: uuid('partnership_id').primaryKey().references(() => partnerships.id),
  startDate: date('start_date').notNull(),
  endDate: date('end_date').notNull(),
  sessionMinutes: integer('session_minutes').notNull().default(30),
  frequency: text('frequency').notNull().default('weekly'),
  goals: text('goals').notNull().default(''),
  caseloadLimit: integer('caseload_limit').notNull().default(3),
});

/**
 * Each school's today-list change version, bumped by triggers (migration 0021) in the same transaction as any
 * write to what the school's iPads list, so a server may reuse a list while the version it read has not moved.
 */
export const schoolDayVersions = pgTable('school_day_versions', {
  schoolId: uuid('school_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
