# carp-figures.gp -- the static figures of a carp run (tools/carp.c), each as PDF and PNG:
#   STEM-path:       every observation's path on the first two principal components, from its data
#                    point (dot) towards the grand mean, coloured by its cluster when a partition
#                    was asked for (STEM-clusters.tsv), else one colour;
#   STEM-dendrogram: the dendrogram, merge level lambda on a log scale (leaves at half the lowest
#                    merge), leaves named when there are at most 80, the partition's level dashed.
# carp compiles this script in, writes it beside its outputs as STEM-figures.gp with `stem` (and
# `part`, `cut`) set on its first lines, and runs it with `ext` = a temporary suffix, renaming the
# files when gnuplot succeeds; `gnuplot STEM-figures.gp` draws them again (edit at will).
# Reads only STEM-path.tsv, STEM-path-segments.tsv, STEM-path-leaves.tsv and STEM-clusters.tsv.
if (!exists("stem")) { print "carp-figures.gp: set stem, e.g. gnuplot -e \"stem='out/data'\" carp-figures.gp"; exit }
if (!exists("ext")) ext = ''
if (!exists("part")) part = 0
if (!exists("cut")) cut = NaN
set datafile separator "\t"
set datafile commentschars "#"
set datafile columnheaders
set datafile missing "nan"
set key off
f = stem.'-path.tsv'
segf = stem.'-path-segments.tsv'
leaf = stem.'-path-leaves.tsv'

stats f using (column('record') == 0 ? column('obs') : NaN) nooutput
n = int(STATS_max) + 1
array cl[n]
do for [i = 1:n] { cl[i] = 0 }
if (part) { stats stem.'-clusters.tsv' using (cl[int(column('row'))] = column('cluster'), 0) nooutput }
# cluster k > 0: hues a golden ratio apart; no partition (0): one light blue
colour(k) = k > 0 ? hsv2rgb(k * 0.618034 - floor(k * 0.618034), 0.8, 0.8) : 0x6baed6
# one pass over the points (observation by observation, level by level): each row draws the
# segment from the observation's previous point, remembered in ox, oy, oi
ox = NaN; oy = NaN; oi = -1
seg(i, x, y) = (vx = (i == oi ? ox : NaN), vy = oy, ox = x, oy = y, oi = i, vx)

stats segf using (column('y1') > 0 ? column('y1') : NaN) nooutput
floor = STATS_min / 2
lift(y) = y > 0 ? y : floor
stats leaf using 'x' nooutput
nleaves = int(STATS_max)

do for [fmt in "pdf png"] {
  if (fmt eq 'pdf') { set terminal pdfcairo size 16cm,12cm font ',9' } else { set terminal pngcairo size 1200,900 font ',10' }
  set termoption noenhanced

  set output stem.'-path.'.fmt.ext
  unset logscale; unset arrow; set border 3; set tics nomirror; set xtics; set format x '%g'; set format y '%g'
  set xlabel 'principal component 1'; set ylabel 'principal component 2'
  set bmargin; set size ratio -1
  plot f using (column('record') == 0 ? seg(column('obs'), column('pc1'), column('pc2')) : NaN):(vy):(ox - vx):(oy - vy):(colour(cl[oi + 1])) \
         with vectors nohead lw 0.8 lc rgb variable, \
       f using (column('record') == 0 && column('s') == 0 ? column('pc1') : NaN):'pc2':(column('record') == 0 ? colour(cl[int(column('obs')) + 1]) : 0) \
         with points pt 7 ps 0.5 lc rgb variable
  set output

  set output stem.'-dendrogram.'.fmt.ext
  set size noratio; set logscale y; set format y '%g'; set border 2; set xtics scale 0 format ''
  set xlabel ''; set ylabel 'merge level lambda'
  set xrange [0.3:nleaves + 0.7]; set yrange [floor:*]
  if (cut == cut) { set arrow 1 from graph 0, first cut to graph 1, first cut nohead dt 2 lw 1.5 lc rgb '#cc0000' }
  if (nleaves <= 80) {
    set bmargin 10
    plot segf using 'x0':(lift(column('y0'))):(column('x1') - column('x0')):(lift(column('y1')) - lift(column('y0'))) \
           with vectors nohead lc rgb '#444444', \
         leaf using 'x':(floor):(colour(cl[int(column('obs')) + 1])) with points pt 7 ps 0.6 lc rgb variable, \
         leaf using 'x':(floor):(strcol('label')) with labels rotate by 90 right offset 0,-0.8 font ',7'
  } else {
    set bmargin
    plot segf using 'x0':(lift(column('y0'))):(column('x1') - column('x0')):(lift(column('y1')) - lift(column('y0'))) \
           with vectors nohead lw 0.5 lc rgb '#444444', \
         leaf using 'x':(floor):(colour(cl[int(column('obs')) + 1])) with points pt 5 ps 0.3 lc rgb variable
  }
  set output
  unset xrange; unset yrange; set autoscale
}
