/* rng.c -- deterministic random streams; see rng.h. */
#include "core/rng.h"

#include <gsl/gsl_errno.h>

static uint64_t splitmix64(uint64_t x)
{
  x += UINT64_C(0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * UINT64_C(0x94d049bb133111eb);
  return x ^ (x >> 31);
}

unsigned long rng_derive(unsigned long seed, unsigned tag, unsigned long a, unsigned long b)
{
  uint64_t h = splitmix64((uint64_t) seed);
  h = splitmix64(h ^ (uint64_t) tag);
  h = splitmix64(h ^ (uint64_t) a);
  h = splitmix64(h ^ (uint64_t) b);
  unsigned long s = (unsigned long) (h & UINT64_C(0xffffffff));
  return s ? s : 1UL;   /* mt19937 treats 0 as 4357: avoid the alias */
}

gsl_rng *rng_stream(unsigned long seed, unsigned tag, unsigned long a, unsigned long b)
{
  if (seed == 0) {
    GSL_ERROR_NULL("seed 0 is reserved (mt19937 maps it to 4357)", GSL_EINVAL);
  }
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  if (!r) return NULL;
  gsl_rng_set(r, rng_derive(seed, tag, a, b));
  return r;
}
