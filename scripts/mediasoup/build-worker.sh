#!/usr/bin/env bash
# Build (or fetch from the local cache) the mediasoup C++ worker offline,
# against Debian bookworm's system libraries. See README.md beside this file.
#
# Usage: bash scripts/mediasoup/build-worker.sh [path-to-node_modules/mediasoup]
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"

die() { echo "build-worker: error: $*" >&2; exit 1; }

# --- locate the mediasoup package ------------------------------------------
if [[ $# -ge 1 ]]; then
  ms_dir="$1"
else
  ms_dir="$repo_root/node_modules/mediasoup"
  # npm workspaces normally hoist it to the root; fall back to the server's.
  if [[ ! -f "$ms_dir/package.json" && -f "$repo_root/server/node_modules/mediasoup/package.json" ]]; then
    ms_dir="$repo_root/server/node_modules/mediasoup"
  fi
fi
[[ -f "$ms_dir/package.json" ]] || die "no mediasoup package at '$ms_dir' (run npm install with MEDIASOUP_WORKER_BIN=skip first, or pass its path)"
ms_dir="$(cd "$ms_dir" && pwd)"

ms_version="$(sed -n 's/^[[:space:]]*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ms_dir/package.json" | head -n1)"
[[ -n "$ms_version" ]] || die "cannot read the version from $ms_dir/package.json"

# --- cache key: mediasoup version + hash of this folder (minus docs) -------
shim_hash="$(
  cd "$script_dir" &&
  find . -type f ! -name '*.md' -print0 | LC_ALL=C sort -z |
    xargs -0 sha256sum | sha256sum | cut -c1-12
)"
cache_root="${PEERBRIDGE_CACHE_DIR:-$HOME/.cache/peerbridge}"
cache_dir="$cache_root/mediasoup-worker/$ms_version-$shim_hash"
cached_bin="$cache_dir/mediasoup-worker"
log_file="$cache_dir/build.log"
out_dir="$ms_dir/worker/out/Release"
out_bin="$out_dir/mediasoup-worker"

install_bin() {
  # Copy the cached binary into the package unless it is already identical.
  if [[ -f "$out_bin" ]] && cmp -s "$cached_bin" "$out_bin"; then
    return 0
  fi
  mkdir -p "$out_dir"
  cp "$cached_bin" "$out_bin.tmp.$$"
  chmod 755 "$out_bin.tmp.$$"
  mv -f "$out_bin.tmp.$$" "$out_bin"
}

if [[ -x "$cached_bin" ]]; then
  install_bin
  echo "mediasoup-worker $ms_version: cached"
  exit 0
fi

say() { echo "mediasoup-worker $ms_version: $*"; }

# --- prerequisites (installing them is the caller's job) -------------------
missing=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need_cmd meson meson
need_cmd ninja ninja-build
need_cmd pkg-config pkg-config
need_cmd g++ g++
need_cmd cc gcc
need_cmd patch patch
need_cmd strip binutils
if command -v pkg-config >/dev/null 2>&1; then
  need_pc() { pkg-config --exists "$1" || missing+=("$2"); }
  need_pc libuv libuv1-dev
  need_pc libssl libssl-dev
  need_pc libcrypto libssl-dev
  need_pc libsrtp2 libsrtp2-dev
  need_pc usrsctp libusrsctp-dev
  need_pc nlohmann_json nlohmann-json3-dev
  for m in absl_flat_hash_map absl_flat_hash_set absl_btree absl_inlined_vector \
           absl_memory absl_raw_hash_set absl_hash absl_base absl_strings \
           absl_optional absl_variant; do
    need_pc "$m" libabsl-dev
  done
fi
if [[ ${#missing[@]} -gt 0 ]]; then
  pkgs="$(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++' | tr '\n' ' ')"
  die "missing build prerequisites. Install the Debian packages with:
  apt-get install -y ${pkgs% }"
fi
[[ -d "$ms_dir/worker/subprojects" && -f "$ms_dir/worker/meson.build" ]] \
  || die "$ms_dir/worker has no meson sources (is this a complete mediasoup package?)"

# --- build in a temporary copy ----------------------------------------------
mkdir -p "$cache_dir"
: > "$log_file"
tmp_dir="$(mktemp -d "${TMPDIR:-/tmp}/peerbridge-mediasoup.XXXXXX")"
cleanup() { rm -rf "$tmp_dir"; rm -f "$cached_bin.tmp.$$" "$out_bin.tmp.$$"; }
trap cleanup EXIT
src="$tmp_dir/worker"
build="$tmp_dir/build"

fail() {
  # meson's own detailed log lives in the temp dir, which the trap removes.
  if [[ -f "$build/meson-logs/meson-log.txt" ]]; then
    cp "$build/meson-logs/meson-log.txt" "$cache_dir/meson-log.txt" || true
    echo "(meson's detailed log copied to $cache_dir/meson-log.txt)" >>"$log_file"
  fi
  echo "mediasoup-worker $ms_version: FAILED while $1. Full log: $log_file" >&2
  echo "----- last 40 lines of $log_file -----" >&2
  tail -n 40 "$log_file" >&2 || true
  exit 1
}

say "preparing sources in $tmp_dir"
# Only what the build reads; skip any previous out/ directory.
mkdir -p "$src"
for f in "$ms_dir/worker"/*; do
  [[ "$(basename "$f")" == out ]] && continue
  cp -R "$f" "$src/"
done
rm -f "$src"/subprojects/*.wrap
for shim in "$script_dir"/shims/*/; do
  name="$(basename "$shim")"
  rm -rf "$src/subprojects/$name"
  cp -R "$shim" "$src/subprojects/$name"
done
patch_file="$script_dir/meson-version.patch"
if grep -q "meson_version: '>= 1.1.0'" "$src/meson.build"; then
  (cd "$src" && patch -p1 --forward --silent < "$patch_file") >>"$log_file" 2>&1 \
    || fail "applying $patch_file"
fi

say "configuring..."
{
  echo "=== meson setup ($(meson --version)) $(date -u +%FT%TZ)"
  meson setup --wrap-mode=nodownload --buildtype release \
    -Db_ndebug=true -Db_pie=true -Db_staticpic=true "$build" "$src"
} >>"$log_file" 2>&1 || fail "configuring"

say "compiling (about 3 minutes on 2 cores)..."
start=$SECONDS
{
  echo "=== ninja $(date -u +%FT%TZ)"
  ninja -C "$build" mediasoup-worker
} >>"$log_file" 2>&1 || fail "compiling"

[[ -f "$build/mediasoup-worker" ]] || fail "looking for the built binary"
strip -o "$cached_bin.tmp.$$" "$build/mediasoup-worker" >>"$log_file" 2>&1 || fail "stripping"
chmod 755 "$cached_bin.tmp.$$"
mv -f "$cached_bin.tmp.$$" "$cached_bin"
install_bin
say "built in $((SECONDS - start)) s ($(du -h "$cached_bin" | cut -f1) stripped), cached at $cached_bin"
