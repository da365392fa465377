/* cc_data.c -- see cc_data.h. */
#include "io/cc_data.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "models/cc.h"

cc_data *cc_data_load(const char *path)
{
  csv_data *raw = csv_read(path);
  if (!raw) return NULL;
  cc_data *d = calloc(1, sizeof *d);
  if (d) d->x = cc_colmajor(raw->x, raw->n, raw->p);
  if (!d || !d->x) { free(d); csv_free(raw); fprintf(stderr, "%s: out of memory\n", path); return NULL; }
  d->n = raw->n; d->p = raw->p; d->raw = raw;
  cc_center(d->x, d->n, d->p);
  double s = 0;
  for (size_t q = 0; q < d->n * d->p; q++) s += d->x[q] * d->x[q];
  d->xnorm = sqrt(s);
  return d;
}

void cc_data_free(cc_data *d)
{
  if (!d) return;
  csv_free(d->raw);
  free(d->x);
  free(d);
}
