# J-dimfree: emergence times for four shapes (m, n, k) at a fixed spectrum: every seed (points) and
# the median of the first-order prediction (a dashed dash at each shape: the rows of one component are
# not consecutive in the summary, so a line through them would never be drawn).
load 'figures/style.gp'
set key Left reverse
set ylabel offset -1.5
set terminal cairolatex size 12cm,8cm
f = data.'J-dimfree.tsv'
s = data.'J-dimfree-summary.tsv'
set logscale y
set format y "$%g$"
set ylabel 'emergence time $t_i$'
set xtics ('$(20,20,5)$' 1, '$(20,20,10)$' 2, '$(50,30,50)$' 3, '$(100,100,200)$' 4)
set xlabel 'shape $(m,n,k)$'
set xrange [0.5:4.5]
set yrange [40:*]
set key outside right top
plot for [i=1:5] f using (column('shape') + 0.02*(column('seed') - 5.5)):(column('i') == i ? column('t_meas') : NaN) with points lt i title sprintf('$t_{%d}$', i), \
     for [i=1:5] s using (column('shape') - 0.25):(column('i') == i ? column('t_pred_median') : NaN):(0.5):(0) \
       with vectors nohead lt i dt 2 notitle, \
     NaN with lines lt 7 dt 2 title 'median of $t_i^{\rm pred}$'
