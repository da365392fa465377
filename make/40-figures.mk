# ---- figures and interactive pages -------------------------------------------------------------
# figures/NAME.gp -> $(F)/NAME.tex + $(F)/NAME.pdf (gnuplot cairolatex: the text is typeset by the
# paper's LaTeX).  A figure reads $(D)/NAME.tsv unless its paper's .mk sets NAME_figdata.
FIGS := $(sort $(basename $(notdir $(filter-out figures/style.gp,$(wildcard figures/*.gp)))))
$(F)/%.tex $(F)/%.pdf: figures/%.gp figures/style.gp $$(or $$($$*_figdata),$(D)/$$*.tsv) | $(F) deps
	gnuplot -e "data='$(D)/'; out='$(F)/$*'" $<

# One self-contained HTML page per clustering path: the template figures/carp-page.html with the
# run's export (the files the static figures read) embedded as JSON by figures/carp-page.awk.
PAGES := W-path
$(OUT)/%.html: figures/carp-page.html figures/carp-page.awk $(D)/%.tsv $(D)/%-leaves.tsv $(D)/%-segments.tsv
	awk -v path=$(D)/$*.tsv -v leaves=$(D)/$*-leaves.tsv -v segments=$(D)/$*-segments.tsv \
	  -f figures/carp-page.awk $< > $@.tmp
	mv $@.tmp $@
