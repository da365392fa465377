# ---- paper ------------------------------------------------------------------------------------
# The PDF depends on its sources, the figures, the runs' macros, the claims table and verdicts, and
# on files recorded in the repository (paper/recorded/: the machine and timings quoted by the text,
# written by make record), never on the machine that builds it: the same sources give the same PDF.
$(TEX)/macros.tex: $(RUNS:%=$(D)/%-macros.tex) | $(TEX)
	cat $^ > $@
# The claims table and the verdict macros (\verdict{ID}); a quick build evaluates no claims.
ifeq ($(MODE),full)
CLAIM_VERDICTS := $(CLAIMS:%=$(CL)/%.claim)
CLAIM_DIR := $(CL)
else
CLAIM_VERDICTS :=
CLAIM_DIR := /nonexistent
endif
$(TEX)/claims-table.tex $(TEX)/verdicts.tex: $(TEX)/%.tex: experiments/claims.tsv experiments/claims.awk \
                                             $(CLAIM_VERDICTS) | $(TEX)
	awk -F'\t' -v mode=$(if $(filter verdicts,$*),verdicts,latex) -v dir=$(CLAIM_DIR) -f experiments/claims.awk experiments/claims.tsv > $@
$(TEX)/cost-table.tex: experiments/claims.tsv experiments/resources.tsv experiments/claims.awk | $(TEX)
	awk -F'\t' -v mode=cost -f experiments/claims.awk experiments/claims.tsv experiments/resources.tsv > $@

# The version of the sources, written at parse time and only when it changed (a commit rebuilds the
# PDF, nothing else).  Source links are relative to the artifact's root unless CITATION.cff names
# a repository.
REPO_URL := $(shell sed -n 's/^repository-code: *"\{0,1\}\([^"]*\)"\{0,1\}/\1/p' CITATION.cff)
define BUILDINFO
\newcommand{\ArtifactVersion}{$(subst _,\_,$(VERSION_NOW))}
\newcommand{\ArtifactMode}{$(MODE)}
\newcommand{\ArtifactFigDir}{$(F)}
\newcommand{\ArtifactDate}{$(VERSION_DATE)}
\newcommand{\ArtifactCommit}{$(VERSION_COMMIT)}
\newcommand{\ArtifactRepo}{$(REPO_URL)}
endef
$(shell mkdir -p $(TEX))
$(call write_if_changed,$(TEX)/buildinfo.tex,BUILDINFO)

# The live description of this build's machine and tools is a build log, not part of the PDF (make
# record copies it into paper/recorded/environment.tex together with the timings it describes).
$(OUT)/build-environment.tex: FORCE | $(TEX)
	@CC="$(CC)" bash paper/environment.sh experiments/resources.tsv > $@

PAPER_SRC := $(wildcard paper/*.tex paper/sections/*.tex paper/recorded/*.tex paper/*.bib)
$(OUT)/paper.pdf: $(PAPER_SRC) $(FIGS:%=$(F)/%.tex) $(TEX)/macros.tex $(TEX)/claims-table.tex \
                  $(TEX)/verdicts.tex $(TEX)/buildinfo.tex $(TEX)/cost-table.tex | deps
	TEXINPUTS=paper:paper/recorded:$(TEX):: BIBINPUTS=paper: latexmk -pdf -interaction=nonstopmode \
	  -halt-on-error -outdir=$(TEX) paper/paper.tex > $(TEX)/latexmk.out 2>&1 \
	  || { tail -n 30 $(TEX)/latexmk.out; exit 1; }
	cp $(TEX)/paper.pdf $@
