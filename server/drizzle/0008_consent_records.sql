-- Who recorded a mentee's parental consent or a mentor's training, and how it
-- reached the school (letter, form, email, in person). Only adds columns to
-- students, so it applies after any other migration; the runtime login's
-- table-wide grants already cover new columns.
ALTER TABLE "students" ADD COLUMN IF NOT EXISTS "parental_consent_by" uuid REFERENCES "public"."staff"("id");
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN IF NOT EXISTS "parental_consent_method" text;
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN IF NOT EXISTS "training_recorded_by" uuid REFERENCES "public"."staff"("id");
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN IF NOT EXISTS "training_method" text;
--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_parental_consent_method" CHECK ("parental_consent_method" in ('letter', 'form', 'email', 'in_person'));
--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_training_method" CHECK ("training_method" in ('letter', 'form', 'email', 'in_person'));
