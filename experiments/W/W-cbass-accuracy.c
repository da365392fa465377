/* W-cbass-accuracy -- CBASS against the exact biclustering path as t -> 1, on a small matrix with
 * planted biclusters (row group a, column group b: entry mu_ab + noise): for each t, the CBASS path
 * (its steps against 50 + ln(gamma_end/eps)/ln t, and whether every edge ended fused), the exact
 * path on the same grid eps t^j (converged ADMM at every level, cbass_exact with tolerance 1e-12)
 * and its step count, and the Hausdorff distance between the CBASS iterates and a reference exact
 * path (on the grid of --ref-t), relative to ||X||_F.  Data and grid: experiments/common/cbass_protocol. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "cbass_protocol.h"

int main(int argc, char **argv)
{
  proc_init();
  long n = 12, pdim = 10, nrg = 3, ncg = 2;
  double sd = 0.5, sep = 2, tref = 1.01;
  opt_list ts = { 5, { 1.5, 1.2, 1.1, 1.05, 1.01 } };
  opt_spec specs[] = {
    { "n", OPT_INT, &n, 2, 200, 0, "rows" },
    { "p", OPT_INT, &pdim, 2, 200, 0, "columns" },
    { "row-groups", OPT_INT, &nrg, 1, 50, 0, "planted row groups (<= n): row i in group i mod groups" },
    { "col-groups", OPT_INT, &ncg, 1, 50, 0, "planted column groups (<= p)" },
    { "sd", OPT_REAL, &sd, 0, 100, OPT_LO_OPEN, "noise standard deviation" },
    { "sep", OPT_REAL, &sep, 0, 100, OPT_LO_OPEN, "standard deviation of the planted block means" },
    { "ts", OPT_REALS, &ts, 1, 10, OPT_LO_OPEN, "CBASS step ratios t > 1, decreasing" },
    { "ref-t", OPT_REAL, &tref, 1, 10, OPT_LO_OPEN, "grid ratio of the reference exact path (<= every t)" },
  };
  opt_parser p = OPT_PARSER("W-cbass-accuracy", "CBASS vs the exact biclustering path as t -> 1 (planted biclusters)",
                            specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if (nrg > n) return opt_fail(&p, "--row-groups", "must be <= --n = %ld", n);
  if (ncg > pdim) return opt_fail(&p, "--col-groups", "must be <= --p = %ld", pdim);
  for (size_t i = 1; i < ts.n; i++)
    if (!(ts.v[i] < ts.v[i - 1])) return opt_fail(&p, "--ts", "must be strictly decreasing");
  if (tref > ts.v[ts.n - 1]) return opt_fail(&p, "--ref-t", "must be <= the smallest t (%g)", ts.v[ts.n - 1]);

  const size_t N = (size_t) n, P = (size_t) pdim, np = N * P, nt = ts.n;
  gsl_rng *r = rng_stream(p.seed, RNG_DATA, 19, 0);
  double xnorm, *x = r ? cbass_planted(N, P, (size_t) nrg, (size_t) ncg, sep, sd, r, &xnorm) : NULL;
  if (!x) return PROC_EXIT_NUMERIC;
  cc_graph *gr, *gc;
  if (cbass_weights(x, N, P, &gr, &gc)) return PROC_EXIT_NUMERIC;
  const double alpha = cbass_alpha(gr, gc, 1.0);
  cbass_admm *a = cbass_admm_alloc(x, N, P, gr, gc, 1.0, alpha);
  cbass_path **cb = calloc(nt, sizeof *cb), **ex = calloc(nt, sizeof *ex), *ref = NULL;
  double *dh = calloc(nt, sizeof *dh);
  if (!a || !cb || !ex || !dh) return PROC_EXIT_NUMERIC;

  prog_bar bar;
  prog_start(&bar, "W-cbass-accuracy", (long) nt + 1, p.quiet);
  int rc = 0;
  for (size_t i = 0; i < nt && !rc; i++) {
    const cc_carp_config cfg = { ts.v[i], 1e-6, 50, 1, 100000000 };
    cb[i] = cbass_path_alloc(N, P, gr->ne, gc->ne, 1);
    ex[i] = cbass_path_alloc(N, P, gr->ne, gc->ne, ts.v[i] == tref);
    if (!cb[i] || !ex[i]) return PROC_EXIT_NUMERIC;
    rc = cbass_run(a, &cfg, cb[i]);
    if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, cb[i]->row->steps + 1, "CBASS, t = %g", ts.v[i]);
    if (!rc) rc = cbass_exact_geometric(a, ts.v[i], ex[i]);
    if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, ex[i]->row->steps + 1, "exact path, t = %g", ts.v[i]);
    if (ts.v[i] == tref) ref = ex[i];
    prog_update(&bar, (long) i + 1);
  }
  if (!rc && !ref) {
    ref = cbass_path_alloc(N, P, gr->ne, gc->ne, 1);
    rc = ref ? cbass_exact_geometric(a, tref, ref) : GSL_ENOMEM;
  }
  prog_update(&bar, (long) nt + 1);
  prog_finish(&bar);
  if (rc) return proc_fail(p.program, "ADMM failed (%s)", gsl_strerror(rc));
  /* Hausdorff distances to the reference, burn-in iterate excluded */
  for (size_t i = 0; i < nt; i++)
    dh[i] = cc_hausdorff(cb[i]->row->u + np, cb[i]->row->nstore - 1, ref->row->u, ref->row->nstore, np) / xnorm;

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_comment(&f, "data stream (seed, DATA, 19); rows: phi = %.17g, k = %zu, %zu edges; columns: phi = %.17g, k = %zu, "
              "%zu edges; alpha = %.17g; ||X||_F = %.17g", gr->phi, gr->k, gr->ne, gc->phi, gc->k, gc->ne, alpha, xnorm);
  out_comment(&f, "exact_*: the exact path on the grid eps t^j (every level converged to 1e-12 ||X||_F in U, V and Z)");
  out_comment(&f, "hausdorff: CBASS iterates against the exact path on the grid of ref-t (%g, %zu levels, %zu steps), "
              "relative to ||X||_F", tref, ref->row->nstore, ref->row->steps);
  out_columns(&f, "t\tcbass_steps\tpredicted_steps\tall_fused\tgamma_end\texact_steps\texact_levels\texact_capped\t"
              "exact_gamma_end\tstep_ratio\thausdorff");
  for (size_t i = 0; i < nt; i++) {
    const cc_path *c = cb[i]->row, *e = ex[i]->row;
    const double pred = 50 + log(c->gamma_end / 1e-6) / log(ts.v[i]);
    fprintf(f.fp, "%.17g\t%zu\t%.17g\t%d\t%.17g\t%zu\t%zu\t%zu\t%.17g\t%.17g\t%.17g\n", ts.v[i], c->steps, pred,
            isfinite(c->gamma_end) && isfinite(cb[i]->col->gamma_end), c->gamma_end, e->steps, e->nstore, e->capped,
            e->gamma_end, (double) e->steps / (double) c->steps, dh[i]);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  for (size_t i = 0; i < nt && i < 10; i++) {
    out_run_macro_at(&f, &p, "T", i, "%g", ts.v[i]);
    out_run_macro_at(&f, &p, "Haus", i, "%s", out_tex_number(num, sizeof num, dh[i], 2));
    out_run_macro_at(&f, &p, "Steps", i, "%zu", cb[i]->row->steps);
    out_run_macro_at(&f, &p, "ExactSteps", i, "%zu", ex[i]->row->steps);
    out_run_macro_at(&f, &p, "Ratio", i, "%.0f", (double) ex[i]->row->steps / (double) cb[i]->row->steps);
    out_run_macro_at(&f, &p, "GammaEnd", i, "%s", out_tex_number(num, sizeof num, cb[i]->row->gamma_end, 3));
  }
  out_run_macro(&f, &p, "N", "%ld", n);
  out_run_macro(&f, &p, "P", "%ld", pdim);
  out_run_macro(&f, &p, "RowGroups", "%ld", nrg);
  out_run_macro(&f, &p, "ColGroups", "%ld", ncg);
  out_run_macro(&f, &p, "RowEdges", "%zu", gr->ne);
  out_run_macro(&f, &p, "ColEdges", "%zu", gc->ne);
  out_run_macro(&f, &p, "Alpha", "%g", alpha);
  out_run_macro(&f, &p, "RefT", "%g", tref);
  out_run_macro(&f, &p, "RefLevels", "%zu", ref->row->nstore);
  out_run_macro(&f, &p, "ExactGammaEnd", "%s", out_tex_number(num, sizeof num, ref->row->gamma_end, 3));
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  for (size_t i = 0; i < nt; i++) { ref = ex[i] == ref ? NULL : ref; cbass_path_free(cb[i]); cbass_path_free(ex[i]); }
  cbass_path_free(ref);
  free(cb); free(ex); free(dh); free(x);
  cbass_admm_free(a);
  cc_graph_free(gr); cc_graph_free(gc);
  gsl_rng_free(r);
  return 0;
}
