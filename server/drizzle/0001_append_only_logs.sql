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
REVOKE UPDATE, DELETE, TRUNCATE ON session_events, session_log_anchors, record_views, concerns, concern_amendments, retention_purges, schedule_changes FROM peerbridge_app;
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
--> statement-breakpoint
-- Retention: the only way session log entries are ever deleted. It runs with the
-- migration owner's rights but decides for itself what may go: only a session
-- that ended longer ago than its partnership keeps logs, and never one that a
-- concern is attached to (those follow the child-protection schedule). The
-- chain's head is kept as an anchor, so what remains still verifies.
CREATE OR REPLACE FUNCTION peerbridge_purge_session_log(p_occurrence uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  purged integer;
  head record;
BEGIN
  IF NOT EXISTS (
    SELECT 1
    FROM session_occurrences o
    JOIN pairings p ON p.id = o.pairing_id
    JOIN partnerships pa ON pa.id = p.partnership_id
    WHERE o.id = p_occurrence
      AND o.ends_at < now() - make_interval(days => pa.session_log_retention_days)
  ) OR EXISTS (SELECT 1 FROM concerns c WHERE c.session_id = p_occurrence) THEN
    RETURN 0;
  END IF;
  SELECT seq, hash INTO head FROM session_events WHERE occurrence_id = p_occurrence ORDER BY seq DESC LIMIT 1;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  PERFORM set_config('peerbridge.retention_purge', 'on', true);
  DELETE FROM session_events WHERE occurrence_id = p_occurrence;
  GET DIAGNOSTICS purged = ROW_COUNT;
  PERFORM set_config('peerbridge.retention_purge', 'off', true);
  INSERT INTO session_log_anchors (occurrence_id, purged_through_seq, head_hash, purged_at)
  VALUES (p_occurrence, head.seq, head.hash, now())
  ON CONFLICT (occurrence_id) DO UPDATE
    SET purged_through_seq = excluded.purged_through_seq, head_hash = excluded.head_hash, purged_at = excluded.purged_at;
  RETURN purged;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION peerbridge_purge_session_log(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION peerbridge_purge_session_log(uuid) TO peerbridge_app;
