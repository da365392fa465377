# bench-summary.awk RAW.tsv... -- join the benchmarks' raw rows (name value unit reference goal
# sense) into the summary (name value unit reference reference_value ratio goal verdict).
#   ratio = value / reference_value when higher is better (sense hi), the inverse when lower is
#   better (sense lo): ratio > 1 always means "better than the reference".
#   goal ">=X": PASS when ratio >= X; goal "~X": PASS when |ratio - 1| <= X; "-": no goal.
# A name seen several times (rounds) is one row: the median of its values.
function median(s,   k, v, i, j, t) {
  k = split(s, v, " ")
  for (i = 2; i <= k; i++) for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
  return k % 2 ? v[(k + 1) / 2] : sprintf("%.6g", (v[k / 2] + v[k / 2 + 1]) / 2)
}
!($1 in seen) { seen[$1] = 1; n++; name[n] = $1; unit[n] = $3; ref[n] = $4; goal[n] = $5; sense[n] = $6 }
{ vals[$1] = vals[$1] " " $2 }
END {
  for (i = 1; i <= n; i++) val[name[i]] = median(vals[name[i]])
  OFS = "\t"
  print "name", "value", "unit", "reference", "reference_value", "ratio", "goal", "verdict"
  for (i = 1; i <= n; i++) {
    v = val[name[i]]; rv = "-"; ratio = "-"; verdict = "-"
    if (ref[i] != "-") {
      if (!(ref[i] in val)) { rv = "missing"; verdict = "NO-REFERENCE" }
      else {
        rv = val[ref[i]]
        ratio = sense[i] == "lo" ? (v > 0 ? rv / v : "-") : (rv > 0 ? v / rv : "-")
        if (ratio != "-") ratio = sprintf("%.3g", ratio)
      }
    }
    if (goal[i] != "-" && ratio != "-") {
      x = substr(goal[i], goal[i] ~ /^>=/ ? 3 : 2) + 0
      ok = goal[i] ~ /^>=/ ? ratio + 0 >= x : (ratio - 1 <= x && 1 - ratio <= x)
      verdict = ok ? "PASS" : "FAIL"
    } else if (goal[i] != "-") verdict = "NO-REFERENCE"
    print name[i], v, unit[i], ref[i], rv, ratio, goal[i], verdict
  }
}
