# carp.mk -- the carp tool (tools/carp.c -> build/bin/carp), `make carp CSV=...`, and the page
# template compiled into the library (io/cc_view.h writes the interactive page from it).

# ---- the page template, as a C array in the library --------------------------------------------
# Bytes, not a string literal: ISO C guarantees string literals of 4095 characters only.
$(OBJ)/gen/cc_view_page.c: figures/carp-page.html
	@mkdir -p $(@D)
	{ echo '/* generated from figures/carp-page.html by make/carp.mk: do not edit */'; \
	  echo '#include "io/cc_view.h"'; \
	  echo 'const char cc_view_page_template[] = {'; \
	  od -An -v -tu1 $< | awk '{ for (i = 1; i <= NF; i++) printf "%s,", $$i; print "" }'; \
	  echo '0 };'; } > $@.tmp
	mv $@.tmp $@
$(OBJ)/gen/cc_view_page.o: $(OBJ)/gen/cc_view_page.c | deps-build
	$(CC) $(AR_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) -c $< -o $@
$(LIBAR): $(OBJ)/gen/cc_view_page.o
