/* out.c -- atomic output files with provenance; see out.h. */
#include "io/out.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gsl/gsl_errno.h>
#include "io/proc.h"

/* The version is read when the program runs, not compiled in, so that a new commit does not
 * rebuild every program and rerun every experiment: make exports AR_VERSION (git describe, with
 * -dirty for a modified tree, or the VERSION file of an archive). */
const char *out_version(void)
{
  const char *v = getenv("AR_VERSION");
  return v && *v ? v : "unknown";
}

const char *out_stem(const opt_parser *p) { return p->out ? p->out : p->program; }

int out_open(out_file *f, const char *path)
{
  f->fp = NULL;
  f->run_stem = NULL;
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
  if (f->run_stem) proc_note_output(f->run_stem);
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

void out_provenance(FILE *fp, const opt_parser *p, const char *cmt)
{
  const char *sp = *cmt ? " " : "";
  fprintf(fp, "%s%sprogram: %s\n", cmt, sp, p->program);
  fprintf(fp, "%s%sversion: %s\n", cmt, sp, out_version());
  fprintf(fp, "%s%ssummary: %s\n", cmt, sp, p->summary);
  char prefix[16];
  snprintf(prefix, sizeof prefix, "%s%sparam ", cmt, sp);
  opt_print(p, fp, prefix);
}

static int open_with_header(out_file *f, const opt_parser *p, const char *path, const char *cmt)
{
  int rc = out_open(f, path);
  if (rc) return rc;
  out_provenance(f->fp, p, cmt);
  return 0;
}

int out_tsv_open(out_file *f, const opt_parser *p, const char *table)
{
  char path[OUT_PATH_MAX];
  const char *stem = out_stem(p);
  int n = table ? snprintf(path, sizeof path, "%s-%s.tsv", stem, table)
                : snprintf(path, sizeof path, "%s.tsv", stem);
  if (n >= (int) sizeof path) return GSL_EINVAL;
  int rc = open_with_header(f, p, path, "#");
  if (!rc) f->run_stem = stem;
  return rc;
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

void out_streams(out_file *f, const rng_table *streams)
{
  fputs("# streams:", f->fp);
  for (size_t i = 0; i < RNG_TABLE_MAX && streams->e[i].name; i++) {
    const rng_entry *e = &streams->e[i];
    fprintf(f->fp, "%s %s (seed, %s, %s", i ? "," : "", e->name, rng_tag_name(e->tag), e->a);
    if (e->b) fprintf(f->fp, ", %s", e->b);
    fputc(')', f->fp);
  }
  if (streams->note) fprintf(f->fp, "; %s", streams->note);
  fputc('\n', f->fp);
}

void out_columns(out_file *f, const char *names) { fprintf(f->fp, "%s\n", names); }

/* Digits spelled out: macro names are letters only. */
static const char *digit[] = { "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine" };

void out_macro_prefix(const opt_parser *p, char *buf, size_t len)
{
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

void out_run_macro_at(out_file *f, const opt_parser *p, const char *suffix, size_t i, const char *fmt, ...)
{
  char name[128];
  const size_t len = (out_macro_prefix(p, name, sizeof name), strlen(name));
  snprintf(name + len, sizeof name - len, "%s%c", suffix, i < 26 ? (char) ('A' + i) : '?');
  va_list ap;
  va_start(ap, fmt);
  write_macro(f, name, fmt, ap);
  va_end(ap);
}

/* path = STEM + suffix: 0, or GSL_EINVAL when too long */
static int stem_path(char *path, const opt_parser *p, const char *suffix)
{
  return snprintf(path, OUT_PATH_MAX, "%s%s", out_stem(p), suffix) < OUT_PATH_MAX ? 0 : GSL_EINVAL;
}

int out_timing_macros_open(out_file *f, const opt_parser *p)
{
  char path[OUT_PATH_MAX];
  return stem_path(path, p, "-timing-macros.tex") ? GSL_EINVAL : out_open(f, path);
}

int out_macros_open(out_file *f, const opt_parser *p)
{
  char path[OUT_PATH_MAX];
  if (stem_path(path, p, "-macros.tex")) return GSL_EINVAL;
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

void out_macro_at(out_file *f, const char *stem, size_t i, const char *fmt, ...)
{
  char name[128];
  snprintf(name, sizeof name, "%s%c", stem, i < 26 ? (char) ('A' + i) : '?');
  va_list ap;
  va_start(ap, fmt);
  write_macro(f, name, fmt, ap);
  va_end(ap);
}

void out_macro_nth(out_file *f, const char *stem, size_t i, const char *fmt, ...)
{
  char name[128];
  snprintf(name, sizeof name, "%s%s", stem, i + 1 < 10 ? digit[i + 1] : "?");
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
