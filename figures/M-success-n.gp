# M-success-n: Figure 1 of Ma, Lavaei & Sojoudi 2023 redrawn from our runs: success vs n (left)
# and vs eps (right), the published protocol (solid) and the controlled comparison (dashed).
load 'figures/style.gp'
set terminal cairolatex pdf input colortext size 14cm,6.5cm font ",8" linewidth 1.5
set output out.'.tex'
set multiplot layout 1,2
set format y "%g"
set yrange [-0.05:1.05]
set ylabel 'success rate'
set xlabel '$n$'
set xtics 1
set key at graph 0.04, graph 0.86 left top reverse Left nobox noopaque font ",7" spacing 1.2 samplen 2
plot data.'M-success-n.tsv' using 'n':'lifted_v1' with linespoints lt 1 title 'lifted, $v_1$ init', \
     '' using 'n':'unlifted_unit' with linespoints lt 2 title 'unlifted, $N(0,I)$', \
     '' using 'n':'ref' with lines lt 8 dt 3 title '$2/2^p$', \
     '' using 'n':'lifted_gauss' with linespoints lt 3 dt 2 title 'lifted, same-law init', \
     '' using 'n':'unlifted_gauss' with linespoints lt 4 dt 2 title 'unlifted, same-law init', \
     '' using 'n':'unlifted_v1' with linespoints lt 5 dt 4 title 'unlifted, $v_1$ init'
set logscale x
set xtics auto
set format x "$10^{%L}$"
set xrange [*:*] reverse
set xlabel 'initialization scale $\epsilon$'
unset key
plot data.'M-success-eps.tsv' using 'eps':'lifted_v1' with linespoints lt 1, \
     '' using 'eps':'unlifted_unit' with linespoints lt 2, \
     '' using 'eps':'lifted_gauss' with linespoints lt 3 dt 2, \
     '' using 'eps':'unlifted_gauss' with linespoints lt 4 dt 2, \
     '' using 'eps':'unlifted_v1' with linespoints lt 5 dt 4
unset multiplot
