# W-animation: the CARP path of the presidential speeches as an animated GIF (out.gif, one frame per
# stored iterate, thinned to at most 80 frames): points at their current position on the first two
# principal components, coloured by cluster, over the faint full path.  For the paper, a filmstrip of
# four frames (out.tex/out.pdf) at 40, 10, 4 and 2 clusters (the first stored iterate with at most
# that many).
load 'figures/style.gp'
f = data.'W-path.tsv'
set format x '$%g$'
set format y '$%g$'
set key off
unset grid
stats f using (column('record') == 0 ? column('s') : NaN) nooutput
nstore = int(STATS_max) + 1
stats f using (column('record') == 0 ? column('obs') : NaN) nooutput
nobs = int(STATS_max) + 1
stats f using (column('record') == 0 ? column('pc1') : NaN) nooutput
x0 = STATS_min; x1 = STATS_max
stats f using (column('record') == 0 ? column('pc2') : NaN) nooutput
y0 = STATS_min; y1 = STATS_max
set xrange [x0 - 1:x1 + 1]
set yrange [y0 - 1:y1 + 1]
pt_at(S) = column('record') == 0 && column('s') == S ? column('pc1') : NaN
path(i) = column('record') == 0 && column('obs') == i ? column('pc1') : NaN

set terminal gif animate delay 12 size 640,480 font ',10'
set output out.'.gif'
stride = nstore > 80 ? int(ceil(nstore / 80.0)) : 1
do for [S = 0:nstore - 1:stride] {
  stats [*:*][*:*] f using (column('record') == 0 && column('s') == S ? column('gamma') : NaN) nooutput
  g = STATS_max
  stats [*:*][*:*] f using (column('record') == 0 && column('s') == S ? column('nclusters') : NaN) nooutput
  set title sprintf('CARP, presidential speeches: gamma = %.3g, %d clusters', g, int(STATS_max))
  plot for [i = 0:nobs - 1] f using (path(i)):'pc2' with lines lc rgb '#dddddd', \
       f using (pt_at(S)):'pc2':(column('cluster') + 1) with points pt 7 ps 1.2 lc variable
}
unset title

# the filmstrip for the paper
set terminal cairolatex pdf input colortext size 12cm,9cm font ',8' linewidth 1.5
set output out.'.tex'
set multiplot layout 2,2
do for [Kn in "40 10 4 2"] {
  K = Kn + 0
  stats [*:*][*:*] f using (column('record') == 0 && column('nclusters') <= K ? column('s') : NaN) nooutput
  S = int(STATS_min)
  stats [*:*][*:*] f using (column('record') == 0 && column('s') == S ? column('nclusters') : NaN) nooutput
  set title sprintf('$%d$ clusters', int(STATS_max))
  plot for [i = 0:nobs - 1] f using (path(i)):'pc2' with lines lc rgb '#dddddd' lw 0.5, \
       f using (pt_at(S)):'pc2':(column('cluster') + 1) with points pt 7 ps 0.5 lc variable
}
unset multiplot
