#!/usr/bin/env bash
# What preparing the receive transport before the tap could save, on the bare floor: the bare mediasoup +
# mediasoup-client baseline (../shared/baselines/bare-mediasoup) with two more subscribers per run, interleaved
# with its own: one whose Device and receive transport are made before its clock starts ("created"), and one
# whose transport is also connected (ICE + DTLS) before it, by consuming the publisher's data channel first
# ("connected"; mediasoup-client connects a transport only on its first produce/consume/produceData/consumeData).
# Prints the baseline's own line and then
#   spike created: runs=[…] median=<ms>
#   spike connected: runs=[…] median=<ms>
# Uses the repository's own mediasoup, mediasoup-client, playwright-core and esbuild (no install).
# Usage: RUNS=10 bash bench/bare-prepared/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
baseline="${BARE_BASELINE_DIR:-$(cd "$repo/.." && pwd)/shared/baselines/bare-mediasoup}"
[ -f "$baseline/e2e.js" ] || { echo "bare-prepared: the bare baseline is not at $baseline (set BARE_BASELINE_DIR)" >&2; exit 1; }
worker="${MEDIASOUP_WORKER_BIN:-$repo/node_modules/mediasoup/worker/out/Release/mediasoup-worker}"
[ -x "$worker" ] || { echo "bare-prepared: no mediasoup worker at $worker (run the set-up script)" >&2; exit 1; }
app="$(mktemp -d)"
trap 'rm -rf "$app"' EXIT
mkdir -p "$app/test" "$app/web"
cp "$baseline/e2e.js" "$app/test/"
cp "$baseline/client.js" "$baseline/index.html" "$app/web/"
ln -s "$repo/node_modules" "$app/node_modules"
patch -s -d "$app" -p1 <"$here/prepared.patch"
"$repo/node_modules/.bin/esbuild" "$app/web/client.js" --bundle --format=iife --target=chrome110 --outfile="$app/web/bundle.js" --log-level=warning
MEDIASOUP_WORKER_BIN="$worker" RUNS="${RUNS:-10}" node "$app/test/e2e.js" >"$app/out.txt" 2>&1 || { cat "$app/out.txt" >&2; exit 1; }
grep -E '^(join->first decoded frame|spike )' "$app/out.txt"
