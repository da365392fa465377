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
# The recorded make robustness table (paper/recorded/robustness.tsv, written by make record) gives the
# claims table its "seeds" column and the paper its table of the verdicts that change with the seed.
ROBUST_REC := paper/recorded/robustness.tsv
ROBUST_DEP := $(wildcard $(ROBUST_REC))
$(TEX)/claims-table.tex $(TEX)/verdicts.tex: $(TEX)/%.tex: experiments/claims.tsv experiments/claims.awk \
                                             $(CLAIM_VERDICTS) $(ROBUST_DEP) | $(TEX)
	awk -F'\t' -v mode=$(if $(filter verdicts,$*),verdicts,latex) -v dir=$(CLAIM_DIR) -v robust=$(ROBUST_DEP) \
	  -f experiments/claims.awk experiments/claims.tsv > $@
$(TEX)/robust-table.tex $(TEX)/robust-summary.tex: $(TEX)/robust-%.tex: experiments/claims.tsv experiments/claims.awk \
                                                   $(ROBUST_DEP) | $(TEX)
	awk -F'\t' -v mode=robust -v part=$* -v robust=$(ROBUST_DEP) -f experiments/claims.awk experiments/claims.tsv > $@
$(TEX)/cost-table.tex: experiments/claims.tsv experiments/resources.tsv experiments/claims.awk | $(TEX)
	awk -F'\t' -v mode=cost -f experiments/claims.awk experiments/claims.tsv experiments/resources.tsv > $@

# The version of the sources, written at parse time and only when it changed (a commit rebuilds the
# PDF, nothing else).  Source links in the paper are paths relative to the artifact's root, or, when
# CITATION.cff names a repository (repository-code) or make is given REPO_URL=..., links into it at
# this commit.
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
# sources.tex: each program's source file, so that captions link to it by a path relative to the
# artifact's root (paper.pdf sits there in make dist's archive); rewritten only when a program is
# added or removed.
define SOURCES
$(foreach f,$(sort $(wildcard experiments/[A-Z]/*.c)),\expandafter\def\csname source@$(basename $(notdir $(f)))\endcsname{$(f)}
)
endef
$(call write_if_changed,$(TEX)/sources.tex,SOURCES)

# The live description of this build's machine and tools is a build log, not part of the PDF (make
# record copies it into paper/recorded/environment.tex together with the timings it describes).
$(OUT)/build-environment.tex: FORCE | $(TEX)
	@CC="$(CC)" bash paper/environment.sh experiments/resources.tsv > $@

PAPER_SRC := $(wildcard paper/*.tex paper/sections/*.tex paper/recorded/*.tex paper/*.bib)
$(OUT)/paper.pdf: $(PAPER_SRC) $(FIGS:%=$(F)/%.tex) $(TEX)/macros.tex $(TEX)/claims-table.tex \
                  $(TEX)/verdicts.tex $(TEX)/buildinfo.tex $(TEX)/sources.tex $(TEX)/cost-table.tex \
                  $(TEX)/robust-table.tex $(TEX)/robust-summary.tex | deps
	TEXINPUTS=paper:paper/recorded:$(TEX):: BIBINPUTS=paper: latexmk -pdf -interaction=nonstopmode \
	  -halt-on-error -outdir=$(TEX) paper/paper.tex > $(TEX)/latexmk.out 2>&1 \
	  || { tail -n 30 $(TEX)/latexmk.out; exit 1; }
	cp $(TEX)/paper.pdf $@

# make check-paper: the PDF as a reader sees it -- no raw markup or placeholders in its text, no
# overfull boxes, undefined references or multiply defined labels in the LaTeX log, no page (but
# the last) less than a third full, metadata set.  make and make quick run it on their PDF.
.PHONY: check-paper
paper: check-paper
check-paper: $(OUT)/paper.pdf | deps ## check the PDF as a reviewer reads it (raw markup, placeholders, overfull boxes, near-empty pages)
	@bash tests/check-paper.sh $(OUT)/paper.pdf $(TEX)/paper.log
