/* out.h -- output files that make can trust (prefix out_).
 *
 * Every file is written to a temporary name beside its destination and renamed into place only by
 * out_commit, after the last byte was written and flushed without error.  A run that fails or is
 * killed therefore leaves either the previous complete file or nothing, never a truncated one.
 *
 * Data files are tab-separated with a provenance header of '#' lines (program, version, every
 * option value, seed), then one line of column names, then rows.  Numbers that feed claims are
 * written with "%.17g" so that they read back as the same doubles.
 * A program that committed a data file also leaves STEM.resources (proc.h): the measured cost of
 * the run, kept apart from the deterministic data.
 * Macro files hold \newcommand lines that the paper inputs; every number quoted in the text comes
 * from one of them.
 */
#ifndef AR_OUT_H
#define AR_OUT_H

#include <stdio.h>
#include "core/rng.h"
#include "io/opt.h"

#define OUT_PATH_MAX 4096

typedef struct {
  FILE *fp;
  char path[OUT_PATH_MAX];
  char tmp[OUT_PATH_MAX];
  const char *run_stem;   /* data files: the run's stem, reported to proc_note_output on commit */
} out_file;

/* The version of the sources, read at run time from the environment variable AR_VERSION (set by
 * make: git describe, or an archive's VERSION file); "unknown" when unset. */
const char *out_version(void);

/* The output stem of a run: --out if given, else the program name. */
const char *out_stem(const opt_parser *p);

/* Open PATH for writing through a temporary file.  0 on success, else a GSL error code (message on
 * stderr). */
int out_open(out_file *f, const char *path);

/* Flush, close and rename into place.  0 on success; on any I/O error the temporary file is removed
 * and a GSL error code returned. */
int out_commit(out_file *f);

/* Close and remove the temporary file (for error paths; harmless on a closed file). */
void out_abort(out_file *f);

/* The provenance header: "CMT program: ...", "CMT version: ...", "CMT summary: ..." and one
 * "CMT param NAME: VALUE" line per option (cmt: "#", "%", or "" for bare lines). */
void out_provenance(FILE *fp, const opt_parser *p, const char *cmt);

/* Open STEM.tsv (table == NULL) or STEM-TABLE.tsv, write the provenance header, any extra comment
 * lines added later go before the column line, so call out_comment first, then out_columns. */
int out_tsv_open(out_file *f, const opt_parser *p, const char *table);

/* One '#' comment line (provenance details such as derived seeds). */
void out_comment(out_file *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The provenance line of the program's random streams, written from the table that seeds them
 * (rng_table in core/rng.h), before the column line:
 *     # streams: NAME (seed, TAG, A[, B]), NAME (seed, TAG, A[, B]), ...[; NOTE] */
void out_streams(out_file *f, const rng_table *streams);

/* The line of column names: a tab-separated list given as one string. */
void out_columns(out_file *f, const char *tab_separated_names);

/* Open STEM-macros.tex with a provenance comment and \<prefix>Provenance (program and every option
 * value, for figure captions; prefix as out_macro_prefix).  The program's name is written as
 * \sourcelink{NAME}, which the paper defines as a link to experiments/NAME.c at the build's commit. */
int out_macros_open(out_file *f, const opt_parser *p);

/* Open STEM-timing-macros.tex, bare (no header): the wall-time macros of a run, machine-dependent,
 * kept out of the reproducible macros (and out of make verify); the paper inputs it directly. */
int out_timing_macros_open(out_file *f, const opt_parser *p);

/* \newcommand{\NAME}{VALUE}: NAME must be letters only (TeX control word). */
void out_macro(out_file *f, const char *name, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

/* \newcommand{\<stem><L>}{VALUE} with the letter L = 'A' + i (i < 26): one macro per element of a
 * list option ("WSpeedT" and i = 1 -> \WSpeedTB). */
void out_macro_at(out_file *f, const char *stem, size_t i, const char *fmt, ...)
  __attribute__((format(printf, 4, 5)));

/* \newcommand{\<stem><N>}{VALUE} with N = i + 1 spelled out (i < 9: "One" ... "Nine"): one macro per
 * component ("JStairTPred" and i = 0 -> \JStairTPredOne). */
void out_macro_nth(out_file *f, const char *stem, size_t i, const char *fmt, ...)
  __attribute__((format(printf, 4, 5)));

/* The run's macro prefix: the basename of the output stem as letters only, each part capitalized
 * and digits spelled out ("S-phases" -> "SPhases", "S-oversampling-25" -> "SOversamplingTwoFive"),
 * so that several runs of one program define distinct macros. */
void out_macro_prefix(const opt_parser *p, char *buf, size_t len);

/* \newcommand{\<prefix><suffix>}{VALUE} with the run's prefix. */
void out_run_macro(out_file *f, const opt_parser *p, const char *suffix, const char *fmt, ...)
  __attribute__((format(printf, 4, 5)));

/* \newcommand{\<prefix><suffix><L>}{VALUE}: out_run_macro with the letter L = 'A' + i appended
 * (i < 26), one macro per element of a list option ("Test" and i = 0 -> \SAlphaSmallTestA). */
void out_run_macro_at(out_file *f, const opt_parser *p, const char *suffix, size_t i, const char *fmt, ...)
  __attribute__((format(printf, 5, 6)));

/* A number for prose: "%.*g" with `digits` significant digits, written as TeX math when it has an
 * exponent (1.2\times 10^{-5}).  Writes into buf, returns buf. */
char *out_tex_number(char *buf, size_t len, double x, int digits);

#endif
