/* M-identities -- the exact identities of the lift (Ma, Lavaei & Sojoudi 2023), checked in floating
 * point:
 *  - factorization: h(x^{(x)l}) from the structured evaluation equals
 *    1/4 sum_{k in [m]^l} (prod_s <A_{k_s}, x x^T> - prod_s b_{k_s})^2 (explicit loop), l = 1, 2, 3;
 *  - first-order points (Theorem 3): grad h(x^^{(x)l}) = 0 at the critical point x^ = (0, 1/sqrt 2)
 *    of f on the delta ~ 0.54 instance;
 *  - symmetry (Lemma 1): GD from a symmetric w_0 stays symmetric, max over mode permutations
 *    |w_t - sigma(w_t)| / ||w_t|| for t <= T, on the completion instance. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include "experiment.h"
#include "lt_protocol.h"
#include "models/lt.h"

static const rng_table streams = { "r", "r = symmetry run (M-identities-sym.tsv)", {
  { "Gaussian instance", RNG_DATA, "1", NULL }, { "x", RNG_MISC, "1", NULL }, { "init", RNG_INIT, "1", "r + 1" } } };

int main(int argc, char **argv)
{
  proc_init();
  long n = 5, T = 2000, points = 3, l_sym = 3;
  double rho = 0.01, eta = 0.02;
  opt_list epss = { 3, { 1e-7, 1e-3, 1 } };
  opt_spec specs[] = {
    { "n", OPT_INT, &n, 2, 8, 0, "dimension of the completion and Gaussian instances" },
    { "rho", OPT_REAL, &rho, 0, 1, OPT_LO_OPEN, "off-mask weight of the completion instance" },
    { "points", OPT_INT, &points, 1, 100, 0, "random points x per instance and order" },
    { "l-sym", OPT_INT, &l_sym, 2, 4, 0, "lifting order of the symmetry runs" },
    { "eta", OPT_REAL, &eta, 0, 1, OPT_LO_OPEN, "step of the symmetry runs" },
    { "T", OPT_INT, &T, 1, 100000, 0, "iterations of the symmetry runs" },
    { "epss", OPT_REALS, &epss, 0, 10, OPT_LO_OPEN, "initialization scales of the symmetry runs" },
  };
  opt_parser p = OPT_PARSER("M-identities", "factorization, first-order points and symmetry of the lift", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;

  /* Factorization on three instances, l = 1..3. */
  gsl_rng *rd = rng_table_stream(&streams, "Gaussian instance", p.seed, NULL), *rx = rng_table_stream(&streams, "x", p.seed, NULL);
  lt_base *inst[3] = { lt_base_completion((size_t) n, rho), lt_base_gaussian((size_t) n, 2 * (size_t) n, 1.0, rd),
                       lt_base_delta() };
  if (!inst[0] || !inst[1] || !inst[2]) return PROC_EXIT_NUMERIC;
  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "instance 0 = completion (n, rho), 1 = Gaussian (n, m = 2n), 2 = delta ~ 0.54 (n = 2); x ~ N(0, I)");
  out_columns(&f, "instance\tl\tpoint\th_structured\th_factored\trel_diff");
  double worst = 0;
  for (int k = 0; k < 3; k++)
    for (size_t l = 1; l <= 3; l++)
      for (long q = 0; q < points; q++) {
        double x[16], h;
        for (size_t a = 0; a < inst[k]->n; a++) x[a] = gsl_ran_gaussian(rx, 1.0);
        if (lt_point_loss(inst[k], l, x, &h, NULL)) return PROC_EXIT_NUMERIC;
        const double hf = lt_loss_factored(inst[k], l, x), rel = fabs(h - hf) / fabs(hf);
        worst = fmax(worst, rel);
        fprintf(f.fp, "%d\t%zu\t%ld\t%.17g\t%.17g\t%.17g\n", k, l, q, h, hf, rel);
      }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  /* First-order points on the delta instance. */
  if (out_tsv_open(&f, &p, "fop")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "delta ~ 0.54 instance, x^ = (0, 1/sqrt2); losses with the 1/4 scaling");
  out_columns(&f, "l\tgrad_norm\th");
  const double xh[2] = { 0, M_SQRT1_2 };
  double gmax = 0;
  for (size_t l = 1; l <= 3; l++) {
    double h, gn;
    if (lt_point_loss(inst[2], l, xh, &h, &gn)) return PROC_EXIT_NUMERIC;
    gmax = fmax(gmax, gn);
    fprintf(f.fp, "%zu\t%.17g\t%.17g\n", l, gn, h);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  /* Symmetry along GD on the completion instance, from v1 and Gaussian rank-1 inits. */
  const size_t runs = 2 * epss.n;
  double *rel = malloc(runs * (size_t) (T + 1) * sizeof(double));
  if (!rel) return PROC_EXIT_NUMERIC;
  double smax = 0;
  for (size_t r = 0; r < runs; r++) {
    gsl_rng *ri = rng_table_stream(&streams, "init", p.seed, (const long[]) { (long) r });
    double x0[16];
    for (long a = 0; a < n; a++) {
      const double g = gsl_ran_gaussian(ri, 1.0);
      x0[a] = r % 2 == 0 ? inst[0]->v1[a] + 0.01 * g : g;
    }
    gsl_rng_free(ri);
    size_t fail = 0;
    double *rr = rel + r * (size_t) (T + 1);
    const int rc = lt_sym_run(inst[0], (size_t) l_sym, x0, epss.v[r / 2], eta, (size_t) T, rr, &fail);
    if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail, "symmetry run %zu", r);
    if (rc) return PROC_EXIT_NUMERIC;
    for (long t = 0; t <= T; t++) if (!(rr[t] <= smax)) smax = rr[t];
  }
  if (out_tsv_open(&f, &p, "sym")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "max over mode permutations |w_t - sigma(w_t)|_max / ||w_t||_F; run r: eps = epss[r/2], init v1 (r even) or Gaussian (r odd)");
  out_columns(&f, "t\trun\teps\tgaussian\trel_defect");
  for (size_t r = 0; r < runs; r++)
    for (long t = 0; t <= T; t++)
      fprintf(f.fp, "%ld\t%zu\t%.17g\t%zu\t%.17g\n", t, r, epss.v[r / 2], r % 2, rel[r * (size_t) (T + 1) + (size_t) t]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_macro(&f, "MIdentitiesFactor", "%s", out_tex_number(num, sizeof num, worst, 2));
  out_macro(&f, "MIdentitiesFop", "%s", out_tex_number(num, sizeof num, gmax, 2));
  out_macro(&f, "MIdentitiesSym", "%s", out_tex_number(num, sizeof num, smax, 2));
  out_macro(&f, "MIdentitiesT", "%ld", T);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  for (int k = 0; k < 3; k++) lt_base_free(inst[k]);
  free(rel); gsl_rng_free(rd); gsl_rng_free(rx);
  return 0;
}
