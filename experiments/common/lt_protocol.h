/* lt_protocol.h -- the lifted-sensing experiments' success-rate arms (M): one arm of trials, the
 * five arms of Figure 1 of Ma, Lavaei & Sojoudi 2023 with their shared options, and the size rule. */
#ifndef AR_LT_PROTOCOL_H
#define AR_LT_PROTOCOL_H

#include "core/rng.h"
#include "io/opt.h"
#include "models/lt.h"

/* An arm of a success-rate experiment: `trials` independent trials of lt_trial on the lift of
 * order l with the published settings of `algo` (lt_config_default), step eta, cap T, init kind and
 * scale eps. */
typedef struct {
  size_t l;
  lt_algo algo;
  double eta;
  size_t T;
  lt_init_kind init;
  double eps;
  size_t trials;
} lt_arm_config;

typedef struct {
  size_t trials, successes;
  double rate, median_iters, escapes;
} lt_arm_result;

/* Trial i (from 1) draws its init from the entry "init" of STREAMS and its PGD noise from "noise",
 * at the index values (arm, i): the table's first index is the program's arm index ARM, its second
 * the trial.  Arms with the same ARM are therefore paired (trial i has the same g in each).  Fills
 * the success count and the median iteration count; on divergence returns GSL_ERUNAWAY with
 * *fail_iter set. */
int lt_arm(const lt_base *B, const lt_arm_config *cfg, const rng_table *streams, unsigned long seed,
           long arm, lt_arm_result *res, size_t *fail_iter);

/* One trial with its loss trajectory (M-algorithms): init and noise from the entries INIT and
 * NOISE of STREAMS (no indices), trace[0..T] = h(w_t) (NAN after the stop), *stop = the iteration
 * at which it converged, T + 1 if it did not.  GSL_ERUNAWAY with *fail_iter on divergence. */
int lt_trace_run(const lt_base *B, const lt_arm_config *cfg, const rng_table *streams, const char *init,
                 const char *noise, unsigned long seed, double *trace, size_t *stop, size_t *fail_iter);

/* ---- Figure 1 (M-success-n, M-success-eps, M-control) ----------------------------------------
 * Five arms at one instance and eps: the published lifted arm (l, from v1), the published unlifted
 * arm (x0 = g), and the controlled comparison in which both sides draw from the same law
 * (w_0 = eps x0^{(x)l}/n^{l/2}, x0 = g: lifted and unlifted) plus unlifted from v1. */
enum { LT_FIG1_LIFTED_V1, LT_FIG1_UNLIFTED_UNIT, LT_FIG1_LIFTED_GAUSS, LT_FIG1_UNLIFTED_GAUSS,
       LT_FIG1_UNLIFTED_V1, LT_FIG1_ARMS };
extern const char *const lt_fig1_column[LT_FIG1_ARMS];   /* "lifted_v1", ... (data columns) */
extern const char *const lt_fig1_tex[LT_FIG1_ARMS];      /* "LiftedVone", ... (macro names) */

/* The settings the three programs share, and their option rows (declaration order is provenance
 * order, so each program puts LT_FIG1_OPTIONS where its table had them):
 *     opt_spec specs[] = { ..., { "l", OPT_INT, &c.l, 2, 4, 0, "lifting order" }, ...,
 *                          LT_FIG1_OPTIONS(c), ... }; */
typedef struct {
  long l, T;
  double rho, eta_lifted, eta_unlifted;
} lt_fig1_config;
#define LT_FIG1_CONFIG_DEFAULT { 3, 2000, 0.01, 0.02, 0.04 }
#define LT_FIG1_OPTIONS(c)                                                                          \
  { "rho", OPT_REAL, &(c).rho, 0, 1, OPT_LO_OPEN, "off-mask weight of the completion instance" },   \
  { "eta-lifted", OPT_REAL, &(c).eta_lifted, 0, 1, OPT_LO_OPEN, "step of the lifted runs" },        \
  { "eta-unlifted", OPT_REAL, &(c).eta_unlifted, 0, 1, OPT_LO_OPEN, "step of the unlifted runs" },  \
  { "T", OPT_INT, &(c).T, 1, 1e6, 0, "iteration cap" }

