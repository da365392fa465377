# Algorithmic regularization, reproduced.  `make` reproduces everything; `make test` runs the tests.
# Data flow: seed -> experiment (build/bin) -> data + macros (build/MODE/data) -> figures and claims
# -> paper (build/MODE/paper.pdf).  Per-paper rules live in experiments/<paper>.mk.

SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DELETE_ON_ERROR:
.SECONDARY:
.SECONDEXPANSION:
.SUFFIXES:
.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules

MODE ?= full
B   := build
OBJ := $(B)/obj
BIN := $(B)/bin
OUT := $(B)/$(MODE)
D   := $(OUT)/data
F   := $(OUT)/figures
CL  := $(OUT)/claims
TEX := $(OUT)/tex

# Results must not depend on the caller's environment.
export OPENBLAS_NUM_THREADS := 1
export LC_ALL := C
export TZ := UTC

# ---- toolchain ----------------------------------------------------------------------------
CC      ?= cc
CFLAGS  ?= -O2 -g
ifeq ($(SANITIZE),1)
  CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  LDFLAGS += -fsanitize=address,undefined
  OBJ := $(B)/obj-san
  BIN := $(B)/bin-san
endif
AR_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -ffp-contract=off -Wall -Wextra -Wpedantic \
            -Wshadow -Ilib $(shell pkg-config --cflags gsl)
# GSL with OpenBLAS as its CBLAS (and LAPACK): drop the reference gslcblas.
AR_LIBS = $(filter-out -lgslcblas,$(shell pkg-config --libs gsl)) -lcholmod -lopenblas -lm

VERSION_NOW := $(shell git describe --always --dirty --tags 2>/dev/null || cat VERSION 2>/dev/null || echo unknown)

# ---- Debian packages: installed when missing -----------------------------------------------
BUILD_PKGS := gcc make pkg-config libgsl-dev libopenblas-dev libsuitesparse-dev
DOC_PKGS   := gnuplot-nox texlive-latex-base texlive-latex-recommended texlive-fonts-recommended latexmk
define install_missing
if command -v dpkg-query >/dev/null; then \
  missing=""; \
  for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; done; \
  if [ -n "$$missing" ]; then \
    echo "installing Debian packages:$$missing" >&2; \
    sudo=; [ "$$(id -u)" = 0 ] || sudo="sudo -n"; \
    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && \
    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >&2; \
  fi; \
else echo "not a Debian system: install$(1) yourself" >&2; fi
endef

.PHONY: deps-build deps-doc
deps-build: ## install the compiler, GSL and OpenBLAS if missing (apt-get)
	@$(call install_missing,$(BUILD_PKGS))
deps-doc: ## install gnuplot, TeX Live and latexmk if missing (apt-get)
	@$(call install_missing,$(DOC_PKGS))

