/* J-emergence -- measured emergence times t_i (first t with u_i^T F_t G_t^T v_i >= sigma_i/2)
 * against the first-order prediction t_i^pred = ln(sigma_i/s_{i,0} - 1) / (2 ln(1 + eta sigma_i))
 * over a grid of init scales alpha and step sizes eta, several seeds each (Jiang, Chen & Ding 2023;
 * grid and shapes designed for this artifact).  Also used, with other shapes, by J-dimfree. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"
#include "mf_protocol.h"
#include "models/mf.h"

#define NTRACK 5

static const rng_table streams = { "a e s", "a = alpha index, e = eta index (from 0), s = seed", {
  { "X", RNG_DATA, "1", NULL }, { "init", RNG_INIT, "100 a + e", "s" } } };

int main(int argc, char **argv)
{
  proc_init();
  long m = 50, n = 40, k = 60, seeds = 10;
  double tail = 0.01, tmax_factor = 3.0;
  opt_list head = { 5, { 1, 0.8, 0.6, 0.4, 0.2 } };
  opt_list alphas = { 3, { 1e-4, 1e-6, 1e-8 } }, etas = { 2, { 0.05, 0.5 } };
  opt_spec specs[] = {
    { "m", OPT_INT, &m, 5, 2000, 0, "rows of X" },
    { "n", OPT_INT, &n, 5, 2000, 0, "columns of X" },
    { "k", OPT_INT, &k, 1, 4000, 0, "width k of the factors" },
    { "sigma", OPT_REALS, &head, 0, 1e6, OPT_LO_OPEN, "the leading singular values (5, decreasing)" },
    { "tail", OPT_REAL, &tail, 0, 1e6, 0, "the remaining singular values, up to min(m, n)" },
    { "alphas", OPT_REALS, &alphas, 0, 1, OPT_LO_OPEN, "init scales (entries ~ N(0, alpha^2))" },
    { "etas", OPT_REALS, &etas, 0, 10, OPT_LO_OPEN, "step sizes" },
    { "seeds", OPT_INT, &seeds, 1, 1000, 0, "init seeds per (alpha, eta)" },
    { "tmax-factor", OPT_REAL, &tmax_factor, 1, 100, 0, "stop at this multiple of max t_i^pred" },
  };
  opt_parser p = OPT_PARSER("J-emergence", "emergence times vs first-order prediction", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  for (size_t e = 0; e < etas.n; e++)
    if ((status = mf_validate(&p, m, n, k, &head, tail, etas.v[e]))) return status;
  if (head.n != NTRACK) return opt_fail(&p, "--sigma", "must have exactly %d values (got %zu)", NTRACK, head.n);

  gsl_rng *rx = rng_table_stream(&streams, "X", p.seed, NULL);
  mf_problem *pr = mf_target(&head, tail, (size_t) m, (size_t) n, rx);
  mf_work *w = mf_work_alloc((size_t) m, (size_t) n, (size_t) k, NTRACK);
  gsl_matrix *F = gsl_matrix_alloc((size_t) m, (size_t) k), *G = gsl_matrix_alloc((size_t) n, (size_t) k);
  if (!pr || !w || !F || !G) return PROC_EXIT_NUMERIC;

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "init convention: F_0, G_0 entries i.i.d. N(0, alpha^2)");
  out_columns(&f, "alpha\teta\tseed\ti\tsigma\ts0\tt_pred\tt_meas\tratio\tcrude");
  double worst = 0.0, crude_lo = INFINITY, crude_hi = -INFINITY, c4_lo = INFINITY, c4_hi = -INFINITY;
  for (size_t a = 0; a < alphas.n; a++)
    for (size_t e = 0; e < etas.n; e++)
      for (long s = 1; s <= seeds; s++) {
        gsl_rng *ri = rng_table_stream(&streams, "init", p.seed, (const long[]) { (long) a, (long) e, s });
        if (!ri) return PROC_EXIT_NUMERIC;
        mf_init_gaussian(F, G, alphas.v[a], ri);
        gsl_rng_free(ri);
        double te[NTRACK], s0[NTRACK], tp[NTRACK], tpmax = 0.0;
        gsl_matrix_const_view Ur = gsl_matrix_const_submatrix(pr->U, 0, 0, (size_t) m, NTRACK);
        gsl_matrix_const_view Vr = gsl_matrix_const_submatrix(pr->V, 0, 0, (size_t) n, NTRACK);
        gsl_vector_view s0v = gsl_vector_view_array(s0, NTRACK);
        if (mf_components(F, G, &Ur.matrix, &Vr.matrix, NULL, &s0v.vector, w)) return PROC_EXIT_NUMERIC;
        for (size_t i = 0; i < NTRACK; i++) {
          tp[i] = mf_t_pred(head.v[i], s0[i], etas.v[e]);
          tpmax = fmax(tpmax, tp[i]);
        }
        size_t fail = 0;
        int rc = mf_emergence(pr, NTRACK, F, G, etas.v[e], (size_t) ceil(tmax_factor * tpmax), w, te,
                              s0, &fail);
        if (rc == GSL_ERUNAWAY) {
          out_abort(&f);
          return proc_diverged(p.program, fail, "alpha = %g, eta = %g, seed %ld", alphas.v[a], etas.v[e], s);
        }
        if (rc) { out_abort(&f); return PROC_EXIT_NUMERIC; }
        for (size_t i = 0; i < NTRACK; i++) {
          const double ratio = te[i] / tp[i];
          const double crude = te[i] * etas.v[e] * head.v[i] / log(1.0 / alphas.v[a]);
          fprintf(f.fp, "%.17g\t%.17g\t%ld\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n",
                  alphas.v[a], etas.v[e], s, i + 1, head.v[i], s0[i], tp[i], te[i], ratio, crude);
          worst = isnan(ratio) ? INFINITY : fmax(worst, fabs(ratio - 1));
          if (alphas.v[a] <= 1e-6) crude_lo = fmin(crude_lo, crude), crude_hi = fmax(crude_hi, crude);
          else c4_lo = fmin(c4_lo, crude), c4_hi = fmax(c4_hi, crude);
        }
      }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_macro(&f, "JEmergenceWorst", "%s", out_tex_number(num, sizeof num, 100 * worst, 2));
  out_macro(&f, "JEmergenceCrudeLo", "%.2f", crude_lo);
  out_macro(&f, "JEmergenceCrudeHi", "%.2f", crude_hi);
  out_macro(&f, "JEmergenceCrudeFourLo", "%.2f", c4_lo);
  out_macro(&f, "JEmergenceCrudeFourHi", "%.2f", c4_hi);
  out_macro(&f, "JEmergenceM", "%ld", m);
  out_macro(&f, "JEmergenceN", "%ld", n);
  out_macro(&f, "JEmergenceK", "%ld", k);
  out_macro(&f, "JEmergenceSeeds", "%ld", seeds);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  gsl_matrix_free(F); gsl_matrix_free(G);
  mf_work_free(w);
  mf_problem_free(pr);
  gsl_rng_free(rx);
  return 0;
}
