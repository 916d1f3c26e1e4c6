import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { schools } from './schools.js';
import { staff } from './staff.js';
import { students } from './students.js';
import { pairings, sessionOccurrences } from './timetable.js';

// The mentoring programme: referrals and mentor recruitment, targets and their
// reviews, session notes, attendance computed from the log, exits and their
// questionnaires, each school's programme settings, and the email outbox.
// The value lists match the shared vocabulary (programme-vocabulary.ts); a test
// and the migration's checks keep them so.

export const referralStatuses = ['new', 'waiting_for_consent', 'ready_to_pair', 'declined', 'withdrawn'] as const;
export const targetStatuses = ['not_started', 'on_track', 'met', 'not_met', 'dropped'] as const;
export const sideAttendances = ['present', 'late', 'left_early', 'late_and_left_early', 'absent', 'technical_failure', 'not_expected'] as const;
export const attendanceOutcomes = ['attended', 'mentor_absent', 'mentee_absent', 'both_absent', 'not_held', 'technical_failure'] as const;
export const exitReasons = ['programme_finished', 'targets_met', 'student_choice', 'moved_school', 'safeguarding', 'no_shows', 'other'] as const;

/** What each school has chosen for its programme; a missing row means the defaults. */
export const schoolProgrammeSettings = pgTable('school_programme_settings', {
  schoolId: uuid('school_id').primaryKey().references(() => schools.id),
  /** The school's referral reasons (labels); null means DEFAULT_REFERRAL_REASONS. */
  referralReasons: text('referral_reasons').array(),
  /** A student who joins more than this many minutes after the start is late. */
  lateAfterMinutes: integer('late_after_minutes').notNull().default(5),
  /** This many consecutive absences of a student raise a notice to their coordinator (0: never). */
  absenceNoticeAfter: integer('absence_notice_after').notNull().default(2),
  /** The school's exit questionnaire (scaled questions and one free-text prompt); null means the default form. */
  exitQuestionnaire: jsonb('exit_questionnaire').$type<unknown>(),
  /** A concern or flag not acknowledged by a DSL within this many minutes is emailed to the deputy DSLs too. */
  dslEscalationMinutes: integer('dsl_escalation_minutes').notNull().default(30),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A Year 11 student referred to the programme (kind mentee), or a sixth-former's application to mentor (kind
 * mentor). The student's own agreement and their parents' consent are recorded here; consent is also copied to
 * the student's row, which is what admission to a call checks.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    studentId: uuid('student_id').notNull().references(() => students.id),
    kind: text('kind', { enum: ['mentee', 'mentor'] }).notNull(),
    /** staff: referred by a member of staff; self: the student asked, and staff recorded it. */
    source: text('source', { enum: ['staff', 'self'] }).notNull(),
    referredBy: uuid('referred_by').notNull().references(() => staff.id),
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    note: text('note').notNull().default(''),
    status: text('status', { enum: referralStatuses }).notNull().default('new'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    statusReason: text('status_reason'),
    /** The student's own opt-in: when, who asked them, and who recorded it. */
    optInAt: timestamp('opt_in_at', { withTimezone: true }),
    optInAskedBy: uuid('opt_in_asked_by').references(() => staff.id),
    optInRecordedBy: uuid('opt_in_recorded_by').references(() => staff.id),
    consentRequestedAt: timestamp('consent_requested_at', { withTimezone: true }),
    consentRequestedBy: uuid('consent_requested_by').references(() => staff.id),
    /** Passed to the DSL as beyond the programme's remit: when, by whom, and the concern it became. */
    passedToDslAt: timestamp('passed_to_dsl_at', { withTimezone: true }),
    passedToDslBy: uuid('passed_to_dsl_by').references(() => staff.id),
    concernId: uuid('concern_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('referrals_school_status_idx').on(t.schoolId, t.status),
    index('referrals_student_idx').on(t.studentId),
    check('referrals_status', sql`${t.status} in ('new', 'waiting_for_consent', 'ready_to_pair', 'declined', 'withdrawn')`),
    // 0015: one open referral (or application) per student at a time.
    uniqueIndex('referrals_one_open')
      .on(t.studentId, t.kind)
      .where(sql`${t.status} in ('new', 'waiting_for_consent', 'ready_to_pair')`),
  ],
);

/** A mentor's training: each course and when it was completed. Recording one also marks the student trained. */
export const mentorTraining = pgTable(
  'mentor_training',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studentId: uuid('student_id').notNull().references(() => students.id),
    course: text('course').notNull(),
    completedOn: date('completed_on').notNull(),
    recordedBy: uuid('recorded_by').notNull().references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('mentor_training_student_idx').on(t.studentId)],
);

/** A pairing's target: what, why, how it will be measured, when it is reviewed. */
export const targets = pgTable(
  'targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pairingId: uuid('pairing_id').notNull().references(() => pairings.id),
    what: text('what').notNull(),
    why: text('why').notNull().default(''),
    measure: text('measure').notNull().default(''),
    reviewOn: date('review_on').notNull(),
    status: text('status', { enum: targetStatuses }).notNull().default('not_started'),
    /** pair: set by mentor and mentee together; school: seeded by the mentee's school. */
    origin: text('origin', { enum: ['pair', 'school'] }).notNull().default('pair'),
    /** The staff member who seeded it, or null when the pair set it. */
    seededBy: uuid('seeded_by').references(() => staff.id),
    /** The latest next step agreed at a review. */
    nextStep: text('next_step').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('targets_pairing_idx').on(t.pairingId),
    check('targets_status', sql`${t.status} in ('not_started', 'on_track', 'met', 'not_met', 'dropped')`),
  ],
);

