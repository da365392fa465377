/* opt.h -- strict command-line options shared by every experiment (prefix opt_).
 *
 * An experiment declares a table of opt_spec (name, type, destination, allowed range, help) and
 * calls opt_parse.  Every program also gets the common options --seed, --out, --quiet, --help.
 * Accepted forms: "--name value" and "--name=value".  Everything is validated before any work is
 * done; the first problem is reported as ONE line on stderr,
 *     PROGRAM: --name: RULE (got 'TEXT')
 * and the caller exits with status 2 (OPT_EXIT_USAGE).  Rejected: unknown options, positional
 * arguments, missing values, repeated options, non-numeric or partially numeric text, non-finite
 * numbers, values outside the declared range, empty or over-long lists.
 */
#ifndef AR_OPT_H
#define AR_OPT_H

#include <stddef.h>
#include <stdio.h>

#define OPT_LIST_MAX 32
#define OPT_EXIT_USAGE 2

typedef enum {
  OPT_INT,    /* long                                     */
  OPT_REAL,   /* double, finite                           */
  OPT_REALS,  /* opt_list: comma-separated finite doubles */
  OPT_INTS,   /* opt_list: comma-separated integers       */
  OPT_STR,    /* const char *, non-empty                  */
  OPT_FLAG    /* int set to 1, takes no value             */
} opt_type;

/* Range flags: bounds are inclusive unless opened. */
enum { OPT_LO_OPEN = 1u, OPT_HI_OPEN = 2u, OPT_REQUIRED = 4u };

typedef struct {
  size_t n;
  double v[OPT_LIST_MAX];
} opt_list;

typedef struct {
  const char *name;   /* long name without the leading "--" */
  opt_type type;
  void *value;        /* long *, double *, opt_list *, const char **, int * (holds the default) */
  double lo, hi;      /* allowed range for numbers (each list element); ignored for STR and FLAG */
  unsigned flags;
  const char *help;   /* one line; the default is appended by --help */
} opt_spec;

typedef struct {
  const char *program;     /* name used in messages and the provenance header */
  const char *summary;     /* one line for --help */
  opt_spec *specs;
  size_t nspecs;
  /* Common options, filled by opt_parse. */
  unsigned long seed;      /* --seed, default 1, must be >= 1 */
  const char *out;         /* --out STEM: outputs are STEM.tsv, STEM-macros.tex, ... */
  int quiet;               /* --quiet: no progress line */
  int seen[64];            /* internal: which specs were given (repeat detection) */
  /* Optional, set after OPT_PARSER (NULL: the defaults): the --out line of --help, and text
   * printed after the exit-status line (a tool's outputs, examples). */
  const char *out_help, *epilogue;
} opt_parser;

#define OPT_PARSER(prog, summ, specs_array) \
  { (prog), (summ), (specs_array), sizeof(specs_array) / sizeof((specs_array)[0]), 1UL, NULL, 0, {0}, NULL, NULL }

/* Parse argv.  Returns 1 when the program should go on; 0 when it should stop, with *status set to
 * 0 (--help was printed on stdout) or OPT_EXIT_USAGE (one error line was printed on stderr). */
int opt_parse(opt_parser *p, int argc, char **argv, int *status);

/* Report a cross-option rule violation found by the caller ("--k", "must be >= --r = 2"), as one
 * line on stderr in the same format.  Returns OPT_EXIT_USAGE for `return opt_fail(...)`. */
int opt_fail(const opt_parser *p, const char *option, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

/* A warning line on stderr (the run goes on): "PROGRAM: warning: ...". */
void opt_warn(const opt_parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Write every option's final value, one "PREFIXname: value" line each (seed and quiet included),
 * in declaration order.  Used for provenance headers. */
void opt_print(const opt_parser *p, FILE *fp, const char *prefix);

/* One option's value as text (lists comma-separated; reals in the shortest form that reads back
 * as the same double). */
void opt_print_value(const opt_spec *s, FILE *fp);

#endif
