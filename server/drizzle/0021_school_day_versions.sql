-- The iPads' today list is polled by every school iPad every 30 seconds, and an unchanged day should
-- cost one small lookup, not the list query. Each school has a change version, bumped in the same
-- transaction as any write to what its list shows (sessions, pairings, students' names and years,
-- exits' final reviews, programme goals, school names and zones), so a server instance may keep a
-- school's list for as long as the version it read before the list has not moved, whichever instance
-- made the change. Statement-level triggers with transition tables: one bump per statement and
-- school, so a bulk insert of a term's sessions adds one upsert, not one per row. No foreign key to
-- schools: a deleted school's row is harmless and a delete's own trigger must still be able to write.
CREATE TABLE IF NOT EXISTS "school_day_versions" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'peerbridge_app') THEN
    GRANT SELECT, INSERT, UPDATE ON "school_day_versions" TO peerbridge_app;
  END IF;
END $$;
--> statement-breakpoint
-- Schools in id order, so two writers bumping the same schools take the rows' locks in one order.
CREATE OR REPLACE FUNCTION bump_school_day_versions(affected uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO school_day_versions (school_id, version)
  SELECT DISTINCT school_id, 1 FROM unnest(affected) AS school_id WHERE school_id IS NOT NULL ORDER BY school_id
  ON CONFLICT (school_id) DO UPDATE SET version = school_day_versions.version + 1;
$$;
--> statement-breakpoint
-- TG_ARGV[0]: a query of the affected schools' ids over the changed rows, %1$s standing for them
-- (the new rows, the old rows, or both for an update).
CREATE OR REPLACE FUNCTION school_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'new_rows'
    WHEN 'DELETE' THEN 'old_rows'
    ELSE '(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)'
  END;
  affected uuid[];
BEGIN
  EXECUTE format('SELECT array(' || TG_ARGV[0] || ')', changed) INTO affected;
  PERFORM bump_school_day_versions(affected);
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "session_occurrences_day_insert" ON "session_occurrences";
--> statement-breakpoint
CREATE TRIGGER "session_occurrences_day_insert" AFTER INSERT ON "session_occurrences" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN pairings p ON p.id = r.pairing_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "session_occurrences_day_update" ON "session_occurrences";
--> statement-breakpoint
CREATE TRIGGER "session_occurrences_day_update" AFTER UPDATE ON "session_occurrences" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN pairings p ON p.id = r.pairing_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "session_occurrences_day_delete" ON "session_occurrences";
--> statement-breakpoint
CREATE TRIGGER "session_occurrences_day_delete" AFTER DELETE ON "session_occurrences" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN pairings p ON p.id = r.pairing_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "pairing_exits_day_insert" ON "pairing_exits";
--> statement-breakpoint
CREATE TRIGGER "pairing_exits_day_insert" AFTER INSERT ON "pairing_exits" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN pairings p ON p.id = r.pairing_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "pairing_exits_day_update" ON "pairing_exits";
--> statement-breakpoint
CREATE TRIGGER "pairing_exits_day_update" AFTER UPDATE ON "pairing_exits" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN pairings p ON p.id = r.pairing_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "pairing_exits_day_delete" ON "pairing_exits";
--> statement-breakpoint
CREATE TRIGGER "pairing_exits_day_delete" AFTER DELETE ON "pairing_exits" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN pairings p ON p.id = r.pairing_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "pairings_day_insert" ON "pairings";
--> statement-breakpoint
CREATE TRIGGER "pairings_day_insert" AFTER INSERT ON "pairings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN students s ON s.id IN (r.mentor_id, r.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "pairings_day_update" ON "pairings";
--> statement-breakpoint
CREATE TRIGGER "pairings_day_update" AFTER UPDATE ON "pairings" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN students s ON s.id IN (r.mentor_id, r.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "pairings_day_delete" ON "pairings";
--> statement-breakpoint
CREATE TRIGGER "pairings_day_delete" AFTER DELETE ON "pairings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN students s ON s.id IN (r.mentor_id, r.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "students_day_insert" ON "students";
--> statement-breakpoint
CREATE TRIGGER "students_day_insert" AFTER INSERT ON "students" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT r.school_id FROM %1$s r UNION ALL SELECT s.school_id FROM %1$s r JOIN pairings p ON p.mentor_id = r.id JOIN students s ON s.id = p.mentee_id UNION ALL SELECT s.school_id FROM %1$s r JOIN pairings p ON p.mentee_id = r.id JOIN students s ON s.id = p.mentor_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "students_day_update" ON "students";
--> statement-breakpoint
CREATE TRIGGER "students_day_update" AFTER UPDATE ON "students" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT r.school_id FROM %1$s r UNION ALL SELECT s.school_id FROM %1$s r JOIN pairings p ON p.mentor_id = r.id JOIN students s ON s.id = p.mentee_id UNION ALL SELECT s.school_id FROM %1$s r JOIN pairings p ON p.mentee_id = r.id JOIN students s ON s.id = p.mentor_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "students_day_delete" ON "students";
--> statement-breakpoint
CREATE TRIGGER "students_day_delete" AFTER DELETE ON "students" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT r.school_id FROM %1$s r UNION ALL SELECT s.school_id FROM %1$s r JOIN pairings p ON p.mentor_id = r.id JOIN students s ON s.id = p.mentee_id UNION ALL SELECT s.school_id FROM %1$s r JOIN pairings p ON p.mentee_id = r.id JOIN students s ON s.id = p.mentor_id');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "schools_day_insert" ON "schools";
--> statement-breakpoint
CREATE TRIGGER "schools_day_insert" AFTER INSERT ON "schools" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT r.id FROM %1$s r UNION ALL SELECT o.school_id FROM %1$s r JOIN students s ON s.school_id = r.id JOIN pairings p ON s.id IN (p.mentor_id, p.mentee_id) JOIN students o ON o.id IN (p.mentor_id, p.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "schools_day_update" ON "schools";
--> statement-breakpoint
CREATE TRIGGER "schools_day_update" AFTER UPDATE ON "schools" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT r.id FROM %1$s r UNION ALL SELECT o.school_id FROM %1$s r JOIN students s ON s.school_id = r.id JOIN pairings p ON s.id IN (p.mentor_id, p.mentee_id) JOIN students o ON o.id IN (p.mentor_id, p.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "schools_day_delete" ON "schools";
--> statement-breakpoint
CREATE TRIGGER "schools_day_delete" AFTER DELETE ON "schools" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT r.id FROM %1$s r UNION ALL SELECT o.school_id FROM %1$s r JOIN students s ON s.school_id = r.id JOIN pairings p ON s.id IN (p.mentor_id, p.mentee_id) JOIN students o ON o.id IN (p.mentor_id, p.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "programmes_day_insert" ON "programmes";
--> statement-breakpoint
CREATE TRIGGER "programmes_day_insert" AFTER INSERT ON "programmes" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN pairings p ON p.partnership_id = r.partnership_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "programmes_day_update" ON "programmes";
--> statement-breakpoint
CREATE TRIGGER "programmes_day_update" AFTER UPDATE ON "programmes" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN pairings p ON p.partnership_id = r.partnership_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)');
--> statement-breakpoint
DROP TRIGGER IF EXISTS "programmes_day_delete" ON "programmes";
--> statement-breakpoint
CREATE TRIGGER "programmes_day_delete" AFTER DELETE ON "programmes" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed('SELECT s.school_id FROM %1$s r JOIN pairings p ON p.partnership_id = r.partnership_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)');
