/* rng.c -- deterministic random streams; see rng.h. */
#include "core/rng.h"

#include <ctype.h>
#include <string.h>
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

const char *rng_tag_name(unsigned tag)
{
  static const char *names[] = { "?", "DATA", "INIT", "OPERATOR", "NOISE", "MISC" };
  return tag < sizeof names / sizeof names[0] ? names[tag] : "?";
}

/* Position of the index called NAME (LEN characters) in the space-separated list, or -1. */
static int index_of(const char *list, const char *name, size_t len)
{
  int k = 0;
  for (const char *c = list; c && *c; k++) {
    while (*c == ' ') c++;
    const size_t n = strcspn(c, " ");
    if (n == len && !strncmp(c, name, len)) return k;
    c += n;
    if (!n) break;
  }
  return -1;
}

/* The value of the expression E at the index values IDX; -1 if malformed or negative. */
static long evaluate(const char *e, const char *indices, const long *idx)
{
  if (!e) return 0;
  long sum = 0;
  const char *c = e;
  for (;;) {
    long coef = 1, term;
    int number = 0;
    while (*c == ' ') c++;
    if (isdigit((unsigned char) *c)) {
      coef = 0;
      for (; isdigit((unsigned char) *c); c++) coef = 10 * coef + (*c - '0');
      number = 1;
      while (*c == ' ') c++;
    }
    if (isalpha((unsigned char) *c) || *c == '_') {
      const char *name = c;
      while (isalnum((unsigned char) *c) || *c == '_') c++;
      const int k = index_of(indices, name, (size_t) (c - name));
      if (k < 0 || k >= RNG_INDICES_MAX || !idx) return -1;
      term = coef * idx[k];
    } else if (number) {
      term = coef;
    } else {
      return -1;
    }
    sum += term;
    while (*c == ' ') c++;
    if (!*c) break;
    if (*c++ != '+') return -1;
  }
  return sum;
}

int rng_table_ids(const rng_table *t, const char *name, const long *idx, unsigned *tag,
                  unsigned long *a, unsigned long *b)
{
  for (size_t i = 0; i < RNG_TABLE_MAX && t->e[i].name; i++) {
    const rng_entry *e = &t->e[i];
    if (strcmp(e->name, name)) continue;
    const long va = evaluate(e->a, t->indices, idx), vb = evaluate(e->b, t->indices, idx);
    if (va < 0 || vb < 0) GSL_ERROR("rng_table_ids: malformed stream identifier or negative value", GSL_EINVAL);
    *tag = e->tag;
    *a = (unsigned long) va;
    *b = (unsigned long) vb;
    return 0;
  }
  GSL_ERROR("rng_table_ids: no stream of that name in the table", GSL_EINVAL);
}

gsl_rng *rng_table_stream(const rng_table *t, const char *name, unsigned long seed, const long *idx)
{
  unsigned tag;
  unsigned long a, b;
  return rng_table_ids(t, name, idx, &tag, &a, &b) ? NULL : rng_stream(seed, tag, a, b);
}
