/* W-accuracy -- how close CARP's iterates are to the exact convex clustering path, as t -> 1, on
 * Gaussian blobs: the Hausdorff distance between the CARP iterates and a reference exact path (the
 * exact path on the finest grid), the same-lambda error max_k ||U^(k) - U(gamma_k)||_F / ||X||_F
 * against the exact path on CARP's own grid, the ADMM step counts of both (the exact path under
 * our rule ||dU||_F < 1e-12 ||X||_F and under the R package's rule), and CARP-VIZ as one more
 * point. */
#include <math.h>
#include <stdlib.h>
#include "cc_protocol.h"
#include "experiment.h"

static const rng_table streams = { NULL, NULL, { { "blobs", RNG_DATA, "1", NULL } } };

int main(int argc, char **argv)
{
  proc_init();
  long n = 30, nb = 3, pdim = 2;
  double sd = 0.5, sep = 3.0;
  opt_list ts = { 9, { 1.5, 1.2, 1.1, 1.06, 1.05, 1.02, 1.01, 1.005, 1.001 } };
  opt_spec specs[] = {
    { "n", OPT_INT, &n, 3, 500, 0, "number of points" },
    { "blobs", OPT_INT, &nb, 1, 20, 0, "number of Gaussian blobs (<= n)" },
    { "p", OPT_INT, &pdim, 1, 100, 0, "dimension" },
    { "sd", OPT_REAL, &sd, 0, 100, OPT_LO_OPEN, "standard deviation within a blob" },
    { "sep", OPT_REAL, &sep, 0, 100, OPT_LO_OPEN, "radius of the circle of blob centres" },
    { "ts", OPT_REALS, &ts, 1, 10, OPT_LO_OPEN, "CARP step ratios t > 1, decreasing; the last is the reference grid" },
  };
  opt_parser p = OPT_PARSER("W-accuracy", "CARP vs the exact path as t -> 1 (Hausdorff, same-lambda error, steps)",
                            specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if (nb > n) return opt_fail(&p, "--blobs", "must be <= --n = %ld", n);
  for (size_t i = 1; i < ts.n; i++)
    if (!(ts.v[i] < ts.v[i - 1])) return opt_fail(&p, "--ts", "must be strictly decreasing");

  const size_t N = (size_t) n, P = (size_t) pdim;
  gsl_rng *r = rng_table_stream(&streams, "blobs", p.seed, NULL);
  double xnorm;
  double *x = r ? cc_blobs(N, P, (size_t) nb, sep, sd, r, &xnorm) : NULL;
  if (!x) return PROC_EXIT_NUMERIC;
  cc_graph *g = cc_weights(x, N, P);
  cc_admm *a = g ? cc_admm_alloc(x, N, P, g, 1.0, CC_SOLVER_CHOLMOD) : NULL;
  if (!a) return PROC_EXIT_NUMERIC;

  const size_t nt = ts.n;
  cc_path **carp = calloc(nt, sizeof *carp), *ex = cc_path_alloc(N, P, g->ne, 1);
  cc_path *exr = cc_path_alloc(N, P, g->ne, 0), *ref = NULL, *viz = cc_path_alloc(N, P, g->ne, 1);
  double *err = calloc(nt, sizeof *err), *dh = calloc(nt, sizeof *dh);
  size_t *esteps = calloc(nt, sizeof *esteps), *rsteps = calloc(nt, sizeof *rsteps);
  if (!carp || !ex || !exr || !viz || !err || !dh || !esteps || !rsteps) return PROC_EXIT_NUMERIC;
  prog_bar bar;
  prog_start(&bar, "W-accuracy", (long) nt, p.quiet);
  for (size_t i = 0; i < nt; i++) {
    if (!(carp[i] = cc_path_alloc(N, P, g->ne, 1))) return PROC_EXIT_NUMERIC;
    const int rc = cc_accuracy_at(a, ts.v[i], carp[i], exr, ex);
    if (rc) return proc_fail(p.program, "ADMM failed (%s) at t = %g", gsl_strerror(rc), ts.v[i]);
    rsteps[i] = exr->steps;
    esteps[i] = ex->steps;
    err[i] = cc_same_level_dist(carp[i], ex) / xnorm;
    if (i + 1 == nt) { ref = ex; ex = NULL; }
    prog_update(&bar, (long) i + 1);
  }
  prog_finish(&bar);
  const cc_carp_config vcfg = { 1.1, 1e-6, 50, 1, 100000000 };
  if (cc_carp_viz(a, &vcfg, 1.1, 1.01, 15, viz)) return PROC_EXIT_NUMERIC;
  /* Hausdorff distances against the reference exact path, burn-in iterate excluded */
  const size_t np = N * P;
  for (size_t i = 0; i < nt; i++)
    dh[i] = cc_hausdorff(carp[i]->u + np, carp[i]->nstore - 1, ref->u, ref->nstore, np) / xnorm;
  const double dh_viz = cc_hausdorff(viz->u + np, viz->nstore - 1, ref->u, ref->nstore, np) / xnorm;

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "weights phi = %.17g, k = %zu, %zu edges; ||X||_F = %.17g", g->phi, g->k, g->ne, xnorm);
  out_comment(&f, "hausdorff: against the exact path on the grid of the last t (%g), relative to ||X||_F",
              ts.v[nt - 1]);
  out_comment(&f, "same_err: max over levels of ||U_carp - U_exact||_F / ||X||_F on CARP's own grid");
  out_columns(&f, "t\tcarp_steps\tpredicted_steps\tall_zero\tgamma_end\texact_steps\texact_steps_R\t"
              "step_ratio\tstep_ratio_R\tsame_err\thausdorff");
  for (size_t i = 0; i < nt; i++) {
    const cc_path *c = carp[i];
    const double pred = 50 + log(c->gamma_end / 1e-6) / log(ts.v[i]);
    fprintf(f.fp, "%.17g\t%zu\t%.17g\t%d\t%.17g\t%zu\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\n", ts.v[i], c->steps,
            pred, isfinite(c->gamma_end) ? 1 : 0, c->gamma_end, esteps[i], rsteps[i],
            (double) esteps[i] / (double) c->steps, (double) rsteps[i] / (double) c->steps, err[i], dh[i]);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  if (out_tsv_open(&f, &p, "viz")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "CARP-VIZ: t = 1.1 until the first fusion, then 1.01; at most 15 bisection tries");
  out_columns(&f, "steps\taccepted\tmax_new\tmax_new_ok\ttries_out\tall_zero\thausdorff");
  fprintf(f.fp, "%zu\t%zu\t%zu\t%zu\t%zu\t%d\t%.17g\n", viz->steps, viz->nstore - 1, viz->max_new, viz->max_new_ok, viz->tries_out,
          isfinite(viz->gamma_end) ? 1 : 0, dh_viz);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  for (size_t i = 0; i < nt && i < 10; i++) {
    out_macro_at(&f, "WAccuracyT", i, "%g", ts.v[i]);
    out_macro_at(&f, "WAccuracyHaus", i, "%s", out_tex_number(num, sizeof num, dh[i], 2));
    out_macro_at(&f, "WAccuracyErr", i, "%s", out_tex_number(num, sizeof num, err[i], 2));
    out_macro_at(&f, "WAccuracyRatio", i, "%.0f", (double) esteps[i] / (double) carp[i]->steps);
    out_macro_at(&f, "WAccuracyRatioR", i, "%.1f", (double) rsteps[i] / (double) carp[i]->steps);
    out_macro_at(&f, "WAccuracySteps", i, "%zu", carp[i]->steps);
  }
  out_macro(&f, "WAccuracyVizHaus", "%s", out_tex_number(num, sizeof num, dh_viz, 2));
  out_macro(&f, "WAccuracyVizSteps", "%zu", viz->steps);
  out_macro(&f, "WAccuracyVizMaxNew", "%zu", viz->max_new);
  out_macro(&f, "WAccuracyVizMaxNewOk", "%zu", viz->max_new_ok);
  out_macro(&f, "WAccuracyVizTriesOut", "%zu", viz->tries_out);
  out_macro(&f, "WAccuracyVizAccepted", "%zu", viz->nstore - 1);
  out_macro(&f, "WAccuracyN", "%ld", n);
  out_macro(&f, "WAccuracyBlobs", "%ld", nb);
  out_macro(&f, "WAccuracyEdges", "%zu", g->ne);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  for (size_t i = 0; i < nt; i++) cc_path_free(carp[i]);
  free(carp); free(err); free(dh); free(esteps); free(rsteps); free(x);
  cc_path_free(ex); cc_path_free(exr); cc_path_free(ref); cc_path_free(viz);
  cc_admm_free(a); cc_graph_free(g); gsl_rng_free(r);
  return 0;
}
