# D-cnn: a convolutional net's layer differences drift like eta: |D_1(t) - D_1(0)| against time at
# fixed eta T = 2 for four eta (top, ReLU), and drift/eta against eta for each activation (bottom).
load 'figures/style.gp'
set key Left reverse
set ylabel offset -1.5
set terminal cairolatex size 12cm,11cm
f = data.'D-cnn.tsv'
s = data.'D-cnn-summary.tsv'
set multiplot layout 2,1
set lmargin 14
set rmargin 20
set key spacing 1.6
set key outside right top
set xlabel 'time $\eta t$'
set logscale y
set format y "$10^{%L}$"
set ylabel '$|D_1(t) - D_1(0)|$ (ReLU)'
etas = "0.1 0.01 0.001 0.0001"
lab = "10^{-1} 10^{-2} 10^{-3} 10^{-4}"
plot for [e=1:4] f using 'time':((column('act') == 1 && abs(column('eta') - real(word(etas, e))) < 1e-12 && column('t') > 0) ? abs(column('dD1')) : NaN) \
     with lines lt e title sprintf('$\eta=%s$', word(lab, e))
set logscale x
set format x "$10^{%L}$"
set xrange [5e-5:2e-1]
set xlabel 'step size $\eta$'
set ylabel 'drift$/\eta$ at $\eta T=2$'
names = "identity ReLU Leaky"
plot for [a=0:2] s using 'eta':(column('act') == a ? column('drift') / column('eta') : NaN) with linespoints lt a+1 \
     title word(names, a+1)
unset multiplot
