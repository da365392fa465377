# ---- robustness: every claim under several master seeds (opt-in) --------------------------------
# make robustness evaluates every claim again under master seeds ROBUST_SEEDS: seed 1 is the normal
# build (build/full), each other seed a build of its own in build/robustness/seed-N sharing the
# programs.  A run whose options name no --seed (the real data sets of W) does not depend on the
# seed: its outputs are copied from seed 1 instead of being run again.  The result,
# build/robustness/robustness.tsv (seed, verdict, id, measured, criterion; ERROR when a claim could
# not be evaluated under that seed), is recorded by make record as paper/recorded/robustness.tsv,
# from which the claims tables of the paper and the README take their "seeds passing" column.
ROBUST_SEEDS ?= 1 2 3 4 5
ROBUST_B     := $(B)/robustness
PKGS_GOAL_robustness := $(BUILD_PKGS)
run_files  = $(1).tsv $(1)-macros.tex $(1).resources $(addprefix $(1)-,$($(1)_sides))
SEEDLESS_RUNS := $(strip $(foreach r,$(RUNS),$(if $(findstring --seed,$($(r)_full)),,$(r))))
SEEDLESS_FILES := $(foreach r,$(SEEDLESS_RUNS),$(call run_files,$(r)) .options/$(r))
# The expected duration: the recorded run times of one full build, seed-free runs once.
ROBUST_MIN = $(shell awk -F'\t' -v seeds=$(words $(ROBUST_SEEDS)) -v jobs=$(JOBS) -v seedless=" $(SEEDLESS_RUNS) " \
  '!/^\#/ && NF == 3 { t += (index(seedless, " " $$1 " ") ? 1 : seeds) * $$2 } END { printf "%.0f", t / jobs / 60 }' \
  experiments/resources.tsv)
.PHONY: robustness
robustness: deps ## every claim under master seeds 1..5 (opt-in; several full builds' worth of runs) -> build/robustness/robustness.tsv
	@echo "robustness: every claim under seeds $(ROBUST_SEEDS), seed-free runs ($(SEEDLESS_RUNS)) once;" \
	  "expected about $(ROBUST_MIN) min at JOBS=$(JOBS) (from the recorded run times)"
	@mkdir -p $(ROBUST_B); start=$$(date +%s); n=0; \
	for s in $(ROBUST_SEEDS); do \
	  n=$$((n + 1)); b=$(B); [ $$s = 1 ] || b=$(ROBUST_B)/seed-$$s; \
	  echo "robustness: seed $$s ($$n of $(words $(ROBUST_SEEDS))), $$(( ($$(date +%s) - start) / 60 )) min so far; log $(ROBUST_B)/seed-$$s.log"; \
	  if [ $$s != 1 ]; then mkdir -p $$b/full/data/.options; \
	    for f in $(SEEDLESS_FILES); do cp -p $(B)/full/data/$$f $$b/full/data/$$f 2>/dev/null || true; done; fi; \
	  $(MAKE) --no-print-directory -k -j$(JOBS) B=$$b OBJ=$(OBJ) BIN=$(BIN) SEED=$$s MODE=full claim-files \
	    > $(ROBUST_B)/seed-$$s.log 2>&1 || echo "robustness: seed $$s: some claims could not be evaluated (see the log)"; \
	  for id in $(CLAIMS); do f=$$b/full/claims/$$id.claim; \
	    if [ -s $$f ] && $(MAKE) --no-print-directory -q -o deps B=$$b OBJ=$(OBJ) BIN=$(BIN) SEED=$$s $$f 2>/dev/null; \
	    then printf '%s\t' $$s; cat $$f; else printf '%s\tERROR\t%s\t\t\n' $$s $$id; fi; \
	  done > $(ROBUST_B)/seed-$$s.tsv; \
	  echo "robustness: seed $$s: $$(grep -c $$'\tPASS\t' $(ROBUST_B)/seed-$$s.tsv) PASS," \
	    "$$(grep -c $$'\tFAIL\t' $(ROBUST_B)/seed-$$s.tsv) FAIL, $$(grep -c $$'\tERROR\t' $(ROBUST_B)/seed-$$s.tsv) ERROR"; \
	done; \
	{ printf '# make robustness at version $(VERSION_NOW), seeds $(ROBUST_SEEDS)\n# seed\tverdict\tid\tmeasured\tcriterion\n'; for s in $(ROBUST_SEEDS); do cat $(ROBUST_B)/seed-$$s.tsv; done; } \
	  > $(ROBUST_B)/robustness.tsv; \
	echo "robustness: $(ROBUST_B)/robustness.tsv ($$(( ($$(date +%s) - start) / 60 )) min); make record keeps it"
