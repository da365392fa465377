/* mf_protocol.h -- the factorization experiments' option rules and runs (J, D, X; prefix mf_). */
#ifndef AR_MF_PROTOCOL_H
#define AR_MF_PROTOCOL_H

#include <stdio.h>
#include "io/opt.h"
#include "models/mf.h"

/* Validate the options shared by the factorization experiments: the head strictly decreasing and
 * positive with at most min(m, n) values, 0 <= tail < last head value, k >= 1, eta > 0.  One error
 * line and OPT_EXIT_USAGE on violation, else 0.  Warns (run goes on) when eta sigma_1 >= 1: the
 * first-order picture (growth factor 1 + eta sigma < 2) no longer describes the step. */
int mf_validate(const opt_parser *p, long m, long n, long k, const opt_list *head, double tail,
                double eta);

/* One run of the balance experiment (D-mf): T steps of GD on 1/2 ||U V^T - M*||_F^2 (M* = pr->X)
 * from (U, V) with the step schedule SCH.  Fills D = ||U||_F^2 - ||V||_F^2 and the imbalance
 * ||U^T U - V^T V||_F (mf_imbalance) at 0 and T, the scale S0 = ||U_0||_F^2 + ||V_0||_F^2 that D is
 * a difference of; the sums over the steps of
 * eta_t^2 (||g_U||^2 -+ ||g_V||^2); err = ||U V^T - M*||_F and u2, v2 = ||U||_F^2, ||V||_F^2 at T.
 * If FP is not NULL it receives trajectory rows "PREFIX t eta_t ||U||^2 ||V||^2 imbalance D err"
 * at t = 0, whenever t has grown by the factor GROWTH, and at T.  0; GSL_ERUNAWAY with *fail_iter
 * set on divergence; other GSL codes. */
typedef struct {
  double D0, D, imb0, imb, sum_minus, sum_plus, err, u2, v2, S0;
} mf_balance_result;
int mf_balance_run(const mf_problem *pr, gsl_matrix *U, gsl_matrix *V, const mf_schedule *sch, size_t T,
                   FILE *fp, const char *prefix, double growth, mf_work *w, mf_balance_result *r, size_t *fail_iter);

/* The J experiments' target: X = U diag(sigma) V^T (m x n) with the spectrum of mf_spectrum (the
 * head, then `tail` up to min(m, n) values) and U, V drawn from rng; NULL if out of memory. */
mf_problem *mf_target(const opt_list *head, double tail, size_t m, size_t n, gsl_rng *rng);

/* The best rank-r approximations X_r = U_r diag(sigma_r) V_r^T of pr->X, r = 1..R, into Xr[1..R]
 * (Xr[0] unused; free each with gsl_matrix_free).  0 or a GSL error. */
int mf_truncations(const mf_problem *pr, size_t R, gsl_matrix **Xr);

/* One run of the early-stopping experiment (J-earlystop): GD with step eta from (F, G) until
 * T = 3 t_last, t_last the first t at which the component `last` of F G^T (along u_last, v_last)
 * reaches half of sigma_last, or until the cap T = ceil(100 t_pred) of that component if it never
 * does (*t_last = 0).  emin[r], tmin[r]: the smallest ||F_t G_t^T - X_r||_F over t <= T and its t,
 * r = 1..R (Xr from mf_truncations); *T_end the last t.  w must track pr's components (mf_work_alloc
 * with r = their number).  GSL_ERUNAWAY with *fail_iter on divergence. */
int mf_earlystop_run(const mf_problem *pr, gsl_matrix *F, gsl_matrix *G, double eta, size_t last,
                     gsl_matrix *const *Xr, size_t R, mf_work *w, double *emin, double *tmin, size_t *t_last,
                     size_t *T_end, size_t *fail_iter);

/* One run of the decaying-step experiment (D-decay): T steps of GD on 1/2 ||U V^T - M*||_F^2 with
 * eta_t of SCH, every step checked against the bound |D_t| <= |D_0| + sum_{s<t} eta_s^2 (||g_U||^2 +
 * ||g_V||^2) (D = ||U||^2 - ||V||^2; bound_worst = the largest |D_t| - bound_t - 1e-14 (||U||^2 +
 * ||V||^2), <= 0 when it holds); the error ||UV^T - M*||_F / ||M*||_F and the elapsed time
 * sum_{s<t} eta_s at T and at t_conv, the first t with error <= tol (T + 1 and NAN if none); the
 * largest and final ||U||^2, ||V||^2; D at 0 and T.  Trajectory rows "code delta t eta_t time err
 * U2 V2 D bound" to FP at t = 0, whenever t has grown by the factor GROWTH, and at T.  0; on
 * divergence one line naming PROGRAM (proc_diverged) and PROC_EXIT_NUMERIC. */
typedef struct {
  double errT, time, time_conv, bound_worst, u2max, v2max, u2T, v2T, D0, DT;
  size_t t_conv;
} mf_decay_result;
int mf_decay_run(const char *program, const mf_problem *pr, gsl_matrix *U, gsl_matrix *V, const mf_schedule *sch,
                 size_t T, double tol, double growth, mf_work *w, FILE *fp, size_t code, mf_decay_result *r);

#endif
