#!/usr/bin/env bash
# cli.sh BINDIR -- the command-line contract of every experiment program and of the carp tool:
#  * --help exits 0 and prints a usage line;
#  * every bad input (generic cases below for every program, plus tests/bad-input.tsv) exits with
#    the expected status and leaves no output file behind; a usage error (status 2) prints exactly
#    one line on stderr, a run-time failure (status 1: divergence, unreadable data) at least one;
#  * carp on good input (a hand case with a missing cell, data without header or labels, the
#    presidential speeches against W-path), each of its outputs, and its bad-data messages.
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

# A malformed thread count (AR_THREADS) is a usage error of every program whose kernels take one.
for v in 0 65 abc 2x ''; do
  want=2; [ -z "$v" ] && want=0   # empty: unset, one thread
  AR_THREADS=$v expect S-phases $want --n 10 --k 10 --m 40 --T 5
  AR_THREADS=$v expect W-path $want --csv experiments/data/presidential-speech.csv --t 1.5
done

# ---- carp, the tool: good input, missing values, every output, and the bad-input messages --------
if [ -x "$bindir/carp" ]; then
  tmp=$(mktemp -d)
  check() { if eval "$2"; then ok; else fail "carp: $1"; fi; }
  num() { awk -F'\t' -v c="$2" -v r="$3" '!/^#/ { if (!h) { for (k = 1; k <= NF; k++) i[$k] = k; h = 1; next }
                                                   if ($i["row"] == r) print $i[c] }' "$1"; }
  # the hand case: A near the origin, B near (10, 10, 10), the row "gap" observed at (., 10.1, 9.9)
  "$bindir/carp" --csv tests/carp/gap.csv --out "$tmp/g/gap" --clusters 2 --grid 0.001,1000 --no-figures \
    >"$tmp/g.out" 2>"$tmp/g.err"
  check "gap.csv: exit 0 ($(head -c 300 "$tmp/g.err"))" '[ $? -eq 0 ]'
  for f in path.tsv path-leaves.tsv path-segments.tsv .nwk -hclust.R -hclust.tsv .html -clusters.tsv \
           -centroids.tsv -clustered.csv -exact.tsv; do
    case $f in [a-z]*) f=-$f ;; esac
    check "gap.csv: wrote gap$f" "[ -s '$tmp/g/gap$f' ]"
  done
  check "gap.csv: reports the missing cell" 'grep -q "1 missing cells" "$tmp/g.out"'
  check "gap.csv: the gapped row joins B, not A" \
    '[ "$(num $tmp/g/gap-clusters.tsv cluster 8)" = "$(num $tmp/g/gap-clusters.tsv cluster 5)" ] &&
     [ "$(num $tmp/g/gap-clusters.tsv cluster 8)" = "$(num $tmp/g/gap-clusters.tsv cluster 7)" ] &&
     [ "$(num $tmp/g/gap-clusters.tsv cluster 8)" != "$(num $tmp/g/gap-clusters.tsv cluster 1)" ]'
  b=$(num "$tmp/g/gap-clusters.tsv" cluster 8)
  check "gap.csv: B's centroid from observed entries (x = 10 over b1-b3, y = 10.025 over all four)" \
    "awk -F'\t' -v b=$b '!/^#/ && \$1 == b { exit !(\$2 == 4 && (\$3 - 10)^2 < 1e-24 && (\$4 - 10.025)^2 < 1e-24) }' '$tmp/g/gap-centroids.tsv'"
  check "gap.csv: exact solutions: 8 clusters at 0.001, A and B at 1000 (w_AB ~ 1e-13: they fuse near 1e10)" \
    "awk -F'\t' '!/^#/ && \$1 == \"0.001\" { a = \$5 } !/^#/ && \$1 == \"1000\" { b = \$5 } END { exit !(a == 8 && b == 2) }' '$tmp/g/gap-exact.tsv'"
  check "gap.csv: Newick with 8 leaves, balanced, one line ending in ;" \
    "awk '{ o = gsub(/\\(/, \"(\"); c = gsub(/\\)/, \")\"); l = gsub(/[a-z][0-9]*:|gap:/, \"&\") }
          END { exit !(NR == 1 && o == c && o == 7 && l == 8 && /;\$/) }' '$tmp/g/gap.nwk'"
  check "gap.csv: hclust merges are a valid tree (each row once, merges referenced after they exist, heights nondecreasing)" \
    "awk -F'\t' '!/^#/ && \$1 != \"merge_a\" { m++; for (c = 1; c <= 2; c++) { v = \$c; if (v < 0) { if (seen[v]++) bad = 1 }
          else if (v >= m || used[v]++) bad = 1 } if (\$3 + 0 < last) bad = 1; last = \$3 + 0 }
          END { exit !(m == 7 && !bad && length(seen) == 8) }' '$tmp/g/gap-hclust.tsv'"
  check "gap.csv: the page holds the data" "grep -q '\"n\":8' '$tmp/g/gap.html' && ! grep -q '@CARP_' '$tmp/g/gap.html'"
  "$bindir/carp" --csv tests/carp/gap.csv --out "$tmp/l/gap" --lambda 1e12 --no-figures >"$tmp/l.out" 2>&1
  check "gap.csv --lambda 1e12: one cluster" 'grep -q "^partition: 1 cluster " "$tmp/l.out"'
  # no header, no labels, NA and empty cells: rows are named 1..n
  "$bindir/carp" --csv tests/carp/nolabels.csv --out "$tmp/n/nl" --no-figures >"$tmp/n.out" 2>&1
  check "nolabels.csv: exit 0, 3 missing cells, rows named 1..6" \
    '[ $? -eq 0 ] && grep -q "3 missing cells" "$tmp/n.out" &&
     [ "$(awk -F"\t" "!/^#/ && \$1 != \"x\" { print \$3 }" "$tmp/n/nl-path-leaves.tsv" | sort -n | tr "\n" " ")" = "1 2 3 4 5 6 " ]'
  # complete data: the tool's path table is W-path's, bit for bit (one shared writer, the same CARP)
  if [ -x "$bindir/W-path" ]; then
    "$bindir/carp" --csv experiments/data/presidential-speech.csv --out "$tmp/p/pres" --no-figures --quiet
    "$bindir/W-path" --csv experiments/data/presidential-speech.csv --t 1.05 --out "$tmp/p/W-path" --quiet
    check "presidential speeches: carp's path rows = W-path's" \
      'cmp -s <(grep -v "^#" "$tmp/p/pres-path.tsv") <(grep -v "^#" "$tmp/p/W-path.tsv")'
  fi
  # figures: drawn when there is a gnuplot, else a warning and still exit 0
  "$bindir/carp" --csv tests/carp/gap.csv --out "$tmp/f/gap" --clusters 2 >"$tmp/f.out" 2>"$tmp/f.err"
  st=$?
  if command -v gnuplot >/dev/null; then
    check "figures: exit 0, two PDFs and two PNGs ($(head -c 200 "$tmp/f.err"))" \
      '[ $st -eq 0 ] && for x in path dendrogram; do head -c 4 "$tmp/f/gap-$x.pdf" | grep -q "%PDF" &&
         head -c 4 "$tmp/f/gap-$x.png" | od -c | grep -q "P   N   G" || exit 1; done'
  else
    check "figures without gnuplot: a warning, exit 0" '[ $st -eq 0 ] && grep -q "no gnuplot" "$tmp/f.err"'
  fi
  # bad data: exactly one line naming the file, the line and (when it is one cell) the column
  while read -r csv where args; do
    # shellcheck disable=SC2086
    "$bindir/carp" --csv "tests/carp/$csv" --out "$tmp/bad/o" $args >/dev/null 2>"$tmp/bad.err"
    st=$?
    check "$csv: status 1, one line at $where ($(head -c 200 "$tmp/bad.err"))" \
      '[ $st -eq 1 ] && [ "$(wc -l < "$tmp/bad.err")" -eq 1 ] && grep -q "^tests/carp/$csv:$where: " "$tmp/bad.err" && [ ! -e "$tmp/bad" ]'
  done <<'LIST'
ragged.csv 3:3
text.csv 2:3
inf.csv 3:2
quote.csv 2:1
allmissing.csv 2:3
const.csv 2:2 --scale
empty.csv 1
header-only.csv 1
one-row.csv 2
blank-line.csv 3
LIST
  rm -rf "$tmp"
fi

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
