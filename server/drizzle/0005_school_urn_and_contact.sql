-- The deployment admin creates schools with their DfE number (URN) and a contact address.
-- Both are nullable: schools created before (the demo's) have neither. Two schools cannot share a URN.
ALTER TABLE "schools" ADD COLUMN "urn" text;
--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "contact_email" text;
--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_urn" UNIQUE("urn");
