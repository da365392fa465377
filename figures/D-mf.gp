# D-mf: imbalance ||U^T U - V^T V||_F (top) and error ||U V^T - M*||_F (bottom) against t, for
# small and large init with constant and decaying steps (seed 1).
load 'figures/style.gp'
set key Left reverse
set ylabel offset -1.5
set terminal cairolatex size 12cm,11cm
f = data.'D-mf.tsv'
set multiplot layout 2,1
set lmargin 14
set rmargin 20
set logscale xy
set format x "$10^{%L}$"
set xrange [1:*]
set key outside right top
set xlabel 'iteration $t+1$'
cases = "0 1 2 10 11 12"
title(i) = i == 1 ? 'small, constant' : i == 2 ? 'small, $\delta=0.1$' : i == 3 ? 'small, $\delta=0.5$' : \
           i == 4 ? 'large, constant' : i == 5 ? 'large, $\delta=0.1$' : 'large, $\delta=0.5$'
# Colour by initialization, line by step schedule: the imbalance barely depends on the schedule, so
# its three curves lie on top of each other; a wide light solid line under a dashed and a dotted one
# keeps each visible.
col(i) = i <= 3 ? 1 : 2
wid(i) = (i - 1) % 3 == 0 ? 4 : (i - 1) % 3 == 1 ? 1.5 : 1
dash(i) = (i - 1) % 3 == 0 ? 1 : (i - 1) % 3 == 1 ? 2 : 3
set ylabel '$\|U^\top U - V^\top V\|_F$'
plot for [i=1:6] f using ($6 + 1):(column('case') == int(word(cases, i)) ? column('imb') : NaN) \
       with lines lt col(i) lw wid(i) dt dash(i) title title(i)
unset key
set ylabel '$\|UV^\top - M^*\|_F$'
plot for [i=1:6] f using ($6 + 1):(column('case') == int(word(cases, i)) ? column('err') : NaN) \
       with lines lt col(i) lw wid(i) dt dash(i) title title(i)
unset multiplot
