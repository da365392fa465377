/* mf_protocol.c -- see mf_protocol.h. */
#include "mf_protocol.h"

int mf_validate(const opt_parser *p, long m, long n, long k, const opt_list *head, double tail,
                double eta)
{
  const long q = m < n ? m : n;
  if (k < 1) return opt_fail(p, "--k", "must be >= 1 (got %ld)", k);
  if (!(eta > 0)) return opt_fail(p, "--eta", "must be > 0 (got %g)", eta);
  if ((long) head->n > q)
    return opt_fail(p, "--sigma", "at most min(m, n) = %ld values (got %zu)", q, head->n);
  for (size_t i = 0; i < head->n; i++) {
    if (!(head->v[i] > 0)) return opt_fail(p, "--sigma", "values must be > 0 (got %g)", head->v[i]);
    if (i > 0 && !(head->v[i] < head->v[i - 1]))
      return opt_fail(p, "--sigma", "must be strictly decreasing (%g after %g)", head->v[i], head->v[i - 1]);
  }
  if (!(tail >= 0 && tail < head->v[head->n - 1]))
    return opt_fail(p, "--tail", "must be in [0, %g) (below the last --sigma) (got %g)",
                    head->v[head->n - 1], tail);
  if (eta * head->v[0] >= 1)
    opt_warn(p, "--eta %g: eta * sigma_1 = %g >= 1, outside the first-order picture", eta,
             eta * head->v[0]);
  return 0;
}
