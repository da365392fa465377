#!/usr/bin/env bash
# check-paper.sh PDF LOG -- the PDF as a reviewer reads it.  Fails (exit 1, one line per problem on
# stderr) when
#   - its text or its links show raw markup or placeholders: ^ or a circumflex after a letter, _ outside file
#     and metric names, || or the em-dash pairs that | becomes in an OT1 font, a hyphen used as a
#     minus sign, example.org, "iny " (a \tiny read as a tab), ??, TODO, process words (spec, issue);
#   - the claims table spells out Greek letters or shows ASCII operators (<=, ->, +-), e-notation
#     (1e-4) or nan;
#   - the LaTeX log shows overfull boxes, undefined references or citations, multiply defined
#     labels, or a warning of the paper's own checks (Package algoreg: a claim without a reading);
#   - a relative link names a file that is not in the tree (the script runs from the artifact's root);
#   - the PDF's title, author, subject or keywords are empty;
#   - a page other than the last is less than a third full (its text, figure labels included,
#     covers less than a third of the height of the text block).
# Pages less than half full are listed as a note (not a failure); CHECK_PAPER_FILL=1 prints the fill
# of every page.  Needs pdftotext and pdfinfo (Debian poppler-utils).
set -u
pdf=${1:?usage: tests/check-paper.sh PDF LOG}; log=${2:?usage: tests/check-paper.sh PDF LOG}
problems=0
problem() { echo "check-paper: $pdf: $*" >&2; problems=$((problems + 1)); }
[ -s "$pdf" ] || { problem "missing or empty"; exit 1; }
[ -s "$log" ] || { problem "LaTeX log $log missing"; exit 1; }
text=$(pdftotext -enc UTF-8 "$pdf" -) || { problem "pdftotext failed"; exit 1; }

# grep_text NAME ERE [TEXT]: one problem per offending line (at most 5 shown).
grep_text() {
  local hits
  hits=$(printf '%s\n' "${3:-$text}" | grep -nE -e "$2" | head -n 5)
  [ -z "$hits" ] && return
  while IFS= read -r h; do problem "$1: ${h:0:160}"; done <<<"$hits"
}
grep_text "raw ^" '\^'
grep_text "raw superscript (circumflex after a name)" '[[:alnum:])]ˆ[[:alnum:]({]'
grep_text "raw ||" '\|\|'
grep_text "| set as em-dashes" '——'
grep_text "placeholder" 'example\.org|is filled by make'
grep_text "stray \\tiny" '(^|[^[:alpha:]])iny '
grep_text "unresolved reference" '\?\?'
grep_text "TODO" 'TODO'
grep_text "hyphen as a minus sign" '(^|[[:space:](=,;]|\[)-[0-9]'
grep_text "process word" '\b([Ss]pec|[Ss]pecification|[Ii]ssue|[Ee]ngineer|[Ss]ession)s?\b'
# An underscore is raw markup unless it is part of a file or metric name: one that holds a . or /,
# a snake_case name with two underscores or more (auto_free_under_1GiB_cap), or an environment
# variable's name in capitals (AR_THREADS; not U_0, a subscript).
underscores=$(printf '%s\n' "$text" | tr -s ' \t' '\n\n' | grep '_' | grep -v '[./]' \
  | grep -vE '^[[:alnum:]]+(_[[:alnum:]]+){2,}[,;:.)]*$' \
  | grep -vE '^\(?[A-Z]{2,}[A-Z0-9]*(_[A-Z0-9]{2,})+\)?[,;:.)]*$' | sort -u | head -n 5)
[ -n "$underscores" ] && while IFS= read -r w; do problem "raw _: $w"; done <<<"$underscores"

# The claims table: from its section's heading to the next heading of a section or the references.
table=$(printf '%s\n' "$text" | awk '/^Claims and verdicts$/ { on = 1; next } on && /^(Reproducibility|References)$/ { exit } on')
if [ -z "$table" ]; then
  problem "no section \"Claims and verdicts\" found"
