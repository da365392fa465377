# carp-page.awk -- the interactive path page: the template (the awk input, figures/carp-page.html)
# with its line "@CARP_DATA@" replaced by the path data as JSON and "@CARP_TITLE@" by the data set.
#   awk -v path=D/W-path.tsv -v leaves=D/W-path-leaves.tsv -v segments=D/W-path-segments.tsv \
#       -f figures/carp-page.awk figures/carp-page.html > page.html
# Nothing is computed here: the page shows the numbers of W-path's export (the same files the static
# figures read), only reformatted.  Coordinates are shortened to 6 significant digits (they only
# place pixels); levels and merge heights are copied verbatim.  The output depends on the input
# bytes alone (no date, no locale: make sets LC_ALL=C), so identical data give an identical page.

function die(msg) { print "carp-page.awk: " msg > "/dev/stderr"; failed = 1; exit 2 }

# a JSON string; "<" escaped so that no label can close the <script> element holding the data
function jstr(s) {
  gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, "\\t", s); gsub(/</, "\\u003c", s)
  return "\"" s "\""
}

# a JSON number from a data field: "nan", "inf" or anything else that is not a number is an error
function jnum(s) {
  if (s !~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/) die("not a finite number: '" s "' in " file)
  return s
}

function short(s) { jnum(s); return sprintf("%.6g", s + 0) }

# read FILE: provenance comments into prov (path file only), column names into col[name] = index,
# rows into the global array row[1..nrow] (tab-split on use)
function slurp(fname, keepprov,    line, nc, names, k) {
  file = fname; nrow = 0; split("", col)
  while ((k = (getline line < fname)) > 0) {
    if (line ~ /^#/) { if (keepprov) prov[++nprov] = substr(line, 3); continue }
    if (!nc) { nc = split(line, names, "\t"); for (k = 1; k <= nc; k++) col[names[k]] = k; continue }
    row[++nrow] = line
  }
  if (k < 0) die("cannot read " fname)
  close(fname)
  if (!nc) die("no column names in " fname)
}

function need(names,    a, m, k) {
  m = split(names, a, " ")
  for (k = 1; k <= m; k++) if (!(a[k] in col)) die("column '" a[k] "' missing in " file)
}

BEGIN {
  FS = "\t"
  if (path == "" || leaves == "" || segments == "") die("set -v path=... leaves=... segments=...")

  slurp(path, 1)
  need("record s step gamma obs pc1 pc2 cluster nclusters merge_a merge_b height")
  n = 0; ns = 0; nm = 0
  for (r = 1; r <= nrow; r++) {
    split(row[r], f, "\t")
    if (f[col["record"]] == 0) {
      s = f[col["s"]] + 0; i = f[col["obs"]] + 0
      if (s + 1 > ns) ns = s + 1
      if (i + 1 > n) n = i + 1
      gam[s] = jnum(f[col["gamma"]]); stp[s] = jnum(f[col["step"]]); kk[s] = jnum(f[col["nclusters"]])
      x[i, s] = short(f[col["pc1"]]); y[i, s] = short(f[col["pc2"]]); c[i, s] = jnum(f[col["cluster"]])
      seen[i, s] = 1
    } else if (f[col["record"]] == 1) {
      m = f[col["s"]] + 0
      if (m > nm) nm = m
      ma[m] = jnum(f[col["merge_a"]]); mb[m] = jnum(f[col["merge_b"]]); mh[m] = jnum(f[col["height"]])
    }
  }
  if (n == 0 || ns == 0) die("no path points in " path)
  for (i = 0; i < n; i++) for (s = 0; s < ns; s++) if (!((i, s) in seen)) die("point " i " missing at iterate " s)
  for (m = 1; m <= nm; m++) if (!(m in mh)) die("merge row " m " missing")

  slurp(leaves, 0)
  need("x obs label")
  if (nrow != n) die(leaves " has " nrow " leaves, " path " has " n " observations")
  for (r = 1; r <= nrow; r++) {
    split(row[r], f, "\t")
    ord[r - 1] = jnum(f[col["obs"]]); lab[f[col["obs"]] + 0] = f[col["label"]]
  }

  slurp(segments, 0)
  need("x0 y0 x1 y1")
  nseg = nrow
  for (r = 1; r <= nrow; r++) {
    split(row[r], f, "\t")
    seg[r] = "[" jnum(f[col["x0"]]) "," jnum(f[col["y0"]]) "," jnum(f[col["x1"]]) "," jnum(f[col["y1"]]) "]"
  }

  # the data set's name: the basename of the "param csv" line, without .csv
  title = "data"
  for (k = 1; k <= nprov; k++)
    if (prov[k] ~ /^param csv: /) { title = prov[k]; sub(/^param csv: /, "", title); sub(/.*\//, "", title); sub(/\.csv$/, "", title) }

  htitle = title; gsub(/&/, "\\&amp;", htitle); gsub(/</, "\\&lt;", htitle); gsub(/>/, "\\&gt;", htitle)
  # one line per array keeps the page readable with a text editor
  J = "{\"title\":" jstr(title) ",\n\"provenance\":["
  for (k = 1; k <= nprov; k++) J = J (k > 1 ? "," : "") jstr(prov[k])
  J = J "],\n\"n\":" n ",\n\"gamma\":[";    for (s = 0; s < ns; s++) J = J (s ? "," : "") gam[s]
  J = J "],\n\"step\":[";                   for (s = 0; s < ns; s++) J = J (s ? "," : "") stp[s]
  J = J "],\n\"nclusters\":[";              for (s = 0; s < ns; s++) J = J (s ? "," : "") kk[s]
  J = J "],\n\"labels\":[";                 for (i = 0; i < n; i++) J = J (i ? "," : "") jstr(lab[i])
  J = J "],\n\"order\":[";                  for (i = 0; i < n; i++) J = J (i ? "," : "") ord[i]
  J = J "],\n\"height\":[";                 for (m = 1; m <= nm; m++) J = J (m > 1 ? "," : "") mh[m]
  J = J "],\n\"merge\":[";                  for (m = 1; m <= nm; m++) J = J (m > 1 ? "," : "") "[" ma[m] "," mb[m] "]"
  J = J "],\n\"segments\":[";               for (r = 1; r <= nseg; r++) J = J (r > 1 ? "," : "") seg[r]
  # per observation, one entry per stored iterate
  J = J "],\n\"pc1\":[";
  for (i = 0; i < n; i++) { J = J (i ? ",\n" : "") "["; for (s = 0; s < ns; s++) J = J (s ? "," : "") x[i, s]; J = J "]" }
  J = J "],\n\"pc2\":[";
  for (i = 0; i < n; i++) { J = J (i ? ",\n" : "") "["; for (s = 0; s < ns; s++) J = J (s ? "," : "") y[i, s]; J = J "]" }
  J = J "],\n\"cluster\":[";
  for (i = 0; i < n; i++) { J = J (i ? ",\n" : "") "["; for (s = 0; s < ns; s++) J = J (s ? "," : "") c[i, s]; J = J "]" }
  J = J "]}"
}

{
  if ($0 == "@CARP_DATA@") { print J; placed = 1; next }
  while ((k = index($0, "@CARP_TITLE@")) > 0) $0 = substr($0, 1, k - 1) htitle substr($0, k + 12)
  print
}

END {
  if (failed) exit 2
  if (!placed) die("the template has no line @CARP_DATA@")
}
