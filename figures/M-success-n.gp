# M-success-n: Figure 1 of Ma, Lavaei & Sojoudi 2023 redrawn from our runs: success vs n (left)
# and vs eps (right), the published protocol (solid) and the controlled comparison (dashed).  Lifted
# and unlifted from v1 both succeed every time: their markers are nested (large open circle, small
# filled) so that neither hides the other; the two panels get the same width (explicit margins).
load 'figures/style.gp'
set terminal cairolatex pdf input colortext size 15cm,6.5cm font ",8" linewidth 1.5
set output out.'.tex'
set multiplot
set lmargin at screen 0.08
set rmargin at screen 0.47
set ylabel offset 0,0
set format y "$%g$"
set yrange [-0.05:1.1]
set ylabel 'success rate'
set xlabel '$n$'
set xtics 1
set key at graph 0.04, graph 0.8 left top reverse Left nobox noopaque spacing 1.2 samplen 2
plot data.'M-success-n.tsv' using 'n':'lifted_v1' with linespoints lt 1 pt 7 ps 0.45 title 'lifted, $v_1$ init', \
     '' using 'n':'unlifted_unit' with linespoints lt 2 title 'unlifted, $N(0,I)$', \
     '' using 'n':'ref' with lines lt 8 dt 3 title '$2/2^p$', \
     '' using 'n':'lifted_gauss' with linespoints lt 3 dt 2 title 'lifted, same-law init', \
     '' using 'n':'unlifted_gauss' with linespoints lt 4 dt 2 title 'unlifted, same-law init', \
     '' using 'n':'unlifted_v1' with linespoints lt 5 dt 4 pt 6 ps 1.5 title 'unlifted, $v_1$ init'
set lmargin at screen 0.58
set rmargin at screen 0.97
set logscale x
set xtics auto
set format x "$10^{%L}$"
set xrange [2e-3:5e-8]
set xlabel 'initialization scale $\epsilon$'
unset key
plot data.'M-success-eps.tsv' using 'eps':'lifted_v1' with linespoints lt 1 pt 7 ps 0.45, \
     '' using 'eps':'unlifted_unit' with linespoints lt 2, \
     '' using 'eps':'lifted_gauss' with linespoints lt 3 dt 2, \
     '' using 'eps':'unlifted_gauss' with linespoints lt 4 dt 2, \
     '' using 'eps':'unlifted_v1' with linespoints lt 5 dt 4 pt 6 ps 1.5
unset multiplot
