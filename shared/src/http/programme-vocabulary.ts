import { z } from 'zod';

/*
 * The mentoring programme's vocabulary: referral reasons and statuses, target
 * statuses, attendance outcomes and exit reasons. One list each, used by the
 * database's checks, the API, the screens and the reports.
 */

/** The default referral reasons; a school may edit its own list (stored as labels). */
export const DEFAULT_REFERRAL_REASONS = [
  'Attendance or punctuality',
  'Attainment',
  'Self-esteem',
  'Behaviour',
  'Exam stress',
  'Transition',
  'Other',
] as const;

/** A referral is of a mentee (by staff, or a self-referral staff record) or a mentor's application. */
export const ReferralKind = z.enum(['mentee', 'mentor']);
export type ReferralKind = z.infer<typeof ReferralKind>;

export const ReferralSource = z.enum(['staff', 'self']);
export type ReferralSource = z.infer<typeof ReferralSource>;

/** The referral queue's statuses, in the order a referral normally moves through them. */
export const ReferralStatus = z.enum(['new', 'waiting_for_consent', 'ready_to_pair', 'declined', 'withdrawn']);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const TargetStatus = z.enum(['not_started', 'on_track', 'met', 'not_met', 'dropped']);
export type TargetStatus = z.infer<typeof TargetStatus>;

/** Who set a target: the pair together (in or after a call), or the mentee's school (e.g. from teacher feedback). */
export const TargetOrigin = z.enum(['pair', 'school']);
export type TargetOrigin = z.infer<typeof TargetOrigin>;

/** One student's attendance at one occurrence, computed from the session log. */
export const SideAttendance = z.enum([
  'present',
  /** Joined more than the school's lateness threshold after the start. */
  'late',
  /** Left (and did not return) before the end. */
  'left_early',
  'late_and_left_early',
  'absent',
  /** Joined, but media never flowed, or dropped and did not return. */
  'technical_failure',
  /** The session was not held (cancelled, closure): nobody was expected. */
  'not_expected',
]);
export type SideAttendance = z.infer<typeof SideAttendance>;

/** What became of one occurrence. */
export const AttendanceOutcome = z.enum(['attended', 'mentor_absent', 'mentee_absent', 'both_absent', 'not_held', 'technical_failure']);
export type AttendanceOutcome = z.infer<typeof AttendanceOutcome>;

export const ExitKind = z.enum(['planned', 'early']);
export type ExitKind = z.infer<typeof ExitKind>;

export const ExitReason = z.enum([
  /** planned */
  'programme_finished',
  'targets_met',
  /** early */
  'student_choice',
  'moved_school',
  'safeguarding',
  'no_shows',
  'other',
]);
export type ExitReason = z.infer<typeof ExitReason>;

/** Which exit reasons belong to which kind of exit. */
export const exitReasonKind: Record<ExitReason, ExitKind> = {
  programme_finished: 'planned',
  targets_met: 'planned',
  student_choice: 'early',
  moved_school: 'early',
  safeguarding: 'early',
  no_shows: 'early',
  other: 'early',
};

/** A gradual exit is being planned (fewer sessions, then a final review), or the pairing has ended. */
export const ExitStatus = z.enum(['winding_down', 'exited']);
export type ExitStatus = z.infer<typeof ExitStatus>;

/** An email's state in the outbox. */
export const EmailStatus = z.enum(['pending', 'sent', 'failed']);
export type EmailStatus = z.infer<typeof EmailStatus>;

/** One scaled question of an exit questionnaire (answered 1 to `scale`). */
export const ExitQuestion = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/, 'a question id is lower-case letters, digits or _'),
  text: z.string().trim().min(3).max(200),
});

/** A school's exit questionnaire: a few scaled questions and one free-text prompt. */
export const ExitQuestionnaireForm = z.object({
  scale: z.number().int().min(3).max(5),
  questions: z.array(ExitQuestion).min(1).max(8),
  freeTextPrompt: z.string().trim().min(3).max(200),
});
export type ExitQuestionnaireForm = z.infer<typeof ExitQuestionnaireForm>;

export const DEFAULT_EXIT_QUESTIONNAIRE: ExitQuestionnaireForm = {
  scale: 5,
  questions: [
    { id: 'helpful', text: 'How helpful were your mentoring sessions?' },
    { id: 'listened', text: 'How well did your mentor (or mentee) listen to you?' },
    { id: 'targets', text: 'How much did working on your targets help you?' },
    { id: 'recommend', text: 'Would you recommend mentoring to a friend?' },
  ],
  freeTextPrompt: 'Anything else you would like to tell us about mentoring?',
};

/** What a school has chosen for its programme. */
export const ProgrammeSettings = z.object({
  referralReasons: z.array(z.string().trim().min(2).max(60)).min(1).max(20),
  lateAfterMinutes: z.number().int().min(1).max(30),
  /** 0: never raise a notice for repeated absence. */
  absenceNoticeAfter: z.number().int().min(0).max(10),
  dslEscalationMinutes: z.number().int().min(5).max(24 * 60),
  exitQuestionnaire: ExitQuestionnaireForm,
});
export type ProgrammeSettings = z.infer<typeof ProgrammeSettings>;

export const DEFAULT_PROGRAMME_SETTINGS: ProgrammeSettings = {
  referralReasons: [...DEFAULT_REFERRAL_REASONS],
  lateAfterMinutes: 5,
  absenceNoticeAfter: 2,
  dslEscalationMinutes: 30,
  exitQuestionnaire: DEFAULT_EXIT_QUESTIONNAIRE,
};
