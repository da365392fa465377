#!/usr/bin/env bash
# run.sh BINDIR -- the single test runner: every tests/test_* program, the command-line checks of
# tests/cli.sh, the build's own checks (interrupt.sh, incremental.sh, deps.sh), the claims table's
# LaTeX conversion and the paper check's self-test.  Each part prints "NAME: N passed, N failed";
# the last line is the total.
set -u
bindir=${1:?usage: tests/run.sh BINDIR}
here=$(cd "$(dirname "$0")" && pwd)
passed=0 failed=0
tally() {   # tally NAME STATUS OUTPUT
  local line p f
  line=$(printf '%s\n' "$3" | grep -E '^[A-Za-z0-9_-]+: [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
  if [ -z "$line" ]; then
    echo "$1: crashed or printed no summary (exit $2)"; failed=$((failed + 1)); return
  fi
  echo "$line"
  p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then echo "$1: exit status $2"; failed=$((failed + 1)); fi
}
for t in "$bindir"/test_*; do
  [ -x "$t" ] || continue
  out=$("$t" 2> >(sed 's/^/    /' >&2)); status=$?
  tally "$(basename "$t")" "$status" "$out"
done
out=$(bash "$here/cli.sh" "$bindir"); status=$?
tally cli "$status" "$out"
for t in interrupt incremental deps claims-tex; do
  out=$(bash "$here/$t.sh"); status=$?
  tally "$t" "$status" "$out"
done
out=$(bash "$here/check-paper-selftest.sh"); status=$?
tally check-paper "$status" "$out"
# The README's claim table must be the one generated from the registry (make readme).
top=$(cd "$here/.." && pwd)
robust=$top/paper/recorded/robustness.tsv; [ -e "$robust" ] || robust=
if awk -F'\t' -v mode=readme -v robust="$robust" -f "$top/experiments/claims.awk" "$top/experiments/claims.tsv" \
     "$top/experiments/resources.tsv" "$top/README.md" | cmp -s - "$top/README.md"; then
  tally readme 0 "readme: 1 passed, 0 failed"
else
  echo "FAIL readme: the claim table in README.md is stale: run 'make readme'" >&2
  tally readme 1 "readme: 0 passed, 1 failed"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
