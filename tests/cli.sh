#!/usr/bin/env bash
# cli.sh BINDIR -- the command-line contract of every experiment program:
#  * --help exits 0 and prints a usage line;
#  * every bad input (generic cases below for every program, plus tests/bad-input.tsv) exits with
#    the expected status and leaves no output file behind; a usage error (status 2) prints exactly
#    one line on stderr, a run-time failure (status 1: divergence, unreadable data) at least one.
set -u
bindir=${1:?usage: tests/cli.sh BINDIR}
here=$(cd "$(dirname "$0")" && pwd)
passed=0 failed=0
ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL cli: $*" >&2; }

expect() {   # expect PROGRAM STATUS ARGS...
  local prog=$1 want=$2; shift 2
  local dir; dir=$(mktemp -d)
  "$bindir/$prog" "$@" --out "$dir/out" >"$dir/.stdout" 2>"$dir/.stderr" </dev/null
  local got=$?
  local lines; lines=$(wc -l <"$dir/.stderr")
  local left; left=$(ls "$dir")
  if [ "$got" -ne "$want" ]; then fail "$prog $*: exit $got, expected $want ($(head -c 200 "$dir/.stderr"))"
  elif [ "$want" -eq 2 ] && [ "$lines" -ne 1 ]; then fail "$prog $*: $lines lines on stderr, expected 1"
  elif [ "$want" -eq 1 ] && [ "$lines" -lt 1 ]; then fail "$prog $*: no message on stderr"
  elif [ "$want" -ne 0 ] && [ -n "$left" ]; then fail "$prog $*: left output behind: $left"
  else ok; fi
  rm -rf "$dir"
}

for exe in "$bindir"/*; do
  prog=$(basename "$exe")
  case $prog in test_*) continue ;; esac
  [ -x "$exe" ] || continue
  if "$exe" --help 2>/dev/null | head -n 1 | grep -q "^usage: $prog"; then ok; else fail "$prog --help"; fi
  expect "$prog" 2 --no-such-option 1
  expect "$prog" 2 --seed 0
  expect "$prog" 2 --seed
  expect "$prog" 2 --seed 1x
  expect "$prog" 2 stray-argument
done

# Program-specific cases: PROGRAM <tab> STATUS <tab> ARGS (space-separated).
while IFS=$'\t' read -r prog want args; do
  case $prog in ''|'#'*) continue ;; esac
  [ -x "$bindir/$prog" ] || { fail "$prog: no such program"; continue; }
  # shellcheck disable=SC2086
  expect "$prog" "$want" $args
done <"$here/bad-input.tsv"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
