/* check.h -- the tests' tiny harness: CHECK counts, a failure prints one line with its location,
 * and check_done() prints the program's own "N passed, N failed" line (tests/run.sh sums them). */
#ifndef AR_CHECK_H
#define AR_CHECK_H

#include <math.h>
#include <stdio.h>

static int check_passed, check_failed;

#define CHECK(cond, ...)                                                        \
  do {                                                                          \
    if (cond) check_passed++;                                                   \
    else {                                                                      \
      check_failed++;                                                           \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                      \
      fprintf(stderr, __VA_ARGS__);                                             \
      fputc('\n', stderr);                                                      \
    }                                                                           \
  } while (0)

/* |a - b| <= tol, NaN never passes. */
#define CHECK_NEAR(a, b, tol, what)                                             \
  do {                                                                          \
    double check_a_ = (a), check_b_ = (b);                                      \
    CHECK(fabs(check_a_ - check_b_) <= (tol), "%s: %.17g vs %.17g (tol %g)",    \
          (what), check_a_, check_b_, (double) (tol));                          \
  } while (0)

static inline int check_done(const char *name)
{
  printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
  return check_failed ? 1 : 0;
}

#endif