/** Every review of a target (in a call or by staff): the status it moved to, progress and next step. Append-only. */
export const targetReviews = pgTable(
  'target_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetId: uuid('target_id').notNull().references(() => targets.id),
    occurrenceId: uuid('occurrence_id').references(() => sessionOccurrences.id),
    /** A student (in a call) or a staff id. */
    byId: uuid('by_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    status: text('status', { enum: targetStatuses }).notNull(),
    progress: text('progress').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    /** The review date it was due on, so "reviewed on time" can be reported. */
    dueOn: date('due_on').notNull(),
  },
  (t) => [index('target_reviews_target_idx').on(t.targetId, t.at)],
);

/** The mentor's short note after a call; filtered like chat; keyword matches flag it to both DSLs. */
export const sessionNotes = pgTable(
  'session_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurrenceId: uuid('occurrence_id').notNull().references(() => sessionOccurrences.id),
    mentorId: uuid('mentor_id').notNull().references(() => students.id),
    text: text('text').notNull(),
    /** The safeguarding keywords it matched (empty: none). */
    flaggedKeywords: text('flagged_keywords').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [unique('session_notes_once').on(t.occurrenceId, t.mentorId)],
);

/**
 * Each occurrence's attendance, computed from its session log once it is over and stored so reports over a
 * year of a network do not re-read every log. Recomputed (replaced) if the log says otherwise later.
 */
export const attendanceRecords = pgTable(
  'attendance_records',
  {
    occurrenceId: uuid('occurrence_id').primaryKey().references(() => sessionOccurrences.id),
    pairingId: uuid('pairing_id').notNull().references(() => pairings.id),
    /** The occurrence's start, copied so reports filter by term without a join. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    outcome: text('outcome', { enum: attendanceOutcomes }).notNull(),
    mentor: text('mentor', { enum: sideAttendances }).notNull(),
    mentee: text('mentee', { enum: sideAttendances }).notNull(),
    /** Minutes late, minutes left early, why not held: what the outcome was computed from. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('attendance_records_pairing_idx').on(t.pairingId, t.startsAt),
    index('attendance_records_starts_idx').on(t.startsAt),
  ],
);

/** How a pairing ends: planned or early, with a reason; a gradual exit winds down to a final review first. */
export const pairingExits = pgTable(
  'pairing_exits',
  {
    pairingId: uuid('pairing_id').primaryKey().references(() => pairings.id),
    kind: text('kind', { enum: ['planned', 'early'] }).notNull(),
    reason: text('reason', { enum: exitReasons }).notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: ['winding_down', 'exited'] }).notNull(),
    gradual: boolean('gradual').notNull().default(false),
    /** A gradual exit: the final review session's date, and the occurrence booked for it. */
    finalReviewOn: date('final_review_on'),
    finalReviewOccurrenceId: uuid('final_review_occurrence_id').references(() => sessionOccurrences.id),
    questionnaireRequested: boolean('questionnaire_requested').notNull().default(false),
    startedBy: uuid('started_by').notNull().references(() => staff.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    exitedAt: timestamp('exited_at', { withTimezone: true }),
  },
  (t) => [
    check('pairing_exits_reason', sql`${t.reason} in ('programme_finished', 'targets_met', 'student_choice', 'moved_school', 'safeguarding', 'no_shows', 'other')`),
    // Which of a day's sessions are final reviews, for the iPads' today list (0020).
    index('pairing_exits_final_review_idx').on(t.finalReviewOccurrenceId).where(sql`${t.finalReviewOccurrenceId} IS NOT NULL`),
  ],
);

/** One student's exit questionnaire: scaled answers and one free-text answer (filtered like chat). */
export const exitQuestionnaireAnswers = pgTable(
  'exit_questionnaire_answers',
  {
    pairingId: uuid('pairing_id').notNull().references(() => pairings.id),
    studentId: uuid('student_id').notNull().references(() => students.id),
    /** The form as it was asked (questions and scale), so later edits do not change old answers' meaning. */
    form: jsonb('form').$type<Record<string, unknown>>().notNull(),
    /** Question id to scale value. */
    scaled: jsonb('scaled').$type<Record<string, number>>().notNull(),
    freeText: text('free_text').notNull().default(''),
    flaggedKeywords: text('flagged_keywords').array().notNull().default(sql`'{}'::text[]`),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.pairingId, t.studentId] })],
);

/**
 * Emails waiting to go, sent, or given up on. Written in the same transaction as the in-app notice they
 * announce, so a failed send never loses the notice; a sender retries with backoff. Emails carry no child's
 * details, only what needs attention and a link.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    /** Why it was sent (new_concern, repeated_absence, schedule_change, setup_code, dsl_escalation…). */
    kind: text('kind').notNull(),
    /** What it is about (a concern, a notice, an occurrence): with kind and the address, sent at most once. */
    subjectRef: text('subject_ref').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('email_outbox_once').on(t.kind, t.subjectRef, t.toAddress),
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);
