# ---- figures and interactive pages -------------------------------------------------------------
# figures/NAME.gp -> $(F)/NAME.tex + $(F)/NAME.pdf (gnuplot cairolatex: the text is typeset by the
# paper's LaTeX).  A figure reads $(D)/NAME.tsv unless its paper's .mk sets NAME_figdata.
# (figures/carp-*.gp are the carp tool's scripts, compiled into it: not figures of the paper)
FIGS := $(sort $(basename $(notdir $(filter-out figures/style.gp figures/carp-%.gp,$(wildcard figures/*.gp)))))
$(F)/%.tex $(F)/%.pdf: figures/%.gp figures/style.gp $$(or $$($$*_figdata),$(D)/$$*.tsv) | $(F) deps
	gnuplot -e "data='$(D)/'; out='$(F)/$*'" $<

# One self-contained HTML page per clustering path, one per data set: a W-path run writes it
# ($(D)/NAME-page.html) from the same view as its tables, with the template figures/carp-page.html
# compiled into the library (make/carp.mk, io/cc_view.h).
# (The tables are prerequisites too: a deleted side file of the run reruns it.)
PAGES := W-path W-path-authors W-path-tcga
$(OUT)/%.html: $(D)/%-page.html $(D)/%.tsv $(D)/%-leaves.tsv $(D)/%-segments.tsv
	cp $< $@
