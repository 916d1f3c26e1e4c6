import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  date,
  integer,
  jsonb,
  primaryKey,
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
    /** The partnership's safeguarding keyword list for chat; null means the default list. */
    chatKeywords: text('chat_keywords').array(),
    /** Ordinary session logs are kept this long; anything attached to a concern follows the child-protection schedule. */
    sessionLogRetentionDays: integer('session_log_retention_days').notNull().default(365),
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
    /** Mentors need their training (child protection, confidentiality) completed. */
    trainingCompletedAt: timestamp('training_completed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('students_school_idx').on(t.schoolId),
    unique('students_admission_number').on(t.schoolId, t.admissionNumber),
    check('students_year_group', sql`${t.yearGroup} between 7 and 13`),
  ],
);

export const staffRole = pgEnum('staff_role', ['coordinator', 'dsl', 'supervisor', 'admin']);

/** Staff accounts. A deployment admin has no school and no access to children's records. */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').references(() => schools.id),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    /** argon2id; never logged, never returned. */
    passwordHash: text('password_hash').notNull(),
    roles: staffRole('roles').array().notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** A deactivated account cannot sign in and its sessions are ended; the row stays for the records it authored. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('staff_email').on(t.email),
    check('staff_school_unless_admin', sql`${t.schoolId} is not null or ${t.roles} = array['admin']::staff_role[]`),
  ],
);

/** Signed-in staff: the cookie holds a random token; only its sha256 is stored. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id').notNull().references(() => staff.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Last authenticated use; a session idle for longer than the configured time-out is over. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Until when this session has passed the second-factor step-up (null: not stepped up). */
    steppedUpUntil: timestamp('stepped_up_until', { withTimezone: true }),
  },
  (t) => [index('staff_sessions_staff_idx').on(t.staffId)],
);

/**
 * A member of staff's TOTP authenticator. The shared secret must be readable to check codes, so it is
 * stored encrypted with a key derived from the server's secret, never in the clear.
 */
