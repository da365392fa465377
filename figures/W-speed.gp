# W-speed: ADMM steps against the number of regularization levels visited (CARP-VIZ: accepted
# levels), for CARP (one step per
# level, several t), CARP-VIZ and the exact path (R package's rule; 100- and 1000-point grids;
# and our 1e-12 rule on the 100-point grid within its step budget), authors and TCGA data.
# Steps are machine-independent; wall times are in the text.
load 'figures/style.gp'
set terminal cairolatex size 12cm,7cm
f = data.'W-speed.tsv'
set logscale xy
set format x '$10^{%L}$'
set xlabel 'levels $\gamma$ visited'
set ylabel 'ADMM steps'
set key outside right top
lev(m) = m == 0 ? column('steps') - 50 : column('levels')
sel(d, m) = column('dataset') == d && column('method') == m ? lev(m) : NaN
# authors: large open markers; TCGA: small filled ones inside (their step counts nearly coincide)
plot f using (sel(0, 0)):'steps' with linespoints lt 1 pt 6 ps 1.4 title 'CARP, authors', \
     f using (sel(1, 0)):'steps' with linespoints lt 2 pt 7 ps 0.5 title 'CARP, TCGA', \
     f using (sel(0, 1)):'steps' with points lt 1 pt 4 ps 1.4 title 'CARP-VIZ, authors', \
     f using (sel(1, 1)):'steps' with points lt 2 pt 5 ps 0.5 title 'CARP-VIZ, TCGA', \
     f using (sel(0, 2)):'steps' with points lt 1 pt 12 ps 1.6 title 'exact (R rule), authors', \
     f using (sel(1, 2)):'steps' with points lt 2 pt 13 ps 0.6 title 'exact (R rule), TCGA', \
     f using (sel(0, 3)):'steps' with points lt 1 pt 8 ps 1.6 title 'exact ($10^{-12}$), authors', \
     f using (sel(1, 3)):'steps' with points lt 2 pt 9 ps 0.6 title 'exact ($10^{-12}$), TCGA'
