# ---- toolchain, library, programs, tests ------------------------------------------------------
# lib/{core,models,io}/*.c -> libar.a; experiments/common/*.c (protocol shared by experiment
# programs) -> libexp.a; each experiments/P/NAME.c -> build/bin/NAME; tests/test_*.c -> build/bin.
CC      ?= cc
CFLAGS  ?= -O2 -g
ifeq ($(SANITIZE),1)
  CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  LDFLAGS += -fsanitize=address,undefined
  OBJ := $(B)/obj-san
  BIN := $(B)/bin-san
endif
# Results must not depend on the machine: ISO C11, no contraction into FMA, no -march=native.
AR_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -ffp-contract=off -Wall -Wextra -Wpedantic \
            -Wshadow -fopenmp -Ilib -Iexperiments/common $(shell pkg-config --cflags gsl)
# GSL with OpenBLAS as its CBLAS (and LAPACK): drop the reference gslcblas.
# OpenMP (GCC's libgomp) is the threading layer of the kernels that take a thread count
# (proc_threads: AR_THREADS, default 1); compiled in everywhere, used only where a kernel asks.
AR_LIBS = $(filter-out -lgslcblas,$(shell pkg-config --libs gsl)) -lcholmod -lopenblas -lm -fopenmp

LIB_SRC   := $(wildcard lib/*/*.c)
LIB_OBJ   := $(LIB_SRC:%.c=$(OBJ)/%.o)
LIBAR     := $(OBJ)/libar.a
EXP_SRC   := $(wildcard experiments/common/*.c)
EXP_OBJ   := $(EXP_SRC:%.c=$(OBJ)/%.o)
EXPAR     := $(OBJ)/libexp.a
EXPERIMENTS := $(sort $(basename $(notdir $(wildcard experiments/[A-Z]/*.c))))
CHECKERS  := $(filter %-claims,$(EXPERIMENTS))
TESTS     := $(sort $(basename $(notdir $(wildcard tests/test_*.c))))
# Program NAME lives in experiments/P/NAME.c, P the paper's letter before the first dash.
paper_of = $(firstword $(subst -, ,$(1)))

$(OBJ)/%.o: %.c | deps
	@mkdir -p $(@D)
	$(CC) $(AR_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) -MMD -MP -c $< -o $@
# The counter-based generator's Philox rounds are integer loops: vectorizing them (which GCC's -O2
# cost model declines) changes no bit and makes a matrix-free row several times cheaper.
$(OBJ)/lib/core/crng.o: AR_CFLAGS += -fvect-cost-model=dynamic
$(LIBAR): $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^
$(EXPAR): $(EXP_OBJ)
	rm -f $@ && ar rcs $@ $^
$(BIN)/test_%: $(OBJ)/tests/test_%.o $(EXPAR) $(LIBAR)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) $^ $(AR_LIBS) -o $@
$(BIN)/%: $(OBJ)/experiments/$$(call paper_of,$$*)/%.o $(EXPAR) $(LIBAR)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) $^ $(AR_LIBS) -o $@
-include $(shell find $(OBJ) -name '*.d' 2>/dev/null)

.PHONY: programs
programs: $(EXPERIMENTS:%=$(BIN)/%) ## build every experiment program into build/bin

# Objects are kept after linking (make would delete them as intermediates of the pattern rules).
# Only objects: a global .SECONDARY would also stop make from restoring a deleted data file.
.SECONDARY: $(LIB_OBJ) $(EXP_OBJ) $(TESTS:%=$(OBJ)/tests/%.o) \
            $(foreach e,$(EXPERIMENTS),$(OBJ)/experiments/$(call paper_of,$(e))/$(e).o)
