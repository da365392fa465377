# S-width: median test error versus t for each width k (band: min to max over seeds).
load 'figures/style.gp'
f = data.'S-width.tsv'
final = data.'S-width-final.tsv'
stats final using 'k' nooutput
nk = STATS_records
array kk[nk]
do for [b=1:nk] {
  stats final using 'k' every ::(b-1)::(b-1) nooutput
  kk[b] = STATS_min
}
set logscale y
set xlabel 'iteration $t$'
set ylabel 'test error'
set yrange [1e-14:3]
set key right top
plot for [b=1:nk] f using 1:(column(3*b+0)):(column(3*b+1)) with filledcurves lt b fs transparent solid 0.15 noborder notitle, \
     for [b=1:nk] f using 1:(column(3*b-1)) with lines lt b title sprintf('$k=%d$', kk[b])
