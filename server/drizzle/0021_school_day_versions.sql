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
-- Per table, the schools a change to its rows touches (%1$s: the changed rows), and its three triggers:
-- transition tables allow one event per trigger.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    -- A session or an exit: both students' schools, through the pairing.
    ('session_occurrences', 'SELECT s.school_id FROM %1$s r JOIN pairings p ON p.id = r.pairing_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)'),
    ('pairing_exits', 'SELECT s.school_id FROM %1$s r JOIN pairings p ON p.id = r.pairing_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)'),
    ('pairings', 'SELECT s.school_id FROM %1$s r JOIN students s ON s.id IN (r.mentor_id, r.mentee_id)'),
    -- A student: their own school, and every school where they are someone's partner.
    ('students', 'SELECT r.school_id FROM %1$s r UNION ALL SELECT s.school_id FROM %1$s r JOIN pairings p ON p.mentor_id = r.id JOIN students s ON s.id = p.mentee_id UNION ALL SELECT s.school_id FROM %1$s r JOIN pairings p ON p.mentee_id = r.id JOIN students s ON s.id = p.mentor_id'),
    -- A school (name, zone): itself, and every school whose students are paired with its students.
    ('schools', 'SELECT r.id FROM %1$s r UNION ALL SELECT o.school_id FROM %1$s r JOIN students s ON s.school_id = r.id JOIN pairings p ON s.id IN (p.mentor_id, p.mentee_id) JOIN students o ON o.id IN (p.mentor_id, p.mentee_id)'),
    -- A programme's goals are every one of its pairs' focus.
    ('programmes', 'SELECT s.school_id FROM %1$s r JOIN pairings p ON p.partnership_id = r.partnership_id JOIN students s ON s.id IN (p.mentor_id, p.mentee_id)')
  ) AS v(name, affected) LOOP
    FOR e IN 1..3 LOOP
      EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t.name || '_day_' || (ARRAY['insert', 'update', 'delete'])[e], t.name);
      EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION school_days_changed(%L)',
        t.name || '_day_' || (ARRAY['insert', 'update', 'delete'])[e],
        (ARRAY['INSERT', 'UPDATE', 'DELETE'])[e],
        t.name,
        (ARRAY['NEW TABLE AS new_rows', 'NEW TABLE AS new_rows OLD TABLE AS old_rows', 'OLD TABLE AS old_rows'])[e],
        t.affected);
    END LOOP;
  END LOOP;
END $$;
