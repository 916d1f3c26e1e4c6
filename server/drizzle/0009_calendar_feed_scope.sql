-- A coordinator's calendar feed can show only the series they booked ('mine') instead of the whole school's sessions.
ALTER TABLE "calendar_feeds" ADD COLUMN "scope" text DEFAULT 'school' NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_scope" CHECK ("scope" IN ('school', 'mine'));
