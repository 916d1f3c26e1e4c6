-- Runs once, when the PostgreSQL volume is first created. The image's user
-- (peerbridge) owns the database and runs the migrations; the server itself
-- logs in as peerbridge_runtime, which has no rights of its own: at start-up
-- the owner grants it peerbridge_app (insert and read the logs, no more).
CREATE ROLE peerbridge_runtime LOGIN PASSWORD 'peerbridge_runtime'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
