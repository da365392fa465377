/* child.h -- one measured configuration in its own process (prefix child_).
 *
 * Timing experiments run each configuration in a forked child, so that the peak resident memory
 * the kernel reports for it (getrusage) is that configuration's own and not the largest of the
 * whole program, and so that one run's allocations cannot slow the next.  The child's result (a
 * plain struct without pointers) comes back through a pipe. */
#ifndef AR_CHILD_H
#define AR_CHILD_H

#include <stddef.h>

typedef struct {
  double peak_mb;   /* peak resident set of the child, MB (2^20 bytes; proc_peak_mib, NAN if unreadable) */
} child_usage;

/* Run fn(arg, result) in a child process; its `size` bytes of result are copied back into result.
 * Returns 0 when the child ran and fn returned 0, else non-zero (result unspecified). */
int child_run(int (*fn)(const void *arg, void *result), const void *arg, void *result, size_t size,
              child_usage *usage);

#endif
