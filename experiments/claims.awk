# claims.awk -- the claims registry (experiments/claims.tsv) turned into what needs it.
# Registry columns (tab-separated; '#' lines and blank lines are skipped):
#   id  checker  data(comma-separated experiments)  budget_s  section  statement
# Modes (-v mode=...):
#   make     the make fragment: CLAIMS, CLAIM_CHECKER_<id>, CLAIM_DATA_<id>
#   report   one line per claim from dir/<id>.claim: "PASS <id> <measured> [criterion: ...]";
#            claims without a verdict file are named on stderr and the exit status is 1
#            (-v only=<id> restricts to one claim)
#   latex    the paper's claims table, a longtable (dir=/nonexistent: "not evaluated")
#   resources  the measured cost of every run from dir/<run>.resources (written by each run at
#            exit): run, wall_s, peak_mib (-v runs="space-separated run names")
#   readme   README.md (third file) with the table between the claims markers replaced; each claim's
#            cost is the sum of the wall times and the largest peak memory of the runs it needs,
#            from the second file (experiments/resources.tsv, the last recorded full build)
#   cost     the same per-claim costs as LaTeX table rows, for the paper's appendix
function texesc(s) {
  gsub(/\\/, "\\textbackslash{}", s); gsub(/[&%$#_{}]/, "\\\\&", s)
  gsub(/~/, "\\textasciitilde{}", s); gsub(/\^/, "\\textasciicircum{}", s)
  gsub(/<=/, "$\\le$", s); gsub(/>=/, "$\\ge$", s); gsub(/</, "$<$", s); gsub(/>/, "$>$", s)
  gsub(/,/, ",\\allowbreak{}", s)   # long lists of tuples must be able to break in the narrow columns
  return s
}
# A checker marks a machine-dependent part of its measured text (a wall time) as {{...}}: the report
# prints it, the PDF's table says where to find it instead, so that the PDF is the same on every build.
function plain(s) { gsub(/\{\{|\}\}/, "", s); return s }
function texmeasured(s) {
  gsub(/\{\{[^}]*\}\}/, "@MACHINE@", s); s = texesc(s)
  gsub(/@MACHINE@/, "a wall-time figure, machine-dependent: \\texttt{make claim-" id[i] "} prints it", s)
  return s
}
function read_verdict(id,    file, line, f) {
  file = dir "/" id ".claim"
  verdict = ""; measured = ""; criterion = ""
  if ((getline line < file) > 0) {
    split(line, f, "\t"); verdict = f[1]; measured = f[3]; criterion = f[4]
  }
  close(file)
  return verdict != ""
}
FNR == 1 { file++ }
file == 1 && ($0 ~ /^#/ || $0 ~ /^[ \t]*$/) { next }
file == 1 {
  if (NF != 6) { printf "claims.tsv:%d: expected 6 tab-separated fields, got %d\n", FNR, NF > "/dev/stderr"; bad = 1; exit 2 }
  if ($1 in seen) { printf "claims.tsv:%d: duplicate claim id %s\n", FNR, $1 > "/dev/stderr"; bad = 1; exit 2 }
  seen[$1] = 1; n++; id[n] = $1; checker[n] = $2; data[n] = $3; budget[n] = $4; section[n] = $5; statement[n] = $6
  next
}
(mode == "readme" || mode == "cost") && file == 2 {   # measured cost of each run
  if ($0 !~ /^#/ && NF == 3) { run_wall[$1] = $2; run_peak[$1] = $3 }
  next
}
mode == "readme" && file == 3 {   # README.md
  if ($0 ~ /<!-- claims:begin -->/) { print; print_readme_table(); skipping = 1; next }
  if ($0 ~ /<!-- claims:end -->/) skipping = 0
  if (!skipping) print
  next
}
# Sum of wall times and largest peak over the runs of claim i; 0 when a run was never measured.
function claim_cost(i,    m, j, ds) {
  cw = 0; cp = 0
  m = split(data[i], ds, ",")
  for (j = 1; j <= m; j++) {
    if (!(ds[j] in run_wall)) return 0
    cw += run_wall[ds[j]]; if (run_peak[ds[j]] > cp) cp = run_peak[ds[j]]
  }
  return 1
}
function print_readme_table(   i, w, m) {
  print "| claim | statement | command | budget | measured run time (sum of its runs, from clean) | peak memory |"
  print "|-------|-----------|---------|--------|------|------|"
  for (i = 1; i <= n; i++) {
    if (claim_cost(i)) { w = sprintf("%.1f s", cw); m = sprintf("%.0f MiB", cp) } else { w = "–"; m = "–" }
    printf "| %s | %s | `make claim-%s` | %s s | %s | %s |\n", id[i], statement[i], id[i], budget[i], w, m
  }
}
function run_resources(run,    file, line, f, ok) {
  file = dir "/" run ".resources"; ok = 0
  if ((getline line < file) > 0 && (getline line < file) > 0) { split(line, f, "\t"); rw = f[1]; rk = f[2]; ok = 1 }
  close(file)
  return ok
}
END {
  if (bad) exit 2
  if (mode == "make") {
    for (i = 1; i <= n; i++) {
      printf "CLAIMS += %s\nCLAIM_CHECKER_%s := %s\nCLAIM_DATA_%s :=", id[i], id[i], checker[i], id[i]
      m = split(data[i], ds, ",")
      for (j = 1; j <= m; j++) printf " $(D)/%s.tsv", ds[j]
      printf "\n"
    }
  } else if (mode == "resources") {
    print "# run\twall_s\tpeak_mib: measured by the last full build (make readme records it)"
    m = split(runs, rs, " ")
    for (j = 1; j <= m; j++)
      if (run_resources(rs[j])) printf "%s\t%.1f\t%.0f\n", rs[j], rw, rk / 1024
  } else if (mode == "cost") {
    print "\\begin{tabular}{@{}lrr@{}}\n\\toprule\nclaim & run time (s) & peak memory (MiB)\\\\\n\\midrule"
    for (i = 1; i <= n; i++)
      if (claim_cost(i)) printf "%s & %.1f & %.0f\\\\\n", id[i], cw, cp
      else printf "%s & -- & --\\\\\n", id[i]
    print "\\bottomrule\n\\end{tabular}"
  } else if (mode == "report") {
    status = 0
    for (i = 1; i <= n; i++) {
      if (only != "" && id[i] != only) continue
      if (read_verdict(id[i])) printf "%s %s %s [criterion: %s]\n", verdict, id[i], plain(measured), criterion
      else { printf "claims: %s could not be evaluated (see the messages above)\n", id[i] > "/dev/stderr"; status = 1 }
    }
    if (only != "" && !(only in seen)) { printf "claims: no claim %s in experiments/claims.tsv\n", only > "/dev/stderr"; status = 1 }
    exit status
  } else if (mode == "verdicts") {   # \verdict{ID} in the text: PASS, FAIL, or -- when not evaluated
    for (i = 1; i <= n; i++)
      if (read_verdict(id[i])) printf "\\expandafter\\def\\csname verdict@%s\\endcsname{%s}\n", id[i], verdict
  } else if (mode == "latex") {
    print "\\begin{longtable}{@{}l>{\\raggedright}p{0.24\\textwidth}>{\\raggedright}p{0.25\\textwidth}>{\\raggedright}p{0.3\\textwidth}l@{}}"
    print "\\toprule"
    print "id & claim & criterion & measured & verdict\\tabularnewline"
    print "\\midrule"
    print "\\endhead"
    for (i = 1; i <= n; i++) {
      if (read_verdict(id[i]))
        printf "%s & %s & %s & %s & \\textbf{%s}\\\\\n", id[i], texesc(statement[i]), texesc(criterion), texmeasured(measured), verdict
      else
        printf "%s & %s & \\multicolumn{2}{l}{not evaluated in this build} & --\\\\\n", id[i], texesc(statement[i])
    }
    print "\\bottomrule"
    print "\\end{longtable}"
  }
}
