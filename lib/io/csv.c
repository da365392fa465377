/* csv.c -- numeric CSV reader with row labels and header; see csv.h. */
#include "io/csv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {   /* the fields of one line, pointing into a scratch buffer */
  char **f;
  int *quoted;
  size_t n, cap;
  char *buf;
  size_t bcap;
} fields;

void csv_free(csv_data *d)
{
  if (!d) return;
  for (size_t i = 0; d->rowname && i < d->n; i++) free(d->rowname[i]);
  for (size_t j = 0; d->colname && d->colname[j]; j++) free(d->colname[j]);   /* NULL-terminated */
  free(d->rowname);
  free(d->colname);
  free(d->label_header);
  free(d->x);
  free(d->miss);
  free(d);
}

/* Split line [s, e) into fields.  Returns 0, 1 for an unterminated quote, -1 out of memory. */
static int split(const char *s, const char *e, fields *fl)
{
  size_t need = (size_t) (e - s) + 1;
  if (need > fl->bcap) {
    char *b = realloc(fl->buf, need);
    if (!b) return -1;
    fl->buf = b;
    fl->bcap = need;
  }
  /* Fields point into buf: re-base after a realloc is impossible, so buf is sized first. */
  char *o = fl->buf;
  fl->n = 0;
  for (;;) {
    if (fl->n == fl->cap) {
      size_t nc = fl->cap ? 2 * fl->cap : 64;
      char **f = realloc(fl->f, nc * sizeof *f);
      if (f) fl->f = f;
      int *q = realloc(fl->quoted, nc * sizeof *q);
      if (q) fl->quoted = q;
      if (!f || !q) return -1;
      fl->cap = nc;
    }
    fl->f[fl->n] = o;
    fl->quoted[fl->n] = 0;
    if (s < e && *s == '"') {
      fl->quoted[fl->n] = 1;
      s++;
      for (;;) {
        if (s == e) return 1;
        if (*s == '"') {
          if (s + 1 < e && s[1] == '"') { *o++ = '"'; s += 2; continue; }
          s++;
          break;
        }
        *o++ = *s++;
      }
      while (s < e && *s != ',') *o++ = *s++;   /* text after the closing quote stays (then fails) */
    } else {
      while (s < e && *s != ',') *o++ = *s++;
    }
    *o++ = '\0';
    fl->n++;
    if (s == e) return 0;
    s++;   /* the comma */
  }
}

static int is_number(const char *f, int quoted, double *x)
{
  if (quoted || !*f) return 0;
  char *end;
  *x = strtod(f, &end);
  return end != f && *end == '\0';
}

/* A missing cell (with CSV_MISSING): an unquoted empty field or NA. */
static int is_missing(const char *f, int quoted)
{
  return !quoted && (!*f || strcmp(f, "NA") == 0);
}

static csv_data *fail(csv_data *d, fields *fl, const char *name, size_t line, size_t col,
                      const char *why)
{
  if (col) fprintf(stderr, "%s:%zu:%zu: %s\n", name, line, col, why);
  else fprintf(stderr, "%s:%zu: %s\n", name, line, why);
  free(fl->f);
  free(fl->quoted);
  free(fl->buf);
  csv_free(d);
  return NULL;
}

/* A NULL-terminated copy, so that csv_free can release it before the column count is known. */
static char **dup_fields(const fields *fl, size_t from)
{
  char **v = calloc(fl->n - from + 1, sizeof *v);
  for (size_t j = from; v && j < fl->n; j++)
    if (!(v[j - from] = strdup(fl->f[j]))) {
      for (size_t i = from; i < j; i++) free(v[i - from]);
      free(v);
      return NULL;
    }
  return v;
}

size_t csv_file_column(const csv_data *d, size_t j) { return j + 1 + (d->rowname != NULL); }

csv_data *csv_parse(const char *text, size_t len, const char *name)
{
  return csv_parse_opt(text, len, name, 0);
}

