/* J-dimfree -- emergence times t_i at a fixed spectrum for several shapes (m, n, k): near
 * dimension-freeness (Jiang, Chen & Ding 2023).  To first order t_i depends on the shape only
 * through s_{i,0} ~ k alpha^2 / 2, i.e. by ln(k)/(2 eta sigma_i).  Shapes designed for this
 * artifact. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "mf_protocol.h"
#include "models/mf.h"

#define NTRACK 5

static const rng_table streams = { "c s", "c = shape index (from 0), s = seed", {
  { "X", RNG_DATA, "2", "c" }, { "init", RNG_INIT, "200 + c", "s" } } };

int main(int argc, char **argv)
{
  proc_init();
  long seeds = 10;
  double alpha = 1e-6, eta = 0.2, tail = 0.01;
  opt_list head = { 5, { 1, 0.8, 0.6, 0.4, 0.2 } };
  opt_list ms = { 4, { 20, 20, 50, 100 } }, ns = { 4, { 20, 20, 30, 100 } }, ks = { 4, { 5, 10, 50, 200 } };
  opt_spec specs[] = {
    { "ms", OPT_INTS, &ms, 5, 2000, 0, "rows m of each shape" },
    { "ns", OPT_INTS, &ns, 5, 2000, 0, "columns n of each shape" },
    { "ks", OPT_INTS, &ks, 1, 4000, 0, "widths k of each shape" },
    { "sigma", OPT_REALS, &head, 0, 1e6, OPT_LO_OPEN, "the leading singular values (5, decreasing)" },
    { "tail", OPT_REAL, &tail, 0, 1e6, 0, "the remaining singular values, up to min(m, n)" },
    { "alpha", OPT_REAL, &alpha, 0, 1, OPT_LO_OPEN, "init scale (entries ~ N(0, alpha^2))" },
    { "eta", OPT_REAL, &eta, 0, 10, OPT_LO_OPEN, "step size" },
    { "seeds", OPT_INT, &seeds, 1, 1000, 0, "init seeds per shape" },
  };
  opt_parser p = OPT_PARSER("J-dimfree", "emergence times for several shapes at a fixed spectrum", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if (ns.n != ms.n || ks.n != ms.n)
    return opt_fail(&p, "--ns", "--ms, --ns and --ks must have the same length (%zu, %zu, %zu)", ms.n, ns.n, ks.n);
  for (size_t c = 0; c < ms.n; c++)
    if ((status = mf_validate(&p, (long) ms.v[c], (long) ns.v[c], (long) ks.v[c], &head, tail, eta)))
      return status;
  if (head.n != NTRACK) return opt_fail(&p, "--sigma", "must have exactly %d values (got %zu)", NTRACK, head.n);

  out_file f, fs;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "init convention: F_0, G_0 entries i.i.d. N(0, alpha^2)");
  out_columns(&f, "shape\tm\tn\tk\tseed\ti\tsigma\tt_pred\tt_meas");
  if (out_tsv_open(&fs, &p, "summary")) return PROC_EXIT_NUMERIC;
  out_columns(&fs, "shape\tm\tn\tk\ti\tsigma\tt_median\tt_min\tt_max\tt_pred_median");
  for (size_t c = 0; c < ms.n; c++) {
    const size_t m = (size_t) ms.v[c], n = (size_t) ns.v[c], k = (size_t) ks.v[c];
    gsl_rng *rx = rng_table_stream(&streams, "X", p.seed, (const long[]) { (long) c, 0 });
    mf_problem *pr = mf_target(&head, tail, m, n, rx);
    mf_work *w = mf_work_alloc(m, n, k, NTRACK);
    gsl_matrix *F = gsl_matrix_alloc(m, k), *G = gsl_matrix_alloc(n, k);
    double *te = malloc((size_t) seeds * NTRACK * sizeof *te), *tp = malloc((size_t) seeds * NTRACK * sizeof *tp);
    if (!rx || !pr || !w || !F || !G || !te || !tp) return PROC_EXIT_NUMERIC;
    for (long s = 1; s <= seeds; s++) {
      gsl_rng *ri = rng_table_stream(&streams, "init", p.seed, (const long[]) { (long) c, s });
      if (!ri) return PROC_EXIT_NUMERIC;
      mf_init_gaussian(F, G, alpha, ri);
      gsl_rng_free(ri);
      double s0[NTRACK], *t = te + (s - 1) * NTRACK, *q = tp + (s - 1) * NTRACK;
      size_t fail = 0;
      /* The horizon: 3 times the crude law for the smallest tracked value, ample for any shape. */
      const size_t Tmax = (size_t) ceil(3.0 * log(1.0 / alpha + 1e3) / (eta * head.v[NTRACK - 1]) + 100);
      int rc = mf_emergence(pr, NTRACK, F, G, eta, Tmax, w, t, s0, &fail);
      if (rc == GSL_ERUNAWAY) {
        out_abort(&f); out_abort(&fs);
        return proc_diverged(p.program, fail, "shape %zu, seed %ld", c + 1, s);
      }
      if (rc) return PROC_EXIT_NUMERIC;
      for (size_t i = 0; i < NTRACK; i++) {
        q[i] = mf_t_pred(head.v[i], s0[i], eta);
        fprintf(f.fp, "%zu\t%zu\t%zu\t%zu\t%ld\t%zu\t%.17g\t%.17g\t%.17g\n", c + 1, m, n, k, s, i + 1,
                head.v[i], q[i], t[i]);
      }
    }
    for (size_t i = 0; i < NTRACK; i++) {
      double x[1000], y[1000];
      for (long s = 0; s < seeds; s++) x[s] = te[s * NTRACK + i], y[s] = tp[s * NTRACK + i];
      stats_summary a = stats_summarize(x, (size_t) seeds), b = stats_summarize(y, (size_t) seeds);
      fprintf(fs.fp, "%zu\t%zu\t%zu\t%zu\t%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", c + 1, m, n, k,
              i + 1, head.v[i], a.median, a.min, a.max, b.median);
    }
    free(te); free(tp);
    gsl_matrix_free(F); gsl_matrix_free(G);
    mf_work_free(w);
    mf_problem_free(pr);
    gsl_rng_free(rx);
  }
  if (out_commit(&f) || out_commit(&fs)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_macro(&f, "JDimfreeAlpha", "%s", out_tex_number(num, sizeof num, alpha, 2));
  out_macro(&f, "JDimfreeEta", "%g", eta);
  out_macro(&f, "JDimfreeSeeds", "%ld", seeds);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  return 0;
}
