/* S-phases -- one trajectory of gradient descent for matrix sensing from a small random
 * initialization, with every diagnostic at every iteration: the three phases of Stoger &
 * Soltanolkotabi (2021), alignment (a power method), saddle avoidance, local refinement. */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "ms_protocol.h"
#include "models/ms.h"

/* One trajectory: the first data and init seed of the sweeps' layout (ms_sweep_streams). */
static const rng_table streams = { NULL, NULL, {
  { "truth", RNG_DATA, "1", NULL }, { "operator", RNG_OPERATOR, "1", NULL }, { "init", RNG_INIT, "1", "1" } } };

int main(int argc, char **argv)
{
  proc_init();
  long n = 40, r = 2, k = 40, m = 400, T = 3000;
  double kappa = 2.0, mu = 0.1, alpha = 1e-6;
  opt_spec specs[] = {
    MS_PROBLEM_OPTIONS(n, r, k, m, kappa, mu),
    { "alpha", OPT_REAL, &alpha, 0, 1e3, OPT_LO_OPEN, "initialization scale (> 0)" },
    { "T", OPT_INT, &T, 1, 1e7, 0, "number of iterations" },
  };
  opt_parser p = OPT_PARSER("S-phases", "one sensing trajectory with all diagnostics (three phases)",
                            specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if ((status = ms_validate(&p, n, r, k, m))) return status;

  gsl_rng *rt = rng_table_stream(&streams, "truth", p.seed, NULL);
  gsl_rng *ra = rng_table_stream(&streams, "operator", p.seed, NULL);
  gsl_rng *ri = rng_table_stream(&streams, "init", p.seed, NULL);
  ms_problem *pr = ms_threaded(ms_problem_alloc((size_t) n, (size_t) r, (size_t) m, kappa, rt, ra));
  gsl_matrix *U = gsl_matrix_alloc((size_t) n, (size_t) k);
  ms_trace *tr = ms_trace_alloc((size_t) T);
  if (!ri || !pr || !U || !tr) return PROC_EXIT_NUMERIC;
  ms_init_small(U, alpha, ri);

  ms_config cfg = { .mu = mu, .T = (size_t) T, .diag_every = 1, .power_method = 1 };
  size_t fail_at = 0;
  int rc = ms_run(pr, &cfg, U, tr, &fail_at);
  if (rc == GSL_ERUNAWAY) return proc_diverged(p.program, fail_at, "mu = %g", mu);
  if (rc) return PROC_EXIT_NUMERIC;

  const double sigma_min = gsl_vector_get(pr->sigma, (size_t) r - 1);
  ms_landmarks lm;
  ms_find_landmarks(tr, sigma_min, 1e-2, 1e-2, &lm);
  double noise_max = 0.0;
  for (size_t t = 0; t <= (size_t) T; t++) noise_max = fmax(noise_max, tr->noise[t]);

  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "sigma_min(X) = %.17g; power-method deviation NAN once it exceeds 1", sigma_min);
  out_columns(&f, "t\ttest\ttrain\tsignal\tnoise\tsin_truth\tsin_spec\tpm_dev");
  for (size_t t = 0; t <= (size_t) T; t++)
    fprintf(f.fp, "%zu\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\t%.17g\n", t, tr->test[t],
            tr->train[t], tr->signal[t], tr->noise[t], tr->sin_truth[t], tr->sin_spec[t],
            tr->pm_dev[t]);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  if (out_tsv_open(&f, &p, "landmarks")) return PROC_EXIT_NUMERIC;
  out_columns(&f, "phase1_end\tphase2_end\tplateau_t\tplateau\tt_hit\tT\tnoise_max\talpha");
  fprintf(f.fp, "%zu\t%zu\t%zu\t%.17g\t%zu\t%ld\t%.17g\t%.17g\n", lm.phase1_end, lm.phase2_end,
          lm.plateau_t, lm.plateau, lm.t_hit, T, noise_max, alpha);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_macro(&f, "SPhasesPhaseOneEnd", "%zu", lm.phase1_end);
  out_macro(&f, "SPhasesPhaseTwoEnd", "%zu", lm.phase2_end);
  out_macro(&f, "SPhasesPlateau", "%s", out_tex_number(num, sizeof num, lm.plateau, 3));
  out_macro(&f, "SPhasesPlateauT", "%zu", lm.plateau_t);
  out_macro(&f, "SPhasesTHit", "%zu", lm.t_hit);
  out_macro(&f, "SPhasesFinalTest", "%s", out_tex_number(num, sizeof num, tr->test[T], 2));
  const size_t t_mid = (size_t) T >= 1200 ? 1200 : (size_t) T;
  out_macro(&f, "SPhasesTestMidT", "%zu", t_mid);
  out_macro(&f, "SPhasesTestMid", "%s", out_tex_number(num, sizeof num, tr->test[t_mid], 2));
  out_macro(&f, "SPhasesNoiseOverAlpha", "%s", out_tex_number(num, sizeof num, noise_max / alpha, 2));
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  ms_trace_free(tr);
  gsl_matrix_free(U);
  ms_problem_free(pr);
  gsl_rng_free(rt); gsl_rng_free(ra); gsl_rng_free(ri);
  return 0;
}
