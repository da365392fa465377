# M-saddle: the unscaled losses through x^ = (0, 1/sqrt 2) on the delta ~ 0.54 instance: f along
# e_1 and e_2 (a strict local minimum) and h^3 along e_1^{(x)3} (a strict saddle).
load 'figures/style.gp'
set terminal cairolatex pdf input colortext size 12cm,6.5cm font ",8" linewidth 1.5
set output out.'.tex'
set format y "$%g$"
set xlabel 'step $s$'
set ylabel 'loss minus its value at $s=0$'
set yrange [-0.15:0.25]
set key outside right top reverse Left nobox samplen 2
f = data.'M-saddle.tsv'
plot f using 's':'f_e1' with lines lt 1 title '$f(\hat x+s e_1)$', \
     f using 's':'f_e2' with lines lt 3 dt 4 title '$f(\hat x+s e_2)$', \
     f using 's':'h_e1' with lines lt 2 title '$h^3(\hat x^{\otimes 3}+s e_1^{\otimes 3})$', \
     0 with lines lt 8 dt 3 notitle
