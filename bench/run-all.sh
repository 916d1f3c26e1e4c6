#!/usr/bin/env bash
# Runs every benchmark and prints its figures; targets are stated in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for bench in slot-finder network-schedule matcher programme-report api-today sfu-capacity client-bundles idle-memory; do
  npx --no-install tsx "bench/${bench}.bench.ts"
done
