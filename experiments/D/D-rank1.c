/* D-rank1 -- rank-one asymmetric factorization min 1/2 ||u v^T - M*||_F^2 by GD with a constant
 * step from a small random init (Du, Hu & Lee 2018: global linear convergence): the error after
 * the growth phase falls geometrically.  Uses lib/factor.  Protocol designed for this artifact. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "mf_protocol.h"
#include "models/mf.h"

static const rng_table streams = { NULL, NULL, { { "M*", RNG_DATA, "1", NULL }, { "init", RNG_INIT, "1", "1" } } };

int main(int argc, char **argv)
{
  proc_init();
  long d1 = 20, d2 = 15, T = 2000;
  double sigma = 3, alpha = 1e-3, eta = 0.1, stop = 1e-14;
  opt_spec specs[] = {
    { "d1", OPT_INT, &d1, 1, 2000, 0, "rows of M*" },
    { "d2", OPT_INT, &d2, 1, 2000, 0, "columns of M*" },
    { "sigma", OPT_REAL, &sigma, 0, 1e6, OPT_LO_OPEN, "the singular value of M* = sigma a b^T" },
    { "alpha", OPT_REAL, &alpha, 0, 1e3, OPT_LO_OPEN, "init scale: entries of u, v ~ N(0, alpha^2)" },
    { "eta", OPT_REAL, &eta, 0, 10, OPT_LO_OPEN, "constant step size" },
    { "T", OPT_INT, &T, 1, 1e7, 0, "maximum number of iterations" },
    { "stop", OPT_REAL, &stop, 0, 1, OPT_LO_OPEN, "stop once the relative error is below this" },
  };
  opt_parser p = OPT_PARSER("D-rank1", "rank-one factorization with a constant step: linear convergence", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  opt_list head = { 1, { sigma } };
  if ((status = mf_validate(&p, d1, d2, 1, &head, 0.0, eta))) return status;

  gsl_rng *rx = rng_table_stream(&streams, "M*", p.seed, NULL), *ri = rng_table_stream(&streams, "init", p.seed, NULL);
  mf_problem *pr = mf_problem_alloc((size_t) d1, (size_t) d2, &sigma, 1, rx);
  mf_work *w = mf_work_alloc((size_t) d1, (size_t) d2, 1, 0);
  gsl_matrix *U = gsl_matrix_alloc((size_t) d1, 1), *V = gsl_matrix_alloc((size_t) d2, 1);
  if (!pr || !w || !U || !V || !ri) return PROC_EXIT_NUMERIC;
  mf_init_gaussian(U, V, alpha, ri);
  const double mnorm = sigma;

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "rel_err = ||u v^T - M*||_F / ||M*||_F");
  out_columns(&f, "t\trel_err\timb");
  size_t t_end = 0, t_a = 0, t_b = 0;
  double *le = malloc(((size_t) T + 1) * sizeof *le), *ts = malloc(((size_t) T + 1) * sizeof *ts);
  if (!le || !ts) return PROC_EXIT_NUMERIC;
  for (size_t t = 0;; t++) {
    mf_stepinfo info;
    int rc = mf_gradient(pr->X, U, V, w, &info);
    const double rel = sqrt(2 * info.loss) / mnorm;
    double D;
    mf_imbalance(U, V, w, &D);
    if (rc || !isfinite(rel)) {
      out_abort(&f);
      return proc_diverged(p.program, t, "eta = %g", eta);
    }
    fprintf(f.fp, "%zu\t%.17g\t%.17g\n", t, rel, D);
    le[t] = log(rel);
    ts[t] = (double) t;
    if (!t_a && rel <= 0.1) t_a = t;     /* end of the growth phase */
    if (!t_b && rel <= 1e-12) t_b = t;   /* the fit window ends here */
    t_end = t;
    if (rel < stop || t == (size_t) T) break;
    if (mf_apply(U, V, eta, w)) {
      out_abort(&f);
      return proc_diverged(p.program, t + 1, "eta = %g", eta);
    }
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_macro(&f, "DRankOneTEnd", "%zu", t_end);
  out_macro(&f, "DRankOneEta", "%g", eta);
  out_macro(&f, "DRankOneRate", "%.4f", 1 - eta * sigma);
  /* Least-squares line through ln rel_err on [t_a, t_b]: rate exp(slope) and R^2. */
  const stats_line fit = stats_fit_line(ts + t_a, le + t_a, t_b ? t_b - t_a + 1 : 0);
  out_macro(&f, "DRankOneFitRate", "%.4f", exp(fit.slope));
  out_macro(&f, "DRankOneRsq", "%.5f", fit.r2);
  out_macro(&f, "DRankOneTa", "%zu", t_a);
  out_macro(&f, "DRankOneTb", "%zu", t_b);
  free(le); free(ts);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  gsl_matrix_free(U); gsl_matrix_free(V);
  mf_work_free(w); mf_problem_free(pr); gsl_rng_free(rx); gsl_rng_free(ri);
  return 0;
}
