#!/usr/bin/env bash
# bench_build.sh OUT.tsv [quick] -- the build itself: `make quick` and `make` (JOBS=2), each from
# clean in a temporary clone of the committed HEAD (so build/ of the working copy is untouched),
# in total and per experiment run.  Per-run times come from a SHELL wrapper that times each recipe
# whose command writes a data file (--out .../data/NAME).  With "quick", only `make quick`.
set -euo pipefail
out=${1:?usage: tests/bench_build.sh OUT.tsv [quick]}
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/ar-bench-build.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
git clone -q "$top" "$tmp/src"
cat > "$tmp/timed-bash" <<'SH'
#!/bin/bash
t0=$(date +%s.%N); /bin/bash "$@"; rc=$?; t1=$(date +%s.%N)
run=$(printf '%s' "${@: -1}" | sed -n 's/.*--out [^ ]*\/data\/\([^ ]*\).*/\1/p')
[ -n "$run" ] && printf '%s\t%s\n' "$run" "$(echo "$t1 - $t0" | bc)" >> "$BENCH_RECIPE_LOG"
exit $rc
SH
chmod +x "$tmp/timed-bash"
: > "$out"
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$out"; printf '  %-34s %12s %s\n' "$1" "$2" "$3" >&2; }
measure() {   # measure LABEL LIMIT_S TARGET
  local label=$1 limit=$2 target=$3 t0 t1
  rm -rf "$tmp/src/build"
  export BENCH_RECIPE_LOG="$tmp/$label.runs"; : > "$BENCH_RECIPE_LOG"
  t0=$(date +%s.%N)
  make -C "$tmp/src" --no-print-directory SHELL="$tmp/timed-bash" $target > "$tmp/$label.log" 2>&1 \
    || { tail -n 20 "$tmp/$label.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  row "limit.$label" "$limit" s - - lo
  row "build.$label.total" "$(printf '%.1f' "$(echo "$t1 - $t0" | bc)")" s "limit.$label" '>=1' lo
  sort -k2,2gr "$BENCH_RECIPE_LOG" | while IFS=$'\t' read -r run t; do
    row "build.$label.run.$run" "$(printf '%.2f' "$t")" s - - lo
  done
}
measure quick 60 quick
[ "${2:-}" = quick ] || measure make 600 all
