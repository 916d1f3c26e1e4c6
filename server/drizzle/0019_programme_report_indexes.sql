-- Programme reports start from a partnership's pairings and a school's partnerships: index both ways in.
CREATE INDEX IF NOT EXISTS "pairings_partnership_idx" ON "pairings" USING btree ("partnership_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "partnerships_mentee_school_idx" ON "partnerships" USING btree ("mentee_school_id");
