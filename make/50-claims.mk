# ---- claims ----------------------------------------------------------------------------------
# experiments/claims.tsv (the registry) -> $(B)/claims.mk (CLAIMS, each claim's checker and data)
# -> $(CL)/ID.claim, one verdict line written by the paper's checker from the data files.
# The runs a claim needs are independent: build them two at a time (the machine has 2 cores).
CLAIM_JOBS ?= 2
$(B)/claims.mk: experiments/claims.tsv experiments/claims.awk
	@mkdir -p $(@D)
	awk -F'\t' -v mode=make -f experiments/claims.awk experiments/claims.tsv > $@
include $(B)/claims.mk

$(CL)/%.claim: $$(CLAIM_DATA_$$*) $(BIN)/$$(CLAIM_CHECKER_$$*) | $(CL)
	@rm -f $@
	$(BIN)/$(CLAIM_CHECKER_$*) --claim $* --data $(D) --out $@

# make claims prints one verdict line per claim on stdout and nothing else.  A run or checker that
# fails is an error (its messages on stderr, exit status non-zero), never a verdict: when the
# sub-make fails, every verdict file that is not up to date (make -q) is removed before the report,
# so a stale verdict cannot stand in for one that could not be evaluated now.  (-o deps: the
# phony package step would otherwise count as out of date and every verdict look stale.)
.PHONY: claim-files
claim-files: $(CLAIMS:%=$(CL)/%.claim)
claims_report = awk -F'\t' -v mode=report -v dir=$(CL) $(1) -f experiments/claims.awk experiments/claims.tsv
define claims_run
@status=0; $(MAKE) --no-print-directory -k -j$(CLAIM_JOBS) $(addprefix $(CL)/,$(addsuffix .claim,$(1))) >&2 \
  || status=$$?; \
  if [ $$status -ne 0 ]; then for id in $(1); do \
    $(MAKE) --no-print-directory -q -o deps $(CL)/$$id.claim 2>/dev/null || rm -f $(CL)/$$id.claim; done; fi; \
  $(call claims_report,$(2)) || status=1; \
  [ $$status -eq 0 ] || echo "claims: a run or checker failed (messages above); only the verdicts printed were evaluated" >&2; \
  exit $$status
endef
claims: ## evaluate every claim: one line "PASS|FAIL <id> <measured> [criterion]" each
	$(call claims_run,$(CLAIMS),)
claim-%: ## check one claim, e.g. make claim-S4
	$(if $(filter $*,$(CLAIMS)),$(call claims_run,$*,-v only=$*),@echo "claims: no claim $* in experiments/claims.tsv (make claims lists them all)" >&2; exit 2)
