/* M-saddle -- lifting turns a spurious local minimum into a strict saddle (the mechanism of
 * Theorem 4 of Ma, Lavaei & Sojoudi 2023) on the two-dimensional instance with delta ~ 0.54:
 * x^ = (0, 1/sqrt 2) is a strict local minimum of f, x^{(x)3} a saddle of h^3.  Losses are reported
 * unscaled, f = ||A(xx^T - zz^T)||^2 and h^l = 4 h (our h carries the 1/4).  Writes the loss along
 * e_1 and e_1^{(x)l} through these points, the central-difference curvatures, the smallest
 * eigenvalue of the lifted Hessian (central differences), and the outcomes of GD. */
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_math.h>
#include "experiment.h"
#include "lt_protocol.h"
#include "models/lt.h"

static const rng_table streams = { "arm trial", "arm as in the column, trial from 1", {
  { "init", RNG_INIT, "arm + 1", "trial" }, { "noise", RNG_NOISE, "arm + 1", "trial" } } };

int main(int argc, char **argv)
{
  proc_init();
  long l = 3, T = 5000, t_unit = 200, t_small = 200, t_lift = 40, grid = 121;
  double fd = 1e-4, eps = 1e-3, eta_u = 0.04, eta_l = 0.02, half = 0.6;
  opt_spec specs[] = {
    { "l", OPT_INT, &l, 2, 4, 0, "lifting order" },
    { "fd-step", OPT_REAL, &fd, 0, 0.1, OPT_LO_OPEN, "central-difference step" },
    { "grid", OPT_INT, &grid, 3, 10001, 0, "points of the landscape lines" },
    { "half-width", OPT_REAL, &half, 0, 10, OPT_LO_OPEN, "landscape lines span [-w, w]" },
    { "eps", OPT_REAL, &eps, 0, 1, OPT_LO_OPEN, "scale of the small initializations" },
    { "eta-unlifted", OPT_REAL, &eta_u, 0, 1, OPT_LO_OPEN, "GD step, unlifted" },
    { "eta-lifted", OPT_REAL, &eta_l, 0, 1, OPT_LO_OPEN, "GD step, lifted" },
    { "T", OPT_INT, &T, 1, 1e6, 0, "iteration cap of the GD runs" },
    { "trials-unit", OPT_INT, &t_unit, 1, 100000, 0, "unlifted trials from x0 ~ N(0, I)" },
    { "trials-small", OPT_INT, &t_small, 1, 100000, 0, "unlifted trials from eps x0/sqrt(n)" },
    { "trials-lifted", OPT_INT, &t_lift, 1, 100000, 0, "lifted trials from eps x0^{(x)l}/n^{l/2}" },
  };
  opt_parser p = OPT_PARSER("M-saddle", "the delta ~ 0.54 instance: strict minimum -> strict saddle", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;

  lt_base *B = lt_base_delta();
  lt_work *W1 = B ? lt_work_alloc(B, 1) : NULL, *Wl = B ? lt_work_alloc(B, (size_t) l) : NULL;
  if (!W1 || !Wl) return PROC_EXIT_NUMERIC;
  const size_t N = lt_work_size(Wl);
  const double xh[2] = { 0, M_SQRT1_2 }, e1[2] = { 1, 0 }, e2[2] = { 0, 1 };
  double *wh = malloc(N * sizeof(double)), *d1 = malloc(N * sizeof(double)), *tmp = malloc(N * sizeof(double));
  if (!wh || !d1 || !tmp) return PROC_EXIT_NUMERIC;
  lt_power(xh, 2, (size_t) l, wh);
  lt_power(e1, 2, (size_t) l, d1);

  /* Curvatures (unscaled: 4 x ours). */
  const double cf1 = 4 * lt_curvature(B, W1, xh, e1, fd), cf2 = 4 * lt_curvature(B, W1, xh, e2, fd);
  const double ch1 = 4 * lt_curvature(B, Wl, wh, d1, fd);
  /* the smallest eigenvalue of the lifted Hessian at x^{(x)l} */
  const double hmin = lt_hessian_min_fd(B, Wl, wh, fd);
  if (isnan(hmin)) return PROC_EXIT_NUMERIC;

  /* GD outcomes (before any file is written: a divergence leaves no data). */
  const lt_arm_config arms[3] = { { 1, LT_GD, eta_u, (size_t) T, LT_INIT_UNIT, eps, (size_t) t_unit },
                                  { 1, LT_GD, eta_u, (size_t) T, LT_INIT_GAUSS, eps, (size_t) t_small },
                                  { (size_t) l, LT_GD, eta_l, (size_t) T, LT_INIT_GAUSS, eps, (size_t) t_lift } };
  lt_arm_result r[3];
  size_t fail = 0;
  int rc = 0;
  for (int a = 0; a < 3 && !rc; a++) rc = lt_arm(B, &arms[a], &streams, p.seed, a, &r[a], &fail);
  if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail, "GD");
  if (rc) return PROC_EXIT_NUMERIC;
  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_comment(&f, "unscaled losses minus their value at s = 0: f(x^ + s e1), h^l(x^{(x)l} + s e1^{(x)l}), f(x^ + s e2)");
  out_columns(&f, "s\tf_e1\th_e1\tf_e2");
  double f0, h0;
  lt_loss_grad(B, W1, xh, &f0, NULL);
  lt_loss_grad(B, Wl, wh, &h0, NULL);
  for (long k = 0; k < grid; k++) {
    const double s = -half + 2 * half * (double) k / (double) (grid - 1);
    double x[2] = { s, M_SQRT1_2 }, y[2] = { 0, M_SQRT1_2 + s }, fa, fb, hb;
    for (size_t q = 0; q < N; q++) tmp[q] = wh[q] + s * d1[q];
    if (lt_loss_grad(B, W1, x, &fa, NULL) || lt_loss_grad(B, W1, y, &fb, NULL) || lt_loss_grad(B, Wl, tmp, &hb, NULL))
      return PROC_EXIT_NUMERIC;
    fprintf(f.fp, "%.17g\t%.17g\t%.17g\t%.17g\n", s, 4 * (fa - f0), 4 * (hb - h0), 4 * (fb - f0));
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, "curv")) return PROC_EXIT_NUMERIC;
  out_comment(&f, "central differences with step %g on the unscaled losses", fd);
  out_columns(&f, "l\tf_e1\tf_e2\th_e1\th_min_eig");
  fprintf(f.fp, "%ld\t%.17g\t%.17g\t%.17g\t%.17g\n", l, cf1, cf2, ch1, hmin);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, "gd")) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "arm 0: unlifted x0 ~ N(0, I); 1: unlifted eps x0/sqrt(n); 2: lifted eps x0^{(x)l}/n^{l/2}; "
              "success iff ||xx^T - zz^T||_F <= %g", LT_SUCCESS_DIST);
  out_columns(&f, "arm\ttrials\tsuccesses\trate\tmedian_iters");
  for (int a = 0; a < 3; a++)
    fprintf(f.fp, "%d\t%zu\t%zu\t%.17g\t%.17g\n", a, r[a].trials, r[a].successes, r[a].rate, r[a].median_iters);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_macro(&f, "MSaddleCurvF", "%.5f", cf1);
  out_macro(&f, "MSaddleCurvFtwo", "%.5f", cf2);
  out_macro(&f, "MSaddleCurvH", "%.5f", ch1);
  out_macro(&f, "MSaddleHminEig", "%.5f", hmin);
  static const char *tex[3] = { "Unit", "Small", "Lifted" };
  char name[64];
  for (int a = 0; a < 3; a++) {
    snprintf(name, sizeof name, "MSaddleSucc%s", tex[a]);
    out_macro(&f, name, "%zu", r[a].successes);
    snprintf(name, sizeof name, "MSaddleTrials%s", tex[a]);
    out_macro(&f, name, "%zu", r[a].trials);
  }
  out_macro(&f, "MSaddleL", "%ld", l);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  free(wh); free(d1); free(tmp);
  lt_work_free(W1); lt_work_free(Wl); lt_base_free(B);
  return 0;
}
