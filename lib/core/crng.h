/* crng.h -- counter-based Gaussian draws (prefix crng_).
 *
 * The sensing operator's entries must be reproducible one row at a time, on any thread, as fast
 * as a row can be used: a matrix-free operator redraws every row on every product.  A
 * counter-based generator has no state to seed or advance: Philox4x32-10 (Salmon, Moraes, Dror
 * and Shaw, SC 2011; the Random123 library) maps a 128-bit counter and a 64-bit key to 128 random
 * bits.  Row `row` of the stream with key {k0, k1} is a function of (k0, k1, row) alone:
 *
 *   entry q is drawn from the 32-bit word u = word (q mod 4) of philox({q / 4, row, 0, 0}, key):
 *   bits 0-6 pick one of 128 layers of the ziggurat of Marsaglia and Tsang (J. Stat. Softw. 5(8),
 *   2000; r = 3.442619855899, v = 9.91256303526217e-3), bit 7 the sign, bits 8-31 a 24-bit
 *   abscissa j; if j < k[layer] (97.2% of entries) the draw is +-j w[layer].  Otherwise the
 *   rejection steps of the ziggurat run on the entry's own uniforms, the words of
 *   philox({q, row, c, 1}, key) for c = 0, 1, ..., each word u giving (u + 1/2) 2^-32.
 *
 * So entry q of a row does not depend on which other entries were drawn, nor in what order, nor on
 * how many threads drew them.  The bulk of the words are computed CRNG_LANES counters at a time
 * in a form the compiler vectorizes, bit-identical to Random123's philox4x32 (test_crng checks
 * both this and the ziggurat's tables, which are constants recomputed there in long double).
 * The rare rejection steps call exp and log of the C library.  No allocation, no global state.
 */
#ifndef AR_CRNG_H
#define AR_CRNG_H

#include <stddef.h>
#include <stdint.h>

/* Counters per batch of the vectorized Philox: a batch gives 4 CRNG_LANES words. */
#define CRNG_LANES 16u

/* out[0 .. n-1] <- N(0,1) draws of entries 0 .. n-1 of row `row` of the stream with key
 * {k0, k1}.  n < 2^32. */
void crng_gaussian_row(uint32_t k0, uint32_t k1, uint32_t row, size_t n, double *out);

/* out[0 .. 4 CRNG_LANES - 1] <- the words of philox4x32-10 at counters {c0 + l, c1, 0, 0},
 * l = 0 .. CRNG_LANES - 1 (word w of counter l at out[4 l + w]).  Exposed for its test. */
void crng_philox_lanes(uint32_t k0, uint32_t k1, uint32_t c0, uint32_t c1, uint32_t *out);

/* The ziggurat's tables (exposed for their test): w[i] is 2^-24 x_i, the layer's right edge in
 * units of the 24-bit abscissa (w[0]: the base strip's width v / f(r)); f[i] = exp(-x_i^2 / 2)
 * (f[0] = 1); k[i] = floor(2^24 x_{i-1} / x_i), the abscissas accepted without a test (k[1] = 0,
 * k[0] = floor(2^24 r f(r) / v)). */
extern const double crng_zig_w[128], crng_zig_f[128];
extern const uint32_t crng_zig_k[128];

#endif
