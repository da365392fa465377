/* J-staircase -- one trajectory of GD on 1/2||F G^T - X||^2 from a small random initialization
 * (Jiang, Chen & Ding 2023): the singular values of F_t G_t^T appear one at a time, largest first,
 * each near its first-order emergence time t_i^pred; the distance to the best rank-r approximation
 * X_r is U-shaped in t, smallest between t_r and t_{r+1}.  Protocol designed for this artifact. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "mf_protocol.h"
#include "models/mf.h"

#define NTRACK 5

static const rng_table streams = { NULL, NULL, { { "X", RNG_DATA, "1", NULL }, { "init", RNG_INIT, "1", "1" } } };

int main(int argc, char **argv)
{
  proc_init();
  long m = 100, n = 100, k = 200, T = 2400, every = 4;
  double alpha = 1e-6, eta = 0.05, tail = 0.01;
  opt_list head = { 5, { 1, 0.8, 0.6, 0.4, 0.2 } };
  opt_spec specs[] = {
    { "m", OPT_INT, &m, 5, 2000, 0, "rows of X" },
    { "n", OPT_INT, &n, 5, 2000, 0, "columns of X" },
    { "k", OPT_INT, &k, 1, 4000, 0, "width k of the factors F (m x k), G (n x k)" },
    { "sigma", OPT_REALS, &head, 0, 1e6, OPT_LO_OPEN, "the leading singular values (5, decreasing)" },
    { "tail", OPT_REAL, &tail, 0, 1e6, 0, "the remaining singular values, up to min(m, n)" },
    { "alpha", OPT_REAL, &alpha, 0, 1, OPT_LO_OPEN, "init scale: entries of F_0, G_0 ~ N(0, alpha^2)" },
    { "eta", OPT_REAL, &eta, 0, 10, OPT_LO_OPEN, "step size" },
    { "T", OPT_INT, &T, 1, 1e7, 0, "number of iterations" },
    { "every", OPT_INT, &every, 1, 1e6, 0, "record every this many iterations" },
  };
  opt_parser p = OPT_PARSER("J-staircase", "singular values of F_t G_t^T and distances to X_r over t",
                            specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if ((status = mf_validate(&p, m, n, k, &head, tail, eta))) return status;
  if (head.n != NTRACK) return opt_fail(&p, "--sigma", "must have exactly %d values (got %zu)", NTRACK, head.n);

  const size_t q = (size_t) (m < n ? m : n);
  gsl_rng *rx = rng_table_stream(&streams, "X", p.seed, NULL), *ri = rng_table_stream(&streams, "init", p.seed, NULL);
  mf_problem *pr = mf_target(&head, tail, (size_t) m, (size_t) n, rx);
  mf_work *w = mf_work_alloc((size_t) m, (size_t) n, (size_t) k, NTRACK);
  gsl_matrix *F = gsl_matrix_alloc((size_t) m, (size_t) k), *G = gsl_matrix_alloc((size_t) n, (size_t) k);
  gsl_matrix *Xr[NTRACK + 1];
  gsl_vector *sv = gsl_vector_alloc(q), *s0 = gsl_vector_alloc(NTRACK), *sc = gsl_vector_alloc(NTRACK);
  if (!pr || !w || !F || !G || !sv || !s0 || !sc || mf_truncations(pr, NTRACK, Xr)) return PROC_EXIT_NUMERIC;
  mf_init_gaussian(F, G, alpha, ri);
  gsl_matrix_const_view Ur = gsl_matrix_const_submatrix(pr->U, 0, 0, (size_t) m, NTRACK);
  gsl_matrix_const_view Vr = gsl_matrix_const_submatrix(pr->V, 0, 0, (size_t) n, NTRACK);
  if (mf_components(F, G, &Ur.matrix, &Vr.matrix, sc, s0, w)) return PROC_EXIT_NUMERIC;
  double tpred[NTRACK], tmeas[NTRACK];
  for (size_t i = 0; i < NTRACK; i++) {
    tpred[i] = mf_t_pred(head.v[i], gsl_vector_get(s0, i), eta);
    tmeas[i] = NAN;
  }

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "X = U diag(sigma) V^T");
  out_comment(&f, "init convention: F_0, G_0 entries i.i.d. N(0, alpha^2); spectrum: %zu values", pr->sigma->size);
  out_columns(&f, "t\tsv1\tsv2\tsv3\tsv4\tsv5\tsv6\terr1\terr2\terr3\terr4\terr5\terr_full");
  double errmin[NTRACK + 1], terrmin[NTRACK + 1];
  for (size_t r = 1; r <= NTRACK; r++) errmin[r] = INFINITY, terrmin[r] = NAN;
  for (size_t t = 0; t <= (size_t) T; t++) {
    if (mf_components(F, G, &Ur.matrix, &Vr.matrix, sc, NULL, w)) return PROC_EXIT_NUMERIC;
    for (size_t i = 0; i < NTRACK; i++)
      if (isnan(tmeas[i]) && gsl_vector_get(sc, i) >= 0.5 * head.v[i]) tmeas[i] = (double) t;
    const gsl_matrix *P = mf_product(F, G, w);
    double err[NTRACK + 1];
    for (size_t r = 1; r <= NTRACK; r++) {
      err[r] = la_dist_frob(P, Xr[r]);
      if (err[r] < errmin[r]) errmin[r] = err[r], terrmin[r] = (double) t;
    }
    if (t % (size_t) every == 0 || t == (size_t) T) {
      const double efull = la_dist_frob(P, pr->X);
      if (mf_singular_values(F, G, sv, w)) return PROC_EXIT_NUMERIC;
      fprintf(f.fp, "%zu", t);
      for (size_t i = 0; i < 6; i++) fprintf(f.fp, "\t%.17g", gsl_vector_get(sv, i));
      for (size_t r = 1; r <= NTRACK; r++) fprintf(f.fp, "\t%.17g", err[r]);
      fprintf(f.fp, "\t%.17g\n", efull);
    }
    if (t == (size_t) T) break;
    int rc = mf_step(pr->X, F, G, eta, w, NULL);
    if (rc) out_abort(&f);
    if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, t + 1, "eta = %g", eta);
    if (rc) return PROC_EXIT_NUMERIC;
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, "marks")) return PROC_EXIT_NUMERIC;
  out_columns(&f, "i\tsigma\ts0\tt_pred\tt_meas\terr_min\tt_err_min");
  for (size_t i = 0; i < NTRACK; i++)
    fprintf(f.fp, "%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", i + 1, head.v[i],
            gsl_vector_get(s0, i), tpred[i], tmeas[i], errmin[i + 1], terrmin[i + 1]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  for (size_t i = 0; i < NTRACK; i++) {
    out_macro_nth(&f, "JStairTPred", i, "%.1f", tpred[i]);
    out_macro_nth(&f, "JStairTMeas", i, "%.0f", tmeas[i]);
    out_macro_nth(&f, "JStairErrMin", i, "%s", out_tex_number(num, sizeof num, errmin[i + 1], 2));
    out_macro_nth(&f, "JStairTErrMin", i, "%.0f", terrmin[i + 1]);
  }
  out_macro(&f, "JStairM", "%ld", m);
  out_macro(&f, "JStairN", "%ld", n);
  out_macro(&f, "JStairK", "%ld", k);
  out_macro(&f, "JStairAlpha", "%s", out_tex_number(num, sizeof num, alpha, 2));
  out_macro(&f, "JStairEta", "%g", eta);
  out_macro(&f, "JStairT", "%ld", T);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  for (size_t r = 1; r <= NTRACK; r++) gsl_matrix_free(Xr[r]);
  gsl_vector_free(sv); gsl_vector_free(s0); gsl_vector_free(sc);
  gsl_matrix_free(F); gsl_matrix_free(G); mf_work_free(w); mf_problem_free(pr);
  gsl_rng_free(rx); gsl_rng_free(ri);
  return 0;
}
