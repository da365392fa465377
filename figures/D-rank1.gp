# D-rank1: relative error of rank-one factorization with a constant step, log scale.
load 'figures/style.gp'
set key Left reverse
set ylabel offset -1.5
set terminal cairolatex size 12cm,6.5cm
f = data.'D-rank1.tsv'
set logscale y
set xlabel 'iteration $t$'
set ylabel '$\|uv^\top - M^*\|_F / \|M^*\|_F$'
set key right top
plot f using 't':'rel_err' with linespoints lt 1 ps 0.3 title 'gradient descent'
