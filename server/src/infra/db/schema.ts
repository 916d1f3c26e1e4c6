import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const schools = pgTable('schools', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** IANA zone; every local time at the school is read in it. */
  timeZone: text('time_zone').notNull().default('Europe/London'),
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
    createdAt: createdAt(),
  },
  (t) => [
    check('partnerships_two_schools', sql`${t.mentorSchoolId} <> ${t.menteeSchoolId}`),
    unique('partnerships_school_pair').on(t.mentorSchoolId, t.menteeSchoolId),
  ],
);

export const studentRole = pgEnum('student_role', ['mentor', 'mentee']);

export const students = pgTable(
  'students',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    yearGroup: integer('year_group').notNull(),
    role: studentRole('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('students_school_idx').on(t.schoolId),
    check('students_year_group', sql`${t.yearGroup} between 7 and 13`),
  ],
);

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('staff_email').on(t.email)],
);

export const pairings = pgTable(
  'pairings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
    mentorId: uuid('mentor_id').notNull().references(() => students.id),
    menteeId: uuid('mentee_id').notNull().references(() => students.id),
    createdAt: createdAt(),
  },
  (t) => [unique('pairings_mentor_mentee').on(t.mentorId, t.menteeId)],
);

export const occurrenceStatus = pgEnum('occurrence_status', ['scheduled', 'cancelled']);

/** One timetabled meeting of a pairing: UTC instants; each school reads them in its own zone. */
export const sessionOccurrences = pgTable(
  'session_occurrences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pairingId: uuid('pairing_id').notNull().references(() => pairings.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: occurrenceStatus('status').notNull().default('scheduled'),
    createdAt: createdAt(),
  },
  (t) => [
    check('session_occurrences_order', sql`${t.endsAt} > ${t.startsAt}`),
    index('session_occurrences_starts_idx').on(t.startsAt),
    index('session_occurrences_pairing_idx').on(t.pairingId),
  ],
);

/** A school iPad. Device tokens name a row here, so a device can be revoked. */
export const devices = pgTable('devices', {
  id: uuid('id').primaryKey().defaultRandom(),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  label: text('label').notNull(),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** The session event log: append-only record of who joined and left, when, from which device. */
export const sessionEvents = pgTable(
  'session_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurrenceId: uuid('occurrence_id').notNull().references(() => sessionOccurrences.id),
    type: text('type').notNull(),
    studentId: uuid('student_id').references(() => students.id),
    deviceId: uuid('device_id').references(() => devices.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('session_events_occurrence_idx').on(t.occurrenceId, t.id)],
);
