/* core.c -- process-wide settings; see core.h. */
#include "core.h"

#include <stdio.h>
#include <gsl/gsl_errno.h>

void openblas_set_num_threads(int);

static void report(const char *reason, const char *file, int line, int gsl_errno)
{
  fprintf(stderr, "gsl: %s:%d: %s (%s)\n", file, line, reason, gsl_strerror(gsl_errno));
}

void core_init(void)
{
  openblas_set_num_threads(1);
  gsl_set_error_handler(report);
}
