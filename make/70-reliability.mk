# ---- reliability ----------------------------------------------------------------------------
# make verify: a clean full build in its own folder with the version pinned to "reference" (the
# data headers and the PDF name the version, which changes with every commit), compared file by
# file with the checksums recorded in tests/reference.sha256 (make checksums records them,
# deliberately only).  Compared: every data and macro file, the figures' LaTeX parts, the
# interactive pages and the PDF.  Left out: the *-timing* files and *.resources (they measure the
# machine), the figures' PDF parts (cairo stamps a date into them; the paper's pdfTeX settings make
# the PDF itself reproducible), and the build logs.  The data depend on the machine only through
# OpenBLAS's floating-point kernels, which it picks per CPU: on a CPU of another family, verify may
# report data files that differ in their last digits (see README).
VERIFY_B := $(B)/verify
VERIFY_FILES = find data figures -type f \( -name '*.tsv' -o -name '*.tex' \) ! -name '*-timing*' \
               | LC_ALL=C sort; ls paper.pdf *.html
.PHONY: verify checksums verify-build
verify-build:
	rm -rf $(VERIFY_B)
	$(MAKE) --no-print-directory B=$(VERIFY_B) VERSION_NOW=reference VERSION_DATE=reference \
	  VERSION_COMMIT=reference JOBS=$(JOBS) all >$(B)/verify.log 2>&1 || { tail -n 20 $(B)/verify.log; exit 1; }
	cd $(VERIFY_B)/full && { $(VERIFY_FILES); } | xargs sha256sum > ../checksums.sha256
verify: ## rebuild from clean (build/verify) and compare every data file, figure, page and the PDF with tests/reference.sha256
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

# Fuzzing: the option parser and the data readers under libFuzzer, FUZZ_SECONDS each.
FUZZ_SECONDS ?= 30
FUZZERS      := opt table csv
FUZZ_SRC_opt   := lib/io/opt.c
FUZZ_SRC_table := lib/io/table.c
FUZZ_SRC_csv   := lib/io/csv.c
.PHONY: fuzz valgrind
$(B)/fuzz/fuzz_%: tests/fuzz_%.c $$(FUZZ_SRC_$$*) | deps
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
