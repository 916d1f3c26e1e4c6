-- Staff sign-in hardening: deactivated accounts, idle time-out and step-up on
-- sessions, and the DSL second factor (TOTP plus single-use recovery codes).
-- Written to apply after any other migration: it only adds, and names nothing
-- but the staff tables it extends.
ALTER TABLE "staff" ADD COLUMN IF NOT EXISTS "deactivated_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN IF NOT EXISTS "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN IF NOT EXISTS "stepped_up_until" timestamp with time zone;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "staff_second_factors" (
	"staff_id" uuid PRIMARY KEY NOT NULL REFERENCES "public"."staff"("id"),
	"secret_ciphertext" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_used_step" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "staff_recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL REFERENCES "public"."staff"("id"),
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_recovery_codes_hash" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "staff_recovery_codes_staff_idx" ON "staff_recovery_codes" USING btree ("staff_id");
--> statement-breakpoint
-- The application role reads and changes these like any staff table. Default
-- privileges already cover new tables; granting explicitly keeps that true
-- whichever role set-up ran before this migration.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'peerbridge_app') THEN
    GRANT SELECT, INSERT, UPDATE, DELETE ON "staff_second_factors", "staff_recovery_codes" TO peerbridge_app;
  END IF;
END $$;