export const staffSecondFactors = pgTable('staff_second_factors', {
  staffId: uuid('staff_id').primaryKey().references(() => staff.id),
  secretCiphertext: text('secret_ciphertext').notNull(),
  /** Null while enrolment waits for the first correct code. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The TOTP time step of the last accepted code: a code cannot be replayed within its window. */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** Single-use recovery codes for a lost authenticator; only their sha256 is stored. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id').notNull().references(() => staff.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('staff_recovery_codes_staff_idx').on(t.staffId), unique('staff_recovery_codes_hash').on(t.codeHash)],
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
    /** The weekly series it belongs to, if it was created from one. */
    seriesId: uuid('series_id'),
    cancelReason: text('cancel_reason'),
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
  enrolledBy: uuid('enrolled_by').references(() => staff.id),
  pinFailedAttempts: integer('pin_failed_attempts').notNull().default(0),
  pinLockedUntil: timestamp('pin_locked_until', { withTimezone: true }),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** One-time codes typed on an iPad to enrol it; exchanged once for the device token. */
export const deviceEnrolmentCodes = pgTable('device_enrolment_codes', {
  codeHash: text('code_hash').primaryKey(),
  deviceId: uuid('device_id').notNull().references(() => devices.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/**
 * The session event log: append-only, ordered by seq within each session, and
 * hash-chained (each entry stores the hash of the one before) so a row changed
 * behind the application's back is detected. The migrations stop the
 * application from updating or deleting rows here.
 */
export const sessionEvents = pgTable(
  'session_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurrenceId: uuid('occurrence_id').notNull().references(() => sessionOccurrences.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    /** Who acted: a student or staff id; null for the system (e.g. the session ending). */
    actor: uuid('actor'),
    deviceId: uuid('device_id').references(() => devices.id),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * The server's Ed25519 signature of this entry's hash, and which key made it. The key never
     * enters the database, so whoever can write rows here still cannot write a row that verifies.
     * Null only on entries written before logs were signed.
     */
    keyId: text('key_id'),
    signature: text('signature'),
  },
  (t) => [unique('session_events_seq').on(t.occurrenceId, t.seq)],
);

/**
 * Signed statements of a session log's head ("entry 12 has hash …"), made when a session ends and
 * before it is purged. A row dropped from the end of the log leaves a checkpoint pointing past it.
 * Append-only, and kept when the log itself is purged.
 */
export const sessionLogCheckpoints = pgTable(
  'session_log_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurrenceId: uuid('occurrence_id').notNull().references(() => sessionOccurrences.id),
    /** 1, 2, 3… within the session, so a checkpoint can be named to a DSL. */
    number: integer('number').notNull(),
    seq: integer('seq').notNull(),
    headHash: text('head_hash').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [unique('session_log_checkpoints_number').on(t.occurrenceId, t.number)],
);

/** Where a session's chain continues from after older entries were purged by the retention policy. */
export const sessionLogAnchors = pgTable(
  'session_log_anchors',
  {
    occurrenceId: uuid('occurrence_id').notNull().references(() => sessionOccurrences.id),
    purgedThroughSeq: integer('purged_through_seq').notNull(),
    headHash: text('head_hash').notNull(),
    purgedAt: timestamp('purged_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.occurrenceId] })],
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

/** What each run of the retention job removed: kept so that a purge is itself on the record. Append-only. */
export const retentionPurges = pgTable('retention_purges', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
  sessionsPurged: integer('sessions_purged').notNull(),
  entriesPurged: integer('entries_purged').notNull(),
  sessionsKeptForConcerns: integer('sessions_kept_for_concerns').notNull(),
});

/** A staff member's secret calendar-feed address; only its hash is stored, and it can be revoked. */
export const calendarFeeds = pgTable('calendar_feeds', {
  tokenHash: text('token_hash').primaryKey(),
  staffId: uuid('staff_id').notNull().references(() => staff.id),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** A school's time: bell schedule, Week A/B cycle, terms and its iPad pool. Closures live apart. */
export const schoolCalendars = pgTable('school_calendars', {
  schoolId: uuid('school_id').primaryKey().references(() => schools.id),
  bellSchedule: jsonb('bell_schedule').$type<Record<string, { name: string; start: string; end: string }[]>>().notNull(),
  cycleWeeks: integer('cycle_weeks').notNull(),
  knownWeekAMonday: date('known_week_a_monday').notNull(),
  terms: jsonb('terms').$type<{ name: string; start: string; end: string }[]>().notNull(),
  devices: integer('devices').notNull(),
  rooms: text('rooms').array(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => staff.id),
});

export const schoolClosures = pgTable(
  'school_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    date: date('date').notNull(),
    fromTime: text('from_time'),
    toTime: text('to_time'),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('school_closures_school_idx').on(t.schoolId, t.date)],
);

export const studentAvailability = pgTable('student_availability', {
  studentId: uuid('student_id').primaryKey().references(() => students.id),
  slots: jsonb('slots').$type<{ week: 'A' | 'B' | 'any'; weekday: number; period: string }[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

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

export const sessionSeries = pgTable('session_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  pairingId: uuid('pairing_id').notNull().references(() => pairings.id),
  /** The candidate it was made from: weekday and local start time at the anchor school. */
  pattern: jsonb('pattern').$type<Record<string, unknown>>().notNull(),
  createdBy: uuid('created_by').references(() => staff.id),
  createdAt: createdAt(),
});

/** Every timetable change both coordinators must see: who, when, why. Append-only. */
export const scheduleChanges = pgTable(
  'schedule_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byStaffId: uuid('by_staff_id').references(() => staff.id),
    kind: text('kind').notNull(),
    occurrenceId: uuid('occurrence_id').references(() => sessionOccurrences.id),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('schedule_changes_partnership_idx').on(t.partnershipId, t.id)],
);

/** One-time codes with which a newly imported member of staff chooses their password. Only hashes are stored. */
export const staffSetupCodes = pgTable('staff_setup_codes', {
  codeHash: text('code_hash').primaryKey(),
  staffId: uuid('staff_id').notNull().references(() => staff.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/**
 * The staff-action audit trail: PIN resets, consent and training records,
 * iPads, imports, exports, pairings, series and closures, written in the same
 * transaction as the action. Append-only and hash-chained per school (each
 * entry stores the hash of the school's entry before it); the migrations stop
 * the application from updating or deleting rows here. Never purged.
 */
export const staffAudit = pgTable(
  'staff_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id').notNull().references(() => staff.id),
    actorName: text('actor_name').notNull(),
    /** The action without its kind: what was touched, as it was at the time. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [unique('staff_audit_seq').on(t.schoolId, t.seq), index('staff_audit_school_at_idx').on(t.schoolId, t.at)],
);
