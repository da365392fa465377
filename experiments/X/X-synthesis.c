/* X-synthesis -- the incremental-learning law t ~ ln(1/alpha) / (eta sigma) in three settings on
 * common axes: S (symmetric matrix sensing U U^T), J (asymmetric factorization F G^T of a
 * model-free matrix) and M (lifted tensor sensing, rank one, l = 3).  For every init scale alpha and
 * seed, gradient descent from a small random init runs until each tracked component is learned:
 * the i-th largest eigenvalue (singular value) of the product reaches SYN_FRAC times the value
 * sigma_i of the target's component (ms_learn_times, mf_learn_times, lt_learn_time).  Writes
 * t_hit against x = ln(1/alpha) / (eta sigma) and the least-squares line t_hit = a x + b per setting.
 * Every parameter is ours (designed for this synthesis, not taken from the papers). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_randist.h>
#include "experiment.h"
#include "mf_protocol.h"
#include "ms_protocol.h"
#include "models/mf.h"
#include "models/lt.h"
#include "models/ms.h"

/* "Learned": the product's i-th spectral value reaches half of sigma_i (fixed before any data). */
#define SYN_FRAC 0.5
#define MAXPTS 4096
#define MAXCOMP 16

enum { SET_S = 0, SET_J = 1, SET_M = 2, NSET = 3 };
static const char *set_name[NSET] = { "S", "J", "M" };

/* The points of every setting, for the fits. */
typedef struct {
  double x[MAXPTS], t[MAXPTS];
  size_t n, missed;
} points;

static void emit(out_file *f, points *pt, int set, long seed, double alpha, double eta, size_t comp,
                 double sigma, double t_hit)
{
  const double x = log(1.0 / alpha) / (eta * sigma);
  fprintf(f->fp, "%s\t%ld\t%.17g\t%.17g\t%zu\t%.17g\t%.17g\t%.17g\n", set_name[set], seed, alpha, eta,
          comp, sigma, t_hit, x);
  if (isnan(t_hit)) pt->missed++;
  else if (pt->n < MAXPTS) pt->x[pt->n] = x, pt->t[pt->n++] = t_hit;
}

static int diverged(out_file *f, const char *what, size_t iter, double alpha, long s)
{
  out_abort(f);
  fprintf(stderr, "X-synthesis: %s diverged at iteration %zu (alpha = %g, seed %ld)\n", what, iter,
          alpha, s);
  return PROC_EXIT_NUMERIC;
}

