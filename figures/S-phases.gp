# S-phases: the three phases of one trajectory (alpha = 1e-6), shaded from measured landmarks.
load 'figures/style.gp'
set terminal cairolatex size 15cm,8cm
stats data.'S-phases-landmarks.tsv' using 1 nooutput
p1 = STATS_max
stats data.'S-phases-landmarks.tsv' using 2 nooutput
p2 = STATS_max
stats data.'S-phases-landmarks.tsv' using 6 nooutput
T = STATS_max
set logscale y
set xrange [0:T]
set yrange [1e-13:10]
set xlabel 'iteration $t$'
set key outside right top vertical Left reverse samplen 1.5 width -12 spacing 1.2
set object 1 rect from 0, graph 0 to p1, graph 1 fc rgb shade1 fs solid noborder behind
set object 2 rect from p1, graph 0 to p2, graph 1 fc rgb shade2 fs solid noborder behind
set object 3 rect from p2, graph 0 to T, graph 1 fc rgb shade3 fs solid noborder behind
set label 1 'I' at p1/2, graph 0.95 center front
set label 2 'II' at (p1+p2)/2, graph 0.95 center front
set label 3 'III' at (p2+T)/2, graph 0.95 center front
f = data.'S-phases.tsv'
# The floor: the test error at the last iteration (the excess over it is what S6c tests; drawn while
# it is above 1e-3 of the floor, not down to the zero it must reach at T).
stats f using 'test' nooutput
n = STATS_records
stats f using ($0 == n - 1 ? column('test') : NaN) nooutput
floor = STATS_max
plot f using 't':'test' with lines lt 1 title 'test error', \
     f using 't':'train' with lines lt 2 title 'train loss', \
     f using 't':'signal' with lines lt 3 title 'signal $\sigma_r(V_X^\top U_t)$', \
     f using 't':'noise' with lines lt 4 title 'noise $\|U_t W_{t,\perp}\|$', \
     f using 't':'sin_truth' with lines lt 5 title '$\sin\angle(V_X, L_t)$', \
     f using 't':'sin_spec' with lines lt 6 title '$\sin\angle(L, L_t)$', \
     f using 't':'pm_dev' with lines lt 7 dt 2 title 'power-method deviation', \
     f using 't':(column('test') - floor > 1e-3 * floor ? column('test') - floor : NaN) with lines lt 1 dt 2 title 'test error minus its final value'
