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

#endif