int main(int argc, char **argv)
{
  proc_init();
  long seeds = 3, s_n = 40, s_r = 3, s_m = 600, j_m = 40, j_n = 30, j_k = 20, m_n = 4, m_meas = 2000, m_l = 3;
  double tmax_factor = 6.0, s_kappa = 2.0, s_mu = 0.1, j_tail = 0.01, j_eta = 0.05, m_eta = 0.05;
  opt_list alphas = { 4, { 1e-2, 1e-4, 1e-6, 1e-8 } };
  opt_list j_sigma = { 4, { 1, 0.75, 0.5, 0.25 } }, m_sigma = { 3, { 1, 0.5, 0.25 } };
  opt_spec specs[] = {
    { "alphas", OPT_REALS, &alphas, 0, 0.5, OPT_LO_OPEN, "init scales alpha (every setting)" },
    { "seeds", OPT_INT, &seeds, 1, 100, 0, "init seeds per alpha (every setting)" },
    { "tmax-factor", OPT_REAL, &tmax_factor, 1, 100, 0, "iteration cap: this multiple of the largest x" },
    { "s-n", OPT_INT, &s_n, 2, 200, 0, "S: dimension n (width k = n)" },
    { "s-r", OPT_INT, &s_r, 1, MAXCOMP, 0, "S: rank r of the ground truth (components tracked)" },
    { "s-m", OPT_INT, &s_m, 1, 100000, 0, "S: number of measurements m" },
    { "s-kappa", OPT_REAL, &s_kappa, 1, 100, 0, "S: condition number of X (sigma_i of X from 1 to 1/kappa)" },
    { "s-mu", OPT_REAL, &s_mu, 0, 1, OPT_LO_OPEN, "S: step size mu" },
    { "j-m", OPT_INT, &j_m, 5, 2000, 0, "J: rows of X" },
    { "j-n", OPT_INT, &j_n, 5, 2000, 0, "J: columns of X" },
    { "j-k", OPT_INT, &j_k, 1, 2000, 0, "J: width k of the factors" },
    { "j-sigma", OPT_REALS, &j_sigma, 0, 1e6, OPT_LO_OPEN, "J: the tracked singular values (decreasing)" },
    { "j-tail", OPT_REAL, &j_tail, 0, 1e6, 0, "J: the remaining singular values, up to min(m, n)" },
    { "j-eta", OPT_REAL, &j_eta, 0, 10, OPT_LO_OPEN, "J: step size eta" },
    { "m-n", OPT_INT, &m_n, 2, 10, 0, "M: dimension n of the base problem" },
    { "m-meas", OPT_INT, &m_meas, 1, 100000, 0, "M: number of Gaussian measurements of the base problem" },
    { "m-l", OPT_INT, &m_l, 1, 4, 0, "M: lifting order l" },
    { "m-sigma", OPT_REALS, &m_sigma, 0, 100, OPT_LO_OPEN, "M: lifted eigenvalues |z|^(2l), one run each" },
    { "m-eta", OPT_REAL, &m_eta, 0, 1, OPT_LO_OPEN, "M: step size eta" },
  };
  opt_parser p = OPT_PARSER("X-synthesis", "learning times against ln(1/alpha)/(eta sigma) in S, J and M", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if ((status = ms_validate(&p, s_n, s_r, s_n, s_m))) return status;
  if ((status = mf_validate(&p, j_m, j_n, j_k, &j_sigma, j_tail, j_eta))) return status;
  if (j_sigma.n > MAXCOMP) return opt_fail(&p, "--j-sigma", "at most %d values (got %zu)", MAXCOMP, j_sigma.n);
  if (pow((double) m_n, (double) m_l) > 4096)
    return opt_fail(&p, "--m-n", "n^l must be <= 4096 (got n = %ld, l = %ld)", m_n, m_l);
  if (alphas.n * (size_t) seeds * (size_t) (s_r + (long) j_sigma.n + (long) m_sigma.n) > MAXPTS)
    return opt_fail(&p, "--seeds", "too many points (at most %d)", MAXPTS);

  const size_t jq = (size_t) (j_m < j_n ? j_m : j_n);
  double sig[2000];
  const size_t jp = mf_spectrum(j_sigma.v, j_sigma.n, j_tail, (size_t) j_m, (size_t) j_n, sig, jq);
  gsl_rng *rs_truth = rng_stream(p.seed, RNG_DATA, SET_S + 1, 0);
  gsl_rng *rs_op = rng_stream(p.seed, RNG_OPERATOR, SET_S + 1, 0);
  gsl_rng *rj = rng_stream(p.seed, RNG_DATA, SET_J + 1, 0);
  if (!rs_truth || !rs_op || !rj) return PROC_EXIT_NUMERIC;
  ms_problem *sp = ms_problem_alloc((size_t) s_n, (size_t) s_r, (size_t) s_m, s_kappa, rs_truth, rs_op);
  ms_work *sw = ms_work_alloc((size_t) s_n, (size_t) s_n);
  gsl_matrix *U = gsl_matrix_alloc((size_t) s_n, (size_t) s_n);
  mf_problem *jpr = mf_problem_alloc((size_t) j_m, (size_t) j_n, sig, jp, rj);
  mf_work *jw = mf_work_alloc((size_t) j_m, (size_t) j_n, (size_t) j_k, 0);
  gsl_matrix *F = gsl_matrix_alloc((size_t) j_m, (size_t) j_k), *G = gsl_matrix_alloc((size_t) j_n, (size_t) j_k);
  /* M: one base per sigma, all from the same data stream (the same operator and direction of z). */
  lt_base *mb[OPT_LIST_MAX] = { 0 };
  lt_work *mw[OPT_LIST_MAX] = { 0 };   /* one each: a workspace holds its base's w* */
  for (size_t c = 0; c < m_sigma.n; c++) {
    gsl_rng *rm = rng_stream(p.seed, RNG_DATA, SET_M + 1, 0);
    if (!rm) return PROC_EXIT_NUMERIC;
    mb[c] = lt_base_gaussian((size_t) m_n, (size_t) m_meas, pow(m_sigma.v[c], 0.5 / (double) m_l), rm);
    gsl_rng_free(rm);
    if (!mb[c] || !(mw[c] = lt_work_alloc(mb[c], (size_t) m_l))) return PROC_EXIT_NUMERIC;
  }
  double *wv = malloc(lt_work_size(mw[0]) * sizeof(double)), x0[10];
  if (!sp || !sw || !U || !jpr || !jw || !F || !G || !wv) return PROC_EXIT_NUMERIC;

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_comment(&f, "learned: first t at which the i-th largest eigenvalue (singular value) of the product "
                  "reaches %g sigma_i; t_hit = nan if not by the cap", SYN_FRAC);
  out_comment(&f, "S: product U U^T, sigma = eigenvalue of X X^T, eta = mu; J: product F G^T, sigma = "
                  "singular value of X; M: product w w^T (lifted), sigma = |z|^(2l)");
  out_comment(&f, "streams: setting c = 1 (S), 2 (J), 3 (M): data (seed, DATA, c), S operator (seed, "
                  "OPERATOR, 1); init of seed s: (seed, INIT, c, s), the same direction at every alpha");
  out_columns(&f, "setting\tseed\talpha\teta\tcomponent\tsigma\tt_hit\tx");
  points pts[NSET];
  memset(pts, 0, sizeof pts);
  const double lmin = pow(gsl_vector_get(sp->sigma, (size_t) s_r - 1), 2);
  prog_bar bar;
  prog_start(&bar, out_stem(&p), (long) (alphas.n * (size_t) seeds), p.quiet);
  for (size_t a = 0; a < alphas.n; a++)
    for (long s = 1; s <= seeds; s++) {
      const double al = alphas.v[a], L = log(1.0 / al);
      double th[MAXCOMP];
      size_t fail = 0;
      gsl_rng *ri = rng_stream(p.seed, RNG_INIT, SET_S + 1, (unsigned long) s);
      if (!ri) return PROC_EXIT_NUMERIC;
      ms_init_small(U, al, ri);
      gsl_rng_free(ri);
      int rc = ms_learn_times(sp, U, s_mu, (size_t) ceil(tmax_factor * L / (s_mu * lmin)), SYN_FRAC, sw, th, &fail);
      if (rc == GSL_ERUNAWAY) return diverged(&f, "S", fail, al, s);
      if (rc) { out_abort(&f); return PROC_EXIT_NUMERIC; }
      for (size_t i = 0; i < (size_t) s_r; i++)
        emit(&f, &pts[SET_S], SET_S, s, al, s_mu, i + 1, pow(gsl_vector_get(sp->sigma, i), 2), th[i]);

      ri = rng_stream(p.seed, RNG_INIT, SET_J + 1, (unsigned long) s);
      if (!ri) return PROC_EXIT_NUMERIC;
      mf_init_gaussian(F, G, al, ri);
      gsl_rng_free(ri);
      rc = mf_learn_times(jpr, j_sigma.n, F, G, j_eta, (size_t) ceil(tmax_factor * L / (j_eta * j_sigma.v[j_sigma.n - 1])),
                          SYN_FRAC, jw, th, &fail);
      if (rc == GSL_ERUNAWAY) return diverged(&f, "J", fail, al, s);
      if (rc) { out_abort(&f); return PROC_EXIT_NUMERIC; }
      for (size_t i = 0; i < j_sigma.n; i++) emit(&f, &pts[SET_J], SET_J, s, al, j_eta, i + 1, j_sigma.v[i], th[i]);

      ri = rng_stream(p.seed, RNG_INIT, SET_M + 1, (unsigned long) s);
      if (!ri) return PROC_EXIT_NUMERIC;
      for (long i = 0; i < m_n; i++) x0[i] = gsl_ran_gaussian(ri, 1.0);
      gsl_rng_free(ri);
      for (size_t c = 0; c < m_sigma.n; c++) {
        lt_init(wv, x0, (size_t) m_n, (size_t) m_l, al);
        rc = lt_learn_time(mb[c], mw[c], wv, m_eta, (size_t) ceil(tmax_factor * L / (m_eta * m_sigma.v[c])), SYN_FRAC,
                           &th[c], &fail);
        if (rc == GSL_ERUNAWAY) return diverged(&f, "M", fail, al, s);
        if (rc) { out_abort(&f); return PROC_EXIT_NUMERIC; }
        emit(&f, &pts[SET_M], SET_M, s, al, m_eta, c + 1, m_sigma.v[c], th[c]);
      }
      prog_update(&bar, (long) (a * (size_t) seeds + (size_t) s));
    }
  prog_finish(&bar);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  for (int c = 0; c < NSET; c++) {
    double b = NAN, a = NAN, c00, c01, c11, ss;
    if (pts[c].n >= 2) gsl_fit_linear(pts[c].x, 1, pts[c].t, 1, pts[c].n, &b, &a, &c00, &c01, &c11, &ss);
    char name[32];
    snprintf(name, sizeof name, "%sSlope", set_name[c]);
    out_run_macro(&f, &p, name, "%.2f", a);
    snprintf(name, sizeof name, "%sIntercept", set_name[c]);
    out_run_macro(&f, &p, name, "%.0f", b);
    snprintf(name, sizeof name, "%sMissed", set_name[c]);
    out_run_macro(&f, &p, name, "%zu", pts[c].missed);
  }
  out_run_macro(&f, &p, "Frac", "%g", SYN_FRAC);
  out_run_macro(&f, &p, "Seeds", "%ld", seeds);
  out_run_macro(&f, &p, "AlphaMax", "%s", out_tex_number(num, sizeof num, alphas.v[0], 2));
  out_run_macro(&f, &p, "AlphaMin", "%s", out_tex_number(num, sizeof num, alphas.v[alphas.n - 1], 2));
  out_run_macro(&f, &p, "SN", "%ld", s_n);
  out_run_macro(&f, &p, "SR", "%ld", s_r);
  out_run_macro(&f, &p, "SM", "%ld", s_m);
  out_run_macro(&f, &p, "SKappa", "%g", s_kappa);
  out_run_macro(&f, &p, "SMu", "%g", s_mu);
  out_run_macro(&f, &p, "JM", "%ld", j_m);
  out_run_macro(&f, &p, "JN", "%ld", j_n);
  out_run_macro(&f, &p, "JK", "%ld", j_k);
  out_run_macro(&f, &p, "JEta", "%g", j_eta);
  out_run_macro(&f, &p, "JTail", "%g", j_tail);
  out_run_macro(&f, &p, "MN", "%ld", m_n);
  out_run_macro(&f, &p, "MMeas", "%ld", m_meas);
  out_run_macro(&f, &p, "ML", "%ld", m_l);
  out_run_macro(&f, &p, "MEta", "%g", m_eta);
  /* The M operator's amplification of the linear regime: sigma_1(U)^l / |z|^(2l) (same for every sigma). */
  const double z2 = pow(m_sigma.v[0], 1.0 / (double) m_l);
  out_run_macro(&f, &p, "MGain", "%.2f", pow(mb[0]->sigma[0] / z2, (double) m_l));
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  free(wv);
  for (size_t c = 0; c < m_sigma.n; c++) lt_work_free(mw[c]), lt_base_free(mb[c]);
  gsl_matrix_free(F); gsl_matrix_free(G); gsl_matrix_free(U);
  mf_work_free(jw); mf_problem_free(jpr);
  ms_work_free(sw); ms_problem_free(sp);
  gsl_rng_free(rs_truth); gsl_rng_free(rs_op); gsl_rng_free(rj);
  return 0;
}
