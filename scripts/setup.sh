#!/usr/bin/env bash
# Sets up everything Peerbridge needs on Debian 12, skipping whatever is already done:
# Debian packages, npm dependencies, the mediasoup worker (built offline, cached per version)
# and the tablet client build. `--with-browser` also installs what the tests need: Chromium for
# the browser tests and faketime for running the suites at awkward instants.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

with_browser=0
for arg in "$@"; do
  case "$arg" in
    --with-browser) with_browser=1 ;;
    *) fail "unknown option: $arg" ;;
  esac
done

# Node ≥ 20.19 (vite 8 and eslint need it).
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || fail "Node.js 20.19 or newer is needed (found $(node --version 2>/dev/null || echo none))"

packages=(ca-certificates python3 make g++ meson ninja-build pkg-config patch
  libuv1-dev libssl-dev libsrtp2-dev libusrsctp-dev nlohmann-json3-dev libabsl-dev)
# The tests also need Chromium and faketime (the suites are run at awkward wall-clock instants),
# and the network lab of the impairment tests: iproute2 and nftables for its namespaces and rules,
# coturn for TURN, openssl for its test certificate, docker-compose to check the compose stack.
[ "$with_browser" -eq 1 ] && packages+=(chromium faketime iproute2 nftables openssl docker-compose)
ensure_debian_packages "${packages[@]}"
[ "$with_browser" -eq 1 ] && ensure_coturn_not_running_as_a_service

# npm dependencies: reinstall only when the lockfile changed. MEDIASOUP_WORKER_BIN stops
# mediasoup's postinstall from downloading a worker (there is no internet); we build our own below.
lock_hash=$(sha256sum package-lock.json | cut -c1-16)
stamp=node_modules/.peerbridge-lock-hash
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  say "npm dependencies: up to date"
else
  say "Installing npm dependencies"
  MEDIASOUP_WORKER_BIN=skip npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

bash scripts/mediasoup/build-worker.sh

client_hash=$(content_hash client/src client/index.html client/vite.config.ts client/package.json shared/src)
if [ -f client/dist/.build-hash ] && [ "$(cat client/dist/.build-hash)" = "$client_hash" ]; then
  say "Tablet client: already built"
else
  say "Building the tablet client"
  npm run build -w @peerbridge/client --silent
  echo "$client_hash" > client/dist/.build-hash
fi
say "Set-up complete"
