CREATE TABLE "staff_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"detail" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "staff_audit_seq" UNIQUE("school_id","seq")
);
--> statement-breakpoint
ALTER TABLE "staff_audit" ADD CONSTRAINT "staff_audit_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_audit" ADD CONSTRAINT "staff_audit_actor_id_staff_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_audit_school_at_idx" ON "staff_audit" USING btree ("school_id","at");--> statement-breakpoint
-- Append-only for the application: it may add to the trail and read it, nothing else.
-- Stated in full here rather than relying on earlier default privileges, so this
-- migration means the same whichever migrations ran before it.
REVOKE ALL ON staff_audit FROM PUBLIC;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON staff_audit FROM peerbridge_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON staff_audit TO peerbridge_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE staff_audit_id_seq TO peerbridge_app;
--> statement-breakpoint
-- Where grants do not bite (the embedded database runs as a superuser) a trigger
-- refuses every change anyway. Unlike the session log there is no retention
-- exemption: the staff audit trail is never purged.
CREATE OR REPLACE FUNCTION peerbridge_refuse_staff_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER staff_audit_append_only
  BEFORE UPDATE OR DELETE ON staff_audit
  FOR EACH ROW EXECUTE FUNCTION peerbridge_refuse_staff_audit_change();
--> statement-breakpoint
CREATE TRIGGER staff_audit_no_truncate
  BEFORE TRUNCATE ON staff_audit
  FOR EACH STATEMENT EXECUTE FUNCTION peerbridge_refuse_staff_audit_change();
