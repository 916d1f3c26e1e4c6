-- The iPad pool that scheduling uses is the school's enrolled, active iPads, so
-- each iPad records when its code was redeemed, when it was last used, and the
-- room it lives in; the separate pool number on the calendar goes.
ALTER TABLE "devices" ADD COLUMN IF NOT EXISTS "room" text;
--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN IF NOT EXISTS "redeemed_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN IF NOT EXISTS "last_used_at" timestamp with time zone;
--> statement-breakpoint
-- An iPad whose code was typed is enrolled from then; one with no code at all was
-- given its token directly (seeded), so it counts as enrolled since it was made.
UPDATE "devices" d SET "redeemed_at" = COALESCE(
	(SELECT min(c."used_at") FROM "device_enrolment_codes" c WHERE c."device_id" = d."id"),
	CASE WHEN NOT EXISTS (SELECT 1 FROM "device_enrolment_codes" c WHERE c."device_id" = d."id") THEN d."created_at" END
) WHERE d."redeemed_at" IS NULL;
--> statement-breakpoint
-- Labels become unique among a school's working iPads: earlier duplicates keep
-- their name, later ones are numbered so the index below can be built.
UPDATE "devices" d SET "label" = d."label" || ' (' || r.n || ')'
FROM (
	SELECT "id", row_number() OVER (PARTITION BY "school_id", lower("label") ORDER BY "created_at", "id") AS n
	FROM "devices" WHERE "revoked_at" IS NULL
) r
WHERE d."id" = r."id" AND r.n > 1;
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "devices_school_label_uq" ON "devices" ("school_id", lower("label")) WHERE "revoked_at" IS NULL;
--> statement-breakpoint
ALTER TABLE "school_calendars" DROP COLUMN IF EXISTS "devices";
--> statement-breakpoint
ALTER TABLE "school_calendars" DROP COLUMN IF EXISTS "rooms";
