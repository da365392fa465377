# D-balance: every layer's squared norm (log scale) and the ratio max_h/min_h against t, for the
# small initialization (grows into balance) and the large unbalanced contrast.
load 'figures/style.gp'
set key Left reverse
set ylabel offset -1.5
set terminal cairolatex size 12cm,11cm
f = data.'D-balance.tsv'
set multiplot layout 2,1
set lmargin 14
set rmargin 20
set key spacing 1.6
set key outside right top
set logscale xy
set format x "$10^{%L}$"
set format y "$10^{%L}$"
set xrange [1:*]
set xlabel 'iteration $t+1$'
set ylabel '$\|W_h\|_F^2$'
plot for [h=1:4] f using ($2 + 1):(column('run') == 0 ? column('n'.h) : NaN) with lines lt h title sprintf('small, $h=%d$', h), \
     for [h=1:4] f using ($2 + 1):(column('run') == 1 ? column('n'.h) : NaN) with lines lt h dt 2 title sprintf('contrast, $h=%d$', h)
set ylabel '$\max_h\|W_h\|_F^2/\min_h\|W_h\|_F^2$'
set yrange [0.8:40]
set format y "%g"
set ytics (1, 2, 5, 10, 20)
plot f using ($2 + 1):(column('run') == 0 ? column('ratio') : NaN) with lines lt 1 title 'small init', \
     f using ($2 + 1):(column('run') == 1 ? column('ratio') : NaN) with lines lt 2 dt 2 title 'contrast', \
     2 with lines lt 8 dt 3 title 'ratio 2'
unset multiplot
