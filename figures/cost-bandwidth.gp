# cost-bandwidth.gp -- achieved bandwidth of the sensing operator against its size, with the
# measured streaming limit (make bench; data from build/bench/summary.tsv via tests/bench-latex.awk).
# x: bytes of the operator as stored (packed m n(n+1)/2 doubles; numpy: the dense m n^2 matrix).
load 'figures/style.gp'
set terminal cairolatex pdf input colortext size 12cm,8.5cm font ",8" linewidth 1.5
set output out.".tex"
f = data.'cost-bandwidth.tsv'
set logscale x
set format x "$10^{%L}$"
set format y "$%g$"
set xrange [1e6:1e10]
# Without benchmark data (the paper then does not show the figure) gnuplot cannot autoscale.
set yrange [0:*]
has_data = system("awk 'END { print NR }' ".f) + 0 >= 2
if (!has_data) { set yrange [0:1]; set label 'run make bench' at graph 0.5, graph 0.5 center; plot 2 notitle; exit }
set xlabel 'operator size (bytes read per product)'
set ylabel 'achieved bandwidth (GB/s)'
set key below maxrows 3 width -2
set arrow from 32*2**20, graph 0 to 32*2**20, graph 1 nohead dt 3 lc rgb "#999999"
set label 'L3 (32 MiB)' at 32*2**20, graph 0.95 offset 0.5,0
plot f using 'bytes':(column('limit')/1e9) with lines lt 7 title 'streaming limit (best of copy, triad, read)', \
     f using 'bytes':(column('beside')/1e9) with points lt 8 title 'read kernel, measured beside', \
     f using 'bytes':(column('apply')/1e9) with points lt 1 title '$\mathcal{A}$', \
     f using 'bytes':(column('adjoint')/1e9) with points lt 2 title '$\mathcal{A}^*$', \
     f using 'bytes':(column('fused')/1e9) with points lt 3 title 'fused pass', \
     f using 'bytes':(column('gd')/1e9) with linespoints lt 4 title 'GD step ($m=5nr$), operator bytes/time', \
     f using 'bytes':(column('numpyapply')/1e9) with points lt 5 title 'numpy $\mathcal{A}$ (dense)', \
     f using 'bytes':(column('numpyadjoint')/1e9) with points lt 6 title 'numpy $\mathcal{A}^*$ (dense)'