else
  greek='alpha|beta|gamma|delta|epsilon|eps|zeta|eta|theta|kappa|lambda|mu|nu|xi|rho|sigma|tau|phi|chi|psi|omega'
  grep_text "claims table: Greek spelled out" "\\b(${greek}|Gamma|Delta|Theta|Lambda|Sigma|Phi|Psi|Omega)\\b" "$table"
  grep_text "claims table: ASCII operator" '<=|>=|->|\+-' "$table"
  grep_text "claims table: e-notation" '[0-9]e[-+]?[0-9]' "$table"
  grep_text "claims table: nan" '\bnan\b' "$table"
fi

# The LaTeX log of the last pdflatex run.
loghits=$(grep -E -e '^(Overfull|Package algoreg Warning)' -e 'LaTeX Warning: (Reference|Citation).*undefined' \
  -e 'There were undefined references' -e 'multiply[- ]defined' "$log" | sort | uniq -c | head -n 10)
[ -n "$loghits" ] && while IFS= read -r h; do problem "log: $h"; done <<<"$loghits"

# Links: no placeholder URL; a relative link (a source file) must name a file of the artifact's tree
# (this script runs from its root, as paper.pdf lies there in the make dist archive).
urls=$(pdfinfo -url "$pdf" | awk 'NR > 1 { print $3 }' | sort -u)
while IFS= read -r u; do
  [ -z "$u" ] && continue
  case "$u" in
    *example.org*) problem "placeholder link: $u" ;;
    *://*|mailto:*) ;;
    *) [ -e "$u" ] || problem "link to a missing file: $u" ;;
  esac
done <<<"$urls"

# Metadata.
for field in Title Author Subject Keywords; do
  pdfinfo "$pdf" | grep -qE "^$field: +[^ ]" || problem "metadata: no $field"
done

# Page fill: the vertical extent covered by words (figure text included), gaps under 60pt closed,
# against the text block (from the highest to the lowest word of the document, page numbers out).
fill=$(pdftotext -bbox "$pdf" - | awk '
  /<page / { p++; match($0, /height="[0-9.]+"/); H = substr($0, RSTART + 8, RLENGTH - 9) + 0; next }
  /<word / {
    match($0, /yMin="[0-9.]+"/); y0 = substr($0, RSTART + 6, RLENGTH - 7) + 0
    match($0, /yMax="[0-9.]+"/); y1 = substr($0, RSTART + 6, RLENGTH - 7) + 0
    if (y0 > H - 60) next                       # the page number
    n[p]++; a[p, n[p]] = y0; b[p, n[p]] = y1
    if (!(top) || y0 < top) top = y0
    if (y1 > bottom) bottom = y1
  }
  END {
    for (q = 1; q <= p; q++) {
      # sort this page'"'"'s intervals by start (insertion sort: a few hundred words)
      m = n[q]
      for (i = 2; i <= m; i++) { s = a[q, i]; e = b[q, i]; for (j = i - 1; j >= 1 && a[q, j] > s; j--) { a[q, j + 1] = a[q, j]; b[q, j + 1] = b[q, j] } a[q, j + 1] = s; b[q, j + 1] = e }
      covered = 0; cs = -1
      for (i = 1; i <= m; i++) {
        if (cs < 0) { cs = a[q, i]; ce = b[q, i]; continue }
        if (a[q, i] <= ce + 60) { if (b[q, i] > ce) ce = b[q, i] } else { covered += ce - cs; cs = a[q, i]; ce = b[q, i] }
      }
      if (cs >= 0) covered += ce - cs
      printf "%d %.3f\n", q, covered / (bottom - top)
    }
  }')
last=$(printf '%s\n' "$fill" | tail -n 1 | cut -d' ' -f1)
[ -n "${CHECK_PAPER_FILL:-}" ] && echo "$fill" >&2
while read -r page f; do
  [ "$page" = "$last" ] && continue
  pct=$(awk -v f="$f" 'BEGIN { printf "%.0f", 100 * f }')
  if awk -v f="$f" 'BEGIN { exit !(f < 1/3) }'; then problem "page $page is $pct% full (less than a third)"
  elif [ "$pct" -lt 50 ]; then echo "check-paper: note: page $page is $pct% full" >&2; fi
done <<<"$fill"

if [ "$problems" -gt 0 ]; then echo "check-paper: $pdf: $problems problem(s)" >&2; exit 1; fi
echo "check-paper: $pdf: no raw markup, placeholders, overfull boxes, undefined references or near-empty pages"