# ---- library, programs, tests ---------------------------------------------------------------
LIB_SRC   := $(wildcard lib/*.c)
LIB_OBJ   := $(LIB_SRC:%.c=$(OBJ)/%.o)
LIBAR     := $(OBJ)/libar.a
EXPERIMENTS := $(sort $(basename $(notdir $(wildcard experiments/*.c))))
CHECKERS  := $(filter %-claims,$(EXPERIMENTS))
RUNS      := $(filter-out %-claims,$(EXPERIMENTS))
TESTS     := $(sort $(basename $(notdir $(wildcard tests/test_*.c))))

$(OBJ)/version.txt: FORCE
	@mkdir -p $(@D); echo '$(VERSION_NOW)' | cmp -s - $@ || echo '$(VERSION_NOW)' > $@
$(OBJ)/lib/out.o: $(OBJ)/version.txt
$(OBJ)/lib/out.o: EXTRA_CFLAGS = -DAR_VERSION='"$(shell cat $(OBJ)/version.txt)"'

$(OBJ)/%.o: %.c | deps-build
	@mkdir -p $(@D)
	$(CC) $(AR_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) -MMD -MP -c $< -o $@
$(LIBAR): $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^
$(BIN)/%: $(OBJ)/experiments/%.o $(LIBAR)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) $^ $(AR_LIBS) -o $@
$(BIN)/test_%: $(OBJ)/tests/test_%.o $(LIBAR)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) $^ $(AR_LIBS) -o $@
-include $(shell find $(OBJ) -name '*.d' 2>/dev/null)

.PHONY: programs
programs: $(EXPERIMENTS:%=$(BIN)/%) ## build every experiment program into build/bin

# ---- experiments -> data --------------------------------------------------------------------
# Each run writes $(D)/NAME.tsv and $(D)/NAME-macros.tex (and may add NAME-TABLE.tsv); its options
# are NAME_full or NAME_quick, set in experiments/<paper>.mk.
$(D) $(F) $(CL) $(TEX):
	@mkdir -p $@
$(D)/%.tsv $(D)/%-macros.tex: $(BIN)/% | $(D)
	$(BIN)/$* $($*_$(MODE)) --out $(D)/$*

# ---- figures --------------------------------------------------------------------------------
FIGS := $(sort $(basename $(notdir $(filter-out figures/style.gp,$(wildcard figures/*.gp)))))
# A figure reads $(D)/NAME.tsv unless experiments/<paper>.mk sets NAME_figdata.
$(F)/%.tex $(F)/%.pdf: figures/%.gp figures/style.gp $$(or $$($$*_figdata),$(D)/$$*.tsv) | $(F) deps-doc
	gnuplot -e "data='$(D)/'; out='$(F)/$*'" $<

# ---- claims ---------------------------------------------------------------------------------
$(B)/claims.mk: experiments/claims.tsv experiments/claims.awk
	@mkdir -p $(@D)
	awk -F'\t' -v mode=make -f experiments/claims.awk experiments/claims.tsv > $@
include $(B)/claims.mk

$(CL)/%.claim: $$(CLAIM_DATA_$$*) $(BIN)/$$(CLAIM_CHECKER_$$*) | $(CL)
	@rm -f $@
	$(BIN)/$(CLAIM_CHECKER_$*) --claim $* --data $(D) --out $@

.PHONY: claims claim-files
claim-files: $(CLAIMS:%=$(CL)/%.claim)
claims: ## evaluate every claim: one line "PASS|FAIL <id> <measured> [criterion]" each
	@$(MAKE) --no-print-directory -k claim-files >&2 || true
	@awk -F'\t' -v mode=report -v dir=$(CL) -f experiments/claims.awk experiments/claims.tsv
claim-%: ## check one claim, e.g. make claim-S4
	@$(MAKE) --no-print-directory $(CL)/$*.claim >&2
	@awk -F'\t' -v mode=report -v dir=$(CL) -v only=$* -f experiments/claims.awk experiments/claims.tsv

# ---- paper ----------------------------------------------------------------------------------
$(TEX)/macros.tex: $(RUNS:%=$(D)/%-macros.tex) | $(TEX)
	cat $^ > $@
ifeq ($(MODE),full)
$(TEX)/claims-table.tex: experiments/claims.tsv experiments/claims.awk $(CLAIMS:%=$(CL)/%.claim) | $(TEX)
	awk -F'\t' -v mode=latex -v dir=$(CL) -f experiments/claims.awk experiments/claims.tsv > $@
else
$(TEX)/claims-table.tex: experiments/claims.tsv experiments/claims.awk | $(TEX)
	awk -F'\t' -v mode=latex -v dir=/nonexistent -f experiments/claims.awk experiments/claims.tsv > $@
endif
$(TEX)/buildinfo.tex: $(OBJ)/version.txt | $(TEX)
	{ echo '\newcommand{\ArtifactVersion}{$(subst _,\_,$(VERSION_NOW))}'; \
	  echo '\newcommand{\ArtifactMode}{$(MODE)}'; \
	  echo '\newcommand{\ArtifactFigDir}{$(F)}'; \
	  echo '\newcommand{\ArtifactDate}{$(shell git log -1 --format=%cs 2>/dev/null || echo undated)}'; } > $@

PAPER_SRC := $(wildcard paper/*.tex paper/sections/*.tex paper/*.bib)
$(OUT)/paper.pdf: $(PAPER_SRC) $(FIGS:%=$(F)/%.tex) $(TEX)/macros.tex $(TEX)/claims-table.tex \
                  $(TEX)/buildinfo.tex | deps-doc
	TEXINPUTS=paper:$(TEX):: BIBINPUTS=paper: latexmk -pdf -interaction=nonstopmode \
	  -halt-on-error -outdir=$(TEX) paper/paper.tex > $(TEX)/latexmk.out 2>&1 \
	  || { tail -n 30 $(TEX)/latexmk.out; exit 1; }
	cp $(TEX)/paper.pdf $@

# ---- user-facing targets --------------------------------------------------------------------
.PHONY: all quick test clean help readme check-readme FORCE
all: $(OUT)/paper.pdf ## everything: packages, programs, experiments at paper scale, figures, claims, paper
	@echo "paper: $(OUT)/paper.pdf"

quick: ## fast smoke build of the whole pipeline at reduced size: build/quick/paper.pdf
	@$(MAKE) --no-print-directory MODE=quick all

test: $(TESTS:%=$(BIN)/%) $(EXPERIMENTS:%=$(BIN)/%) ## build and run the test suite (last line: N passed, N failed)
	@bash tests/run.sh $(BIN)

readme: experiments/claims.tsv ## regenerate the README's claim table from the registry
	awk -F'\t' -v mode=readme -f experiments/claims.awk experiments/claims.tsv README.md > README.md.new
	mv README.md.new README.md

clean: ## remove the build folder
	rm -rf $(B)

help: ## list the targets
	@grep -hE '^[a-zA-Z%_-]+:.*## ' $(MAKEFILE_LIST) | sort -u | \
	  awk -F':.*## ' '{ printf "  make %-14s %s\n", $$1, $$2 }'

FORCE:

include $(sort $(wildcard experiments/*.mk))
