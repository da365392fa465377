# J-emergence: measured emergence times against the first-order prediction, every (alpha, eta, seed, i).
load 'figures/style.gp'
set key Left reverse
set ylabel offset -1.5
set terminal cairolatex size 12cm,8cm
f = data.'J-emergence.tsv'
set logscale xy
set format x "$10^{%L}$"
set xlabel 'predicted $t_i^{\rm pred}$'
set ylabel 'measured $t_i$'
set key outside right top
set xrange [5:5000]
set lmargin 12
set yrange [5:5000]
plot x with lines lt 7 dt 2 title '$t_i = t_i^{\rm pred}$', \
     f using 't_pred':(column('eta') < 0.1 && column('alpha') > 5e-5 ? column('t_meas') : NaN) with points lt 1 title '$\eta=0.05,\ \alpha=10^{-4}$', \
     f using 't_pred':(column('eta') < 0.1 && column('alpha') < 5e-5 && column('alpha') > 5e-7 ? column('t_meas') : NaN) with points lt 2 title '$\eta=0.05,\ \alpha=10^{-6}$', \
     f using 't_pred':(column('eta') < 0.1 && column('alpha') < 5e-7 ? column('t_meas') : NaN) with points lt 3 title '$\eta=0.05,\ \alpha=10^{-8}$', \
     f using 't_pred':(column('eta') > 0.1 && column('alpha') > 5e-5 ? column('t_meas') : NaN) with points lt 4 title '$\eta=0.5,\ \alpha=10^{-4}$', \
     f using 't_pred':(column('eta') > 0.1 && column('alpha') < 5e-5 && column('alpha') > 5e-7 ? column('t_meas') : NaN) with points lt 5 title '$\eta=0.5,\ \alpha=10^{-6}$', \
     f using 't_pred':(column('eta') > 0.1 && column('alpha') < 5e-7 ? column('t_meas') : NaN) with points lt 6 title '$\eta=0.5,\ \alpha=10^{-8}$'
