/* cc_data.c -- see cc_data.h. */
#include "io/cc_data.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "models/cc.h"

static cc_data *column_fail(cc_data *d, const char *name, size_t c, const char *why)
{
  const csv_data *raw = d->raw;
  if (raw->colname)
    fprintf(stderr, "%s:%zu:%zu: column '%s' %s\n", name, raw->line0, csv_file_column(raw, c), raw->colname[c], why);
  else
    fprintf(stderr, "%s:%zu:%zu: column %zu %s\n", name, raw->line0, csv_file_column(raw, c), csv_file_column(raw, c), why);
  cc_data_free(d);
  return NULL;
}

cc_data *cc_data_from_csv(csv_data *raw, const char *name, unsigned flags)
{
  cc_data *d = calloc(1, sizeof *d);
  if (!d) { csv_free(raw); fprintf(stderr, "%s: out of memory\n", name); return NULL; }
  d->raw = raw;
  const size_t n = raw->n, p = raw->p;
  d->n = n; d->p = p;
  d->x = cc_colmajor(raw->x, n, p);
  d->center = malloc(p * sizeof *d->center);
  d->scale = malloc(p * sizeof *d->scale);
  if (raw->miss) d->observed = malloc(n * p);
  if (!d->x || !d->center || !d->scale || (raw->miss && !d->observed)) {
    cc_data_free(d);
    fprintf(stderr, "%s: out of memory\n", name);
    return NULL;
  }
  d->nmiss = raw->nmiss;
  for (size_t c = 0; c < p; c++) {
    double *xc = d->x + c * n;
    unsigned char *oc = d->observed ? d->observed + c * n : NULL;
    if (oc)
      for (size_t i = 0; i < n; i++) oc[i] = !raw->miss[i * p + c];
    /* the mean of the observed entries (in index order: with none missing this is cc_center) */
    double m = 0;
    size_t cnt = 0;
    for (size_t i = 0; i < n; i++)
      if (!oc || oc[i]) { m += xc[i]; cnt++; }
    if (!cnt) return column_fail(d, name, c, "has no observed value");
    m /= (double) cnt;
    for (size_t i = 0; i < n; i++) xc[i] = !oc || oc[i] ? xc[i] - m : 0.0;   /* imputed: the mean */
    d->center[c] = m;
    d->scale[c] = 1;
    if (flags & CC_DATA_SCALE) {
      double s = 0;
      for (size_t i = 0; i < n; i++) s += xc[i] * xc[i];   /* imputed cells add 0 */
      s = cnt > 1 ? sqrt(s / (double) (cnt - 1)) : 0;
      if (!(s > 0)) return column_fail(d, name, c, "is constant: it cannot be scaled");
      for (size_t i = 0; i < n; i++) xc[i] /= s;
      d->scale[c] = s;
    }
  }
  double s = 0;
  for (size_t q = 0; q < n * p; q++) s += d->x[q] * d->x[q];
  d->xnorm = sqrt(s);
  return d;
}

cc_data *cc_data_load_opt(const char *path, unsigned flags)
{
  csv_data *raw = csv_read_opt(path, (flags & CC_DATA_MISSING) ? CSV_MISSING : 0);
  return raw ? cc_data_from_csv(raw, path, flags) : NULL;
}

cc_data *cc_data_load(const char *path) { return cc_data_load_opt(path, 0); }

void cc_data_free(cc_data *d)
{
  if (!d) return;
  csv_free(d->raw);
  free(d->x);
  free(d->observed);
  free(d->center);
  free(d->scale);
  free(d);
}
