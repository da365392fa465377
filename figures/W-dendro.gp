# W-dendro: the dendrogram of the CARP path of the presidential speeches (hclust merge/height from
# W-path), heights = the regularization level lambda at each merge, leaves labelled.
load 'figures/style.gp'
set terminal cairolatex size 12cm,9cm
set format y '%g'
set xtics scale 0 format ''
set ylabel 'merge level $\lambda$'
set key off
set border 2
set grid noxtics
set bmargin 9
stats data.'W-path-leaves.tsv' using 'x' nooutput
set xrange [0.3:STATS_max + 0.7]
set yrange [0:*]
plot data.'W-path-segments.tsv' using 'x0':'y0':(column('x1') - column('x0')):(column('y1') - column('y0')) \
       with vectors nohead lt 1 lw 0.8, \
     data.'W-path-leaves.tsv' using 'x':(0):(sprintf('\tiny %s', strcol('label'))) with labels rotate by 90 right offset 0,-0.3
