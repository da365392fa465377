# bench-latex.awk [summary.tsv] /dev/null -- the paper's view of build/bench/summary.tsv.
#   mode=latex:  cost-body.tex: \costbenchtrue (or false when there is no summary), one macro per
#                quoted figure (\Cost...; "--" when the row is missing), and \CostTable, the whole
#                summary as a longtable.
#   mode=figure: cost-bandwidth.tsv for figures/cost-bandwidth.gp: operator bytes against achieved
#                bytes/s (stored packed operator: m n(n+1)/2 doubles; numpy: m n^2) and the limit.
function tex(s) { gsub(/_/, "\\_", s); return s }
# A figure's name in the table: breakable after its dots, so that the long names fit their column.
function texname(s) { s = tex(s); gsub(/\./, ".\\allowbreak{}", s); return s }
function human(v, u) {
  if (u == "B/s") return sprintf("%.2f", v / 1e9)
  if (v == int(v) && v < 1e6) return sprintf("%d", v)
  v = sprintf("%.3g", v)
  if (v ~ /e/) { split(v, E, "e"); v = sprintf("$%s\\times10^{%d}$", E[1], E[2] + 0) }
  return v
}
function unit_tex(u) { return u == "B/s" ? "GB/s" : tex(u) }
function nm(name, s, a) {   # n and m from "...nN.mM"
  if (match(name, /\.n[0-9]+\.m[0-9]+/)) {
    s = substr(name, RSTART + 2, RLENGTH - 2); split(s, a, ".m"); N = a[1] + 0; M = a[2] + 0; return 1
  }
  return 0
}
FNR == 1 { next }
{ rows++; name[rows] = $1; value[$1] = $2; unit[$1] = $3; ref[$1] = $4; ratio[$1] = $6;
  goal[$1] = $7; verdict[$1] = $8 }
