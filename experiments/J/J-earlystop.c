/* J-earlystop -- the best early-stopped distance min_t ||F_t G_t^T - X_r||_F to the best rank-r
 * approximation, against the init scale alpha (Jiang, Chen & Ding 2023: early stopping finds X_r
 * without a regularizer), with the first-order prediction
 *     min_t ||F_t G_t^T - X_r|| ~ alpha^(2 (sigma_r - sigma_{r+1}) / (sigma_r + sigma_{r+1})),
 * and, run on to T = 3 t_last (t_last: the measured emergence of the last component), the
 * overfitting F_T G_T^T -> X.  Shapes, step and seeds designed for this artifact: X has rank
 * n = p (no common null space of rows and columns, where a residual of order alpha^2 would stay). */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "mf_protocol.h"
#include "models/mf.h"

#define RMAX 3

static const rng_table streams = { "a s", "a = alpha index (from 0), s = seed", {
  { "X", RNG_DATA, "3", NULL }, { "init", RNG_INIT, "300 + a", "s" } } };

int main(int argc, char **argv)
{
  proc_init();
  long m = 20, n = 5, k = 10, seeds = 10;
  double eta = 0.5;
  opt_list sigma = { 5, { 1, 0.5, 0.25, 0.125, 0.0625 } };
  opt_list alphas = { 4, { 1e-3, 1e-5, 1e-7, 1e-9 } };
  opt_spec specs[] = {
    { "m", OPT_INT, &m, 2, 2000, 0, "rows of X" },
    { "n", OPT_INT, &n, 2, 2000, 0, "columns of X" },
    { "k", OPT_INT, &k, 1, 4000, 0, "width k of the factors" },
    { "sigma", OPT_REALS, &sigma, 0, 1e6, OPT_LO_OPEN, "all singular values of X (decreasing, > 3)" },
    { "alphas", OPT_REALS, &alphas, 0, 1, OPT_LO_OPEN, "init scales, decreasing" },
    { "eta", OPT_REAL, &eta, 0, 10, OPT_LO_OPEN, "step size" },
    { "seeds", OPT_INT, &seeds, 1, 1000, 0, "init seeds per alpha" },
  };
  opt_parser p = OPT_PARSER("J-earlystop", "best early-stopped error vs alpha; overfitting at 3 t_last", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if ((status = mf_validate(&p, m, n, k, &sigma, 0.0, eta))) return status;
  if (sigma.n <= RMAX) return opt_fail(&p, "--sigma", "needs more than %d values (got %zu)", RMAX, sigma.n);
  for (size_t a = 1; a < alphas.n; a++)
    if (!(alphas.v[a] < alphas.v[a - 1])) return opt_fail(&p, "--alphas", "must be decreasing");

  const size_t ps = sigma.n, last = ps - 1;
  gsl_rng *rx = rng_table_stream(&streams, "X", p.seed, NULL);
  mf_problem *pr = mf_problem_alloc((size_t) m, (size_t) n, sigma.v, ps, rx);
  mf_work *w = mf_work_alloc((size_t) m, (size_t) n, (size_t) k, ps);
  gsl_matrix *F = gsl_matrix_alloc((size_t) m, (size_t) k), *G = gsl_matrix_alloc((size_t) n, (size_t) k);
  gsl_matrix *Xr[RMAX + 1];
  double tailnorm[RMAX + 1];
  if (!pr || !w || !F || !G || mf_truncations(pr, RMAX, Xr)) return PROC_EXIT_NUMERIC;
  for (size_t r = 1; r <= RMAX; r++) tailnorm[r] = la_dist_frob(pr->X, Xr[r]);
  const double xnorm = la_norm_frob(pr->X);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "init convention: F_0, G_0 entries i.i.d. N(0, alpha^2); ||X||_F = %.17g", xnorm);
  out_columns(&f, "alpha\tseed\tr\tslope_pred\tmin_err\tt_min\tt_last\tT\tfinal_rel\tfinal_r_over_tail");
  /* min errors by (alpha, r, seed) for the fitted slopes quoted in the text */
  double *all = malloc(alphas.n * RMAX * (size_t) seeds * sizeof *all);
  double worst_final = 0.0;
  if (!all) return PROC_EXIT_NUMERIC;
  for (size_t a = 0; a < alphas.n; a++)
    for (long s = 1; s <= seeds; s++) {
      gsl_rng *ri = rng_table_stream(&streams, "init", p.seed, (const long[]) { (long) a, s });
      if (!ri) return PROC_EXIT_NUMERIC;
      mf_init_gaussian(F, G, alphas.v[a], ri);
      gsl_rng_free(ri);
      double emin[RMAX + 1], tmin[RMAX + 1];
      size_t t_last, t, fail = 0;
      const int rc = mf_earlystop_run(pr, F, G, eta, last, Xr, RMAX, w, emin, tmin, &t_last, &t, &fail);
      if (rc) out_abort(&f);
      if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail, "alpha = %g, seed %ld", alphas.v[a], s);
      if (rc) return PROC_EXIT_NUMERIC;
      const gsl_matrix *P = mf_product(F, G, w);
      const double final_rel = la_dist_frob(P, pr->X) / xnorm;
      worst_final = fmax(worst_final, final_rel);
      for (size_t r = 1; r <= RMAX; r++) {
        const double sr = sigma.v[r - 1], sn = sigma.v[r];
        all[(a * RMAX + r - 1) * (size_t) seeds + (size_t) (s - 1)] = emin[r];
        fprintf(f.fp, "%.17g\t%ld\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%zu\t%.17g\t%.17g\n", alphas.v[a], s,
                r, 2 * (sr - sn) / (sr + sn), emin[r], tmin[r], t_last ? (double) t_last : NAN, t,
                final_rel, la_dist_frob(P, Xr[r]) / tailnorm[r]);
      }
    }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_macro(&f, "JEarlystopM", "%ld", m);
  out_macro(&f, "JEarlystopN", "%ld", n);
  out_macro(&f, "JEarlystopK", "%ld", k);
  out_macro(&f, "JEarlystopEta", "%g", eta);
  out_macro(&f, "JEarlystopSeeds", "%ld", seeds);
  out_macro(&f, "JEarlystopSlopePred", "%.3f",
            2 * (sigma.v[0] - sigma.v[1]) / (sigma.v[0] + sigma.v[1]));
  out_macro(&f, "JEarlystopFinalRel", "%s", out_tex_number(num, sizeof num, worst_final, 2));
  /* Least-squares slope of ln(median over seeds) against ln(alpha), per r. */
  for (size_t r = 0; r < RMAX; r++) {
    double lx[OPT_LIST_MAX], ly[OPT_LIST_MAX];
    const size_t na = alphas.n;
    for (size_t a = 0; a < na; a++) {
      lx[a] = log(alphas.v[a]);
      ly[a] = log(stats_summarize(all + (a * RMAX + r) * (size_t) seeds, (size_t) seeds).median);
    }
    out_macro_nth(&f, "JEarlystopSlope", r, "%.3f", stats_fit_line(lx, ly, na).slope);
    out_macro_nth(&f, "JEarlystopSlopePred", r, "%.3f", 2 * (sigma.v[r] - sigma.v[r + 1]) / (sigma.v[r] + sigma.v[r + 1]));
  }
  free(all);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  for (size_t r = 1; r <= RMAX; r++) gsl_matrix_free(Xr[r]);
  gsl_matrix_free(F); gsl_matrix_free(G); mf_work_free(w); mf_problem_free(pr); gsl_rng_free(rx);
  return 0;
}
