# M-algorithms: Figure 2 of Ma, Lavaei & Sojoudi 2023 redrawn: success of four algorithms vs eps
# (left) and the loss of one run each from the same initial point (right).
load 'figures/style.gp'
set terminal cairolatex pdf input colortext size 14cm,6.5cm font ",8" linewidth 1.5
set output out.'.tex'
set multiplot layout 1,2
set logscale x
set format x "$10^{%L}$"
set xrange [*:*] reverse
set format y "%g"
set yrange [-0.05:1.05]
set xlabel 'initialization scale $\epsilon$'
set ylabel 'success rate'
set key at graph 0.3, graph 0.8 left top reverse Left nobox noopaque font ",7" spacing 1.2 samplen 2
f = data.'M-algorithms.tsv'
plot f using 'eps':'gd' with linespoints lt 1 title 'GD', \
     f using 'eps':'custom' with linespoints lt 2 dt 2 title 'CustomGD', \
     f using 'eps':'pgd' with linespoints lt 3 title 'perturbed GD', \
     f using 'eps':'adam' with linespoints lt 4 dt 4 title 'Adam'
unset logscale x
set format x "%g"
set xrange [0:*] noreverse
set logscale y
set format y "$10^{%L}$"
set yrange [1e-8:100]
set xlabel 'iteration $t$'
set ylabel 'loss $h(w_t)$'
set key at graph 0.45, graph 0.3 left top reverse Left nobox noopaque font ",7" spacing 1.2 samplen 2
g = data.'M-algorithms-traj.tsv'
plot g using 't':'gd' with lines lt 1 title 'GD', \
     g using 't':'custom' with lines lt 2 dt 2 title 'CustomGD', \
     g using 't':'pgd' with lines lt 3 title 'perturbed GD', \
     g using 't':'adam' with lines lt 4 title 'Adam'
unset multiplot
