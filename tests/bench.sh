#!/usr/bin/env bash
# bench.sh OUTDIR BINDIR PYTHON KERNEL... -- every registered benchmark, one after the other (never
# two at once: they measure the machine), then the summary.  For each kernel K, whichever exist of
#   BINDIR/bench_K  (from tests/bench_K.c)   -> OUTDIR/K.tsv
#   tests/bench_K.py (the numpy reference)   -> OUTDIR/K-numpy.tsv (only in turns if K is in BENCH_TURNS)
#   tests/bench_K.sh (a shell-level figure)  -> OUTDIR/K-sh.tsv
# each writing raw rows "name value unit reference goal sense"; tests/bench-summary.awk joins them
# into OUTDIR/summary.tsv (name value unit reference reference_value ratio goal verdict), a figure
# measured in several rounds (BENCH_TURNS, below) by its median.
set -euo pipefail
out=${1:?usage: tests/bench.sh OUTDIR BINDIR PYTHON KERNEL...}; bin=$2; py=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
start=$(date +%s)
raw=()
for k in "$@"; do
  if [ -x "$bin/bench_$k" ]; then
    echo "bench: $k (C)" >&2; "$bin/bench_$k" "$out/$k.tsv" ${BENCH_ARGS:-}; raw+=("$out/$k.tsv")
  fi
  if [ -f "$here/bench_$k.py" ] && [[ " ${BENCH_TURNS:-} " != *" $k:"* ]]; then
    echo "bench: $k (numpy)" >&2; "$py" "$here/bench_$k.py" "$out/$k-numpy.tsv" ${BENCH_ARGS:-}
    raw+=("$out/$k-numpy.tsv")
  fi
  if [ -f "$here/bench_$k.sh" ]; then
    echo "bench: $k (shell)" >&2; bash "$here/bench_$k.sh" "$out/$k-sh.tsv" ${BENCH_ARGS:-}
    raw+=("$out/$k-sh.tsv")
  fi
done
# Side by side: for each K:PART of BENCH_TURNS, the C program and its numpy reference run in turn
# BENCH_ROUNDS times (part PART only); the summary takes the median of each figure over the rounds.
for turn in ${BENCH_TURNS:-}; do
  k=${turn%%:*}; part=${turn#*:}
  for r in $(seq "${BENCH_ROUNDS:-2}"); do
    echo "bench: $k $part, round $r (C, then numpy)" >&2
    "$bin/bench_$k" "$out/$k-$part-$r.tsv" $part ${BENCH_ARGS:-}; raw+=("$out/$k-$part-$r.tsv")
    "$py" "$here/bench_$k.py" "$out/$k-$part-numpy-$r.tsv" $part ${BENCH_ARGS:-}
    raw+=("$out/$k-$part-numpy-$r.tsv")
  done
done
printf 'bench.total\t%s\ts\t-\t-\tlo\n' "$(( $(date +%s) - start ))" > "$out/total.tsv"
awk -F'\t' -f "$here/bench-summary.awk" "${raw[@]}" "$out/total.tsv" > "$out/summary.tsv.new"
mv "$out/summary.tsv.new" "$out/summary.tsv"
column -t -s $'\t' "$out/summary.tsv"
