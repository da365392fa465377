# ---- benchmarks -----------------------------------------------------------------------------
# make bench: every benchmark, one after the other, on this machine -> build/bench/summary.tsv
# (name value unit reference reference_value ratio goal verdict), printed as a table.  A kernel K
# is registered by adding it to BENCHES; its files are tests/bench_K.c (C, built like a test into
# build/bench/bin, not run by make test), tests/bench_K.py (the plain numpy reference) and/or
# tests/bench_K.sh, each optional; see tests/bench.sh and tests/bench.h.  BENCH_ARGS=quick runs
# small sizes only (to test the harness).
BENCHES    := stream sensing build
# K:PART pairs whose C program and numpy reference run in turn, BENCH_ROUNDS times (medians).
# (A kernel only in BENCH_TURNS, like factor and carp, runs only there.)
BENCH_TURNS  := sensing:gd factor:gd carp:path
BENCH_ROUNDS ?= 2
BENCH_DIR  := $(B)/bench
BENCH_BIN  := $(BENCH_DIR)/bin
BENCH_PY   ?= /usr/bin/python3
.PHONY: bench

$(BENCH_BIN)/bench_%: $(OBJ)/tests/bench_%.o $(LIBAR)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) $^ $(AR_LIBS) -o $@
BENCH_PROGS := $(sort $(BENCHES) $(foreach t,$(BENCH_TURNS),$(firstword $(subst :, ,$(t)))))
bench: $(foreach k,$(BENCH_PROGS),$(if $(wildcard tests/bench_$(k).c),$(BENCH_BIN)/bench_$(k))) | deps ## benchmarks side by side with the memory bandwidth and numpy -> build/bench/summary.tsv
	@BENCH_TURNS='$(BENCH_TURNS)' BENCH_ROUNDS=$(BENCH_ROUNDS) \
	  bash tests/bench.sh $(BENCH_DIR) $(BENCH_BIN) $(BENCH_PY) $(BENCHES)
# The "Computational cost" appendix (paper/sections/cost.tex) shows the benchmark snapshot recorded
# in the repository (paper/recorded/bench-summary.tsv, copied from build/bench/summary.tsv by make
# record), never the live build/bench: the PDF depends on the sources only, and make after make
# bench gives the same PDF as before.
BENCH_SNAPSHOT := $(wildcard paper/recorded/bench-summary.tsv)
cost-bandwidth_figdata := $(D)/cost-bandwidth.tsv
$(OUT)/paper.pdf: $(TEX)/cost-body.tex
$(D)/cost-bandwidth.tsv: tests/bench-latex.awk $(BENCH_SNAPSHOT) | $(D)
	awk -F'\t' -v mode=figure -f $< $(BENCH_SNAPSHOT) /dev/null > $@
$(TEX)/cost-body.tex: tests/bench-latex.awk $(BENCH_SNAPSHOT) | $(TEX)
	awk -F'\t' -v mode=latex -f $< $(BENCH_SNAPSHOT) /dev/null > $@
