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

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  say "Unit and integration tests (PGlite and PostgreSQL at ${TEST_DATABASE_URL%%\?*})"
else
  say "Unit and integration tests (PGlite; set TEST_DATABASE_URL to add PostgreSQL)"
fi
npx vitest run

say "Browser tests (Chromium with a fake camera and microphone, real server, real media worker)"
npm run test:e2e --silent

say "All checks passed"
