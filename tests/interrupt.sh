#!/usr/bin/env bash
# interrupt.sh -- an interrupted build leaves nothing that make would trust, and the next make
# regenerates what was lost.  Uses a private build folder (B=...), so build/ is untouched.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { if eval "$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL interrupt: $2" >&2; fi; }
# The outer make's variables (SANITIZE=1 moves the programs to bin-san/) must not leak in.
unset MAKEFLAGS MFLAGS MAKELEVEL SANITIZE
mk() { make -C "$top" --no-print-directory -s B="$tmp/build" MODE=quick "$@"; }
target=$tmp/build/quick/data/S-alpha-large.tsv
mkdir -p "$tmp/log"
mk "$tmp/build/bin/S-alpha" >"$tmp/log/build" 2>&1 || sed 's/^/    build: /' "$tmp/log/build" | tail -n 8 >&2
check '[ -x "$tmp/build/bin/S-alpha" ]' "programs build in a private folder"
# 1. Kill the experiment program itself in mid-run: no output file at all.
mkdir -p "$tmp/direct"
"$tmp/build/bin/S-alpha" --alphas 2,1 --mu 0.02 --T 20000 --quiet --out "$tmp/direct/x" &
pid=$!; sleep 1; kill -TERM "$pid"; wait "$pid" 2>/dev/null
check '[ -z "$(ls "$tmp/direct")" ]' "a killed run left files: $(ls "$tmp/direct")"
# 2. Interrupt make during the run: the target is absent, and the next make regenerates it.
long='S-alpha-large_quick=--n 40 --r 2 --k 40 --m 400 --mu 0.02 --alphas 2,1 --T 100000 --data-seeds 1 --init-seeds 1'
short='S-alpha-large_quick=--n 20 --r 2 --k 20 --m 100 --mu 0.02 --alphas 2,1 --T 50 --data-seeds 1 --init-seeds 1'
( mk "$target" "$long" >/dev/null 2>&1 ) &
mpid=$!; sleep 2; pkill -TERM -P "$mpid" make 2>/dev/null; pkill -TERM -f "$tmp/build/bin/S-alpha" 2>/dev/null
wait "$mpid" 2>/dev/null
check '[ ! -e "$target" ]' "an interrupted make left $target"
mk "$target" "$short" >/dev/null 2>&1
check '[ -s "$target" ] && grep -q "^# program: S-alpha" "$target"' "the next make regenerated $target"
echo "interrupt: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
