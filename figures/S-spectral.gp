# S-spectral: alignment with the spectral initializer (sin of the largest principal angle between
# L and L_t) and with the truth at the end of Phase I, versus alpha (median, min-max bars).
load 'figures/style.gp'
f = data.'S-spectral-summary.tsv'
set logscale xy
set format x "$10^{%L}$"
set xrange [3e-13:3e-4]
set xlabel 'initialization scale $\alpha$'
set ylabel '$\sin\angle$ at the end of Phase I'
set key right bottom
plot f using 'alpha':'sin_spec_median':'sin_spec_min':'sin_spec_max' with yerrorlines lt 1 title '$\sin\angle(L, L_t)$', \
     f using 'alpha':'sin_truth_median' with linespoints lt 2 title '$\sin\angle(V_X, L_t)$'
