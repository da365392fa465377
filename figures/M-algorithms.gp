# M-algorithms: Figure 2 of Ma, Lavaei & Sojoudi 2023 redrawn: success of four algorithms vs eps
# (left) and the loss of one run each from the same initial point (right).  Where success curves
# coincide (at 1) the markers are nested (large open, medium open, small filled) so that each stays
# visible; the two panels get the same width (explicit margins).
load 'figures/style.gp'
set terminal cairolatex pdf input colortext size 15cm,6.5cm font ",8" linewidth 1.5
set output out.'.tex'
set multiplot
set lmargin at screen 0.08
set rmargin at screen 0.47
set logscale x
set format x "$10^{%L}$"
set xrange [2e-3:5e-8]
set format y "$%g$"
set yrange [-0.05:1.15]
set xlabel 'initialization scale $\epsilon$'
set ylabel 'success rate'
set ylabel offset 0,0
set key at graph 0.98, graph 0.6 right top Left reverse nobox opaque spacing 1.2 samplen 2.5
f = data.'M-algorithms.tsv'
plot f using 'eps':'gd' with linespoints lt 1 pt 6 ps 1.6 title 'GD', \
     f using 'eps':'custom' with linespoints lt 2 dt 2 pt 4 ps 1.0 title 'CustomGD', \
     f using 'eps':'adam' with linespoints lt 4 dt 4 pt 7 ps 0.45 title 'Adam', \
     f using 'eps':'pgd' with linespoints lt 3 pt 8 ps 0.8 title 'perturbed GD'
set lmargin at screen 0.58
set rmargin at screen 0.97
unset logscale x
set format x "$%g$"
set xrange [0:2400] noreverse
set logscale y
set format y "$10^{%L}$"
set yrange [1e-8:100]
set xlabel 'iteration $t$'
set ylabel 'loss $h(w_t)$'
set key at graph 0.99, graph 0.46 right top Left reverse nobox noopaque spacing 1.2 samplen 2.5
g = data.'M-algorithms-traj.tsv'
plot g using 't':'gd' with lines lt 1 title 'GD', \
     g using 't':'custom' with lines lt 2 dt 2 title 'CustomGD', \
     g using 't':'adam' with lines lt 4 dt 4 title 'Adam', \
     g using 't':'pgd' with lines lt 3 title 'perturbed GD'
unset multiplot
