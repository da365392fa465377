# J-staircase: singular values of F_t G_t^T (top) and distances to X_r (bottom) over t, with the
# first-order emergence times t_i^pred as dashed vertical marks.
load 'figures/style.gp'
set key Left reverse
set ylabel offset 0,0
set terminal cairolatex size 12cm,11cm
f = data.'J-staircase.tsv'
marks = data.'J-staircase-marks.tsv'
stats f using 't' nooutput
T = STATS_max
do for [i=1:5] {
  stats marks using (column('i') == i ? column('t_pred') : NaN) nooutput
  set arrow i from STATS_max, graph 0 to STATS_max, graph 1 nohead dt 2 lc rgb '#777777' lw 0.8
}
# equal panel widths: explicit margins (the two keys outside have different widths)
set multiplot layout 2,1
set lmargin at screen 0.13
set rmargin at screen 0.74
set key spacing 1.2
set logscale y
set xrange [0:T]
set key outside right top
set ylabel 'singular value'
set yrange [1e-12:3]
plot for [i=1:6] f using 't':(column('sv'.i)) with lines lt i title sprintf('$\sigma_{%d}(F_tG_t^\top)$', i)
set ylabel '$\|F_tG_t^\top - X_r\|_F$'
set xlabel 'iteration $t$'
set yrange [1e-9:3]
plot for [r=1:5] f using 't':(column('err'.r)) with lines lt r title sprintf('$r=%d$', r), \
     f using 't':'err_full' with lines lt 7 dt 2 title '$\|F_tG_t^\top - X\|_F$'
unset multiplot
