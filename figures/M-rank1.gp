# M-rank1: the rank-1 ratio kappa-hat_t of lifted GD for l = 1 and l = 3 with the linear-regime
# bound of Lemma 2 (dashed).
load 'figures/style.gp'
set terminal cairolatex pdf input colortext size 12cm,6.5cm font ",8" linewidth 1.5
set output out.'.tex'
set logscale y
set xlabel 'iteration $t$'
set ylabel '$\hat\kappa_t$'
set key at graph 0.55, graph 0.96 left top reverse Left nobox noopaque spacing 1.2 samplen 2
f = data.'M-rank1.tsv'
plot f using 't':'kappa_1' with lines lt 1 title '$\hat\kappa_t$, $l=1$', \
     f using 't':'bound_1' with lines lt 1 dt 2 title 'bound, $l=1$', \
     f using 't':'kappa_l' with lines lt 2 title '$\hat\kappa_t$, $l=3$', \
     f using 't':'bound_l' with lines lt 2 dt 2 title 'bound, $l=3$'
