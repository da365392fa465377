# S-alpha: final test error and train loss versus alpha (medians, bars from min to max over seeds),
# small alpha (mu = 0.1, T = 3000) and the large-initialization contrast (mu = 0.02, T = 15000).
load 'figures/style.gp'
small = data.'S-alpha-small-summary.tsv'
large = data.'S-alpha-large-summary.tsv'
stats data.'S-alpha-small-fit.tsv' using 'slope' nooutput
slope = STATS_min
stats data.'S-alpha-small-fit.tsv' using 'intercept' nooutput
icept = STATS_min
set logscale xy
set format x "$10^{%L}$"
set xrange [3e-9:5]
# down to the smallest train loss of a large-initialization run (one converges to ~1e-30)
set yrange [1e-32:1e3]
set ytics 1e-30,1e5,1e0
set xlabel 'initialization scale $\alpha$'
set ylabel 'error at $T$'
set key at graph 0.3, graph 0.34 left top
fit_line(a) = (a <= 0.02) ? exp(icept) * a**slope : 1/0
plot small using 'alpha':'test_median':'test_min':'test_max' with yerrorlines lt 1 title 'test, $\mu=0.1$', \
     small using 'alpha':'train_median':'train_min':'train_max' with yerrorlines lt 2 title 'train, $\mu=0.1$', \
     large using 'alpha':'test_median':'test_min':'test_max' with yerrorlines lt 1 dt 2 pt 4 title 'test, $\mu=0.02$', \
     large using 'alpha':'train_median':'train_min':'train_max' with yerrorlines lt 2 dt 2 pt 6 title 'train, $\mu=0.02$', \
     fit_line(x) with lines lt 7 dt 3 title sprintf('fit: slope %.2f', slope)
