/* ms_protocol.h -- the matrix-sensing experiments' protocol (S, X): option rules shared by the
 * programs, the phase landmarks of one trajectory, and the seed sweep with its stream layout. */
#ifndef AR_MS_PROTOCOL_H
#define AR_MS_PROTOCOL_H

#include "core/rng.h"
#include "core/stats.h"
#include "io/opt.h"
#include "io/prog.h"
#include "models/ms.h"

/* Phase landmarks of one trajectory (Stoger & Soltanolkotabi's three phases), from a trace with
 * diagnostics every iteration and the power-method deviation:
 *   phase1_end = first t with pm_dev[t] > pm_level (the iterates leave the power method)
 *   phase2_end = first t >= phase1_end with signal[t] >= sigma_min / sqrt(10)
 *   plateau_t  = argmin over [phase1_end, phase2_end) of |ln test[t+1] - ln test[t]|, and
 *   plateau    = test[plateau_t] (the saddle plateau)
 *   t_hit      = first t with test[t] < hit_level
 * Missing landmarks are T+1 (and plateau NAN). */
typedef struct {
  size_t phase1_end, phase2_end, plateau_t, t_hit;
  double plateau;
} ms_landmarks;
void ms_find_landmarks(const ms_trace *tr, double sigma_min, double pm_level, double hit_level,
                       ms_landmarks *lm);

/* The option rows of the sensing problem shared by S-alpha, S-spectral and S-phases, on the
 * caller's variables (long n, r, k, m; double kappa, mu), in their declaration (provenance) order. */
#define MS_PROBLEM_OPTIONS(n, r, k, m, kappa, mu)                                          \
  { "n", OPT_INT, &(n), 2, 2000, 0, "dimension n of the n x n matrix" },                  \
  { "r", OPT_INT, &(r), 1, 2000, 0, "rank r of the ground truth" },                       \
  { "k", OPT_INT, &(k), 1, 2000, 0, "width k of the factor U (k >= r)" },                 \
  { "m", OPT_INT, &(m), 1, 1e8, 0, "number of Gaussian measurements" },                   \
  { "kappa", OPT_REAL, &(kappa), 1, 1e6, 0, "condition number of X (>= 1)" },            \
  { "mu", OPT_REAL, &(mu), 0, 10, OPT_LO_OPEN, "step size (> 0)" }

/* Validate the shape options shared by the sensing experiments (1 <= r <= n, r <= k, m >= 1):
 * one error line and OPT_EXIT_USAGE on violation, else 0.  Warns (run goes on) when
 * m >= n(n+1)/2: then A is injective on symmetric matrices and there is no overfitting regime. */
int ms_validate(const opt_parser *p, long n, long r, long k, long m);

/* The random streams of the sensing sweeps (S-alpha, S-spectral, S-width): truth and operator of
 * data seed d, initialization i of data seed d, both counted from 1.  The operator is drawn row by
 * row, so with the same data seed a smaller m measures with the first rows of a larger one. */
extern const rng_table ms_sweep_streams;

/* The problem of data seed d (truth and operator from ms_sweep_streams); NULL if out of memory. */
/* pr with the fused pass on proc_threads() threads (AR_THREADS; the results do not depend on it);
 * NULL (pr freed) when pr is NULL or the threads' scratch does not fit. */
ms_problem *ms_threaded(ms_problem *pr);
ms_problem *ms_sweep_problem(unsigned long seed, size_t d, size_t n, size_t r, size_t m, double kappa);

/* U = alpha x the init of data seed d, init seed i (ms_init_small on its stream); GSL_ENOMEM. */
int ms_sweep_init(gsl_matrix *U, double alpha, unsigned long seed, size_t d, size_t i);

/* A sweep: every alpha x data seed x init seed, one run of T steps each, with the outcomes that the
 * S experiments summarize, on the streams ms_sweep_streams. */
typedef struct {
  size_t n, r, k, m;
  double kappa, mu;
  size_t T;
  size_t noise_every;   /* track the noise every so many iterations when alpha <= noise_alpha_max */
  double noise_alpha_max;
  double hit_level;     /* t_hit = first t with test < hit_level */
  unsigned long seed;
  size_t data_seeds, init_seeds;
} ms_sweep_config;

typedef struct {
  double alpha;
  size_t data_seed, init_seed;
  double test, train;   /* at t = T */
  double train0;        /* f(U_0) */
  double noise_max;     /* max over tracked t of ||U_t W_perp||, NAN when not tracked */
  size_t t_hit;         /* T + 1 if never */
} ms_outcome;

/* Fills out[(a * data_seeds + d) * init_seeds + i].  On divergence returns GSL_ERUNAWAY with
 * *fail_alpha and *fail_iter set.  bar may be NULL. */
int ms_sweep(const ms_sweep_config *cfg, const double *alphas, size_t na, ms_outcome *out,
             prog_bar *bar, double *fail_alpha, size_t *fail_iter);

/* One alpha of a sweep (its runs o[0..runs-1], the same alpha): medians, minima and maxima over the
 * seeds of the final test error, train loss and t_hit; the largest train(T)/f(U_0); the largest
 * noise_max/alpha over the runs that tracked the noise (NAN if none did). */
typedef struct {
  stats_summary test, train, t_hit;
  double train_ratio_max, noise_over_alpha_max;
} ms_sweep_summary;
ms_sweep_summary ms_sweep_summarize(const ms_outcome *o, size_t runs);

#endif
