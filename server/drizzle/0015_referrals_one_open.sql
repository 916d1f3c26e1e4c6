-- A student has at most one open referral (and one open mentor application) at a time, so two
-- coordinators referring the same child at once cannot make two queue entries for them.
CREATE UNIQUE INDEX IF NOT EXISTS "referrals_one_open" ON "referrals" USING btree ("student_id","kind") WHERE "referrals"."status" in ('new', 'waiting_for_consent', 'ready_to_pair');
