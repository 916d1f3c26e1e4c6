import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { schools } from './schools.js';
import { staff } from './staff.js';

// Students, their PINs and eligibility, and when they are free.

export const studentRole = pgEnum('student_role', ['mentor', 'mentee']);

/** How a consent or training record reached the school; the contract's RecordMethod. */
export const recordMethods = ['letter', 'form', 'email', 'in_person'] as const;

export const students = pgTable(
  'students',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    yearGroup: integer('year_group').notNull(),
    role: studentRole('role').notNull(),
    /** The school's own id for the student (from its MIS); imports match on it. */
    admissionNumber: text('admission_number'),
    tutorGroup: text('tutor_group'),
    /** Mentees: what they want help with ('english:poetry', 'maths'); mentors: what they can offer. */
    subjects: text('subjects').array().notNull().default(sql`'{}'::text[]`),
    /** argon2id of the 4-digit PIN a coordinator sets; students have no passwords. */
    pinHash: text('pin_hash'),
    pinFailedAttempts: integer('pin_failed_attempts').notNull().default(0),
    pinLockedUntil: timestamp('pin_locked_until', { withTimezone: true }),
    /** Mentees need parental consent on record before any session. */
    parentalConsentAt: timestamp('parental_consent_at', { withTimezone: true }),
    /** Who recorded the consent, and how it came (letter, form, email, in person): cleared with it on withdrawal. */
    parentalConsentBy: uuid('parental_consent_by').references(() => staff.id),
    parentalConsentMethod: text('parental_consent_method', { enum: recordMethods }),
    /** Mentors need their training (child protection, confidentiality) completed. */
    trainingCompletedAt: timestamp('training_completed_at', { withTimezone: true }),
    trainingRecordedBy: uuid('training_recorded_by').references(() => staff.id),
    trainingMethod: text('training_method', { enum: recordMethods }),
    /** A student who has left: kept for the records, out of lists and suggestions, unable to sign in. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    archivedBy: uuid('archived_by').references(() => staff.id),
    archiveReason: text('archive_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('students_school_idx').on(t.schoolId),
    unique('students_admission_number').on(t.schoolId, t.admissionNumber),
    check('students_year_group', sql`${t.yearGroup} between 7 and 13`),
    check('students_parental_consent_method', sql`${t.parentalConsentMethod} in ('letter', 'form', 'email', 'in_person')`),
    check('students_training_method', sql`${t.trainingMethod} in ('letter', 'form', 'email', 'in_person')`),
  ],
);

export const studentAvailability = pgTable('student_availability', {
  studentId: uuid('student_id').primaryKey().references(() => students.id),
  slots: jsonb('slots').$type<{ week: 'A' | 'B' | 'any'; weekday: number; period: string }[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
