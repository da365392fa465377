# D-decay: decaying steps eta_t = eta0/(t+1)^(1/2+delta): relative error against the elapsed time
# sum_{s<t} eta_s (top), and |D_t| with its bound |D_0| + sum eta_s^2 (|g_U|^2 + |g_V|^2) against t (bottom).
load 'figures/style.gp'
set key Left reverse
set ylabel offset -1.5
set terminal cairolatex size 12cm,11cm
f = data.'D-decay.tsv'
set multiplot layout 2,1
set lmargin 14
set rmargin 20
set key spacing 1.6
set key outside right top
set logscale y
set format y "$10^{%L}$"
set xlabel 'time $\sum_{s<t}\eta_s$'
set ylabel '$\|UV^\top - M^*\|_F/\|M^*\|_F$'
deltas = "0.1 0.25 0.5"
lab = "0.1 0.25 1/2"
set xrange [0:40]
plot for [j=1:3] f using 'time':(column('run') == j - 1 ? column('err') : NaN) with lines lt j \
     title sprintf('$\delta=%s$', word(lab, j))
set logscale x
set format x "$10^{%L}$"
set xrange [1:*]
set autoscale x
set xlabel 'iteration $t+1$'
set ylabel '$|D_t|$ and its bound'
set yrange [1e-6:1]
plot for [j=1:3] f using ($3 + 1):(column('run') == j - 1 ? abs(column('D')) : NaN) with lines lt j \
     title sprintf('$|D_t|$, $\delta=%s$', word(lab, j)), \
     for [j=1:3] f using ($3 + 1):(column('run') == j - 1 ? column('bound') : NaN) with lines lt j dt 2 \
     title sprintf('bound, $\delta=%s$', word(lab, j))
unset multiplot
