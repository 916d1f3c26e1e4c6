-- A pairing can end (unpaired, or a student archived), a series can end from a
-- date, and a student who leaves is archived. Rows are kept, only marked, so
-- sessions, logs and concerns stay attributed. Only adds columns, so it applies
-- after any other migration; the runtime login's table-wide grants cover them.
ALTER TABLE "pairings" ADD COLUMN IF NOT EXISTS "ended_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "pairings" ADD COLUMN IF NOT EXISTS "ended_by" uuid REFERENCES "public"."staff"("id");
--> statement-breakpoint
ALTER TABLE "pairings" ADD COLUMN IF NOT EXISTS "end_reason" text;
--> statement-breakpoint
ALTER TABLE "session_series" ADD COLUMN IF NOT EXISTS "ended_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN IF NOT EXISTS "archived_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN IF NOT EXISTS "archived_by" uuid REFERENCES "public"."staff"("id");
--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN IF NOT EXISTS "archive_reason" text;