/* The trial counts of M-success-n and M-success-eps (long t[3]: published lifted, published
 * unlifted, each controlled arm), as lt_fig1_arms takes them. */
#define LT_FIG1_TRIALS(t)                                                                                     \
  { "trials-lifted", OPT_INT, &(t)[0], 1, 10000, 0, "trials of the published lifted arm" },                  \
  { "trials-unlifted", OPT_INT, &(t)[1], 1, 100000, 0, "trials of the published unlifted arm" },             \
  { "trials-control", OPT_INT, &(t)[2], 1, 10000, 0, "trials per arm of the controlled comparison" }

/* The five arms (res[LT_FIG1_...]) with algorithm ALGO at scale EPS: trials[0] trials of the
 * published lifted arm, trials[1] of the published unlifted one, trials[2] of each controlled arm,
 * all on STREAMS at arm index ARM (lt_arm).  0, or PROC_EXIT_NUMERIC after one line on stderr
 * (proc_diverged, naming P's program) when a run diverged or memory ran out. */
int lt_fig1_arms(const opt_parser *p, const lt_base *B, const lt_fig1_config *c, lt_algo algo, double eps,
                 const long trials[3], const rng_table *streams, long arm, lt_arm_result res[LT_FIG1_ARMS]);

/* ---- the identities of the lift (M-identities) ------------------------------------------------ */
/* h(x^{(x)l}) by the structured evaluation (lt_loss_grad) and, if grad_norm is not NULL, the norm
 * of its gradient there.  0 or a GSL error. */
int lt_point_loss(const lt_base *B, size_t l, const double *x, double *h, double *grad_norm);

/* GD with step eta from w_0 = eps x0^{(x)l}/n^{l/2} for T steps: rel[t] = lt_sym_defect(w_t) /
 * ||w_t||_F, t = 0..T.  GSL_ERUNAWAY with *fail_iter on divergence. */
int lt_sym_run(const lt_base *B, size_t l, const double *x0, double eps, double eta, size_t T, double *rel,
               size_t *fail_iter);

/* The smallest eigenvalue of the Hessian of 4 h (the unscaled lifted loss) at w, the Hessian by
 * central differences with step s (polarization of directional second derivatives,
 * lt_curvature).  W: the workspace of the lift w lives in.  NAN on failure. */
double lt_hessian_min_fd(const lt_base *B, lt_work *W, const double *w, double s);

/* ---- the rank-1 bias and the linear regime (M-rank1) ----------------------------------------- */
/* GD with step eta on the lift of order l from w_0 = eps x0^{(x)l}/n^{l/2}, T steps: kappa[t] =
 * kappa-hat_t (lt_kappa, along B->v1) and bound[t] = c0 rate^t, the bound of the linear regime
 * (Lemma 2): rate = (1 + eta s2^l)/(1 + eta sigma_1^l), s2 = max_{j >= 2} |sigma_j(U)|,
 * c0 = ||P^{(x)l} w_0||_F / |<w_0, v1^{(x)l}>|, P = I - v1 v1^T.  kappa, bound: T + 1 each.
 * dev (T + 1, or NULL): ||w_t - w~_t|| / ||w~_t||, the distance of the iterate from the linear
 * recursion w~_t = (I + eta U^{(x)l})^t w_0 that the bound describes (0 at t = 0).
 * GSL_ERUNAWAY with *fail_iter on divergence. */
int lt_kappa_run(const lt_base *B, size_t l, const double *x0, double eps, double eta, size_t T, double *kappa,
                 double *bound, double *dev, double *rate, size_t *fail_iter);

/* ||w_t - w~_t|| / ||w~_t|| at t = t_lin: GD w_t against the linear recursion w~_t
 * (lt_linear_step), both from w_0 = eps x0^{(x)l}/n^{l/2}.  GSL_ERUNAWAY with *fail_iter. */
int lt_linear_deviation(const lt_base *B, size_t l, const double *x0, double eps, double eta, size_t t_lin,
                        double *dev, size_t *fail_iter);

/* The lift must fit in memory and time: n^l <= max.  One error line for OPTION and OPT_EXIT_USAGE
 * when it does not, else 0. */
int lt_validate_size(const opt_parser *p, const char *option, double n, long l, double max);

#endif
