import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { schools } from './schools.js';
import { staff } from './staff.js';
import { students } from './students.js';
import { sessionOccurrences } from './timetable.js';

// Concerns and their amendments, notices for coordinators, and the record of who read what.

/**
 * A safeguarding concern. The row holds what was true when it was raised and
 * never changes; everything after is an appended amendment.
 */
export const concerns = pgTable(
  'concerns',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id').references(() => sessionOccurrences.id),
    raisedAt: timestamp('raised_at', { withTimezone: true, precision: 3 }).notNull(),
    source: jsonb('source').notNull(),
    children: jsonb('children').notNull(),
    schoolIds: uuid('school_ids').array().notNull(),
    whatHappened: text('what_happened'),
    presentAtTime: jsonb('present_at_time').notNull(),
    logExcerpt: jsonb('log_excerpt').notNull(),
  },
  (t) => [index('concerns_raised_idx').on(t.raisedAt)],
);

export const concernAmendments = pgTable(
  'concern_amendments',
  {
    concernId: uuid('concern_id').notNull().references(() => concerns.id),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    byStaffId: uuid('by_staff_id').references(() => staff.id),
    byStudentId: uuid('by_student_id').references(() => students.id),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.seq] })],
);

/** Things a coordinator must fix, e.g. a session refused because consent is not on record. */
export const coordinatorNotices = pgTable(
  'coordinator_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    occurrenceId: uuid('occurrence_id').references(() => sessionOccurrences.id),
    studentId: uuid('student_id').references(() => students.id),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [unique('coordinator_notices_once').on(t.occurrenceId, t.studentId, t.kind)],
);

/** Every time staff open or export a session log, a concern or a chronology, a row here says who, what and when. Append-only. */
export const recordViews = pgTable(
  'record_views',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    staffId: uuid('staff_id').notNull().references(() => staff.id),
    targetKind: text('target_kind').notNull(),
    targetId: uuid('target_id').notNull(),
    /** What was done with it: viewed, listed, exported as CSV or JSON, downloaded as evidence… */
    access: text('access').notNull().default('viewed'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('record_views_target_idx').on(t.targetKind, t.targetId)],
);
