# S-spectral-width: alignment at the end of Phase I against the width k at alpha = 1e-6 (median and
# min-max over the 9 data x init pairs; top) and the length of Phase I (bottom).
load 'figures/style.gp'
set terminal cairolatex size 12cm,10cm
f = data.'S-spectral-width-summary.tsv'
set multiplot layout 2,1
set logscale x
set format x "%g"
set xtics (2, 4, 8, 20, 40)
set xrange [1.7:48]
set xlabel 'width $k$'
set logscale y
set format y "$10^{%L}$"
set ylabel '$\sin\angle$ at the end of Phase I'
set key left bottom
plot f using 'k':'sin_spec_median':'sin_spec_min':'sin_spec_max' with yerrorlines lt 1 title '$\sin\angle(L, L_t)$', \
     f using ($1 * 1.04):'sin_truth_median':'sin_truth_min':'sin_truth_max' with yerrorlines lt 2 title '$\sin\angle(V_X, L_t)$'
unset logscale y
set format y "%g"
set ylabel 'end of Phase I (iteration)'
set offsets 0, 0, 5, 5
set key right top
plot f using 'k':'t_end_median':'t_end_min':'t_end_max' with yerrorlines lt 1 title 'median, min--max'
unset multiplot
