# carp.mk -- the carp tool (tools/carp*.c -> build/bin/carp), `make carp CSV=...`, and the page
# template compiled into the library (io/cc_view.h writes the interactive page from it).

# ---- files compiled in: the page template (library) and the figures script (tool) --------------
# $(call embed,SYMBOL): the prerequisite $< as `const char SYMBOL[]`, NUL-terminated.  Bytes, not a
# string literal: ISO C guarantees string literals of 4095 characters only.
embed = { echo '/* generated from $< by make/carp.mk: do not edit */'; \
	  echo 'const char $(1)[] = {'; \
	  od -An -v -tu1 $< | awk '{ for (i = 1; i <= NF; i++) printf "%s,", $$i; print "" }'; \
	  echo '0 };'; } > $@.tmp && mv $@.tmp $@
$(OBJ)/lib/io/cc_view_page.c: figures/carp-page.html
	@mkdir -p $(@D)
	$(call embed,cc_view_page_template)
$(OBJ)/lib/io/cc_view_page.o: $(OBJ)/lib/io/cc_view_page.c | deps
	$(CC) $(AR_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) -c $< -o $@
$(LIBAR): $(OBJ)/lib/io/cc_view_page.o

# ---- the tool -------------------------------------------------------------------------------------
$(OBJ)/tools/carp_figures.c: figures/carp-figures.gp
	@mkdir -p $(@D)
	$(call embed,carp_figures_script)
$(OBJ)/tools/carp_figures.o: $(OBJ)/tools/carp_figures.c | deps
	$(CC) $(AR_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) -c $< -o $@
$(BIN)/carp: $(OBJ)/tools/carp.o $(OBJ)/tools/carp_out.o $(OBJ)/tools/carp_plot.o $(OBJ)/tools/carp_figures.o $(LIBAR)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) $^ $(AR_LIBS) -o $@
# make test runs tests/cli.sh over build/bin, the tool included
test: $(BIN)/carp
.SECONDARY: $(OBJ)/tools/carp.o $(OBJ)/tools/carp_out.o $(OBJ)/tools/carp_plot.o $(OBJ)/tools/carp_figures.o $(OBJ)/lib/io/cc_view_page.o

# make carp CSV=data.csv [OUT=dir] [T=1.05] [PHI=..] [K=..] [SCALE=1] [CLUSTERS=..] [LAMBDA=..]
#           [GRID=l1,l2,..] [VIZ=1]: the tool on any CSV, outputs OUT/NAME-* (default OUT: build/carp).
# (The Makefile keeps a command-line OUT aside as CARP_OUT_GIVEN: the build's own OUT is unchanged.)
CARP_OUT = $(or $(CARP_OUT_GIVEN),$(B)/carp)
CARP_ARGS = $(if $(T),--t $(T)) $(if $(PHI),--phi $(PHI)) $(if $(K),--k $(K)) $(if $(filter 1,$(SCALE)),--scale) \
            $(if $(CLUSTERS),--clusters $(CLUSTERS)) $(if $(LAMBDA),--lambda $(LAMBDA)) $(if $(GRID),--grid $(GRID)) \
            $(if $(filter 1,$(VIZ)),--viz)
PKGS_GOAL_carp := $(BUILD_PKGS) gnuplot-nox
.PHONY: carp
carp: $(BIN)/carp | deps ## convex clustering of any CSV: make carp CSV=data.csv [OUT=dir] [T=1.05 CLUSTERS=3 ...] (tools/README.md)
	@test -n "$(CSV)" || { echo "make carp: set CSV=path/to/data.csv (and optionally OUT=dir, T=, PHI=, K=, SCALE=1, CLUSTERS=, LAMBDA=, GRID=, VIZ=1)" >&2; exit 2; }
	$(BIN)/carp --csv '$(CSV)' --out '$(CARP_OUT)/$(basename $(notdir $(CSV)))' $(CARP_ARGS)
valgrind: $(BIN)/carp
