# Shared helpers for the set-up, demo and test scripts. Sourced, not run.

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf '\033[31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else fail "need root (or sudo) to run: $*"; fi
}

# Installs the Debian packages that are missing, and only those.
ensure_debian_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "Debian packages: already installed"
    return
  fi
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; install these packages by hand: ${missing[*]}"
  say "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# sha256 of the named files and folders' contents (sorted), for "has this changed?" stamps.
content_hash() {
  find "$@" -type f -not -path '*/node_modules/*' -not -path '*/dist/*' -print0 2>/dev/null \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
}

# coturn's `turnserver` for the tests, which start their own inside a network namespace. Debian's
# package would start and enable a host-wide service: a policy-rc.d that refuses stops it starting
# while it installs, and the service is then disabled (and stopped, if something started it).
ensure_coturn_not_running_as_a_service() {
  if ! dpkg-query -W -f='${Status}' coturn 2>/dev/null | grep -q 'install ok installed'; then
    local policy=/usr/sbin/policy-rc.d made_policy=0
    if [ ! -e "$policy" ]; then
      as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy"
      made_policy=1
    fi
    local rc=0
    (ensure_debian_packages coturn) || rc=$?
    if [ "$made_policy" -eq 1 ]; then as_root rm -f "$policy"; fi
    [ "$rc" -eq 0 ] || fail "installing coturn failed"
  fi
  if [ -d /run/systemd/system ] && systemctl is-enabled coturn.service >/dev/null 2>&1; then
    say "Disabling Debian's coturn service (the tests run their own turnserver)"
    as_root systemctl disable --now coturn.service >/dev/null 2>&1 || true
  fi
  if [ -x /etc/init.d/coturn ] && ls /etc/rc2.d/S*coturn >/dev/null 2>&1; then
    as_root update-rc.d coturn disable >/dev/null 2>&1 || true
  fi
  return 0
}
