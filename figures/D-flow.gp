# D-flow: layer norms grow while their differences stay put (top: eta = 1e-2, one panel per
# activation, so that no curve hides another); the drift |D_1(t) - D_1(0)| at fixed eta T = 5
# shrinks like eta (bottom, ReLU).  Panels placed by explicit margins (equal widths on top).
load 'figures/style.gp'
set terminal cairolatex size 15cm,10.5cm
f = data.'D-flow.tsv'
set multiplot
set key Left reverse spacing 1.2 samplen 2
set ylabel offset 0,0
set xlabel 'time $\eta t$'
set format y "$%g$"
set tmargin at screen 0.97
set bmargin at screen 0.6
sel(a, h) = (column('bias') == 0 && column('act') == a && abs(column('eta') - 1e-2) < 1e-9) ? column('n'.h) : NaN
set yrange [0:6]
set ytics 1
do for [a=0:2] {
  set lmargin at screen 0.08 + a * 0.31
  set rmargin at screen 0.34 + a * 0.31
  set title (a == 0 ? 'identity' : a == 1 ? 'ReLU' : 'Leaky ReLU') offset 0,-0.6
  if (a == 0) { set ylabel '$\|W_h\|_F^2$ ($\eta=10^{-2}$)' } else { unset ylabel }
  if (a == 1) { set key at graph 0.05, graph 0.64 left top } else { unset key }
  plot for [h=1:3] f using 'time':(sel(a, h)) with lines lt h title sprintf('$h=%d$', h)
}
unset title
set lmargin at screen 0.08
set rmargin at screen 0.76
set tmargin at screen 0.45
set bmargin at screen 0.08
set autoscale y
set ytics auto
set logscale y
set format y "$10^{%L}$"
set ylabel '$|D_1(t) - D_1(0)|$ (ReLU)'
set key outside right top
etas = "0.1 0.01 0.001 0.0001"
lab = "10^{-1} 10^{-2} 10^{-3} 10^{-4}"
plot for [e=1:4] f using 'time':((column('bias') == 0 && column('act') == 1 && abs(column('eta') - real(word(etas, e))) < 1e-12 && column('t') > 0) ? abs(column('dD1')) : NaN) \
     with lines lt e title sprintf('$\eta=%s$', word(lab, e))
unset multiplot
