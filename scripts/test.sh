#!/usr/bin/env bash
# Sets everything up (including Chromium), then runs every check: types, lint, unit and
# integration tests (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set) and the
# browser tests against the real server. Stops at the first failure, loudly.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bash scripts/setup.sh --with-browser

say "Type-checking"
npm run typecheck --silent
say "Linting"
npm run lint --silent

databases="PGlite"
if [ -n "${TEST_DATABASE_URL:-}" ]; then databases+=" and PostgreSQL at ${TEST_DATABASE_URL%%\?*}"; fi
if [ -n "${TEST_REDIS_URL:-}" ]; then databases+="; Redis adapter at ${TEST_REDIS_URL}"; fi
say "Unit and integration tests ($databases)"
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "    (TEST_DATABASE_URL adds PostgreSQL, TEST_REDIS_URL the Redis adapter; .ci/run sets both)"
fi
npx vitest run

say "Browser tests (Chromium with a fake camera and microphone, real server, real media worker)"
npm run test:e2e --silent

# The time-sensitive suites again at awkward instants (midnight, clock changes, holidays).
bash scripts/test-at-instants.sh

say "All checks passed"
