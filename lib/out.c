/* out.c -- atomic output files with provenance; see out.h. */
#include "out.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <gsl/gsl_errno.h>

#ifndef AR_VERSION
#define AR_VERSION "unknown"
#endif

const char *out_version(void) { return AR_VERSION; }

/* Resource accounting for the reviewer's table: the one piece of process-wide state in the
 * library.  The clock starts when the program is loaded; when the program exits after committing
 * a data file, STEM.resources records its wall time and peak memory.  These numbers vary from run
 * to run, so they live in their own file, outside the data whose checksums make verify compares. */
static struct timespec process_start;
static char resources_stem[OUT_PATH_MAX];
static int committed_any;

static void write_resources(void)
{
  if (!resources_stem[0] || !committed_any) return;
  struct timespec now;
  struct rusage ru;
  clock_gettime(CLOCK_MONOTONIC, &now);
  getrusage(RUSAGE_SELF, &ru);
  char path[OUT_PATH_MAX + 16];
  snprintf(path, sizeof path, "%s.resources", resources_stem);
  FILE *fp = fopen(path, "w");
  if (!fp) return;
  fprintf(fp, "wall_s\tmax_rss_kib\n%.3f\t%ld\n",
          (double) (now.tv_sec - process_start.tv_sec) + 1e-9 * (double) (now.tv_nsec - process_start.tv_nsec),
          ru.ru_maxrss);
  fclose(fp);
}

__attribute__((constructor)) static void start_clock(void)
{
  clock_gettime(CLOCK_MONOTONIC, &process_start);
  atexit(write_resources);
}

const char *out_stem(const opt_parser *p) { return p->out ? p->out : p->program; }

int out_open(out_file *f, const char *path)
{
  f->fp = NULL;
  if (snprintf(f->path, sizeof f->path, "%s", path) >= (int) sizeof f->path ||
      snprintf(f->tmp, sizeof f->tmp, "%s.tmp%ld", path, (long) getpid()) >= (int) sizeof f->tmp) {
    fprintf(stderr, "output path too long: %s\n", path);
    return GSL_EINVAL;
  }
  f->fp = fopen(f->tmp, "w");
  if (!f->fp) {
    fprintf(stderr, "cannot write %s: ", f->tmp);
    perror(NULL);
    return GSL_EFAILED;
  }
  return 0;
}

int out_commit(out_file *f)
{
  if (!f->fp) return GSL_EFAILED;
  int bad = ferror(f->fp) | fflush(f->fp);
  bad |= fclose(f->fp);
  f->fp = NULL;
  if (bad || rename(f->tmp, f->path) != 0) {
    fprintf(stderr, "cannot write %s\n", f->path);
    remove(f->tmp);
    return GSL_EFAILED;
  }
  committed_any = 1;
  return 0;
}

void out_abort(out_file *f)
{
  if (f->fp) {
    fclose(f->fp);
    f->fp = NULL;
    remove(f->tmp);
  }
}

static int open_with_header(out_file *f, const opt_parser *p, const char *path, const char *cmt)
{
  int rc = out_open(f, path);
  if (rc) return rc;
  fprintf(f->fp, "%s program: %s\n", cmt, p->program);
  fprintf(f->fp, "%s version: %s\n", cmt, out_version());
  fprintf(f->fp, "%s summary: %s\n", cmt, p->summary);
  char prefix[16];
  snprintf(prefix, sizeof prefix, "%s param ", cmt);
  opt_print(p, f->fp, prefix);
  return 0;
}

int out_tsv_open(out_file *f, const opt_parser *p, const char *table)
{
  snprintf(resources_stem, sizeof resources_stem, "%s", out_stem(p));
  char path[OUT_PATH_MAX];
  const char *stem = out_stem(p);
  int n = table ? snprintf(path, sizeof path, "%s-%s.tsv", stem, table)
                : snprintf(path, sizeof path, "%s.tsv", stem);
  if (n >= (int) sizeof path) return GSL_EINVAL;
  return open_with_header(f, p, path, "#");
}

