# S-oversampling: median test error versus alpha for m/(nr) = 5, 14, 25 (r = 1), with the fitted
# slopes; the theory's exponent 21/16 drawn for reference.
load 'figures/style.gp'
set logscale xy
set format x "$10^{%L}$"
set xlabel 'initialization scale $\alpha$'
set ylabel 'test error at $T$'
set key right bottom
set xrange [5e-9:2e-2]
array runs[3] = ['5', '14', '25']
array slopes[3]
do for [i=1:3] {
  stats data.'S-oversampling-'.runs[i].'-fit.tsv' using 'slope' nooutput
  slopes[i] = STATS_min
}
ref(a) = 1e-3 * (a / 1e-2)**(21.0/16)
plot for [i=1:3] data.'S-oversampling-'.runs[i].'-summary.tsv' \
       using 'alpha':'test_median':'test_min':'test_max' with yerrorlines lt i \
       title sprintf('$m=%snr$: slope %.2f', runs[i], slopes[i]), \
     ref(x) with lines lt 7 dt 3 title 'slope $21/16$'