csv_data *csv_parse_opt(const char *text, size_t len, const char *name, unsigned flags)
{
  const int allow = (flags & CSV_MISSING) != 0;
  fields fl = { 0 };
  csv_data *d = calloc(1, sizeof *d);
  if (!d) return fail(d, &fl, name, 0, 0, "out of memory");
  const char *s = text, *end = text + len;
  size_t line = 0, width = 0, xcap = 0, ncap = 0, first_line = 0;
  int header_seen = 0, decided = 0, labels = 0;
  while (s < end) {
    const char *e = memchr(s, '\n', (size_t) (end - s));
    if (!e) e = end;
    const char *le = (e > s && e[-1] == '\r') ? e - 1 : e;
    line++;
    if (le == s) {   /* a blank line: only allowed at the very end */
      s = e + 1;
      const char *r = s;
      while (r < end && (*r == '\n' || *r == '\r')) r++;
      if (r < end) return fail(d, &fl, name, line, 0, "empty line");
      break;
    }
    int rc = split(s, le, &fl);
    if (rc < 0) return fail(d, &fl, name, line, 0, "out of memory");
    if (rc > 0) return fail(d, &fl, name, line, fl.n + 1, "unterminated quote");
    s = e + 1;
    if (!width) {   /* the first line: header or data? */
      width = fl.n;
      first_line = line;
      double x;
      for (size_t j = 0; j < fl.n && !header_seen; j++)
        if (!is_number(fl.f[j], fl.quoted[j], &x) && !(allow && is_missing(fl.f[j], fl.quoted[j])))
          header_seen = 1;
      if (header_seen) {
        d->colname = dup_fields(&fl, 0);   /* label column decided later */
        if (!d->colname) return fail(d, &fl, name, line, 0, "out of memory");
        continue;
      }
    }
    if (fl.n != width) {
      char why[96];
      snprintf(why, sizeof why, "ragged row: %zu fields, line %zu has %zu", fl.n, first_line, width);
      return fail(d, &fl, name, line, (fl.n < width ? fl.n : width) + 1, why);
    }
    if (!decided) {
      double x;
      labels = !is_number(fl.f[0], fl.quoted[0], &x) && !(allow && is_missing(fl.f[0], fl.quoted[0]));
      decided = 1;
      d->line0 = line;
      d->p = width - (size_t) labels;
      if (d->p == 0) return fail(d, &fl, name, line, 0, "no numeric columns");
    }
    if (d->n == ncap) {
      ncap = ncap ? 2 * ncap : 64;
      double *nx = realloc(d->x, ncap * d->p * sizeof *nx);
      if (!nx) return fail(d, &fl, name, line, 0, "out of memory");
      d->x = nx;
      xcap = ncap;
      if (allow) {   /* dropped at the end when no cell is missing */
        unsigned char *nm = realloc(d->miss, ncap * d->p);
        if (!nm) return fail(d, &fl, name, line, 0, "out of memory");
        d->miss = nm;
      }
      if (labels) {
        char **nr = realloc(d->rowname, ncap * sizeof *nr);
        if (!nr) return fail(d, &fl, name, line, 0, "out of memory");
        d->rowname = nr;
      }
    }
    (void) xcap;
    for (size_t j = (size_t) labels; j < width; j++) {
      double x;
      const size_t q = d->n * d->p + j - (size_t) labels;
      if (is_missing(fl.f[j], fl.quoted[j])) {
        if (!allow) return fail(d, &fl, name, line, j + 1, "missing value (empty or NA) not accepted here");
        d->x[q] = NAN;
        d->miss[q] = 1;
        d->nmiss++;
        continue;
      }
      if (!is_number(fl.f[j], fl.quoted[j], &x)) {
        char why[128];
        snprintf(why, sizeof why, "not a number: '%.40s'", fl.f[j]);
        return fail(d, &fl, name, line, j + 1, why);
      }
      if (!isfinite(x)) return fail(d, &fl, name, line, j + 1, "non-finite value");
      d->x[q] = x;
      if (allow) d->miss[q] = 0;
    }
    if (labels) {
      d->rowname[d->n] = strdup(fl.f[0]);
      if (!d->rowname[d->n]) return fail(d, &fl, name, line, 0, "out of memory");
    }
    d->n++;
  }
  if (line == 0) return fail(d, &fl, name, 1, 0, "empty input");
  if (d->n == 0) return fail(d, &fl, name, line, 0, "a header but no data lines");
  if (header_seen && labels) {   /* drop the label column's name from the variable names */
    d->label_header = d->colname[0];
    memmove(d->colname, d->colname + 1, d->p * sizeof(char *));
    d->colname[d->p] = NULL;
  }
  if (!d->nmiss) { free(d->miss); d->miss = NULL; }
  free(fl.f);
  free(fl.quoted);
  free(fl.buf);
  return d;
}

csv_data *csv_read(const char *path) { return csv_read_opt(path, 0); }

csv_data *csv_read_opt(const char *path, unsigned flags)
{
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    fprintf(stderr, "%s: cannot open\n", path);
    return NULL;
  }
  size_t cap = 1 << 16, len = 0, got;
  char *text = malloc(cap);
  while (text && (got = fread(text + len, 1, cap - len, fp)) > 0) {
    len += got;
    if (len == cap) {
      char *t = realloc(text, 2 * cap);
      if (!t) { free(text); text = NULL; break; }
      text = t;
      cap *= 2;
    }
  }
  int err = ferror(fp);
  fclose(fp);
  if (!text || err) {
    free(text);
    fprintf(stderr, "%s: read error\n", path);
    return NULL;
  }
  csv_data *d = csv_parse_opt(text, len, path, flags);
  free(text);
  return d;
}
