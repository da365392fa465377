# Algorithmic regularization, reproduced.  `make` reproduces everything; `make test` runs the tests.
#
# Data flow: seed -> experiment program (build/bin) -> data + macros (build/MODE/data) -> figures,
# claims -> paper (build/MODE/paper.pdf).  One fragment per step, included in this order:
#   make/00-version.mk      the version of the sources (exported to the programs at run time)
#   make/10-packages.mk     Debian packages: one install step before any parallel work
#   make/20-build.mk        toolchain, library, programs, tests
#   make/30-runs.mk         experiments -> data (the runs are declared in experiments/<P>/<P>.mk)
#   make/40-figures.mk      figures and interactive pages
#   make/50-claims.mk       claims (the registry experiments/claims.tsv -> verdicts)
#   make/60-paper.mk        the paper
#   make/70-reliability.mk  verify, checksums, fuzz, valgrind
#   make/80-bench.mk        benchmarks
#   make/90-dist.mk         the archive
#   make/<feature>.mk       features with targets of their own (after the steps above)
# The user-facing targets are at the end of this file; `make help` lists them.

SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DELETE_ON_ERROR:
.SECONDEXPANSION:
.SUFFIXES:
.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules

MODE ?= full
# The master seed of every seeded run (experiments/*/*.mk pass --seed $(SEED)); make claims and the
# paper use 1, make robustness repeats the runs under others.
SEED ?= 1
B   := build
OBJ := $(B)/obj
BIN := $(B)/bin
# OUT=dir on the command line names the carp tool's output folder (make carp, make/carp.mk), never
# the build's: kept aside, and the build's OUT forced.
CARP_OUT_GIVEN := $(if $(filter command line,$(origin OUT)),$(OUT))
override OUT := $(B)/$(MODE)
D   := $(OUT)/data
F   := $(OUT)/figures
CL  := $(OUT)/claims
TEX := $(OUT)/tex

# Results must not depend on the caller's environment.
export OPENBLAS_NUM_THREADS := 1
export LC_ALL := C
export TZ := UTC

include $(sort $(wildcard make/*.mk))

# ---- user-facing targets ------------------------------------------------------------------------
# Independent runs go in parallel, JOBS at a time (each run is single-threaded and deterministic,
# so the results do not depend on JOBS).  The packages are installed first, alone.
JOBS ?= 2
.PHONY: all paper quick test clean help readme record FORCE
all: deps ## everything: packages, programs, experiments at paper scale, figures, claims, paper, the interactive path page (JOBS=2)
	@$(MAKE) --no-print-directory -j$(JOBS) paper
paper: $(OUT)/paper.pdf $(PAGES:%=$(OUT)/%.html) $(OUT)/build-environment.tex
	@echo "paper: $(OUT)/paper.pdf"
	@echo "pages: $(PAGES:%=$(OUT)/%.html) (open in a browser)"

quick: deps ## fast smoke build of the whole pipeline at reduced size: build/quick/paper.pdf
	@$(MAKE) --no-print-directory -j$(JOBS) MODE=quick paper

test: $(TESTS:%=$(BIN)/%) $(EXPERIMENTS:%=$(BIN)/%) | deps ## build and run the test suite (last line: N passed, N failed)
	@bash tests/run.sh $(BIN)

# The browser test needs only the quick W-path runs, not the paper.  Chromium is installed if missing.
.PHONY: test-browser
test-browser: deps ## every data set's interactive path page in headless Chromium: checks, load time, slider frame rate, size (screenshots build/quick/W-path*.png)
	@$(MAKE) --no-print-directory MODE=quick $(PAGES:%=$(B)/quick/%.html)
	@bash tests/browser.sh $(foreach p,$(PAGES),$(B)/quick/$(p).html $(B)/quick/data/$(p).tsv $(B)/quick/$(p).png)

record: ## copy the last full build's costs, W wall times, the machine, the last make bench and make robustness into the repository
	@if ls $(B)/full/data/*.resources >/dev/null 2>&1; then \
	  awk -F'\t' -v mode=resources -v dir=$(B)/full/data -v runs="$(RUNS)" -f experiments/claims.awk \
	    experiments/claims.tsv > experiments/resources.tsv; fi
	@for f in $(B)/full/data/*-timing-macros.tex; do [ -e "$$f" ] && cp "$$f" paper/recorded/; done; true
	@[ ! -e $(BENCH_DIR)/summary.tsv ] || cp $(BENCH_DIR)/summary.tsv paper/recorded/bench-summary.tsv
	@[ ! -e $(ROBUST_B)/robustness.tsv ] || cp $(ROBUST_B)/robustness.tsv paper/recorded/robustness.tsv
	@CC="$(CC)" bash paper/environment.sh experiments/resources.tsv > paper/recorded/environment.tex
	@$(MAKE) --no-print-directory readme

readme: experiments/claims.tsv ## regenerate the README's claim table from the registry and the recorded costs
	awk -F'\t' -v mode=readme -v robust=$(wildcard paper/recorded/robustness.tsv) -f experiments/claims.awk \
	  experiments/claims.tsv experiments/resources.tsv \
	  README.md > README.md.new
	mv README.md.new README.md

clean: ## remove the build folder
	rm -rf $(B)

help: ## list the targets
	@grep -hE '^[a-zA-Z%_-]+:.*## ' $(MAKEFILE_LIST) | sort -u | \
	  awk -F':.*## ' '{ printf "  make %-14s %s\n", $$1, $$2 }'

FORCE:
