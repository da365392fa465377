/* opt.c -- strict command-line options; see opt.h. */
#include "io/opt.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void vline(const opt_parser *p, const char *fmt, va_list ap)
{
  fprintf(stderr, "%s: ", p->program);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
}

static int fail(const opt_parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(const opt_parser *p, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vline(p, fmt, ap);
  va_end(ap);
  return 0;
}

int opt_fail(const opt_parser *p, const char *option, const char *fmt, ...)
{
  va_list ap;
  fprintf(stderr, "%s: %s: ", p->program, option);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  return OPT_EXIT_USAGE;
}

void opt_warn(const opt_parser *p, const char *fmt, ...)
{
  va_list ap;
  fprintf(stderr, "%s: warning: ", p->program);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

/* Strict numeric conversions: the whole text must be consumed, no leading space. */
static int parse_double(const char *s, double *x)
{
  if (!*s || strchr(" \t\n", *s)) return 0;
  char *end;
  errno = 0;
  *x = strtod(s, &end);
  return *end == '\0' && end != s;
}

static int parse_long(const char *s, long *x)
{
  if (!*s || strchr(" \t\n", *s)) return 0;
  char *end;
  errno = 0;
  *x = strtol(s, &end, 10);
  return *end == '\0' && end != s && errno == 0;
}

static const char *range_text(const opt_spec *s, char *buf, size_t len)
{
  const char *lo = (s->flags & OPT_LO_OPEN) ? ">" : ">=";
  const char *hi = (s->flags & OPT_HI_OPEN) ? "<" : "<=";
  if (isinf(s->hi)) snprintf(buf, len, "must be %s %g", lo, s->lo);
  else if (isinf(s->lo)) snprintf(buf, len, "must be %s %g", hi, s->hi);
  else snprintf(buf, len, "must be %s %g and %s %g", lo, s->lo, hi, s->hi);
  return buf;
}

static int in_range(const opt_spec *s, double x)
{
  if ((s->flags & OPT_LO_OPEN) ? !(x > s->lo) : !(x >= s->lo)) return 0;
  if ((s->flags & OPT_HI_OPEN) ? !(x < s->hi) : !(x <= s->hi)) return 0;
  return 1;
}

/* Check one number against the spec; on failure print the line and return 0. */
static int check_number(const opt_parser *p, const opt_spec *s, const char *text, double x,
                        int integer)
{
  char rule[96];
  if (!integer && !isfinite(x))
    return fail(p, "--%s: must be a finite number (got '%s')", s->name, text);
  if (!in_range(s, x))
    return fail(p, "--%s: %s (got '%s')", s->name, range_text(s, rule, sizeof rule), text);
  return 1;
}

static int set_value(const opt_parser *p, const opt_spec *s, const char *text)
{
  switch (s->type) {
  case OPT_INT: {
    long v;
    if (!parse_long(text, &v)) return fail(p, "--%s: not an integer (got '%s')", s->name, text);
    if (!check_number(p, s, text, (double) v, 1)) return 0;
    *(long *) s->value = v;
    return 1;
  }
  case OPT_REAL: {
    double v;
    if (!parse_double(text, &v)) return fail(p, "--%s: not a number (got '%s')", s->name, text);
    if (!check_number(p, s, text, v, 0)) return 0;
    *(double *) s->value = v;
    return 1;
  }
  case OPT_REALS:
  case OPT_INTS: {
    opt_list list = { 0 };
    char buf[1024];
    if (strlen(text) >= sizeof buf) return fail(p, "--%s: list too long", s->name);
    strcpy(buf, text);
    char *save = NULL;
    size_t commas = 0;
    for (const char *c = text; *c; c++) commas += *c == ',';
    for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
      if (list.n == OPT_LIST_MAX)
        return fail(p, "--%s: at most %d values (got '%s')", s->name, OPT_LIST_MAX, text);
      double v;
      long iv;
      if (s->type == OPT_INTS) {
        if (!parse_long(tok, &iv))
          return fail(p, "--%s: not a list of integers (got '%s')", s->name, text);
        v = (double) iv;
      } else if (!parse_double(tok, &v)) {
        return fail(p, "--%s: not a list of numbers (got '%s')", s->name, text);
      }
      if (!check_number(p, s, text, v, s->type == OPT_INTS)) return 0;
      list.v[list.n++] = v;
    }
    if (list.n == 0 || commas + 1 != list.n)
      return fail(p, "--%s: empty list entry (got '%s')", s->name, text);
    *(opt_list *) s->value = list;
    return 1;
  }
  case OPT_STR:
    if (!*text) return fail(p, "--%s: must not be empty", s->name);
    *(const char **) s->value = text;
    return 1;
  case OPT_FLAG:
    *(int *) s->value = 1;
    return 1;
  }
  return 0;
}

/* Whole numbers as integers; anything else as the shortest "%.Ng" text that reads back as exactly x. */
static void print_real(FILE *fp, double x)
{
  char buf[40];
  if (x == floor(x) && fabs(x) < 1e15) {
    fprintf(fp, "%.0f", x);
    return;
  }
  for (int digits = 1; digits <= 17; digits++) {
    snprintf(buf, sizeof buf, "%.*g", digits, x);
    if (strtod(buf, NULL) == x) break;
  }
  fputs(buf, fp);
}

void opt_print_value(const opt_spec *s, FILE *fp)
{
  switch (s->type) {
  case OPT_INT: fprintf(fp, "%ld", *(long *) s->value); break;
  case OPT_REAL: print_real(fp, *(double *) s->value); break;
  case OPT_REALS:
  case OPT_INTS: {
    const opt_list *l = s->value;
    for (size_t i = 0; i < l->n; i++) {
      if (i) fputc(',', fp);
      print_real(fp, l->v[i]);
    }
    break;
  }
  case OPT_STR: fprintf(fp, "%s", *(const char **) s->value ? *(const char **) s->value : ""); break;
  case OPT_FLAG: fprintf(fp, "%d", *(int *) s->value); break;
  }
}

static void print_help(const opt_parser *p)
{
  printf("usage: %s [options]\n%s\n\noptions:\n", p->program, p->summary);
  for (size_t i = 0; i < p->nspecs; i++) {
    const opt_spec *s = &p->specs[i];
    printf("  --%-14s %s", s->name, s->help);
    if (s->type != OPT_FLAG) {
      printf(" [");
      opt_print_value(s, stdout);
      printf("]");
    }
    putchar('\n');
  }
  printf("  --%-14s %s\n", "seed N", "master seed, >= 1; every random stream derives from it [1]");
  printf("  --%-14s %s\n", "out STEM", p->out_help ? p->out_help : "write STEM.tsv (data) and STEM-macros.tex (LaTeX macros)");
  printf("  --%-14s %s\n", "quiet", "no progress line on stderr");
  printf("  --%-14s %s\n", "help", "print this help and exit");
  printf("\nExit status: 0 success, 1 numerical failure (e.g. divergence), 2 bad usage.\n");
  if (p->epilogue) printf("\n%s", p->epilogue);
}

int opt_parse(opt_parser *p, int argc, char **argv, int *status)
{
  int seen_seed = 0, seen_out = 0, seen_quiet = 0;
  *status = OPT_EXIT_USAGE;
  if (p->nspecs > sizeof p->seen / sizeof p->seen[0]) return fail(p, "too many options declared");
  memset(p->seen, 0, sizeof p->seen);
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
      print_help(p);
      *status = 0;
      return 0;
    }
    if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0')
      return fail(p, "unexpected argument '%s' (options start with --; see --help)", arg);
    char name[64];
    const char *eq = strchr(arg + 2, '=');
    size_t len = eq ? (size_t) (eq - arg - 2) : strlen(arg + 2);
    if (len >= sizeof name) return fail(p, "unknown option '%.40s...' (see --help)", arg);
    memcpy(name, arg + 2, len);
    name[len] = '\0';

    const opt_spec *spec = NULL;
    size_t index = 0;
    for (size_t j = 0; j < p->nspecs; j++)
      if (strcmp(p->specs[j].name, name) == 0) { spec = &p->specs[j]; index = j; }
    int is_flag = (spec && spec->type == OPT_FLAG) || strcmp(name, "quiet") == 0;
    int known = spec || !strcmp(name, "seed") || !strcmp(name, "out") || !strcmp(name, "quiet");
    if (!known) return fail(p, "unknown option '--%s' (see --help)", name);

    const char *value = NULL;
    if (is_flag) {
      if (eq) return fail(p, "--%s: takes no value", name);
    } else if (eq) {
      value = eq + 1;
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      return fail(p, "--%s: missing value", name);
    }

    if (!strcmp(name, "seed")) {
      long v;
      if (seen_seed++) return fail(p, "--seed: given twice");
      if (!parse_long(value, &v)) return fail(p, "--seed: not an integer (got '%s')", value);
      if (v < 1 || v > 4294967295L)
        return fail(p, "--seed: must be >= 1 and <= 4294967295 (got '%s')", value);
      p->seed = (unsigned long) v;
    } else if (!strcmp(name, "out")) {
      if (seen_out++) return fail(p, "--out: given twice");
      if (!*value) return fail(p, "--out: must not be empty");
      p->out = value;
    } else if (!strcmp(name, "quiet")) {
      if (seen_quiet++) return fail(p, "--quiet: given twice");
      p->quiet = 1;
    } else {
      if (p->seen[index]++) return fail(p, "--%s: given twice", name);
      if (!set_value(p, spec, value)) return 0;
    }
  }
  for (size_t j = 0; j < p->nspecs; j++)
    if ((p->specs[j].flags & OPT_REQUIRED) && !p->seen[j])
      return fail(p, "--%s: required", p->specs[j].name);
  *status = 0;
  return 1;
}

void opt_print(const opt_parser *p, FILE *fp, const char *prefix)
{
  for (size_t i = 0; i < p->nspecs; i++) {
    fprintf(fp, "%s%s: ", prefix, p->specs[i].name);
    opt_print_value(&p->specs[i], fp);
    fputc('\n', fp);
  }
  fprintf(fp, "%sseed: %lu\n", prefix, p->seed);
}
