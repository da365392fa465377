/* syn_protocol.c -- see syn_protocol.h. */
#include "syn_protocol.h"

#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include "lt_protocol.h"
#include "mf_protocol.h"
#include "ms_protocol.h"
#include "models/lt.h"
#include "models/mf.h"
#include "models/ms.h"

const char *const syn_setting_name[SYN_SETTINGS] = { "S", "J", "M" };

struct syn_problems {
  syn_config c;
  const rng_table *streams;
  unsigned long seed;
  /* S: the sensing problem, its workspace and the factor U (n x n) */
  ms_problem *sensing;
  ms_work *sensing_work;
  gsl_matrix *U;
  /* J: the factorization problem, its workspace and the factors F, G */
  mf_problem *factorization;
  mf_work *factorization_work;
  gsl_matrix *F, *G;
  /* M: one base and workspace per lifted eigenvalue (a workspace holds its base's w*), one iterate */
  lt_base *lifted[OPT_LIST_MAX];
  lt_work *lifted_work[OPT_LIST_MAX];
  double *w;
};

int syn_validate(const opt_parser *p, const syn_config *c)
{
  int status;
  if ((status = ms_validate(p, c->s_n, c->s_r, c->s_n, c->s_m))) return status;
  if ((status = mf_validate(p, c->j_m, c->j_n, c->j_k, &c->j_sigma, c->j_tail, c->j_eta))) return status;
  if (c->j_sigma.n > SYN_MAXCOMP)
    return opt_fail(p, "--j-sigma", "at most %d values (got %zu)", SYN_MAXCOMP, c->j_sigma.n);
  return lt_validate_size(p, "--m-n", (double) c->m_n, c->m_l, 4096);
}

static gsl_rng *stream(const syn_problems *P, const char *name, int set, long s)
{
  return rng_table_stream(P->streams, name, P->seed, (const long[]) { set + 1, s });
}

syn_problems *syn_alloc(const syn_config *c, const rng_table *streams, unsigned long seed)
{
  syn_problems *P = calloc(1, sizeof *P);
  if (!P) return NULL;
  P->c = *c;
  P->streams = streams;
  P->seed = seed;
  const size_t sn = (size_t) c->s_n, jm = (size_t) c->j_m, jn = (size_t) c->j_n, jk = (size_t) c->j_k;
  gsl_rng *truth = stream(P, "data", SYN_S, 0), *op = stream(P, "S operator", SYN_S, 0);
  gsl_rng *jdata = stream(P, "data", SYN_J, 0);
  int ok = truth && op && jdata;
  if (ok) {
    P->sensing = ms_threaded(
        ms_problem_alloc(sn, (size_t) c->s_r, (size_t) c->s_m, c->s_kappa, truth, op));
    P->sensing_work = ms_work_alloc(sn, sn);
    P->U = gsl_matrix_alloc(sn, sn);
    P->factorization = mf_target(&c->j_sigma, c->j_tail, jm, jn, jdata);
    P->factorization_work = mf_work_alloc(jm, jn, jk, 0);
    P->F = gsl_matrix_alloc(jm, jk);
    P->G = gsl_matrix_alloc(jn, jk);
    ok = P->sensing && P->sensing_work && P->U && P->factorization && P->factorization_work && P->F && P->G;
  }
  gsl_rng_free(truth); gsl_rng_free(op); gsl_rng_free(jdata);
  for (size_t k = 0; ok && k < c->m_sigma.n; k++) {
    gsl_rng *mdata = stream(P, "data", SYN_M, 0);
    P->lifted[k] = mdata ? lt_base_gaussian((size_t) c->m_n, (size_t) c->m_meas,
                                            pow(c->m_sigma.v[k], 0.5 / (double) c->m_l), mdata) : NULL;
    gsl_rng_free(mdata);
    ok = P->lifted[k] && (P->lifted_work[k] = lt_work_alloc(P->lifted[k], (size_t) c->m_l));
  }
  if (ok) ok = (P->w = malloc(lt_work_size(P->lifted_work[0]) * sizeof(double))) != NULL;
  if (!ok) { syn_free(P); return NULL; }
  return P;
}

void syn_free(syn_problems *P)
{
  if (!P) return;
  ms_problem_free(P->sensing); ms_work_free(P->sensing_work); gsl_matrix_free(P->U);
  mf_problem_free(P->factorization); mf_work_free(P->factorization_work);
  gsl_matrix_free(P->F); gsl_matrix_free(P->G);
  for (size_t k = 0; k < P->c.m_sigma.n; k++) lt_work_free(P->lifted_work[k]), lt_base_free(P->lifted[k]);
  free(P->w);
  free(P);
}

int syn_learn(syn_problems *P, int set, double alpha, long s, size_t *ncomp, double *t_hit, double *sigma,
              double *eta, size_t *fail_iter)
{
  const syn_config *c = &P->c;
  const double L = log(1.0 / alpha);
  gsl_rng *ri = stream(P, "init", set, s);
  if (!ri) return GSL_ENOMEM;
  int rc = 0;
  if (set == SYN_S) {
    ms_init_small(P->U, alpha, ri);
    const double lmin = pow(gsl_vector_get(P->sensing->sigma, (size_t) c->s_r - 1), 2);
    *ncomp = (size_t) c->s_r;
    *eta = c->s_mu;
    for (size_t i = 0; i < *ncomp; i++) sigma[i] = pow(gsl_vector_get(P->sensing->sigma, i), 2);
    rc = ms_learn_times(P->sensing, P->U, c->s_mu, (size_t) ceil(c->tmax_factor * L / (c->s_mu * lmin)), SYN_FRAC,
                        P->sensing_work, t_hit, fail_iter);
  } else if (set == SYN_J) {
    mf_init_gaussian(P->F, P->G, alpha, ri);
    *ncomp = c->j_sigma.n;
    *eta = c->j_eta;
    for (size_t i = 0; i < *ncomp; i++) sigma[i] = c->j_sigma.v[i];
    rc = mf_learn_times(P->factorization, c->j_sigma.n, P->F, P->G, c->j_eta,
                        (size_t) ceil(c->tmax_factor * L / (c->j_eta * c->j_sigma.v[c->j_sigma.n - 1])), SYN_FRAC,
                        P->factorization_work, t_hit, fail_iter);
  } else {
    /* one x0 for every lifted eigenvalue: the runs differ only in |z| */
    double x0[16];
    for (long i = 0; i < c->m_n; i++) x0[i] = gsl_ran_gaussian(ri, 1.0);
    *ncomp = c->m_sigma.n;
    *eta = c->m_eta;
    for (size_t k = 0; k < *ncomp && !rc; k++) {
      sigma[k] = c->m_sigma.v[k];
      lt_init(P->w, x0, (size_t) c->m_n, (size_t) c->m_l, alpha);
      rc = lt_learn_time(P->lifted[k], P->lifted_work[k], P->w, c->m_eta,
                         (size_t) ceil(c->tmax_factor * L / (c->m_eta * c->m_sigma.v[k])), SYN_FRAC, &t_hit[k], fail_iter);
    }
  }
  gsl_rng_free(ri);
  return rc;
}

double syn_m_gain(const syn_problems *P)
{
  const double z2 = pow(P->c.m_sigma.v[0], 1.0 / (double) P->c.m_l);
  return pow(P->lifted[0]->sigma[0] / z2, (double) P->c.m_l);
}
