# ---- Debian packages: one install step before any parallel work ------------------------------
# Every rule that needs a tool has the order-only prerequisite `deps`, a single target: under make
# -j it runs once, before everything else, and installs in ONE apt-get transaction all the missing
# packages that the goals on the command line need (make/install-deps.sh, which also takes a lock,
# so two makes never run apt-get at once).  PKGS_GOAL_<goal> lists a goal's packages (defined and
# empty: none); any other goal (all, quick, a file) needs BUILD and DOC.  Fragments of features
# add their goals here the same way.
BUILD_PKGS   := gcc make pkg-config libgsl-dev libopenblas-dev libsuitesparse-dev librandom123-dev
DOC_PKGS     := gnuplot-nox texlive-latex-base texlive-latex-recommended texlive-fonts-recommended \
                lmodern latexmk poppler-utils
BENCH_PKGS   := python3-numpy bc git
BROWSER_PKGS := chromium fonts-dejavu-core
FUZZ_PKGS    := clang libclang-rt-14-dev
PKGS_DEFAULT := $(BUILD_PKGS) $(DOC_PKGS)
PKGS_GOAL_help   :=
PKGS_GOAL_clean  :=
PKGS_GOAL_readme :=
PKGS_GOAL_record :=
PKGS_GOAL_deps   :=
PKGS_GOAL_test     := $(BUILD_PKGS)
PKGS_GOAL_programs := $(BUILD_PKGS)
PKGS_GOAL_valgrind := $(BUILD_PKGS) valgrind
PKGS_GOAL_bench    := $(BUILD_PKGS) $(DOC_PKGS) $(BENCH_PKGS)
PKGS_GOAL_test-browser := $(BUILD_PKGS) $(BROWSER_PKGS)
PKGS_GOAL_fuzz     := $(FUZZ_PKGS)
goal_pkgs = $(if $(filter undefined,$(origin PKGS_GOAL_$(1))),$(PKGS_DEFAULT),$(PKGS_GOAL_$(1)))
# Expanded when the recipe runs, after every fragment has added its goals.
DEPS_PKGS = $(sort $(foreach g,$(or $(MAKECMDGOALS),$(.DEFAULT_GOAL)),$(call goal_pkgs,$(g))))

.PHONY: deps
deps: ## install the Debian packages the goals need, once, in one apt-get step (sudo when not root)
	@bash make/install-deps.sh $(DEPS_PKGS)
