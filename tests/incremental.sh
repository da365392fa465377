#!/usr/bin/env bash
# incremental.sh -- the build reruns exactly what a change touches.  In a scratch copy of the
# tracked sources (its own git repository), `make -t MODE=quick paper` marks everything built
# without running it (make -t touches targets instead of running their recipes and prints
# "touch FILE" for each), then one input of each kind is edited and the next `make -t` must touch
# exactly the expected outputs: a commit and a paper-text edit only the PDF, a gnuplot style edit
# the figures and the PDF, one run's options that run, what reads it and the PDF; a deleted side
# file of a run reruns that run.  Seconds, because nothing is compiled or run.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { if eval "$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL incremental: $2" >&2; fi; }
unset MAKEFLAGS MFLAGS MAKELEVEL SANITIZE
src=$tmp/src
mkdir -p "$src"
(cd "$top" && git ls-files -z -c -o --exclude-standard | xargs -0 cp --parents -t "$src")
cd "$src" || exit 1
git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm base
# make -t creates missing targets but not their folders.
find lib experiments tests -type d | sed 's|^|build/obj/|' | xargs mkdir -p
mkdir -p build/bin build/quick/data build/quick/figures build/quick/tex
touched() {   # the targets make would rebuild (the build log build-environment.tex is always rewritten)
  make --no-print-directory -t MODE=quick paper deps= 2>&1 | sed -n 's/^touch //p' | grep -v 'build-environment' | LC_ALL=C sort
}
touched > "$tmp/first"
check '[ -s "$tmp/first" ]' "the first make -t touched nothing"
check '[ -z "$(touched)" ]' "a second make -t still touches: $(touched | head -n 3 | tr '\n' ' ')"
# make claims and make robustness ask make -q -o deps whether a verdict is up to date: the phony
# package step must not make everything look stale (it did: every verdict was thrown away).
check "make --no-print-directory -q -o deps MODE=quick build/quick/paper.pdf" "make -q -o deps calls an up-to-date build stale"
pdf=build/quick/paper.pdf
git -c user.name=t -c user.email=t@t commit -q --allow-empty -m empty
out=$(touched); check '[ "$out" = "$pdf" ]' "a commit touched: $(echo $out)"
echo '% an edit' >> paper/sections/S.tex
check '! make --no-print-directory -q -o deps MODE=quick $pdf' "make -q -o deps missed a paper-text edit"
out=$(touched); check '[ "$out" = "$pdf" ]' "a paper-text edit touched: $(echo $out)"
echo '# an edit' >> figures/style.gp
out=$(touched)
check '! grep -q "/data/" <<<"$out" && grep -q "figures/S-phases.tex" <<<"$out" && grep -q "^$pdf$" <<<"$out"' \
  "a style edit touched: $(echo $out | cut -c1-300)"
sed -i 's/^\(S-phases_quick *:= .*\)$/\1 --T 1499/' experiments/S/S.mk
out=$(touched)
runs=$(grep -c '/data/.*\.tsv$' <<<"$out")
check 'grep -q "data/S-phases.tsv" <<<"$out" && grep -q "figures/S-phases.tex" <<<"$out" && [ "$runs" -le 2 ] \
       && ! grep -q "data/S-alpha" <<<"$out"' "an S-phases option edit touched: $(echo $out | cut -c1-300)"
rm build/quick/data/W-path-leaves.tsv
out=$(touched)
check 'grep -q "data/W-path-leaves.tsv" <<<"$out" && grep -q "W-path.html" <<<"$out" && ! grep -q "data/S-" <<<"$out"' \
  "a deleted side file touched: $(echo $out | cut -c1-300)"
echo "incremental: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
