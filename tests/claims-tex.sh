#!/usr/bin/env bash
# claims-tex.sh -- the plain-text -> LaTeX conversion of the claims table (tex_plain() in
# experiments/claims.awk): each line of tests/claims-tex.tsv ("plain<TAB>expected LaTeX") must convert
# exactly; and, when pdflatex is installed, every expected line and every registry statement must
# typeset without an error.  Prints "claims-tex: N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd); top=$(cd "$here/.." && pwd)
passed=0 failed=0
convert() { awk -F'\t' -v mode=tex -f "$top/experiments/claims.awk" "$top/experiments/claims.tsv" -; }
while IFS=$'\t' read -r plain want; do
  got=$(printf '%s\n' "$plain" | convert)
  if [ "$got" = "$want" ]; then passed=$((passed + 1))
  else failed=$((failed + 1)); printf 'FAIL claims-tex: %s\n  got:  %s\n  want: %s\n' "$plain" "$got" "$want" >&2; fi
done < "$here/claims-tex.tsv"
if command -v pdflatex >/dev/null; then
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  { echo '\documentclass{article}\usepackage[T1]{fontenc}\usepackage{amsmath,amssymb}\begin{document}'
    cut -f2 "$here/claims-tex.tsv" | sed 's/$/\\par/'
    awk -F'\t' '!/^#/ && NF { print $6 }' "$top/experiments/claims.tsv" | convert | sed 's/$/\\par/'
    awk -F'\t' '!/^#/ && NF >= 7 && $7 != "-" { print $7 "\\par" }' "$top/experiments/claims.tsv"
    echo '\end{document}'; } > "$tmp/t.tex"
  if (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error t.tex >/dev/null 2>&1); then passed=$((passed + 1))
  else failed=$((failed + 1)); echo "FAIL claims-tex: the converted text does not typeset:" >&2; grep -A3 '^!' "$tmp/t.log" >&2; fi
fi
echo "claims-tex: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
