/* mf_protocol.c -- see mf_protocol.h. */
#include "mf_protocol.h"

#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_errno.h>
#include "core/la.h"
#include "io/proc.h"

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

int mf_balance_run(const mf_problem *pr, gsl_matrix *U, gsl_matrix *V, const mf_schedule *sch, size_t T,
                   FILE *fp, const char *prefix, double growth, mf_work *w, mf_balance_result *r, size_t *fail_iter)
{
  r->imb0 = r->imb = mf_imbalance(U, V, w, &r->D0);
  r->S0 = la_frob2(U) + la_frob2(V);
  r->D = r->D0;
  r->sum_minus = r->sum_plus = 0;
  r->err = NAN;
  double next = 0;
  mf_stepinfo info;
  for (size_t t = 0;; t++) {
    const double eta = mf_step_size(sch, t);
    /* The gradient at iterate t gives its error and the eta^2 terms of the step t -> t+1. */
    int rc = mf_gradient(pr->X, U, V, w, &info);
    r->err = sqrt(2 * info.loss);
    if (rc == GSL_ERUNAWAY || !isfinite(r->err)) { *fail_iter = t; return GSL_ERUNAWAY; }
    if (rc) return rc;
    if (fp && ((double) t >= next || t == T)) {
      const double u = la_norm_frob(U), v = la_norm_frob(V);
      fprintf(fp, "%s%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", prefix, t, eta, u * u, v * v, r->imb, r->D, r->err);
      next = fmax(next + 1, next * growth);
    }
    if (t == T) break;
    if (mf_apply(U, V, eta, w)) { *fail_iter = t + 1; return GSL_ERUNAWAY; }
    r->sum_minus += eta * eta * (info.gF2 - info.gG2);
    r->sum_plus += eta * eta * (info.gF2 + info.gG2);
    r->imb = mf_imbalance(U, V, w, &r->D);
  }
  r->u2 = la_frob2(U);
  r->v2 = la_frob2(V);
  return 0;
}

mf_problem *mf_target(const opt_list *head, double tail, size_t m, size_t n, gsl_rng *rng)
{
  const size_t q = m < n ? m : n;
  double *sig = malloc((q > head->n ? q : head->n) * sizeof *sig);
  mf_problem *pr = sig && rng ? mf_problem_alloc(m, n, sig, mf_spectrum(head->v, head->n, tail, m, n, sig, q), rng) : NULL;
  free(sig);
  return pr;
}

int mf_truncations(const mf_problem *pr, size_t R, gsl_matrix **Xr)
{
  for (size_t r = 1; r <= R; r++) {
    Xr[r] = gsl_matrix_alloc(pr->X->size1, pr->X->size2);
    if (!Xr[r]) GSL_ERROR("mf_truncations: out of memory", GSL_ENOMEM);
    int rc = mf_build(Xr[r], pr->U, pr->sigma, pr->V, r);
    if (rc) return rc;
  }
  return 0;
}

int mf_earlystop_run(const mf_problem *pr, gsl_matrix *F, gsl_matrix *G, double eta, size_t last,
                     gsl_matrix *const *Xr, size_t R, mf_work *w, double *emin, double *tmin, size_t *t_last,
                     size_t *T_end, size_t *fail_iter)
{
  const size_t ps = pr->sigma->size;
  gsl_vector *sc = gsl_vector_alloc(ps), *s0 = gsl_vector_alloc(ps);
  int rc = sc && s0 ? mf_components(F, G, pr->U, pr->V, sc, s0, w) : GSL_ENOMEM;
  const double sigma_last = gsl_vector_get(pr->sigma, last);
  const double tp = rc ? 0 : mf_t_pred(sigma_last, gsl_vector_get(s0, last), eta);
  size_t T = (size_t) ceil(100.0 * tp), t;
  for (size_t r = 1; r <= R; r++) emin[r] = INFINITY, tmin[r] = NAN;
  *t_last = 0;
  for (t = 0; !rc; t++) {
    if ((rc = mf_components(F, G, pr->U, pr->V, sc, NULL, w))) break;
    if (!*t_last && gsl_vector_get(sc, last) >= 0.5 * sigma_last) *t_last = t, T = 3 * t;
    const gsl_matrix *P = mf_product(F, G, w);
    for (size_t r = 1; r <= R; r++) {
      const double e = la_dist_frob(P, Xr[r]);
      if (e < emin[r]) emin[r] = e, tmin[r] = (double) t;
    }
    if (t >= T) break;
    rc = mf_step(pr->X, F, G, eta, w, NULL);
    if (rc == GSL_ERUNAWAY) *fail_iter = t + 1;
  }
  *T_end = t;
  gsl_vector_free(sc);
  gsl_vector_free(s0);
  return rc;
}

int mf_decay_run(const char *program, const mf_problem *pr, gsl_matrix *U, gsl_matrix *V, const mf_schedule *sch,
                 size_t T, double tol, double growth, mf_work *w, FILE *fp, size_t code, mf_decay_result *r)
{
  const double mnorm = la_norm_frob(pr->X);
  double D0 = la_frob2(U) - la_frob2(V), splus = 0, time = 0, next = 0;
  *r = (mf_decay_result) { .bound_worst = -INFINITY, .t_conv = T + 1, .time_conv = NAN, .D0 = D0 };
  mf_stepinfo info;
  for (size_t t = 0;; t++) {
    if (mf_gradient(pr->X, U, V, w, &info)) return proc_diverged(program, t, "delta %g", sch->delta);
    const double err = sqrt(2 * info.loss) / mnorm, u2 = la_frob2(U), v2 = la_frob2(V), D = u2 - v2;
    /* The bound is exact arithmetic's; rounding of D (computed from norms u2 + v2) is allowed for. */
    r->bound_worst = fmax(r->bound_worst, fabs(D) - fabs(D0) - splus - 1e-14 * (u2 + v2));
    r->u2max = fmax(r->u2max, u2);
    r->v2max = fmax(r->v2max, v2);
    if (err <= tol && r->t_conv > T) r->t_conv = t, r->time_conv = time;
    if ((double) t >= next || t == T) {
      fprintf(fp, "%zu\t%.17g\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", code, sch->delta, t,
              mf_step_size(sch, t), time, err, u2, v2, D, fabs(D0) + splus);
      next = fmax(next + 1, next * growth);
    }
    if (t == T) {
      r->errT = err; r->time = time; r->u2T = u2; r->v2T = v2; r->DT = D;
      return 0;
    }
    const double eta = mf_step_size(sch, t);
    if (mf_apply(U, V, eta, w)) return proc_diverged(program, t + 1, "delta %g", sch->delta);
    splus += eta * eta * (info.gF2 + info.gG2);
    time += eta;
  }
}
