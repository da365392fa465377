# style.gp -- the one style every figure loads: LaTeX-typeset text (cairolatex), one palette,
# thin lines, light grid.  Scripts are called as
#   gnuplot -e "data='DIR/'; out='FIGDIR/NAME'" figures/NAME.gp
# and load this file first; `out` gets .tex (text) and .pdf (graphics).
# font ",8": the paper sets every figure's text in \footnotesize (8pt, \plot in paper.tex), and
# gnuplot lays out keys and labels for that size.
set terminal cairolatex pdf input colortext size 12cm,7cm font ",8" linewidth 1.5
set output out.'.tex'
set datafile separator "\t"
set datafile commentschars "#"
set datafile columnheaders
set datafile missing "nan"
set border lw 0.8
set grid lc rgb "#dddddd" lw 0.5
set key nobox samplen 2 spacing 1.2 width 0 Left reverse
set ylabel offset -1.5,0
set tics nomirror out scale 0.6
set format y "$10^{%L}$"
# A colour-blind-safe palette (Okabe-Ito).
set linetype 1 lc rgb "#0072B2" pt 7 ps 0.5
set linetype 2 lc rgb "#D55E00" pt 5 ps 0.5
set linetype 3 lc rgb "#009E73" pt 9 ps 0.6
set linetype 4 lc rgb "#CC79A7" pt 11 ps 0.6
set linetype 5 lc rgb "#E69F00" pt 13 ps 0.6
set linetype 6 lc rgb "#56B4E9" pt 3 ps 0.6
set linetype 7 lc rgb "#000000" pt 1 ps 0.6
set linetype 8 lc rgb "#999999" pt 2 ps 0.6
set linetype cycle 8
# Phase shading colours.
shade1 = "#EAF2FA"
shade2 = "#FBEEE6"
shade3 = "#E8F5EF"
