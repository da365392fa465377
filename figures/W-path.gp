# W-path: the CARP path of the presidential speeches on the first two principal components; each
# observation's trajectory from its data point (dot) to the grand mean, coloured by its cluster
# when four clusters remain.
load 'figures/style.gp'
set terminal cairolatex size 12cm,9cm
f = data.'W-path.tsv'
set format y '$%g$'
set format x '$%g$'
set xlabel 'principal component 1'
set ylabel 'principal component 2'
set key off
stats f using (column('record') == 0 ? column('obs') : NaN) nooutput
nobs = int(STATS_max) + 1
plot for [i=0:nobs-1] f using (column('record') == 0 && column('obs') == i ? column('pc1') : NaN):'pc2' \
       with lines lc rgb '#9ecae1' lw 0.6, \
     f using (column('record') == 0 && column('s') == 0 ? column('pc1') : NaN):'pc2' with points lt 1 pt 7 ps 0.35
