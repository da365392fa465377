/* cc_data.c -- see cc_data.h. */
#include "io/cc_data.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

cc_data *cc_data_with_gaps(const cc_data *d, size_t m, gsl_rng *r, unsigned flags)
{
  const size_t n = d->n, p = d->p, np = n * p;
  csv_data *c = calloc(1, sizeof *c);
  size_t *cell = malloc(np * sizeof *cell), *left = malloc(p * sizeof *left);
  if (c) { c->x = malloc(np * sizeof *c->x); c->miss = calloc(np, 1); }
  if (!c || !cell || !left || !c->x || !c->miss) { csv_free(c); free(cell); free(left); return NULL; }
  c->n = n; c->p = p; c->line0 = d->raw->line0;
  memcpy(c->x, d->raw->x, np * sizeof *c->x);
  if (d->raw->miss) memcpy(c->miss, d->raw->miss, np);
  for (size_t j = 0; j < p; j++) left[j] = 0;
  for (size_t q = 0; q < np; q++) { cell[q] = q; left[q % p] += !c->miss[q]; }
  /* a partial Fisher-Yates shuffle draws the cells in a uniformly random order */
  for (size_t q = 0, done = 0; q < np && done < m; q++) {
    const size_t k = q + (size_t) gsl_rng_uniform_int(r, np - q), e = cell[k];
    cell[k] = cell[q]; cell[q] = e;
    if (c->miss[e] || left[e % p] <= 1) continue;
    c->miss[e] = 1; c->x[e] = NAN; left[e % p]--; done++;
  }
  for (size_t q = 0; q < np; q++) c->nmiss += c->miss[q];
  free(cell); free(left);
  if (!c->nmiss) { free(c->miss); c->miss = NULL; }
  return cc_data_from_csv(c, "(with gaps)", flags | CC_DATA_MISSING);
}

void cc_data_name(const char *path, char *buf, size_t len)
{
  const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  size_t bl = strlen(base);
  if (bl > 4 && strcmp(base + bl - 4, ".csv") == 0) bl -= 4;
  snprintf(buf, len, "%.*s", (int) (bl < 4096 ? bl : 4096), base);
}

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
