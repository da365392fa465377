#!/usr/bin/env bash
# install-deps.sh PACKAGE... -- install the missing Debian packages among PACKAGE in one apt-get
# transaction (update, then install).  Serialized by a lock (flock), so that two makes, or the
# goals of one make -j, never run apt-get at the same time; the missing set is computed again once
# the lock is held, since another process may have installed it meanwhile.  Not root and no
# password-less sudo: one line naming the packages and the command to run, and exit status 1.
set -u
[ $# -gt 0 ] || exit 0
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "deps: not a Debian system: make sure these are installed: $*" >&2
  exit 0
fi
missing() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$' || printf ' %s' "$p"
  done
}
need=$(missing "$@")
[ -n "$need" ] || exit 0
exec 9>"${AR_DEPS_LOCK:-${TMPDIR:-/tmp}/algoreg-deps.lock}"
flock 9
need=$(missing "$@")
[ -n "$need" ] || exit 0
sudo=
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"
  else
    echo "deps: missing Debian packages:$need; install them with: sudo apt-get install$need" >&2
    exit 1
  fi
fi
echo "deps: installing Debian packages:$need" >&2
apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -qq)
$sudo "${apt[@]}" update >&2 &&
  $sudo "${apt[@]}" install -y --no-install-recommends $need >&2 || {
  echo "deps: apt-get failed installing:$need" >&2
  exit 1
}