void out_comment(out_file *f, const char *fmt, ...)
{
  va_list ap;
  fputs("# ", f->fp);
  va_start(ap, fmt);
  vfprintf(f->fp, fmt, ap);
  va_end(ap);
  fputc('\n', f->fp);
}

void out_columns(out_file *f, const char *names) { fprintf(f->fp, "%s\n", names); }

void out_macro_prefix(const opt_parser *p, char *buf, size_t len)
{
  static const char *digit[] = { "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven",
                                 "Eight", "Nine" };
  const char *stem = out_stem(p), *slash = strrchr(stem, '/');
  const char *name = slash ? slash + 1 : stem;
  size_t j = 0;
  int up = 1;
  if (len == 0) return;
  for (const char *c = name; *c && j + 1 < len; c++) {
    if (isdigit((unsigned char) *c)) {
      for (const char *w = digit[*c - '0']; *w && j + 1 < len; w++) buf[j++] = *w;
      up = 1;
    } else if (isalpha((unsigned char) *c)) {
      buf[j++] = up ? (char) toupper((unsigned char) *c) : *c;
      up = 0;
    } else {
      up = 1;
    }
  }
  buf[j] = '\0';
}

/* \newcommand{\NAME}{VALUE}; a name with anything but letters is a programming error. */
static void write_macro(out_file *f, const char *name, const char *fmt, va_list ap)
{
  for (const char *c = name; *c; c++)
    if (!isalpha((unsigned char) *c)) {
      fprintf(stderr, "bad macro name '%s' (letters only)\n", name);
      abort();
    }
  fprintf(f->fp, "\\newcommand{\\%s}{", name);
  vfprintf(f->fp, fmt, ap);
  fputs("}\n", f->fp);
}

void out_run_macro(out_file *f, const opt_parser *p, const char *suffix, const char *fmt, ...)
{
  char name[128];
  out_macro_prefix(p, name, sizeof name);
  strncat(name, suffix, sizeof name - strlen(name) - 1);
  va_list ap;
  va_start(ap, fmt);
  write_macro(f, name, fmt, ap);
  va_end(ap);
}

int out_macros_open(out_file *f, const opt_parser *p)
{
  char path[OUT_PATH_MAX];
  if (snprintf(path, sizeof path, "%s-macros.tex", out_stem(p)) >= (int) sizeof path)
    return GSL_EINVAL;
  int rc = open_with_header(f, p, path, "%");
  if (rc) return rc;
  /* \<Prog>Provenance: the program and every option value, for figure captions. */
  char prefix[96];
  out_macro_prefix(p, prefix, sizeof prefix);
  fprintf(f->fp, "\\newcommand{\\%sProvenance}{\\sourcelink{%s}", prefix, p->program);
  for (size_t i = 0; i < p->nspecs; i++) {
    fprintf(f->fp, "%s\\texttt{-{}-%s}~", i ? ", " : " with ", p->specs[i].name);
    opt_print_value(&p->specs[i], f->fp);
  }
  fprintf(f->fp, ", \\texttt{-{}-seed}~%lu}\n", p->seed);
  return 0;
}

void out_macro(out_file *f, const char *name, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  write_macro(f, name, fmt, ap);
  va_end(ap);
}

char *out_tex_number(char *buf, size_t len, double x, int digits)
{
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%.*g", digits, x);
  char *e = strchr(tmp, 'e');
  if (!e) {
    snprintf(buf, len, "%s", tmp);
    return buf;
  }
  *e = '\0';
  int exponent = atoi(e + 1);
  if (strcmp(tmp, "1") == 0) snprintf(buf, len, "10^{%d}", exponent);
  else snprintf(buf, len, "%s\\times 10^{%d}", tmp, exponent);
  return buf;
}
