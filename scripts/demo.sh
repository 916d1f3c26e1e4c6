#!/usr/bin/env bash
# Quick start: set everything up, then run Peerbridge on the embedded database with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export DEMO=1
# The demo accounts have no authenticator app; STAFF_STEP_UP=required makes DSLs set one up (see the README).
export STAFF_STEP_UP="${STAFF_STEP_UP:-off}"
# Quiet by default so the welcome with the iPad links stays on screen; LOG_LEVEL=info shows every request.
export LOG_LEVEL="${LOG_LEVEL:-warn}"
exec npm run start -w @peerbridge/server --silent
