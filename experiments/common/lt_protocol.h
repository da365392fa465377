/* lt_protocol.h -- the lifted-sensing experiments' success-rate arms (M, stream layout included). */
#ifndef AR_LT_PROTOCOL_H
#define AR_LT_PROTOCOL_H

#include "models/lt.h"

/* An arm of a success-rate experiment: `trials` independent trials of lt_trial on the lift of
 * order l with the published settings of `algo` (lt_config_default) and step eta; trial i draws
 * its init from rng_stream(seed, RNG_INIT, stream, i + 1) (so arms with the same stream are
 * paired: the same g) and PGD noise from rng_stream(seed, RNG_NOISE, stream, i + 1).
 * Fills the success count and the median iteration count; on divergence returns GSL_ERUNAWAY with
 * *fail_iter set. */
typedef struct {
  size_t trials, successes;
  double rate, median_iters, escapes;
} lt_arm_result;
int lt_arm(const lt_base *B, size_t l, lt_algo algo, double eta, size_t T, lt_init_kind init,
           double eps, size_t trials, unsigned long seed, unsigned long stream, lt_arm_result *res,
           size_t *fail_iter);

#endif
