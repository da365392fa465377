# W-dendrogram: adjusted Rand index between the CARP and the exact-path partitions at every cluster
# count K that both paths pass through (presidential speeches), one curve per t.
load 'figures/style.gp'
set terminal cairolatex size 12cm,6.5cm
f = data.'W-dendrogram.tsv'
set format y '$%g$'
set logscale x
set format x '$%g$'
set xlabel 'number of clusters $K$'
set ylabel 'ARI(CARP, exact)'
set yrange [0.5:1.05]
set key left bottom
set xrange [1:50]
plot for [tt in "1.1 1.05 1.02 1.01"] f using (abs(column('t') - real(tt)) < 1e-9 ? column('K') : NaN):'ari' \
       with linespoints title sprintf('$t = %s$', tt)
