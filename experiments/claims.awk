# claims.awk -- the claims registry (experiments/claims.tsv) turned into what needs it.
# Registry columns (tab-separated; '#' lines and blank lines are skipped):
#   id  checker  data(comma-separated experiments)  budget_s  section  statement  [statement_tex]
# statement_tex (optional, '-' = absent) is the statement's LaTeX for the paper; without it the
# paper typesets the plain statement through tex_plain() (below), as it does every criterion and
# measured value.
# Modes (-v mode=...):
#   make     the make fragment: CLAIMS, CLAIM_CHECKER_<id>, CLAIM_DATA_<id>
#   report   one line per claim from dir/<id>.claim: "PASS <id> <measured> [criterion: ...]";
#            claims without a verdict file are named on stderr and the exit status is 1
#            (-v only=<id> restricts to one claim)
#   latex    the paper's claims table, a longtable grouped by section (each group opens with
#            \claimsgroup{<section label>}, defined by the paper); dir=/nonexistent: "not evaluated"
#   resources  the measured cost of every run from dir/<run>.resources (written by each run at
#            exit): run, wall_s, peak_mib (-v runs="space-separated run names")
#   readme   README.md (third file) with the table between the claims markers replaced; each claim's
#            cost is the sum of the wall times and the largest peak memory of the runs it needs,
#            from the second file (experiments/resources.tsv, the last recorded full build)
#   cost     the same per-claim costs as LaTeX table rows, for the paper's appendix
#   tex      each line of the second file through tex_plain() (tests/claims-tex.sh)
#   robust   the paper's table of the claims whose verdict is not the same under every master seed
#            (per seed: verdict and measured value); -v part=summary: the macro \robustsummary
#            (\robustsummaryformat{seeds}{claims}{same verdict}{pass under all}{fail under all})
# With -v robust=FILE (the recorded make robustness table: seed, verdict, id, measured, criterion),
# the latex and readme tables gain a column "seeds passing" (k/N; -- for a claim FILE lacks).
# ---- plain text -> LaTeX: the one conversion of checker-printed and registry text ----------------
# Checkers print their measured values and criteria in plain ASCII (make claims and the README show
# them as they are).  tex_plain() typesets such a string for the paper: words stay text, every run of
# tokens that holds a number, an operator, a subscript or a Greek name becomes inline math, with
#   alpha eta sigma ... -> Greek    x_i, x_{i+1}, t_hit, sigma_min -> subscripts (words upright)
#   x^2, X^T, t^pred, (t+1)^(1/2) -> superscripts      ||x|| -> norm bars      M* -> M^*
#   1e-4 -> 10^{-4}, 2.5e-07 -> 2.5 x 10^{-7}, 20x -> 20 times    <= >= -> +- >> .. -> relations
#   ln log sin exp max min sum -> operators    {a, b} -> set braces    nan -> n/a
# A token ending in , ; or : closes its math run (the punctuation is set as text, so that long
# lists can break between items).  tests/claims-tex.sh checks it on examples of every construct above.
BEGIN {
  split("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau " \
        "upsilon phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega", G, " ")
  for (i in G) GREEK[G[i]] = "\\" G[i]
  GREEK["eps"] = "\\epsilon"
  split("ln log sin cos exp max min sum det", F, " ")
  for (i in F) FUNC[F[i]] = "\\" F[i]
}
function tex_text(s,    n, part, k, out, punct) {   # a text token: escapes; alpha-dependent, rank-r
  gsub(/\\/, "\\textbackslash ", s); gsub(/[&%$#_{}]/, "\\\\&", s)
  gsub(/~/, "\\textasciitilde{}", s); gsub(/\^/, "\\textasciicircum{}", s)
  if (index(s, "-")) {
    n = split(s, part, "-"); out = ""
    for (k = 1; k <= n; k++) {
      punct = ""
      if (match(part[k], /[,;:.)]+$/)) { punct = substr(part[k], RSTART); part[k] = substr(part[k], 1, RSTART - 1) }
      out = out (k > 1 ? "-" : "") (part[k] in GREEK ? "$" GREEK[part[k]] "$" : \
                                    part[k] ~ /^[0-9.]+[eE][-+]?[0-9]+$/ ? "$" tex_number(part[k]) "$" : \
                                    k > 1 && part[k] ~ /^[b-zA-Z]$/ ? "$" part[k] "$" : part[k]) punct
    }
    s = out
  }
  return s
}
# An English word (maybe in parentheses, maybe hyphenated with a number: rank-1, 50-iteration), not
# a symbol; prev is the token before it ("Phase I" is text, the identity I is not).
function tex_is_text(w, prev, nxt,    core) {
  if (w == "") return 1
  core = w; gsub(/^\(+|[).,;:]+$/, "", core)
  if (core ~ /^[SJDMWX][0-9]+[a-z]?$/) return 1   # a claim id
  if (core ~ /^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$/ && core ~ /[A-Za-z][A-Za-z][A-Za-z]/) return 1
  if (core !~ /^[A-Za-z][A-Za-z']*$/) return 0
  # "the sum of" but "sum eta_t^2" and "max - min"
  if (core in FUNC && w == core) return tex_is_text(nxt) && tex_is_text(prev)
  if (core in GREEK || core in FUNC || core == "nan") return 0
  if (length(core) == 1) return core == "a" || core == "R" || (core == "I" && prev == "Phase")
  return 1
}
function tex_number(num,    m, e, p) {   # "2.5e-07" -> "2.5\times10^{-7}"
  p = index(tolower(num), "e")
  if (!p) return num
  m = substr(num, 1, p - 1); e = substr(num, p + 1) + 0
  if (e == 0) return m
  if (m ~ /^1(\.0*)?$/) return "10^{" e "}"
  return m "\\times10^{" e "}"
}
function tex_ident(id, script,    letters, digits, out) {   # a name; script: inside _ or ^
  letters = id; digits = ""
  if (match(id, /[0-9]+$/)) { letters = substr(id, 1, RSTART - 1); digits = substr(id, RSTART) }
  if (letters in GREEK) out = GREEK[letters]
  else if (letters in FUNC) out = FUNC[letters]
  else if (letters == "nan") out = "\\mbox{n/a}"
  else if (length(letters) == 1) out = letters
  else if (script || length(letters) >= 4 || (letters ~ /[A-Z]/ && letters ~ /[a-z]/) || length(letters) == 3 && letters ~ /^[A-Z]+$/) out = "\\mathrm{" letters "}"
  else out = letters
  if (digits != "") out = out "_{" digits "}"
  return out
}
# The closing bracket matching the one at position i of s (the same kind), or 0.
function tex_close(s, i,    ob, cb, depth, j, c) {
  ob = substr(s, i, 1); cb = ob == "{" ? "}" : ")"
  depth = 0
  for (j = i; j <= length(s); j++) {
    c = substr(s, j, 1)
    if (c == ob) depth++
    else if (c == cb && --depth == 0) return j
  }
  return 0
}
# One math run (no surrounding $).
function tex_math(s,    out, i, n, c, c2, c3, rest, j, id, lastnum, sc) {
  out = ""; n = length(s); lastnum = 0
  for (i = 1; i <= n; ) {
    c = substr(s, i, 1); c2 = substr(s, i, 2); c3 = substr(s, i, 3); rest = substr(s, i)
    if (c == "_" || c == "^") {
      sc = c; i++; c = substr(s, i, 1)
      if (c == "{" || (c == "(" && sc == "^")) {
        j = tex_close(s, i)
        if (j) { out = out sc "{" tex_math(substr(s, i + 1, j - i - 1)) "}"; i = j + 1; lastnum = 0; continue }
      }
      if (c == "*") { out = out sc "*"; i++; continue }
      if (match(substr(s, i), /^[A-Za-z]+/) || match(substr(s, i), /^[0-9]+/)) {
        id = substr(s, i, RLENGTH); i += RLENGTH
        if (sc == "^" && id ~ /^T([A-Z]|$)/) { out = out "^\\top "; i -= RLENGTH - 1 }
        else out = out sc "{" (id ~ /^[0-9]/ ? id : tex_ident(id, 1)) "}"
        lastnum = 0; continue
      }
      out = out sc; continue
    }
    if (match(rest, /^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/) || match(rest, /^\.[0-9]+/)) {
      out = out tex_number(substr(s, i, RLENGTH)); i += RLENGTH
      c = substr(s, i, 1)
      if (c == "x" && substr(s, i + 1, 1) !~ /[A-Za-z0-9_]/) { out = out "\\times"; i++; lastnum = 0; continue }
      if (c == "-" && substr(s, i + 1, 1) ~ /[0-9]/) { out = out "\\mbox{--}"; i++; lastnum = 0; continue }
      lastnum = 1; continue
    }
    if (match(rest, /^[A-Za-z]+[0-9]*/)) {
      id = substr(s, i, RLENGTH); i += RLENGTH
      if (id == "x" && lastnum) out = out "\\times "
      else out = out tex_ident(id, 0) (substr(s, i, 1) ~ /[A-Za-z]/ ? " " : "")
      if (substr(s, i, 1) == "*" && substr(s, i + 1, 1) !~ /[A-Za-z0-9(]/) { out = out "^*"; i++ }
      lastnum = 0; continue
    }
    if (c == " ") {   # a space before a number or a parenthesis ("l=1 0.01", "10 (K = 9)") stays visible
      out = out (substr(s, i - 1, 1) ~ /[A-Za-z0-9)]/ && substr(s, i + 1, 1) ~ /[0-9(]/ ? "\\ " : " "); i++; continue
    }
    lastnum = 0
    if (c2 == "||") { out = out "\\|"; i += 2; continue }
    if (c2 == "<=") { out = out "\\le "; i += 2; continue }
    if (c2 == ">=") { out = out "\\ge "; i += 2; continue }
    if (c2 == "->") { out = out "\\to "; i += 2; continue }
    if (c2 == "+-") { out = out "\\pm "; i += 2; continue }
    if (c2 == ">>") { out = out "\\gg "; i += 2; continue }
    if (c2 == "<<") { out = out "\\ll "; i += 2; continue }
    if (c2 == "!=") { out = out "\\ne "; i += 2; continue }
    if (c3 == "...") { out = out "\\dots "; i += 3; continue }
    if (c2 == "..") { out = out "\\dots "; i += 2; continue }
    if (c == "{") { out = out "\\{"; i++; continue }
    if (c == "}") { out = out "\\}"; i++; continue }
    if (c == "~") { out = out "\\sim "; i++; continue }
    if (c == "*") { out = out "\\cdot "; i++; continue }
    if (c ~ /[%&#$]/) { out = out "\\" c; i++; continue }
    if (c == "\\") { out = out "\\backslash "; i++; continue }
    if (c == ",") { out = out (substr(s, i - 1, 1) == ")" ? ",\\allowbreak " : ","); i++; continue }
    out = out c; i++
  }
  return out
}
function tex_plain(s,    n, w, k, out, run, tail, sep) {
  n = split(s, w, " "); out = ""; run = ""
  for (k = 1; k <= n; k++) {
    if (tex_is_text(w[k], w[k - 1], w[k + 1])) {
      if (run != "") { out = out sep "$" tex_math(run) "$"; run = ""; sep = " " }
      out = out sep tex_text(w[k]); sep = " "
      continue
    }
    tail = ""
    if (match(w[k], /[,;:]+$/) && RSTART > 1) { tail = substr(w[k], RSTART); w[k] = substr(w[k], 1, RSTART - 1) }
    run = run (run == "" ? "" : " ") w[k]
    if (tail != "" || k == n) { out = out sep "$" tex_math(run) "$" tex_text(tail); run = ""; sep = " " }
  }
  return out
}

# A checker marks a machine-dependent part of its measured text (a wall time) as {{...}}: the report
# prints it; the PDF's table prints \claimmachine{ID} instead (the paper shows the value recorded by
# `make record`, so that the PDF is the same on every build).
function plain(s) { gsub(/\{\{|\}\}/, "", s); return s }
function texmeasured(s, cid) {
  gsub(/\{\{[^}]*\}\}/, "MACHINEDEPENDENT", s); s = tex_plain(s)
  gsub(/MACHINEDEPENDENT/, "\\claimmachine{" cid "}", s)
  return s
}
function texstatement(i) { return stex[i] != "" && stex[i] != "-" ? stex[i] : tex_plain(statement[i]) }
function read_verdict(id,    file, line, f) {
  file = dir "/" id ".claim"
  verdict = ""; measured = ""; criterion = ""
  if ((getline line < file) > 0) {
    split(line, f, "\t"); verdict = f[1]; measured = f[3]; criterion = f[4]
  }
  close(file)
  return verdict != ""
}
# The recorded robustness table: rpass[id] of rseeds[id] seeds passed; rv/rm[id, seed].
function read_robust(   line, f, nl) {
  if (robust == "") return
  while ((getline line < robust) > 0) {
    if (line ~ /^#/ || line == "") continue
    nl = split(line, f, "\t")
    if (nl < 3) continue
    if (!(f[1] in seedseen)) { seedseen[f[1]] = 1; nseeds++; seedlist[nseeds] = f[1] }
    rseeds[f[3]]++; if (f[2] == "PASS") rpass[f[3]]++
    rv[f[3], f[1]] = f[2]; rm[f[3], f[1]] = f[4]
  }
  close(robust)
}
function has_error(cid,    k) {
  for (k = 1; k <= nseeds; k++) if (rv[cid, seedlist[k]] == "ERROR") return 1
  return 0
}
function seeds_passing(cid) { return cid in rseeds ? (rpass[cid] + 0) "/" rseeds[cid] : "--" }
FNR == 1 { file++ }
file == 1 && ($0 ~ /^#/ || $0 ~ /^[ \t]*$/) { next }
file == 1 {
  if (NF != 6 && NF != 7) { printf "claims.tsv:%d: expected 6 or 7 tab-separated fields, got %d\n", FNR, NF > "/dev/stderr"; bad = 1; exit 2 }
  if ($1 in seen) { printf "claims.tsv:%d: duplicate claim id %s\n", FNR, $1 > "/dev/stderr"; bad = 1; exit 2 }
  seen[$1] = 1; n++; id[n] = $1; checker[n] = $2; data[n] = $3; budget[n] = $4; section[n] = $5; statement[n] = $6; stex[n] = $7
  next
}
mode == "tex" && file == 2 { print tex_plain($0); next }
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
  read_robust()
  print "| claim | statement | command | budget | measured run time (sum of its runs, from clean) | peak memory | seeds passing |"
  print "|-------|-----------|---------|--------|------|------|------|"
  for (i = 1; i <= n; i++) {
    if (claim_cost(i)) { w = sprintf("%.1f s", cw); m = sprintf("%.0f MiB", cp) } else { w = "–"; m = "–" }
    printf "| %s | %s | `make claim-%s` | %s s | %s | %s | %s |\n", id[i], statement[i], id[i], budget[i], w, m, seeds_passing(id[i])
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
    # three claims a row, so that the table is short and wide
    print "\\begin{tabular}{@{}lrr@{\\qquad}lrr@{\\qquad}lrr@{}}\n\\toprule"
    print "claim & time (s) & MiB & claim & time (s) & MiB & claim & time (s) & MiB\\\\\n\\midrule"
    rows = int((n + 2) / 3)
    for (r = 1; r <= rows; r++) {
      for (c = 0; c < 3; c++) {
        i = r + c * rows
        if (i > n) cell = " & & "
        else if (claim_cost(i)) cell = sprintf("%s & %.1f & %.0f", id[i], cw, cp)
        else cell = sprintf("%s & -- & --", id[i])
        printf "%s%s", cell, c < 2 ? " & " : "\\\\\n"
      }
    }
    for (run in run_wall) { tw += run_wall[run]; if (run_peak[run] > tp) tp = run_peak[run] }
    printf "\\midrule\n\\multicolumn{9}{@{}l}{every run once: %.0f\\,s in all, largest peak %.0f\\,MiB}\\\\\n", tw, tp
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
    printf "\\def\\claimids{"   # every registered claim, for the paper's check that each is discussed
    for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? "," : ""), id[i]
    print "}"
  } else if (mode == "latex") {
    read_robust()
    print "\\begin{longtable}{@{}l>{\\raggedright}p{0.22\\textwidth}>{\\raggedright}p{0.23\\textwidth}>{\\raggedright}p{0.26\\textwidth}lc@{}}"
    print "\\toprule"
    print "id & claim & criterion & measured (seed 1) & verdict & seeds\\tabularnewline"
    print "\\midrule"
    print "\\endhead"
    for (i = 1; i <= n; i++) {
      if (section[i] != section[i - 1]) printf "\\claimsgroup{%s}\n", section[i]
      if (read_verdict(id[i]))
        printf "%s & %s & %s & %s & \\textbf{%s} & %s\\\\\n", id[i], texstatement(i), tex_plain(criterion), texmeasured(measured, id[i]), verdict, seeds_passing(id[i])
      else
        printf "%s & %s & \\multicolumn{2}{l}{not evaluated in this build} & -- & %s\\\\\n", id[i], texstatement(i), seeds_passing(id[i])
    }
    print "\\bottomrule"
    print "\\end{longtable}"
  } else if (mode == "robust") {
    # \robustsummary{seeds}{claims}{same verdict}{pass under all}{fail under all}, then the claims
    # whose verdict changes with the seed, one row per seed with its verdict and measured value.
    read_robust()
    same = 0; allpass = 0; allfail = 0; varies = ""
    for (i = 1; i <= n; i++) {
      if (!(id[i] in rseeds)) continue
      if (rpass[id[i]] + 0 == rseeds[id[i]]) { same++; allpass++ }
      else if (rpass[id[i]] + 0 == 0 && !has_error(id[i])) { same++; allfail++ }
      else varies = varies " " i
    }
    if (part == "summary") {
      printf "\\def\\robustsummary{\\robustsummaryformat{%d}{%d}{%d}{%d}{%d}}\n", nseeds, length(rseeds), same, allpass, allfail
      exit 0
    }
    if (varies == "") { print "% no claim changes its verdict with the seed"; exit 0 }
    print "\\begin{longtable}{@{}llp{0.72\\textwidth}@{}}"
    print "\\caption{The claims whose verdict changes with the master seed, from the recorded run of \\texttt{make robustness}: verdict and measured value under each seed.}\\label{tab:robust}\\\\"
    hd = "\\toprule\nclaim & seed & verdict and measured value\\tabularnewline\n\\midrule"
    print hd "\n\\endfirsthead\n" hd "\n\\endhead"
    m = split(varies, vs, " ")
    for (j = 1; j <= m; j++) {
      i = vs[j]
      for (k = 1; k <= nseeds; k++) {
        sd = seedlist[k]
        if (!((id[i], sd) in rv)) continue
        printf "%s & %s & \\textbf{%s} %s\\\\\n", k == 1 ? id[i] : "", sd, rv[id[i], sd], texmeasured(rm[id[i], sd], id[i])
      }
      if (j < m) print "\\midrule"
    }
    print "\\bottomrule\n\\end{longtable}"
  }
}
