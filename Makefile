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

VERSION_NOW  := $(shell git describe --always --dirty --tags 2>/dev/null || cat VERSION 2>/dev/null || echo unknown)
VERSION_DATE := $(shell git log -1 --format=%cs 2>/dev/null || echo undated)
VERSION_COMMIT := $(shell git rev-parse HEAD 2>/dev/null || echo unknown)
# Source links in the paper are paths relative to the artifact's root, or, when CITATION.cff names a
# repository (repository-code) or make is given REPO_URL=..., links into it at this commit.
REPO_URL := $(shell sed -n 's/^repository-code: *"\{0,1\}\([^"]*\)"\{0,1\}/\1/p' CITATION.cff)

# ---- Debian packages: installed when missing -----------------------------------------------
BUILD_PKGS := gcc make pkg-config libgsl-dev libopenblas-dev libsuitesparse-dev
DOC_PKGS   := gnuplot-nox texlive-latex-base texlive-latex-recommended texlive-fonts-recommended latexmk \
              lmodern poppler-utils
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
# The per-paper fragments declare the runs: a run NAME is anything with a NAME_full variable.
include $(sort $(wildcard experiments/*.mk))
RUNS      := $(sort $(patsubst %_full,%,$(filter %_full,$(.VARIABLES))))
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
# are NAME_full or NAME_quick, set in experiments/<paper>.mk.  A run is the program of the same
# name unless NAME_prog names another (several runs of one program, e.g. split for make -j).
$(D) $(F) $(CL) $(TEX):
	@mkdir -p $@
run_prog = $(or $($(1)_prog),$(1))
# A run also depends on its paper's fragment (experiments/S.mk for S-...): changed options rerun it.
$(D)/%.tsv $(D)/%-macros.tex: $(BIN)/$$(call run_prog,$$*) $$(wildcard experiments/$$(firstword $$(subst -, ,$$*)).mk) | $(D)
	$(BIN)/$(call run_prog,$*) $($*_$(MODE)) --out $(D)/$*

# ---- figures --------------------------------------------------------------------------------
FIGS := $(sort $(basename $(notdir $(filter-out figures/style.gp,$(wildcard figures/*.gp)))))
# A figure reads $(D)/NAME.tsv unless experiments/<paper>.mk sets NAME_figdata.
$(F)/%.tex $(F)/%.pdf: figures/%.gp figures/style.gp $$(or $$($$*_figdata),$(D)/$$*.tsv) | $(F) deps-doc
	gnuplot -e "data='$(D)/'; out='$(F)/$*'" $<

# ---- interactive pages ----------------------------------------------------------------------
# One self-contained HTML page per clustering path: the template figures/carp-page.html with the
# run's export (the files the static figures read) embedded as JSON by figures/carp-page.awk.
PAGES := W-path
$(OUT)/%.html: figures/carp-page.html figures/carp-page.awk $(D)/%.tsv
	awk -v path=$(D)/$*.tsv -v leaves=$(D)/$*-leaves.tsv -v segments=$(D)/$*-segments.tsv \
	  -f figures/carp-page.awk $< > $@.tmp
	mv $@.tmp $@

# ---- claims ---------------------------------------------------------------------------------
# The runs a claim needs are independent: build them two at a time (the machine has 2 cores).
CLAIM_JOBS ?= 2
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
	@$(MAKE) --no-print-directory -k -j$(CLAIM_JOBS) claim-files >&2 || true
	@awk -F'\t' -v mode=report -v dir=$(CL) -f experiments/claims.awk experiments/claims.tsv
claim-%: ## check one claim, e.g. make claim-S4
	@$(MAKE) --no-print-directory -j$(CLAIM_JOBS) $(CL)/$*.claim >&2
	@awk -F'\t' -v mode=report -v dir=$(CL) -v only=$* -f experiments/claims.awk experiments/claims.tsv

# ---- paper ----------------------------------------------------------------------------------
$(TEX)/macros.tex: $(RUNS:%=$(D)/%-macros.tex) | $(TEX)
	cat $^ > $@
# The claims table and the verdict macros (\verdict{ID}); a quick build evaluates no claims.
ifeq ($(MODE),full)
$(TEX)/claims-table.tex $(TEX)/verdicts.tex: $(TEX)/%.tex: experiments/claims.tsv experiments/claims.awk \
                                             $(CLAIMS:%=$(CL)/%.claim) | $(TEX)
	awk -F'\t' -v mode=$(if $(filter verdicts,$*),verdicts,latex) -v dir=$(CL) -f experiments/claims.awk experiments/claims.tsv > $@
else
$(TEX)/claims-table.tex $(TEX)/verdicts.tex: $(TEX)/%.tex: experiments/claims.tsv experiments/claims.awk | $(TEX)
	awk -F'\t' -v mode=$(if $(filter verdicts,$*),verdicts,latex) -v dir=/nonexistent -f experiments/claims.awk experiments/claims.tsv > $@
endif
$(TEX)/buildinfo.tex: FORCE | $(TEX)
	@{ echo '\newcommand{\ArtifactVersion}{$(subst _,\_,$(VERSION_NOW))}'; \
	  echo '\newcommand{\ArtifactMode}{$(MODE)}'; \
	  echo '\newcommand{\ArtifactFigDir}{$(F)}'; \
	  echo '\newcommand{\ArtifactDate}{$(VERSION_DATE)}'; \
	  echo '\newcommand{\ArtifactCommit}{$(VERSION_COMMIT)}'; \
	  echo '\newcommand{\ArtifactRepo}{$(REPO_URL)}'; } > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@

$(TEX)/cost-table.tex: experiments/claims.tsv experiments/resources.tsv experiments/claims.awk | $(TEX)
	awk -F'\t' -v mode=cost -f experiments/claims.awk experiments/claims.tsv experiments/resources.tsv > $@

PAPER_SRC := $(wildcard paper/*.tex paper/sections/*.tex paper/recorded/*.tex paper/*.bib)
$(OUT)/paper.pdf: $(PAPER_SRC) $(FIGS:%=$(F)/%.tex) $(TEX)/macros.tex $(TEX)/claims-table.tex $(TEX)/verdicts.tex \
                  $(TEX)/buildinfo.tex $(TEX)/cost-table.tex | deps-doc
	TEXINPUTS=paper:$(TEX):: BIBINPUTS=paper: latexmk -pdf -interaction=nonstopmode \
	  -halt-on-error -outdir=$(TEX) paper/paper.tex > $(TEX)/latexmk.out 2>&1 \
	  || { tail -n 30 $(TEX)/latexmk.out; exit 1; }
	cp $(TEX)/paper.pdf $@

# ---- paper: sources, recorded snapshots, check-paper ----------------------------------------
# (one block, to be moved as a whole into the paper's make fragment)
# sources.tex: each program's source file, so that captions link to it by a path relative to the
# artifact's root (paper.pdf sits there in make dist's archive).
PAPER_PROGRAM_SRC := $(wildcard experiments/*.c)
$(TEX)/sources.tex: FORCE | $(TEX)
	@{ $(foreach f,$(PAPER_PROGRAM_SRC),printf '\\expandafter\\def\\csname source@%s\\endcsname{%s}\n' $(basename $(notdir $(f))) $(f);) } > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@
$(OUT)/paper.pdf: $(TEX)/sources.tex
# What the paper quotes from a machine is a snapshot that make record copies into paper/recorded/
# (committed), never the live build, so that the PDF is the same on every build and machine: the
# benchmark summary (Section "Computational cost") and the machine and tools it was measured with.
BENCH_SNAPSHOT := paper/recorded/bench-summary.tsv
.PHONY: record-paper check-paper
record: record-paper
record-paper:
	@if [ -f $(BENCH_DIR)/summary.tsv ]; then cp $(BENCH_DIR)/summary.tsv $(BENCH_SNAPSHOT); fi
	@CC="$(CC)" bash paper/environment.sh > paper/recorded/environment.tex
# make check-paper: the PDF as a reader sees it -- no raw markup or placeholders in its text, no
# overfull boxes, undefined references or multiply defined labels in the LaTeX log, no page (but
# the last) less than a third full, metadata set.  make (and make quick) run it on their PDF.
paper: check-paper
check-paper: $(OUT)/paper.pdf | deps-doc ## check the PDF as a reviewer reads it (raw markup, placeholders, overfull boxes, near-empty pages)
	@bash tests/check-paper.sh $(OUT)/paper.pdf $(TEX)/paper.log
# ---- end of the paper block -----------------------------------------------------------------

# ---- user-facing targets --------------------------------------------------------------------
# Independent runs go in parallel, JOBS at a time (each run is single-threaded and deterministic,
# so the results do not depend on JOBS).
JOBS ?= 2
.PHONY: all paper quick test clean help readme FORCE
all: ## everything: packages, programs, experiments at paper scale, figures, claims, paper, the interactive path page (JOBS=2)
	@$(MAKE) --no-print-directory -j$(JOBS) paper
paper: $(OUT)/paper.pdf $(PAGES:%=$(OUT)/%.html)
	@echo "paper: $(OUT)/paper.pdf"
	@echo "pages: $(PAGES:%=$(OUT)/%.html) (open in a browser)"

quick: ## fast smoke build of the whole pipeline at reduced size: build/quick/paper.pdf
	@$(MAKE) --no-print-directory -j$(JOBS) MODE=quick paper

test: $(TESTS:%=$(BIN)/%) $(EXPERIMENTS:%=$(BIN)/%) ## build and run the test suite (last line: N passed, N failed)
	@bash tests/run.sh $(BIN)

# The browser test needs only the quick W-path run, not the paper.  Chromium is installed if missing.
BROWSER_PKGS := chromium fonts-dejavu-core
.PHONY: deps-browser test-browser
deps-browser:
	@$(call install_missing,$(BROWSER_PKGS))
test-browser: deps-browser ## the interactive path page in headless Chromium (quick data; screenshot build/quick/W-path.png)
	@$(MAKE) --no-print-directory MODE=quick $(B)/quick/W-path.html
	@bash tests/browser.sh $(B)/quick/W-path.html $(B)/quick/data/W-path.tsv $(B)/quick/W-path.png

record: ## copy the last full build's measured costs (run times, W wall times), the benchmark summary and the machine's description into the repository
	@if ls $(B)/full/data/*.resources >/dev/null 2>&1; then \
	  awk -F'\t' -v mode=resources -v dir=$(B)/full/data -v runs="$(RUNS)" -f experiments/claims.awk \
	    experiments/claims.tsv > experiments/resources.tsv; fi
	@for f in $(B)/full/data/*-timing-macros.tex; do [ -e "$$f" ] && cp "$$f" paper/recorded/; done; true
	@$(MAKE) --no-print-directory readme

readme: experiments/claims.tsv ## regenerate the README's claim table from the registry and the recorded costs
	awk -F'\t' -v mode=readme -f experiments/claims.awk experiments/claims.tsv experiments/resources.tsv \
	  README.md > README.md.new
	mv README.md.new README.md

clean: ## remove the build folder
	rm -rf $(B)

help: ## list the targets
	@grep -hE '^[a-zA-Z%_-]+:.*## ' $(MAKEFILE_LIST) | sort -u | \
	  awk -F':.*## ' '{ printf "  make %-14s %s\n", $$1, $$2 }'

# ---- reliability ----------------------------------------------------------------------------
# make verify: a clean full build in its own folder, with the version string pinned (data headers
# and the PDF name the version, which changes with every commit), compared file by file with the
# checksums recorded in tests/reference.sha256.  make checksums records them (deliberately only).
# The *-timing* files measure the machine (wall times), so they are left out.
VERIFY_B := $(B)/verify
.PHONY: verify checksums verify-build
verify-build:
	rm -rf $(VERIFY_B)
	$(MAKE) --no-print-directory B=$(VERIFY_B) VERSION_NOW=reference VERSION_DATE=reference VERSION_COMMIT=reference JOBS=$(JOBS) all >$(B)/verify.log 2>&1 \
	  || { tail -n 20 $(B)/verify.log; exit 1; }
	cd $(VERIFY_B)/full && find data -type f \( -name '*.tsv' -o -name '*.tex' \) ! -name '*-timing*' | LC_ALL=C sort \
	  | xargs sha256sum > ../checksums.sha256 && sha256sum paper.pdf >> ../checksums.sha256
verify: ## rebuild from clean (build/verify) and compare every data file, macro file and the PDF with tests/reference.sha256
	@mkdir -p $(B)
	@$(MAKE) --no-print-directory verify-build
	@cd $(VERIFY_B)/full && sha256sum --quiet -c $(CURDIR)/tests/reference.sha256 2>&1 | sed 's/^/verify: /' \
	  && echo "verify: $$(wc -l < $(CURDIR)/tests/reference.sha256) files identical to tests/reference.sha256" \
	  || { echo "verify: MISMATCH (files listed above)"; \
	       comm -3 <(cut -c67- $(CURDIR)/tests/reference.sha256 | sort) <(cut -c67- ../checksums.sha256 | sort) \
	         | sed 's/^/verify: only in one list: /'; exit 1; }
checksums: ## record the checksums of a clean build in tests/reference.sha256 (then commit them)
	@mkdir -p $(B)
	@$(MAKE) --no-print-directory verify-build
	cp $(VERIFY_B)/checksums.sha256 tests/reference.sha256
	@echo "recorded $$(wc -l < tests/reference.sha256) checksums in tests/reference.sha256"

FUZZ_SECONDS ?= 30
FUZZERS      := opt table csv
FUZZ_SRC_opt   := lib/opt.c
FUZZ_SRC_table := lib/table.c
FUZZ_SRC_csv   := lib/csv.c
FUZZ_PKGS    := clang libclang-rt-14-dev
.PHONY: deps-fuzz fuzz valgrind
deps-fuzz:
	@$(call install_missing,$(FUZZ_PKGS))
$(B)/fuzz/fuzz_%: tests/fuzz_%.c $$(FUZZ_SRC_$$*) | deps-fuzz
	@mkdir -p $(@D)
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer,address,undefined -Ilib $^ -lm -o $@
fuzz: $(FUZZERS:%=$(B)/fuzz/fuzz_%) ## fuzz the option parser and the data readers, FUZZ_SECONDS each
	@for f in $(FUZZERS); do \
	  mkdir -p $(B)/fuzz/corpus-$$f; \
	  $(B)/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -close_fd_mask=2 -print_final_stats=1 \
	    $(B)/fuzz/corpus-$$f tests/fuzz-corpus/$$f > $(B)/fuzz/$$f.log 2>&1 \
	    || { echo "fuzz_$$f: CRASH, see $(B)/fuzz/$$f.log"; exit 1; }; \
	  echo "fuzz_$$f: $$(grep -o 'stat::number_of_executed_units: *[0-9]*' $(B)/fuzz/$$f.log | grep -o '[0-9]*$$') executions, no crash"; \
	done

# Every program of tests/valgrind.tsv under valgrind with a small configuration: any memory error
# fails.  (The quick configurations are too slow under valgrind's emulation of OpenBLAS.)
valgrind: programs ## run each experiment program once under valgrind (tests/valgrind.tsv)
	@mkdir -p $(B)/valgrind
	@grep -v -e '^#' -e '^$$' tests/valgrind.tsv | while IFS=$$'\t' read -r prog args; do \
	  valgrind -q --error-exitcode=1 $(BIN)/$$prog $$args --quiet --out $(B)/valgrind/$$prog \
	    || { echo "valgrind: $$prog FAILED"; exit 1; }; \
	  echo "valgrind: $$prog clean"; done

# ---- benchmarks -----------------------------------------------------------------------------
# make bench: every benchmark, one after the other, on this machine -> build/bench/summary.tsv
# (name value unit reference reference_value ratio goal verdict), printed as a table.  A kernel K
# is registered by adding it to BENCHES; its files are tests/bench_K.c (C, built like a test into
# build/bench/bin, not run by make test), tests/bench_K.py (the plain numpy reference) and/or
# tests/bench_K.sh, each optional; see tests/bench.sh and tests/bench.h.  BENCH_ARGS=quick runs
# small sizes only (to test the harness).
BENCH_PKGS := python3-numpy
BENCHES    := stream sensing build
# K:PART pairs whose C program and numpy reference run in turn, BENCH_ROUNDS times (medians).
# (A kernel only in BENCH_TURNS, like factor and carp, runs only there.)
BENCH_TURNS  := sensing:gd factor:gd carp:path
BENCH_ROUNDS ?= 2
BENCH_DIR  := $(B)/bench
BENCH_BIN  := $(BENCH_DIR)/bin
BENCH_PY   ?= /usr/bin/python3
.PHONY: bench deps-bench
deps-bench:
	@$(call install_missing,$(BENCH_PKGS))
$(BENCH_BIN)/bench_%: $(OBJ)/tests/bench_%.o $(LIBAR)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) $^ $(AR_LIBS) -o $@
BENCH_PROGS := $(sort $(BENCHES) $(foreach t,$(BENCH_TURNS),$(firstword $(subst :, ,$(t)))))
bench: $(foreach k,$(BENCH_PROGS),$(if $(wildcard tests/bench_$(k).c),$(BENCH_BIN)/bench_$(k))) | deps-bench ## benchmarks side by side with the memory bandwidth and numpy -> build/bench/summary.tsv
	@BENCH_TURNS='$(BENCH_TURNS)' BENCH_ROUNDS=$(BENCH_ROUNDS) \
	  bash tests/bench.sh $(BENCH_DIR) $(BENCH_BIN) $(BENCH_PY) $(BENCHES)
# The "Computational cost" section (paper/sections/cost.tex) shows the snapshot of
# build/bench/summary.tsv that make record copies to $(BENCH_SNAPSHOT): the paper never depends on
# running them.
cost-bandwidth_figdata := $(D)/cost-bandwidth.tsv
$(OUT)/paper.pdf: $(TEX)/cost-body.tex
$(D)/cost-bandwidth.tsv: tests/bench-latex.awk FORCE | $(D)
	@awk -F'\t' -v mode=figure -f $< $(wildcard $(BENCH_SNAPSHOT)) /dev/null > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@
$(TEX)/cost-body.tex: tests/bench-latex.awk FORCE | $(TEX)
	@awk -F'\t' -v mode=latex -f $< $(wildcard $(BENCH_SNAPSHOT)) /dev/null > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@
# ---- end of benchmarks ----------------------------------------------------------------------

# ---- archive --------------------------------------------------------------------------------
# make dist: one tarball for an archive such as Zenodo: the sources at HEAD (git archive), the full
# build's data, figures, claim verdicts and PDF, and SHA256SUMS over all of it.  Deterministic tar
# (sorted names, the commit's date, no owners, gzip -n), and the sums are checked on a fresh
# extraction before the target succeeds.
DIST_NAME := algoreg-artifact-$(VERSION_NOW)
DIST_DIR  := $(B)/dist
DIST_TREE := $(DIST_DIR)/$(DIST_NAME)
.PHONY: dist
dist: ## archive of sources, generated data, figures, verdicts and PDF with SHA256SUMS -> build/dist/
	@$(MAKE) --no-print-directory all
	@git diff --quiet HEAD 2>/dev/null || echo "dist: warning: uncommitted changes; the archive holds HEAD's sources" >&2
	rm -rf $(DIST_DIR) && mkdir -p $(DIST_TREE)/results
	git archive --format=tar HEAD | tar -x -C $(DIST_TREE)
	cp -r $(B)/full/data $(B)/full/figures $(B)/full/claims $(DIST_TREE)/results/
	cp $(B)/full/paper.pdf $(B)/full/*.html $(DIST_TREE)/
	@{ echo "$(DIST_NAME): archive of the algorithmic-regularization artifact (version $(VERSION_NOW),"; \
	  echo "commit $(VERSION_COMMIT)).  Sources as in the repository; paper.pdf and results/ (data, figures,"; \
	  echo "claims: one verdict file per claim) were generated by 'make' from these sources."; \
	  echo; echo "Check the files:     sha256sum -c SHA256SUMS"; \
	  echo "Rebuild everything:  make        (Debian 12; installs the packages it needs)"; \
	  echo "Run the tests:       make test"; \
	  echo; echo "Cite with CITATION.cff; licence GPL-3.0-or-later (LICENSE); data provenance in"; \
	  echo "experiments/data/README.md."; } > $(DIST_TREE)/ARCHIVE-README.txt
	cd $(DIST_TREE) && find . -type f ! -name SHA256SUMS | LC_ALL=C sort | sed 's|^\./||' \
	  | xargs -d '\n' sha256sum > SHA256SUMS
	tar --sort=name --mtime='$(VERSION_DATE) 00:00Z' --owner=0 --group=0 --numeric-owner \
	  -C $(DIST_DIR) -cf - $(DIST_NAME) | gzip -n -9 > $(DIST_DIR)/$(DIST_NAME).tar.gz
	@rm -rf $(DIST_DIR)/check && mkdir -p $(DIST_DIR)/check && tar -xzf $(DIST_DIR)/$(DIST_NAME).tar.gz -C $(DIST_DIR)/check
	@cd $(DIST_DIR)/check/$(DIST_NAME) && sha256sum --quiet -c SHA256SUMS \
	  && echo "dist: $(DIST_DIR)/$(DIST_NAME).tar.gz ($$(du -h ../../$(DIST_NAME).tar.gz | cut -f1), $$(wc -l < SHA256SUMS) files, sums verified)"
	@rm -rf $(DIST_DIR)/check

FORCE:

