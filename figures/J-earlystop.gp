# J-earlystop: best early-stopped distance to X_r against alpha (every seed), with the predicted
# slope 2(s_r - s_{r+1})/(s_r + s_{r+1}) drawn through the mean at the smallest alpha.
load 'figures/style.gp'
set key Left reverse
set ylabel offset -1.5
set terminal cairolatex size 12cm,8cm
f = data.'J-earlystop.tsv'
set logscale xy
set format x "$10^{%L}$"
set xlabel 'initialization scale $\alpha$'
set ylabel '$\min_t \|F_tG_t^\top - X_r\|_F$'
set key left top
stats f using 'alpha' nooutput
amin = STATS_min
array c[3]
array sl[3]
do for [r=1:3] {
  stats f using ((column('r') == r && column('alpha') == amin) ? log(column('min_err')) : NaN) nooutput
  c[r] = exp(STATS_mean)
  stats f using (column('r') == r ? column('slope_pred') : NaN) nooutput
  sl[r] = STATS_mean
}
# one key entry for the predicted slope when it is the same for every r
same = abs(sl[2] - sl[1]) < 1e-9 && abs(sl[3] - sl[1]) < 1e-9
set xrange [amin/3:3e-3]
set lmargin 13
plot for [r=1:3] f using 'alpha':(column('r') == r ? column('min_err') : NaN) with points lt r title sprintf('$r=%d$', r), \
     for [r=1:3] c[r]*(x/amin)**sl[r] with lines lt r dt 2 \
       title (same ? (r == 1 ? sprintf('predicted slope %.3f (every $r$)', sl[r]) : '') : sprintf('predicted slope %.3f', sl[r]))
