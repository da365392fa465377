# W-accuracy: CARP against the exact path as t -> 1 on Gaussian blobs: the Hausdorff distance to the
# reference exact path and the same-lambda error, both relative to ||X||_F, against t - 1;
# CARP-VIZ's Hausdorff distance as a horizontal line.
load 'figures/style.gp'
set terminal cairolatex size 12cm,7.5cm
f = data.'W-accuracy.tsv'
stats data.'W-accuracy-viz.tsv' using 'hausdorff' nooutput
viz = STATS_max
set logscale xy
set format x '$10^{%L}$'
set xlabel '$t - 1$'
set ylabel 'distance $/\|X\|_F$'
set key right bottom
plot f using (column('t') - 1):'hausdorff' with linespoints lt 1 title 'Hausdorff $d_H$(CARP, exact path)', \
     f using (column('t') - 1):'same_err' with linespoints lt 2 title 'same-$\lambda$ error $\max_k\|U^{(k)} - U(\gamma_k)\|_F$', \
     viz with lines lt 3 dt 2 title '$d_H$(CARP-VIZ, exact path)', \
     2 * x with lines lt 8 dt 3 title 'slope 1'
