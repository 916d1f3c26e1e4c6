#!/usr/bin/env bash
# Quick start: set everything up, then run Peerbridge on the embedded database with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export DEMO=1
exec npm run start -w @peerbridge/server --silent