function msmacro(mac, row, scale) {   # a row in milliseconds, two decimals (scale: to ms)
  printf "\\newcommand{\\%s}{%s}\n", mac, (row in value) ? sprintf("%.2f", scale * value[row]) : "--"
}
function macro(mac, row, field,   v) {   # field: ratio, verdict, gbs, or a printf format
  if (!(row in value)) v = "--"
  else if (field == "ratio") v = ratio[row]
  else if (field == "verdict") v = verdict[row]
  else if (field == "gbs") v = sprintf("%.1f", value[row] / 1e9)
  else v = sprintf(field ~ /^%/ ? field : "%.3g", value[row])
  if (v ~ /^-?[0-9.]+e[-+][0-9]+$/) {   # 2.7e-05 -> 2.7 x 10^{-5}, for the text
    split(v, E, "e"); v = sprintf("\\ensuremath{%s\\times10^{%d}}", E[1], E[2] + 0)
  }
  printf "\\newcommand{\\%s}{%s}\n", mac, v
}
END {
  if (mode == "figure") {
    OFS = "\t"
    print "bytes", "apply", "adjoint", "fused", "numpyapply", "numpyadjoint", "gd", "beside", "limit"
    best = ("stream.best" in value) ? value["stream.best"] : "nan"
    for (i = 1; i <= rows; i++) {
      r = name[i]; if (!nm(r)) continue
      packed = M * N * (N + 1) / 2 * 8; dense = M * N * N * 8
      c["apply"] = c["adjoint"] = c["fused"] = c["numpyapply"] = c["numpyadjoint"] = c["gd"] = c["beside"] = "nan"
      x = packed
      if (r ~ /^sensing\.(apply|adjoint|fused)\.n/) { split(r, p, "."); c[p[2]] = value[r] }
      else if (r ~ /^numpy\.sensing\.(apply|adjoint)\./) { split(r, p, "."); c["numpy" p[3]] = value[r]; x = dense }
      else if (r ~ /^sensing\.growth\.gd\./) c["gd"] = packed / value[r]
      else if (r ~ /^stream\.read\.beside\./) c["beside"] = value[r]
      else continue
      print x, c["apply"], c["adjoint"], c["fused"], c["numpyapply"], c["numpyadjoint"], c["gd"], c["beside"], best
    }
    exit
  }
  printf "\\newif\\ifcostbench\n\\costbench%s\n", rows ? "true" : "false"
  macro("CostStreamBest", "stream.best", "gbs")
  split("A B C", L, " "); split("n40.m400 n100.m5000 n200.m20000", S, " ")
  for (j = 1; j <= 3; j++) {
    macro("CostBeside" L[j], "stream.read.beside." S[j], "gbs")
    macro("CostApply" L[j], "sensing.apply." S[j], "gbs")
    macro("CostApplyRatio" L[j], "sensing.apply." S[j], "ratio")
    macro("CostAdjointRatio" L[j], "sensing.adjoint." S[j], "ratio")
    macro("CostFusedRatio" L[j], "sensing.fused." S[j], "ratio")
    macro("CostGd" L[j], "sensing.gd." S[j], "")
    macro("CostNumpyGd" L[j], "numpy.sensing.gd." S[j], "")
    macro("CostGdRatio" L[j], "sensing.gd." S[j], "ratio")
    macro("CostGdVerdict" L[j], "sensing.gd." S[j], "verdict")
    macro("CostNumpyApply" L[j], "numpy.sensing.apply." S[j], "gbs")
    macro("CostFusedVerdict" L[j], "sensing.fused." S[j], "verdict")
    msmacro("CostFloorMs" L[j], "sensing.floor." S[j], 1e3)
    msmacro("CostFusedMs" L[j], "sensing.fused.time." S[j], 1e3)
  }
  # threads: the ratio of a 2-thread row to its 1-thread reference is the speedup
  macro("CostThreadsStored", "sensing.gd.stored.threads2.n200.m20000", "ratio")
  macro("CostThreadsFree", "sensing.gd.free.threads2.n300.m3000", "ratio")
  macro("CostCarpThreads", "carp.path.authors.t1.01.N2", "ratio")
  macro("CostCarpRpkgRatio", "carp.path_vs_rpkg.authors.t1.01", "ratio")
  msmacro("CostCarpPartStepMs", "carp.part.step.authors", 1)
  msmacro("CostCarpPartSolveMs", "carp.part.solve.authors", 1)
  msmacro("CostCarpPartRestMs", "carp.part.rest.authors", 1)
  split("A B C D", FL, " "); split("20 100 400 1000", FN, " ")
  for (j = 1; j <= 4; j++) {
    macro("CostFactorRatio" FL[j], "factor.gd.n" FN[j] ".k" 2 * FN[j], "ratio")
    macro("CostFactorVerdict" FL[j], "factor.gd.n" FN[j] ".k" 2 * FN[j], "verdict")
  }
  macro("CostCarpSec", "carp.path.authors.t1.01", "%.3g")
  macro("CostCarpNumpySec", "numpy.carp.path.authors.t1.01", "%.3g")
  macro("CostCarpSteps", "carp.steps.authors.t1.01", "%.0f")
  macro("CostCarpNumpySteps", "numpy.carp.steps.authors.t1.01", "%.0f")
  macro("CostCarpStepsVerdict", "numpy.carp.steps.authors.t1.01", "verdict")
  macro("CostCarpRate", "carp.steps_per_s.authors.t1.01", "%.0f")
  macro("CostCarpNumpyRate", "numpy.carp.steps_per_s.authors.t1.01", "%.0f")
  macro("CostCarpRatio", "carp.path.authors.t1.01", "ratio")
  macro("CostCarpVerdict", "carp.path.authors.t1.01", "verdict")
  macro("CostCarpFuseDiffer", "numpy.carp.fusion_steps_differ.authors.t1.01", "%.0f")
  r = "numpy.carp.u_diff.authors.t1.01"   # for math mode: m\times10^{e}
  if (r in value) { split(sprintf("%.1e", value[r]), E, "e"); v = sprintf("%s\\times10^{%d}", E[1], E[2] + 0) } else v = "\\mbox{--}"
  printf "\\newcommand{\\CostCarpUDiff}{%s}\n", v
  r = "carp.solve.authors"   # milliseconds per step: the sparse solve, numpy's product, whole steps
  printf "\\newcommand{\\CostCarpSolveMs}{%s}\n", (r in value) ? sprintf("%.2f", 1e3 * value[r]) : "--"
  r = "numpy.carp.product.authors"
  printf "\\newcommand{\\CostCarpProductMs}{%s}\n", (r in value) ? sprintf("%.1f", 1e3 * value[r]) : "--"
  r = "carp.steps_per_s.authors.t1.01"
  printf "\\newcommand{\\CostCarpStepMs}{%s}\n", (r in value) ? sprintf("%.2f", 1e3 / value[r]) : "--"
  r = "numpy.carp.steps_per_s.authors.t1.01"
  printf "\\newcommand{\\CostCarpNumpyStepMs}{%s}\n", (r in value) ? sprintf("%.1f", 1e3 / value[r]) : "--"
  # the ratio numpy's product alone over C's solve alone: what the path ratio would be if nothing
  # but those two counted
  r = "carp.solve.authors"; q = "numpy.carp.product.authors"
  printf "\\newcommand{\\CostCarpBound}{%s}\n", (r in value && q in value && value[r] > 0) ? sprintf("%.3g", value[q] / value[r]) : "--"
  macro("CostExponent", "sensing.growth.exponent", "%.2f")
  macro("CostExponentVerdict", "sensing.growth.exponent", "verdict")
  macro("CostStoredPerMeas", "sensing.fused.stored.n100.m5000", "%.2g")
  macro("CostFreePerMeas", "sensing.fused.free.n100.m5000", "%.2g")
  macro("CostFreeRatio", "sensing.fused.free.n100.m5000", "ratio")
  macro("CostFreeGd", "sensing.n500.free.gd", "%.3g")
  macro("CostStoredGd", "sensing.n500.stored.gd", "%.3g")
  macro("CostFreeRss", "sensing.n500.free.rss", "%.0f")
  macro("CostStoredRss", "sensing.n500.stored.rss", "%.0f")
  r = "sensing.row.mt19937_gsl_ziggurat.n100"   # microseconds per row of 5050 draws
  printf "\\newcommand{\\CostRowMtUs}{%s}\n", (r in value) ? sprintf("%.0f", 1e6 * value[r]) : "--"
  r = "sensing.row.crng.n100"
  printf "\\newcommand{\\CostRowCrngUs}{%s}\n", (r in value) ? sprintf("%.0f", 1e6 * value[r]) : "--"
  macro("CostRowRatio", "sensing.row.crng.n100", "ratio")
  macro("CostRowVerdict", "sensing.row.crng.n100", "verdict")
  macro("CostBigFreeGd", "sensing.n1000.free.gd", "%.3g")
  macro("CostBigFreeRss", "sensing.n1000.free.rss", "%.0f")
  macro("CostBigFreeThreads", "sensing.n1000.free.threads", "%.0f")
  macro("CostBigStoredGB", "sensing.n1000.stored_would_need", "%.0f")
  r = "sensing.n500.free_equals_stored"
  printf "\\newcommand{\\CostFreeIdentical}{%s}\n", (r in value) ? (value[r] == 1 ? "yes" : "no") : "--"
  macro("CostQuickTotal", "build.quick.total", "%.0f")
  macro("CostMakeTotal", "build.make.total", "%.0f")
  macro("CostQuickVerdict", "build.quick.total", "verdict")
  macro("CostMakeVerdict", "build.make.total", "verdict")
  macro("CostBenchTotal", "bench.total", "%.0f")
  print "\\newcommand{\\CostTable}{%"
  print "\\begin{longtable}{@{}>{\\raggedright}p{0.28\\textwidth}rl>{\\raggedright}p{0.245\\textwidth}lr@{}l@{}}"
  print "\\toprule figure & value & unit & reference & ratio & goal & \\ verdict\\\\ \\midrule\\endhead"
  for (i = 1; i <= rows; i++) {
    r = name[i]
    printf "\\texttt{%s} & %s & %s & %s & %s & %s & \\ %s\\tabularnewline\n", texname(r), human(value[r], unit[r]),
      unit_tex(unit[r]), ref[r] == "-" ? "" : "\\texttt{" texname(ref[r]) "}", ratio[r] == "-" ? "" : ratio[r],
      goal[r] == "-" ? "" : "$" (goal[r] ~ /^>=/ ? "\\ge " substr(goal[r], 3) : "1\\pm " substr(goal[r], 2)) "$",
      verdict[r] == "-" ? "" : verdict[r]
  }
  print "\\bottomrule\\end{longtable}}"
}
