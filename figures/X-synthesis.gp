# X-synthesis: measured learning times t_hit against x = ln(1/alpha)/(eta sigma) in the S, J and M
# settings on common axes, every (alpha, seed, component), with the law t = x.
load 'figures/style.gp'
set terminal cairolatex size 12cm,7.5cm
f = data.'X-synthesis.tsv'
set logscale xy
set format x "$10^{%L}$"
set xlabel '$x = \ln(1/\alpha)/(\eta\sigma)$'
set ylabel 'learning time $t_{\rm hit}$'
set key outside right top
set lmargin 10
set xrange [30:3000]
set yrange [30:3000]
plot x with lines lt 7 dt 2 title '$t = x$', \
     f using 'x':(strcol('setting') eq 'S' ? column('t_hit') : NaN) with points lt 1 title 'S: $UU^\top$', \
     f using 'x':(strcol('setting') eq 'J' ? column('t_hit') : NaN) with points lt 2 title 'J: $FG^\top$', \
     f using 'x':(strcol('setting') eq 'M' ? column('t_hit') : NaN) with points lt 3 title 'M: $ww^\top$ (lifted)'
