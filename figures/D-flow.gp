# D-flow: layer norms grow while their differences stay put (top, eta = 1e-2, each activation);
# the drift |D_1(t) - D_1(0)| at fixed eta T = 5 shrinks like eta (bottom, ReLU).
load 'figures/style.gp'
set key Left reverse
set ylabel offset -1.5
set terminal cairolatex size 12cm,11cm
f = data.'D-flow.tsv'
set multiplot layout 2,1
set lmargin 14
set rmargin 20
set key spacing 1.6
set key outside right top
set xlabel 'time $\eta t$'
set format y "%g"
set ylabel '$\|W_h\|_F^2$ ($\eta=10^{-2}$)'
sel(a, h) = (column('bias') == 0 && column('act') == a && abs(column('eta') - 1e-2) < 1e-9) ? column('n'.h) : NaN
plot for [h=1:3] f using 'time':(sel(0, h)) with lines lt h title sprintf('identity, $h=%d$', h), \
     for [h=1:3] f using 'time':(sel(1, h)) with lines lt h dt 2 title sprintf('ReLU, $h=%d$', h), \
     for [h=1:3] f using 'time':(sel(2, h)) with lines lt h dt 3 title sprintf('Leaky, $h=%d$', h)
set logscale y
set format y "$10^{%L}$"
set ylabel '$|D_1(t) - D_1(0)|$ (ReLU)'
etas = "0.1 0.01 0.001 0.0001"
lab = "10^{-1} 10^{-2} 10^{-3} 10^{-4}"
plot for [e=1:4] f using 'time':((column('bias') == 0 && column('act') == 1 && abs(column('eta') - real(word(etas, e))) < 1e-12 && column('t') > 0) ? abs(column('dD1')) : NaN) \
     with lines lt e title sprintf('$\eta=%s$', word(lab, e))
unset multiplot
