# make extended, make extended-tight -- the long, opt-in measurements, not part of `make` (which
# stays within its 10-minute budget): W-baselines, the exact-path baselines of the CARP paper's
# timings (ADMM and AMA on a 100-level grid) run to completion on the authors and TCGA data, beside
# CARP at t = 1.05 and 1.01, each run against its own CARP reference measured in the same process.
#   make extended        the exact paths under the R package's rule, both data sets and solvers in
#                        one run (claim W8): minutes of computation
#   make extended-tight  the exact paths under the tight rule, one run per data set and solver: hours
# Each prints its expected duration (the recorded runs' wall time) first, draws a progress bar on a
# terminal, writes build/extended/, and records its runs in paper/recorded/ (make record-extended),
# from where the paper and claim W8 read them: commit them.  Wall times depend on the machine's load:
# run them on a quiet machine (the timing tables keep the load average and the CPU time of every run).
# MODE=quick runs a reduced configuration (to test the plumbing; not recorded).
EXT := $(B)/extended
# (Not NAME_full variables: those declare the runs of `make`.)
W_BASELINES_FULL  := --ts 1.05,1.01 --grid 100 --carp-reps 5 --exact-reps 1 --accelerate 1
W_BASELINES_QUICK := --ts 1.1 --grid 8 --carp-reps 1 --exact-reps 1 --accelerate 1
W_BASELINES_OPTS  := $(W_BASELINES_$(if $(filter full,$(MODE)),FULL,QUICK))
EXT_DIR   := $(EXT)/$(MODE)
EXT_PKG   := W-baselines
EXT_TIGHT := W-baselines-tight-authors-admm W-baselines-tight-authors-ama W-baselines-tight-tcga-admm \
             W-baselines-tight-tcga-ama
EXT_RUNS  := $(EXT_PKG) $(EXT_TIGHT)
comma := ,
ext_opts   = --tight $(if $(filter $(EXT_PKG),$(1)),0 --sets 0$(comma)1 --methods 1$(comma)2,1 \
             --sets $(if $(findstring authors,$(1)),0,1) --methods $(if $(findstring admm,$(1)),1,2))
# ext_recipe RUNS: the expected duration, the load, the runs, and (full mode) their recording.
define ext_recipe
	@awk -F'\t' 'FNR == 2 { s += $$1; k++ } END { if (k == $(words $(1))) printf "make $@: expected duration about %.0f min (the recorded runs took %.0f s)\n", s / 60, s; \
	  else print "make $@: expected duration unknown (no complete recording yet; the tight rule takes hours)" }' \
	  $(wildcard $(1:%=paper/recorded/%.resources)) /dev/null
	@uptime | sed 's/^/make $@: machine load now: /'
	@mkdir -p $(EXT_DIR)
	$(foreach r,$(1),$(BIN)/W-baselines $(W_BASELINES_OPTS) $(call ext_opts,$(r)) --out $(EXT_DIR)/$(r) && ) true
	$(if $(filter full,$(MODE)),@$(MAKE) --no-print-directory record-extended)
endef

.PHONY: extended extended-tight record-extended
extended: $(BIN)/W-baselines ## the exact-path baselines under the R package's rule, to completion (opt-in; duration printed first) -> paper/recorded/
	$(call ext_recipe,$(EXT_PKG))
extended-tight: $(BIN)/W-baselines ## the same under the tight rule (opt-in; hours) -> paper/recorded/
	$(call ext_recipe,$(EXT_TIGHT))

# make record also records the last full make extended, if any.
record: record-extended
record-extended: ## copy the last full make extended's results into paper/recorded/ (then commit them)
	@for r in $(EXT_RUNS); do \
	  if [ -e $(EXT)/full/$$r-timing-macros.tex ]; then \
	    for f in $$r.tsv $$r-timing.tsv $$r-macros.tex $$r-timing-macros.tex $$r.resources; do cp $(EXT)/full/$$f paper/recorded/$$f; done; \
	    echo "record-extended: $$r recorded in paper/recorded/"; \
	  else echo "record-extended: no full run of $$r in $(EXT)/full"; fi; done

# Claim W8 reads the recorded results, copied into the build's data folder (make claim-W8 never
# reruns the baselines): every recorded run, whenever one of them changes.
EXT_RECORDED := $(wildcard $(foreach r,$(EXT_RUNS),paper/recorded/$(r).tsv paper/recorded/$(r)-timing.tsv))
$(D)/W-baselines.tsv $(D)/W-baselines-timing.tsv &: $(EXT_RECORDED) | $(D)
	cp $(EXT_RECORDED) $(D)/

PKGS_GOAL_extended        := $(BUILD_PKGS)
PKGS_GOAL_extended-tight  := $(BUILD_PKGS)
PKGS_GOAL_record-extended :=
