# ---- experiments -> data ------------------------------------------------------------------------
# A run NAME is declared in experiments/P/P.mk: NAME_full and NAME_quick hold its options,
# NAME_prog its program when that is not NAME (several runs of one program), and NAME_sides the
# side files it writes besides NAME.tsv, NAME-macros.tex and NAME.resources ("summary.tsv" for
# $(D)/NAME-summary.tsv).  Every file a run writes is a target of its one grouped rule, so deleting
# any of them reruns it; a run that writes an undeclared file fails (make/check-outputs.sh).
# A run depends on its program, on the data files named in its options, and on its own options
# (a stamp rewritten, at parse time, only when NAME_$(MODE) changed): an option edit in P.mk
# reruns that run and what reads it, nothing else.
include $(sort $(wildcard experiments/*/*.mk))
RUNS := $(sort $(patsubst %_full,%,$(filter %_full,$(.VARIABLES))))
run_prog    = $(or $($(1)_prog),$(1))
run_outputs = $(D)/$(1).tsv $(D)/$(1)-macros.tex $(D)/$(1).resources $(addprefix $(D)/$(1)-,$($(1)_sides))
run_inputs  = $(wildcard $(filter-out -%,$($(1)_$(MODE))))
RUN_OUTPUTS := $(foreach r,$(RUNS),$(call run_outputs,$(r)))

OPTS := $(D)/.options
$(shell mkdir -p $(OPTS))
# write_if_changed FILE VAR: rewrite FILE only when its content is not the value of variable VAR
# (else keep its mtime).  The text goes by name: options hold commas, which would split arguments.
str_eq = $(and $(findstring $(1),$(2)),$(findstring $(2),$(1)))
write_if_changed = $(if $(call str_eq,$(strip $(file <$(1))),$(strip $($(2)))),,$(file >$(1),$($(2))))
$(foreach r,$(RUNS),$(eval run_text_$(r) := $(call run_prog,$(r)) $$($(r)_$(MODE))))
$(foreach r,$(RUNS),$(call write_if_changed,$(OPTS)/$(r),run_text_$(r)))

$(D) $(F) $(CL) $(TEX):
	@mkdir -p $@
define run_rule
$(call run_outputs,$(1)) &: $(BIN)/$(call run_prog,$(1)) $(OPTS)/$(1) $(call run_inputs,$(1)) | $(D)
	@rm -f $(call run_outputs,$(1))
	$(BIN)/$(call run_prog,$(1)) $$($(1)_$(MODE)) --out $(D)/$(1)
	@bash make/check-outputs.sh $(D) $(1) "$(call run_outputs,$(1))" "$(RUN_OUTPUTS)"
endef
$(foreach r,$(RUNS),$(eval $(call run_rule,$(r))))
