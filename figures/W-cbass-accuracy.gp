# W-cbass-accuracy: CBASS against the exact biclustering path on the planted-bicluster matrix, as
# t -> 1: left, the Hausdorff distance between CBASS's iterates and the reference exact path
# (relative to ||X||_F); right, the steps of CBASS and of the exact path on the same grid eps t^j.
load 'figures/style.gp'
set terminal cairolatex pdf input colortext size 12cm,6cm font ',8' linewidth 1.5
f = data.'W-cbass-accuracy.tsv'
set logscale xy
set format x '$10^{%L}$'
set xlabel '$t - 1$'
set multiplot layout 1,2 spacing 0.14
set ylabel 'Hausdorff distance $/\|X\|_F$'
set key off
plot f using (column('t') - 1):'hausdorff' with linespoints lt 1
set ylabel 'steps'
set key right center
plot f using (column('t') - 1):'exact_steps' with linespoints lt 2 title 'exact path', \
     f using (column('t') - 1):'cbass_steps' with linespoints lt 1 title 'CBASS'
unset multiplot
