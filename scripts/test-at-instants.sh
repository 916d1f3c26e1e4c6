#!/usr/bin/env bash
# Runs the time-sensitive suites (scheduling, today's sessions, join windows, sign-in,
# retention) at instants chosen to be awkward, with both the servers' injected clock
# (PEERBRIDGE_TEST_NOW) and the process's wall clock (Debian's faketime) set to each one,
# then the browser call test just before midnight and inside the autumn clock-change hour.
# Every run must pass: the suite may not depend on when it happens to run.
#   bash scripts/test-at-instants.sh            all instants, then the browser runs
#   bash scripts/test-at-instants.sh --no-e2e   the integration runs only
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

with_e2e=1
for arg in "$@"; do
  case "$arg" in
    --no-e2e) with_e2e=0 ;;
    *) fail "unknown option: $arg" ;;
  esac
done

command -v faketime >/dev/null 2>&1 || fail "faketime is missing: run 'npm run setup' (it installs Debian's faketime)"

# London time. The demo programme runs 14 Sep 2026 – 16 Jul 2027; Northgate's autumn half-term starts Mon 26 Oct 2026.
instants=(
  "2026-12-01T09:16:00Z  Tuesday 09:16 (the morning the suite once failed)"
  "2026-12-01T23:59:00Z  23:59, a minute before midnight"
  "2026-12-02T00:01:00Z  00:01, a minute after midnight"
  "2026-10-25T01:30:00Z  Sunday the clocks go back, 01:30 GMT (the repeated hour's second pass)"
  "2027-03-28T01:30:00Z  Sunday the clocks go forward, 02:30 BST (just after the missing hour)"
  "2026-10-26T08:45:00Z  first morning of the autumn half-term"
  "2027-08-10T11:00:00Z  summer holidays, after the demo programme has ended"
)
suites=(
  server/src/services/scheduling/scheduling.int.test.ts
  server/src/transport/http/device.routes.int.test.ts
  server/src/transport/socket/call.handlers.int.test.ts
  server/src/transport/http/safeguarding-flows.int.test.ts
  server/src/services/retention/retention-job.int.test.ts
  server/src/services/audit/staff-audit.int.test.ts
)

# Run on the embedded database only: the time rules are the same on PostgreSQL, whose server
# process faketime could not shift; the main run covers PostgreSQL at the default instant.
for entry in "${instants[@]}"; do
  instant="${entry%% *}"
  what="${entry#*  }"
  say "Time-sensitive suites at $instant ($what)"
  wall=$(date -u -d "$instant" '+%Y-%m-%d %H:%M:%S')
  # Monotonic time stays real so node's timers keep working; only the calendar moves.
  env -u TEST_DATABASE_URL -u TEST_REDIS_URL PEERBRIDGE_TEST_NOW="$instant" TZ=UTC \
    FAKETIME_DONT_FAKE_MONOTONIC=1 faketime "$wall" \
    npx vitest run --project integration --reporter=dot "${suites[@]}" \
    || fail "the time-sensitive suites failed at $instant ($what); replay with: PEERBRIDGE_TEST_NOW=$instant FAKETIME_DONT_FAKE_MONOTONIC=1 faketime '$wall' npx vitest run ${suites[*]}"
done

if [ "$with_e2e" -eq 1 ]; then
  for instant in 2026-12-01T23:59:00Z 2026-10-25T01:30:00Z; do
    say "Browser call test with the server's clock at $instant"
    PEERBRIDGE_TEST_NOW="$instant" npm run test:e2e --silent -- call.spec \
      || fail "the browser call test failed with the server's clock at $instant"
  done
fi
say "Passed at every instant"
