/* claim.h -- evaluating the artifact's claims from its data files (prefix claim_).
 *
 * Each paper has one checker program (experiments/X-claims.c) with one function per claim.  A
 * function reads the data files that the figures are drawn from (never a separate run), measures,
 * compares with the criterion fixed in the spec, and fills a claim_result.  claim_main is the whole
 * main() of a checker:
 *     X-claims --claim ID --data DIR --out FILE
 * writes FILE atomically with one tab-separated line "PASS|FAIL<TAB>ID<TAB>measured<TAB>criterion".
 * A FAIL is a result (exit 0).  Exit 1 means the claim could not be evaluated (missing or malformed
 * data); exit 2 is bad usage.
 */
#ifndef AR_CLAIM_H
#define AR_CLAIM_H

#include <stddef.h>
#include "io/table.h"

typedef struct {
  int pass;
  char measured[1024];
  char criterion[1024];
  const char *datadir;
} claim_result;

/* Returns 0 when the claim was evaluated (whatever its verdict), non-zero when it could not be. */
typedef int (*claim_fn)(claim_result *res);

typedef struct {
  const char *id;
  claim_fn fn;
} claim_entry;

int claim_main(int argc, char **argv, const char *program, const claim_entry *claims, size_t n);

/* Append formatted text to res->measured / res->criterion (separated by "; "). */
void claim_measured(claim_result *res, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void claim_criterion(claim_result *res, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Append formatted text to the string BUF of capacity CAP (cut to fit): the lists that measured
 * texts quote ("1e-02:0.25, 1e-04:0.0031"). */
void claim_append(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Read DATADIR/NAME.tsv; NULL (message printed) on failure. */
table *claim_table(const claim_result *res, const char *name);

/* ---- the checker toolkit: every checker reads its data through these ---------------------- */

/* The protocol a claim was stated for: data made with other parameters cannot judge it.  Each
 * returns 1 when T's provenance parameter NAME matches, else 0 with one line on stderr naming
 * FILE, the parameter, its value and the one the claim is stated for. */
/* ... numerically: |got - want| <= 1e-12 |want|. */
int claim_require_param(const table *t, const char *file, const char *name, double want);
/* ... as text, exactly. */
int claim_require_text(const table *t, const char *file, const char *name, const char *want);
/* ... as text containing WANT (e.g. a data file's path containing its name). */
int claim_require_substr(const table *t, const char *file, const char *name, const char *want);

/* The first row of T whose column KEY equals VALUE (|x - value| <= 1e-9 |value|: the data are
 * written with %.17g, so only values computed differently from the literal need the slack), or -1
 * with one line on stderr. */
long claim_row(const table *t, const char *key, double value);

/* Reading cells: a checker first requires the columns it reads, then reads them by name:
 *     if (!claim_require_cols(t, "alpha", "test_median", (char *) NULL)) ...
 *     const double test = claim_cell(t, i, "test_median");
 * claim_require_cols returns 1 when T is not NULL and has every named column (the list ends with
 * a null pointer), else 0 (table_col printed which column is missing and what the file has). */
int claim_require_cols(const table *t, ...) __attribute__((sentinel));

/* Column NAME of row ROW, NAN when the column is missing (table_col prints why). */
double claim_cell(const table *t, size_t row, const char *name);

/* The indices of the N columns NAMES of T into IDX (IDX may be NULL: only check); 0 if T is NULL
 * or any column is missing (message printed by table_col). */
int claim_cols(const table *t, const char **names, int *idx, size_t n);

#endif
