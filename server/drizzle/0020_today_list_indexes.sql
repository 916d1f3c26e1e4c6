-- The iPads' today list (polled by every school iPad) and the session lists' "next session" lookup:
-- a pair's sessions by start (the day's window, and the first one after a session in one index probe,
-- where the start-time index alone walked every later session of the network), mentee pairings by
-- student (the mentee school's side of a school's list; mentors have pairings_mentor_mentee), and
-- gradual exits by their final review session. The new pair index leads with pairing_id, so it
-- serves everything the one-column index did.
CREATE INDEX IF NOT EXISTS "session_occurrences_pairing_starts_idx" ON "session_occurrences" USING btree ("pairing_id", "starts_at");
--> statement-breakpoint
DROP INDEX IF EXISTS "session_occurrences_pairing_idx";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "pairings_mentee_idx" ON "pairings" USING btree ("mentee_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "pairing_exits_final_review_idx" ON "pairing_exits" USING btree ("final_review_occurrence_id") WHERE "final_review_occurrence_id" IS NOT NULL;
