#!/usr/bin/env bash
# deps.sh -- the package step runs once, alone, before any parallel work, without root.  Stub
# dpkg-query, apt-get, sudo and id first on PATH: every package reads as missing, apt-get records
# its calls and whether two ever overlapped, and its install either fails (so that make stops right
# after the package step: nothing is compiled) or marks the packages installed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { if eval "$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL deps: $2" >&2; fi; }
unset MAKEFLAGS MFLAGS MAKELEVEL SANITIZE
stub=$tmp/stub; mkdir -p "$stub"
cat > "$stub/dpkg-query" <<'SH'
#!/bin/bash
p=${!#}
if grep -qx "$p" "$STUB_DIR/installed" 2>/dev/null; then echo "install ok installed"; exit 0; fi
echo "unknown ok not-installed"; exit 1
SH
cat > "$stub/apt-get" <<'SH'
#!/bin/bash
mkdir "$STUB_DIR/busy" 2>/dev/null || echo overlap >> "$STUB_DIR/log"
args=" $* "
case "$args" in
  *" update "*) echo update >> "$STUB_DIR/log" ;;
  *" install "*) pkgs=${args##*--no-install-recommends }; echo "install $pkgs" >> "$STUB_DIR/log" ;;
esac
sleep 0.5
status=0
if [[ "$args" == *" install "* ]]; then
  if [ -n "${STUB_INSTALL_OK:-}" ]; then for p in $pkgs; do echo "$p" >> "$STUB_DIR/installed"; done
  else status=100; fi
fi
rmdir "$STUB_DIR/busy"; exit $status
SH
cat > "$stub/sudo" <<'SH'
#!/bin/bash
[ "${STUB_SUDO:-yes}" = yes ] || exit 1
[ "$1" = -n ] && shift; exec "$@"
SH
cat > "$stub/id" <<'SH'
#!/bin/bash
echo "${STUB_UID:-0}"
SH
chmod +x "$stub"/*
export PATH="$stub:$PATH" AR_DEPS_LOCK="$tmp/lock"
export STUB_DIR
scenario() {   # scenario NAME: a fresh stub state in $tmp/NAME
  STUB_DIR=$tmp/$1; mkdir -p "$STUB_DIR"; : > "$STUB_DIR/log"
}
mk() { make -C "$top" --no-print-directory B="$tmp/build" "$@" >"$STUB_DIR/out" 2>&1; }
installs() { grep -c '^install' "$STUB_DIR/log"; }

for goal in all quick test; do
  scenario "$goal"; mk -j2 "$goal"; status=$?
  check '[ $status -ne 0 ] && [ "$(installs)" -eq 1 ] && ! grep -q overlap "$STUB_DIR/log"' \
    "make -j2 $goal: status $status, $(installs) installs, log: $(tr '\n' ' ' < "$STUB_DIR/log")"
done
check 'grep -q "^install.* libgsl-dev" "$tmp/all/log" && grep -q "^install.* latexmk" "$tmp/all/log"' \
  "make all did not install the build and the document packages in one step: $(cat "$tmp/all/log")"
check 'grep -q "^install.* libgsl-dev" "$tmp/test/log" && ! grep -q "^install.* latexmk" "$tmp/test/log"' \
  "make test should install the build packages only: $(cat "$tmp/test/log")"

# Not root and no password-less sudo: one line naming the packages, non-zero, apt-get never run.
scenario nosudo; STUB_UID=1000 STUB_SUDO=no mk -j2 test; status=$?
msg=$(grep -c 'missing Debian packages:.*libgsl-dev.*apt-get install' "$STUB_DIR/out")
check '[ $status -ne 0 ] && [ "$msg" -eq 1 ] && [ ! -s "$STUB_DIR/log" ]' \
  "not root without sudo: status $status, message lines $msg, apt-get log: $(cat "$STUB_DIR/log")"
# Not root with sudo: installs through sudo.
scenario sudo; STUB_UID=1000 STUB_SUDO=yes mk -j2 test
check '[ "$(installs)" -eq 1 ]' "not root with sudo: $(installs) installs"

# Two package steps at once (two makes): one installs, the other waits and finds nothing missing.
scenario twice
( STUB_INSTALL_OK=1 bash "$top/make/install-deps.sh" libgsl-dev latexmk 2>/dev/null ) &
( STUB_INSTALL_OK=1 bash "$top/make/install-deps.sh" libgsl-dev latexmk 2>/dev/null ) &
wait
check '[ "$(installs)" -eq 1 ] && ! grep -q overlap "$STUB_DIR/log"' \
  "two concurrent package steps: $(installs) installs, log: $(tr '\n' ' ' < "$STUB_DIR/log")"
echo "deps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
