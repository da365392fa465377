# S-width: median test error versus t for each width k.  Left: the whole run, with the min-max band
# over seeds for k = r and for the widest k (the bands of the widths in between overlap theirs);
# right: the floors of the k > r runs magnified, medians only, so that each width can be told apart.
load 'figures/style.gp'
set terminal cairolatex size 15cm,7cm
f = data.'S-width.tsv'
final = data.'S-width-final.tsv'
stats final using 'k' nooutput
nk = STATS_records
array kk[nk]
do for [b=1:nk] {
  stats final using 'k' every ::(b-1)::(b-1) nooutput
  kk[b] = STATS_min
}
set multiplot
set logscale y
set xlabel 'iteration $t$'
set ylabel 'test error'
set ylabel offset 0,0
set lmargin at screen 0.1
set rmargin at screen 0.56
set yrange [1e-14:3]
set key left bottom
plot for [b in "1 ".nk] f using 1:(column(3*b+0)):(column(3*b+1)) with filledcurves lt b fs transparent solid 0.15 noborder notitle, \
     for [b=1:nk] f using 1:(column(3*b-1)) with lines lt b dt b title sprintf('$k=%d$', kk[b])
set lmargin at screen 0.66
set rmargin at screen 0.98
unset ylabel
set xrange [1000:*]
set yrange [1e-6:1e-4]
unset key
set title 'the floors of $k>r$ (medians)' offset 0,-0.5
plot for [b=2:nk] f using 1:(column(3*b-1)) with lines lt b dt b notitle
unset multiplot
