-- The application's own database role. The server connects as whatever user
-- DATABASE_URL names and then switches to this role, so even a bug or an
-- injected query in the application cannot rewrite history: the logs only grow.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'peerbridge_app') THEN
    CREATE ROLE peerbridge_app NOLOGIN;
  END IF;
END $$;
--> statement-breakpoint
GRANT peerbridge_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO peerbridge_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO peerbridge_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO peerbridge_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO peerbridge_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO peerbridge_app;
--> statement-breakpoint
-- Append-only: insert and read, nothing else.
REVOKE UPDATE, DELETE, TRUNCATE ON session_events, session_log_anchors, record_views, concerns, concern_amendments FROM peerbridge_app;
--> statement-breakpoint
-- Defence in depth, and the same guarantee where grants do not bite (the
-- embedded database runs as a superuser): a trigger refuses every change.
-- Only the retention purge, running as the migration owner with
-- peerbridge.retention_purge set for its own transaction, may delete.
CREATE OR REPLACE FUNCTION peerbridge_refuse_log_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('peerbridge.retention_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER session_events_append_only
  BEFORE UPDATE OR DELETE ON session_events
  FOR EACH ROW EXECUTE FUNCTION peerbridge_refuse_log_change();
--> statement-breakpoint
CREATE TRIGGER session_events_no_truncate
  BEFORE TRUNCATE ON session_events
  FOR EACH STATEMENT EXECUTE FUNCTION peerbridge_refuse_log_change();
