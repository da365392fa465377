/* rng.h -- deterministic random streams (prefix rng_).
 *
 * Every random quantity of the artifact comes from a GSL mt19937 generator whose seed is derived
 * from the user's --seed and a small tuple of stream identifiers (experiment, data seed, init
 * seed, ...).  The derivation is a fixed integer hash (splitmix64), so two runs with the same
 * arguments draw the same bits, and streams with different identifiers are independent for all
 * practical purposes.  Seed 0 is refused: GSL's mt19937 maps it to its default seed 4357, which
 * would silently alias another seed.
 */
#ifndef AR_RNG_H
#define AR_RNG_H

#include <stdint.h>
#include <gsl/gsl_rng.h>

/* Stream tags: the first identifier of a stream, so that a data stream and an init stream with the
 * same numeric index never coincide. */
enum { RNG_DATA = 1, RNG_INIT = 2, RNG_OPERATOR = 3, RNG_NOISE = 4, RNG_MISC = 5 };

/* The 32-bit mt19937 seed for (seed, tag, a, b); never 0.  Pure function of its arguments. */
unsigned long rng_derive(unsigned long seed, unsigned tag, unsigned long a, unsigned long b);

/* A new mt19937 generator seeded with rng_derive(seed, tag, a, b); NULL (with GSL error) if out of
 * memory or seed == 0.  Free with gsl_rng_free. */
gsl_rng *rng_stream(unsigned long seed, unsigned tag, unsigned long a, unsigned long b);

/* The tag's name as provenance lines write it ("DATA", "INIT", ...); "?" for an unknown tag. */
const char *rng_tag_name(unsigned tag);

/* ---- a program's stream table ---------------------------------------------------------------
 * A program declares its random streams once, in one table, and both seeds its generators from it
 * (rng_table_stream) and writes its provenance line from it (out_streams in io/out.h), so that what
 * a data file says seeded the run is what did.  An entry names what the stream draws and gives its
 * identifiers a and b as integer expressions in the program's indices: a sum of terms, each a
 * number, an index, or a number times an index ("1", "d", "200 + c", "100 a + e"); b NULL is 0.
 * The indices are named in `indices` (space-separated), and their values are passed in that order:
 *     static const rng_table streams = { "d i", NULL, {
 *       { "truth", RNG_DATA, "d", NULL }, { "operator", RNG_OPERATOR, "d", NULL },
 *       { "init", RNG_INIT, "d", "i" } } };
 *     gsl_rng *ri = rng_table_stream(&streams, "init", seed, (const long[]) { d, i });
 * seeds rng_stream(seed, RNG_INIT, d, i), and the provenance line reads
 *     # streams: truth (seed, DATA, d), operator (seed, OPERATOR, d), init (seed, INIT, d, i) */
#define RNG_TABLE_MAX 8
#define RNG_INDICES_MAX 4

typedef struct {
  const char *name;   /* what the stream draws, as the provenance line names it; unique in its table */
  unsigned tag;       /* RNG_DATA, RNG_INIT, ... */
  const char *a, *b;  /* the identifiers (expressions); b may be NULL (0) */
} rng_entry;

typedef struct {
  const char *indices;             /* the index names in the order of their values; NULL: none */
  const char *note;                /* what the indices are, for the provenance line; may be NULL */
  rng_entry e[RNG_TABLE_MAX];      /* the entries, up to the first with a NULL name */
} rng_table;

/* Tag and identifiers of entry NAME of T at the index values IDX (as many as T names; NULL if
 * none).  0 on success; GSL_EINVAL (with a GSL error) for an unknown entry, a malformed
 * expression, an unknown index or a negative identifier. */
int rng_table_ids(const rng_table *t, const char *name, const long *idx, unsigned *tag,
                  unsigned long *a, unsigned long *b);

/* The generator of entry NAME: rng_stream(seed, tag, a, b) with the identifiers of rng_table_ids;
 * NULL (with a GSL error) when those or rng_stream fail.  Free with gsl_rng_free. */
gsl_rng *rng_table_stream(const rng_table *t, const char *name, unsigned long seed, const long *idx);

#endif
