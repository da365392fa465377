#!/usr/bin/env bash
# check-paper-selftest.sh -- tests/check-paper.sh itself, on two small documents typeset here: one
# with every defect it must catch (each expected message is looked for), one without any (it must
# pass).  Needs pdflatex and poppler-utils; without them it runs nothing.  Prints
# "check-paper: N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v pdflatex >/dev/null || ! command -v pdftotext >/dev/null; then
  echo "check-paper self-test: skipped (no pdflatex or pdftotext; make deps-doc installs them)" >&2
  echo "check-paper: 0 passed, 0 failed"; exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
preamble='\documentclass{article}\usepackage[T1]{fontenc}\usepackage{lmodern}\usepackage{amsmath}'
cat > "$tmp/bad.tex" <<TEX
$preamble
\usepackage{hyperref}
\begin{document}
Text with t\_hit and alpha\textasciicircum{}2 and a link \href{https://example.org/x}{here}, a
reference to Section~\ref{nowhere}, a curvature of -0.72 and the spec.
\hbox to 2cm{an overfull box that sticks far out of its two centimetres}
\newpage
\section{Claims and verdicts}
\begin{tabular}{ll}
S1 & test error falls with alpha, \verb/||U||/ \verb/<=/ 1e-4\\\\
\end{tabular}
\newpage
last page
\end{document}
TEX
cat > "$tmp/good.tex" <<TEX
$preamble
\usepackage[pdftitle={T},pdfauthor={A},pdfsubject={S},pdfkeywords={K}]{hyperref}
\begin{document}
\section{Claims and verdicts}
\label{sec:claims}
Section~\ref{sec:claims}: the test error falls with \$\alpha\$, \$\|U\|_F^2\le10^{-4}\$, \$t_{\rm hit}=-3\$.
Threads: \texttt{AR\_THREADS} and \texttt{OMP\_WAIT\_POLICY} (environment variables).
\par\vspace*{14cm}Text near the bottom of the page.
\end{document}
TEX
for d in bad good; do
  (cd "$tmp" && pdflatex -interaction=nonstopmode $d.tex && pdflatex -interaction=nonstopmode $d.tex) >/dev/null 2>&1
done
out=$(cd "$tmp" && bash "$here/check-paper.sh" bad.pdf bad.log 2>&1); status=$?
check() {   # check NAME CONDITION...
  if "${@:2}"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL check-paper self-test: $1" >&2; fi
}
check "fails on the bad document" test "$status" -ne 0
for msg in 'raw _' 'raw \^' 'placeholder link' 'log: .*Overfull' 'log: .*undefined' 'hyphen as a minus sign' \
           'process word' 'claims table: Greek spelled out' 'claims table: ASCII operator' \
           'claims table: e-notation' 'raw \|\|' 'metadata: no Title' 'page 1 is [0-9]+% full'; do
  check "reports: $msg" grep -qE "$msg" <<<"$out"
done
out=$(cd "$tmp" && bash "$here/check-paper.sh" good.pdf good.log 2>&1); status=$?
check "passes the good document" test "$status" -eq 0
[ "$status" -eq 0 ] || echo "$out" >&2
echo "check-paper: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
