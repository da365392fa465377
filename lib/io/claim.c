/* claim.c -- claim checkers' shared main; see claim.h. */
#include "io/claim.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "io/opt.h"
#include "io/out.h"

static void append(char *dst, size_t cap, const char *fmt, va_list ap)
{
  size_t len = strlen(dst);
  if (len && len + 2 < cap) {
    strcpy(dst + len, "; ");
    len += 2;
  }
  if (len < cap) vsnprintf(dst + len, cap - len, fmt, ap);
}

void claim_measured(claim_result *res, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  append(res->measured, sizeof res->measured, fmt, ap);
  va_end(ap);
}

void claim_criterion(claim_result *res, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  append(res->criterion, sizeof res->criterion, fmt, ap);
  va_end(ap);
}

void claim_append(char *buf, size_t cap, const char *fmt, ...)
{
  const size_t len = strlen(buf);
  if (len + 1 >= cap) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf + len, cap - len, fmt, ap);
  va_end(ap);
}

table *claim_table(const claim_result *res, const char *name)
{
  char path[OUT_PATH_MAX];
  snprintf(path, sizeof path, "%s/%s.tsv", res->datadir, name);
  return table_read(path);
}

int claim_main(int argc, char **argv, const char *program, const claim_entry *claims, size_t n)
{
  const char *id = NULL, *datadir = NULL;
  opt_spec specs[] = {
    { "claim", OPT_STR, &id, 0, 0, OPT_REQUIRED, "claim id to evaluate (e.g. S4)" },
    { "data", OPT_STR, &datadir, 0, 0, OPT_REQUIRED, "folder holding the experiments' data" },
  };
  opt_parser p = OPT_PARSER(program, "evaluate one claim from the experiments' data files", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  const claim_entry *e = NULL;
  for (size_t i = 0; i < n; i++)
    if (strcmp(claims[i].id, id) == 0) e = &claims[i];
  if (!e) return opt_fail(&p, "--claim", "unknown claim '%s' for this checker", id);

  claim_result res = { 0 };
  res.datadir = datadir;
  if (e->fn(&res) != 0) {
    fprintf(stderr, "%s: claim %s could not be evaluated\n", program, id);
    return 1;
  }
  /* Tabs or newlines inside the texts would break the one-line format. */
  for (char *c = res.measured; *c; c++) if (*c == '\t' || *c == '\n') *c = ' ';
  for (char *c = res.criterion; *c; c++) if (*c == '\t' || *c == '\n') *c = ' ';
  char path[OUT_PATH_MAX];
  snprintf(path, sizeof path, "%s", out_stem(&p));
  out_file f;
  if (out_open(&f, path)) return 1;
  fprintf(f.fp, "%s\t%s\t%s\t%s\n", res.pass ? "PASS" : "FAIL", id, res.measured, res.criterion);
  return out_commit(&f) ? 1 : 0;
}

static int mismatch(const char *file, const char *name, const char *got, const char *want)
{
  fprintf(stderr, "%s: parameter %s = %s, the claim is stated for %s\n", file, name,
          got ? got : "(absent)", want);
  return 0;
}

int claim_require_param(const table *t, const char *file, const char *name, double want)
{
  const double got = table_param_num(t, name);
  if (fabs(got - want) <= 1e-12 * fabs(want)) return 1;
  char g[32], w[32];
  snprintf(g, sizeof g, "%g", got);
  snprintf(w, sizeof w, "%g", want);
  return mismatch(file, name, table_param(t, name) ? g : NULL, w);
}

int claim_require_text(const table *t, const char *file, const char *name, const char *want)
{
  const char *got = table_param(t, name);
  return got && !strcmp(got, want) ? 1 : mismatch(file, name, got, want);
}

int claim_require_substr(const table *t, const char *file, const char *name, const char *want)
{
  const char *got = table_param(t, name);
  return got && strstr(got, want) ? 1 : mismatch(file, name, got, want);
}

long claim_row(const table *t, const char *key, double value)
{
  const int c = table_col(t, key);
  for (size_t i = 0; c >= 0 && i < t->rows; i++)
    if (fabs(table_get(t, i, c) - value) <= 1e-9 * fabs(value)) return (long) i;
  if (c >= 0) fprintf(stderr, "no row with %s = %g\n", key, value);
  return -1;
}

double claim_cell(const table *t, size_t row, const char *name)
{
  const int c = table_col(t, name);
  return c < 0 ? NAN : table_get(t, row, c);
}

int claim_require_cols(const table *t, ...)
{
  int ok = t != NULL;
  va_list ap;
  va_start(ap, t);
  for (const char *name; ok && (name = va_arg(ap, const char *));) ok = table_col(t, name) >= 0;
  va_end(ap);
  return ok;
}

int claim_cols(const table *t, const char **names, int *idx, size_t n)
{
  int ok = t != NULL;
  for (size_t i = 0; ok && i < n; i++) {
    const int c = table_col(t, names[i]);
    if (idx) idx[i] = c;
    ok = c >= 0;
  }
  return ok;
}
