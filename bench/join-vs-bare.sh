#!/usr/bin/env bash
# Join latency against the floor: the product's join-to-first-frame (e2e/specs/join-latency.spec.ts: tap on
# Join to the partner's first decoded frame, real server, real worker, Debian's Chromium with a fake camera)
# and the bare mediasoup + mediasoup-client baseline (../shared/baselines/bare-mediasoup/run.sh, the same
# worker binary and Chromium), interleaved A, B, A, B so both see the same machine load. Prints one line per
# round and the ratio's min/median/max:
#   join-vs-bare round=<i> product_p50=<ms> bare_p50=<ms> ratio=<r>
#   join-vs-bare-stages round=<i> join-acked=<ms> transports-created=<ms> … first-remote-frame=<ms>
#   join-vs-bare product_p50=<ms> bare_p50=<ms> ratio=<median> ratio_min=<r> ratio_max=<r> rounds=<n> joins=<n>
# Needs the built client and worker (the set-up script), and npm registry access the first time (the baseline
# installs its own mediasoup-client into a temp folder). Usage: ROUNDS=3 JOINS=20 bash bench/join-vs-bare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-3}"
joins="${JOINS:-20}"
baseline="${BARE_BASELINE:-$(cd .. && pwd)/shared/baselines/bare-mediasoup/run.sh}"
[ -f "$baseline" ] || { echo "join-vs-bare: the bare baseline is not at $baseline (set BARE_BASELINE)" >&2; exit 1; }
worker="${MEDIASOUP_WORKER_BIN:-$(node -e "console.log(require('node:path').join(require('node:path').dirname(require.resolve('mediasoup/package.json', { paths: ['server'] })), 'worker/out/Release/mediasoup-worker'))")}"
[ -x "$worker" ] || { echo "join-vs-bare: no mediasoup worker at $worker (run the set-up script)" >&2; exit 1; }
log="$(mktemp -d)"
trap 'rm -rf "$log"' EXIT

products=()
bares=()
ratios=()
for round in $(seq 1 "$rounds"); do
  JOIN_LATENCY_RUNS="$joins" npx --no-install playwright test -c e2e/playwright.config.ts e2e/specs/join-latency.spec.ts --reporter=line >"$log/product-$round.txt" 2>&1 ||
    { cat "$log/product-$round.txt" >&2; echo "join-vs-bare: the product's join run failed" >&2; exit 1; }
  product="$(grep -oE 'join-to-first-frame p50=[0-9]+' "$log/product-$round.txt" | tail -1 | cut -d= -f2)"
  MEDIASOUP_WORKER_BIN="$worker" RUNS="$joins" bash "$baseline" >"$log/bare-$round.txt" 2>&1 ||
    { cat "$log/bare-$round.txt" >&2; echo "join-vs-bare: the bare baseline failed" >&2; exit 1; }
  bare="$(grep -oE 'median=[0-9.]+' "$log/bare-$round.txt" | tail -1 | cut -d= -f2)"
  [ -n "$product" ] && [ -n "$bare" ] || { echo "join-vs-bare: no figure in round $round" >&2; exit 1; }
  ratio="$(node -e "console.log(($product / $bare).toFixed(2))")"
  echo "join-vs-bare round=$round product_p50=$product bare_p50=$bare ratio=$ratio"
  stages="$(grep -oE 'join-stages p50 .*' "$log/product-$round.txt" | tail -1 | sed 's/^join-stages p50 //')"
  [ -z "$stages" ] || echo "join-vs-bare-stages round=$round $stages"
  products+=("$product")
  bares+=("$bare")
  ratios+=("$ratio")
done
JOINS_PER_ROUND="$joins" node -e '
const [products, bares, ratios] = process.argv.slice(1).map((list) => list.split(" ").map(Number).sort((a, b) => a - b));
const median = (xs) => (xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2);
console.log(`join-vs-bare product_p50=${Math.round(median(products))} bare_p50=${Math.round(median(bares))} ratio=${median(ratios).toFixed(2)} ratio_min=${ratios[0].toFixed(2)} ratio_max=${ratios.at(-1).toFixed(2)} rounds=${ratios.length} joins=${process.env.JOINS_PER_ROUND}`);
' "${products[*]}" "${bares[*]}" "${ratios[*]}"
