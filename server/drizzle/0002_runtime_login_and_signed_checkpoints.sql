CREATE TABLE "session_log_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"seq" integer NOT NULL,
	"head_hash" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	CONSTRAINT "session_log_checkpoints_number" UNIQUE("occurrence_id","number")
);
--> statement-breakpoint
ALTER TABLE "record_views" ADD COLUMN "access" text DEFAULT 'viewed' NOT NULL;--> statement-breakpoint
ALTER TABLE "session_events" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "session_events" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "session_log_checkpoints" ADD CONSTRAINT "session_log_checkpoints_occurrence_id_session_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."session_occurrences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Checkpoints are evidence too: insert and read only, for the application and for anyone else.
REVOKE UPDATE, DELETE, TRUNCATE ON session_log_checkpoints FROM peerbridge_app;
--> statement-breakpoint
CREATE TRIGGER session_log_checkpoints_append_only
  BEFORE UPDATE OR DELETE ON session_log_checkpoints
  FOR EACH ROW EXECUTE FUNCTION peerbridge_refuse_log_change();
--> statement-breakpoint
CREATE TRIGGER session_log_checkpoints_no_truncate
  BEFORE TRUNCATE ON session_log_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION peerbridge_refuse_log_change();
--> statement-breakpoint
-- The server now logs in as a login of its own that is only a member of
-- peerbridge_app (granted at start-up by the owner); it must not be able to
-- add objects of its own next to the owner's (PostgreSQL before 15 let PUBLIC
-- create in the public schema). A no-op, with a notice, where it already cannot.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
