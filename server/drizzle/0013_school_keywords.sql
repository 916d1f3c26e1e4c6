-- Each school's DSLs keep their own safeguarding keyword list for chat (null:
-- the default list). A shared session is checked against both schools' lists.
-- Only adds a column, so it applies after any other migration; the runtime
-- login's table-wide grants cover it.
ALTER TABLE "schools" ADD COLUMN IF NOT EXISTS "chat_keywords" text[];
