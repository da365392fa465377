# W-dendro: the dendrogram of the CARP path of the presidential speeches (hclust merge/height from
# W-path), heights = the regularization level lambda of each merge on a log scale (leaves drawn from
# half the lowest merge), leaves labelled.  The labels style reads backslash escapes in its text (\t
# is a tab), hence '\\tiny{}'; a text that begins with { loses its alignment in cairolatex.
load 'figures/style.gp'
set terminal cairolatex size 12cm,8.5cm
set logscale y
set format y '$10^{%L}$'
set xtics scale 0 format ''
set ylabel 'merge level $\lambda$'
set key off
set border 2
set grid noxtics
set bmargin 10
stats data.'W-path-leaves.tsv' using 'x' nooutput
nleaves = STATS_max
stats data.'W-path-segments.tsv' using (column('y1') > 0 ? column('y1') : NaN) nooutput
floor = STATS_min / 2
set xrange [0.3:nleaves + 0.7]
set yrange [floor:*]
lift(y) = y > 0 ? y : floor
plot data.'W-path-segments.tsv' using 'x0':(lift(column('y0'))):(column('x1') - column('x0')):(lift(column('y1')) - lift(column('y0'))) \
       with vectors nohead lt 1 lw 0.8, \
     data.'W-path-leaves.tsv' using 'x':(floor):('\\tiny{} '.strcol('label')) with labels rotate by 90 right offset 0,-0.4
