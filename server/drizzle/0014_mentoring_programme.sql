-- The mentoring programme: referrals and mentor training, targets and their
-- reviews, session notes, attendance computed from the log, exits and exit
-- questionnaires, each school's programme settings, and the email outbox.
-- Only adds tables; the runtime login's default privileges cover them.
CREATE TABLE IF NOT EXISTS "attendance_records" (
	"occurrence_id" uuid PRIMARY KEY NOT NULL,
	"pairing_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"mentor" text NOT NULL,
	"mentee" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"kind" text NOT NULL,
	"subject_ref" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_once" UNIQUE("kind","subject_ref","to_address")
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "exit_questionnaire_answers" (
	"pairing_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"form" jsonb NOT NULL,
	"scaled" jsonb NOT NULL,
	"free_text" text DEFAULT '' NOT NULL,
	"flagged_keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exit_questionnaire_answers_pairing_id_student_id_pk" PRIMARY KEY("pairing_id","student_id")
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "mentor_training" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"course" text NOT NULL,
	"completed_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "pairing_exits" (
	"pairing_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"gradual" boolean DEFAULT false NOT NULL,
	"final_review_on" date,
	"final_review_occurrence_id" uuid,
	"questionnaire_requested" boolean DEFAULT false NOT NULL,
	"started_by" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"exited_at" timestamp with time zone,
	CONSTRAINT "pairing_exits_reason" CHECK ("pairing_exits"."reason" in ('programme_finished', 'targets_met', 'student_choice', 'moved_school', 'safeguarding', 'no_shows', 'other'))
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"referred_by" uuid NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_reason" text,
	"opt_in_at" timestamp with time zone,
	"opt_in_asked_by" uuid,
	"opt_in_recorded_by" uuid,
	"consent_requested_at" timestamp with time zone,
	"consent_requested_by" uuid,
	"passed_to_dsl_at" timestamp with time zone,
	"passed_to_dsl_by" uuid,
	"concern_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_status" CHECK ("referrals"."status" in ('new', 'waiting_for_consent', 'ready_to_pair', 'declined', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "school_programme_settings" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"referral_reasons" text[],
	"late_after_minutes" integer DEFAULT 5 NOT NULL,
	"absence_notice_after" integer DEFAULT 2 NOT NULL,
	"exit_questionnaire" jsonb,
	"dsl_escalation_minutes" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "session_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"text" text NOT NULL,
	"flagged_keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_notes_once" UNIQUE("occurrence_id","mentor_id")
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "target_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"occurrence_id" uuid,
	"by_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"progress" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"what" text NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"measure" text DEFAULT '' NOT NULL,
	"review_on" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"origin" text DEFAULT 'pair' NOT NULL,
	"seeded_by" uuid,
	"next_step" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_status" CHECK ("targets"."status" in ('not_started', 'on_track', 'met', 'not_met', 'dropped'))
);
--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_occurrence_id_session_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."session_occurrences"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "attendance_records" ADD CONSTRAINT "attendance_records_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "exit_questionnaire_answers" ADD CONSTRAINT "exit_questionnaire_answers_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "exit_questionnaire_answers" ADD CONSTRAINT "exit_questionnaire_answers_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "mentor_training" ADD CONSTRAINT "mentor_training_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "mentor_training" ADD CONSTRAINT "mentor_training_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "pairing_exits" ADD CONSTRAINT "pairing_exits_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "pairing_exits" ADD CONSTRAINT "pairing_exits_final_review_occurrence_id_session_occurrences_id_fk" FOREIGN KEY ("final_review_occurrence_id") REFERENCES "public"."session_occurrences"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "pairing_exits" ADD CONSTRAINT "pairing_exits_started_by_staff_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referred_by_staff_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_opt_in_asked_by_staff_id_fk" FOREIGN KEY ("opt_in_asked_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_opt_in_recorded_by_staff_id_fk" FOREIGN KEY ("opt_in_recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_consent_requested_by_staff_id_fk" FOREIGN KEY ("consent_requested_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_passed_to_dsl_by_staff_id_fk" FOREIGN KEY ("passed_to_dsl_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "school_programme_settings" ADD CONSTRAINT "school_programme_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_occurrence_id_session_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."session_occurrences"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_mentor_id_students_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "target_reviews" ADD CONSTRAINT "target_reviews_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "target_reviews" ADD CONSTRAINT "target_reviews_occurrence_id_session_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."session_occurrences"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_seeded_by_staff_id_fk" FOREIGN KEY ("seeded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "attendance_records_pairing_idx" ON "attendance_records" USING btree ("pairing_id","starts_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "attendance_records_starts_idx" ON "attendance_records" USING btree ("starts_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "mentor_training_student_idx" ON "mentor_training" USING btree ("student_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "referrals_school_status_idx" ON "referrals" USING btree ("school_id","status");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "referrals_student_idx" ON "referrals" USING btree ("student_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "target_reviews_target_idx" ON "target_reviews" USING btree ("target_id","at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "targets_pairing_idx" ON "targets" USING btree ("pairing_id");
