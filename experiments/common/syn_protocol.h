/* syn_protocol.h -- the synthesis' three settings (X; prefix syn_): symmetric matrix sensing U U^T
 * (S), asymmetric factorization F G^T of a model-free matrix (J) and rank-one lifted tensor sensing
 * w w^T, l = 3 (M), each run by gradient descent from a small random init until each tracked
 * component is learned: the i-th largest eigenvalue (singular value) of the product reaches
 * SYN_FRAC times the value sigma_i of the target's component (ms_learn_times, mf_learn_times,
 * lt_learn_time). */
#ifndef AR_SYN_PROTOCOL_H
#define AR_SYN_PROTOCOL_H

#include "core/rng.h"
#include "io/opt.h"

/* "Learned": the product's i-th spectral value reaches half of sigma_i (fixed before any data). */
#define SYN_FRAC 0.5
#define SYN_MAXCOMP 16

enum { SYN_S = 0, SYN_J = 1, SYN_M = 2, SYN_SETTINGS = 3 };
extern const char *const syn_setting_name[SYN_SETTINGS];   /* "S", "J", "M" */

/* The three problems' options (every parameter is ours, designed for this synthesis). */
typedef struct {
  double tmax_factor;   /* iteration cap: this multiple of ln(1/alpha)/(eta sigma_min) */
  long s_n, s_r, s_m;
  double s_kappa, s_mu;
  long j_m, j_n, j_k;
  opt_list j_sigma;
  double j_tail, j_eta;
  long m_n, m_meas, m_l;
  opt_list m_sigma;
  double m_eta;
} syn_config;
#define SYN_CONFIG_DEFAULT \
  { 6.0, 40, 3, 600, 2.0, 0.1, 40, 30, 20, { 4, { 1, 0.75, 0.5, 0.25 } }, 0.01, 0.05, 4, 2000, 3, \
    { 3, { 1, 0.5, 0.25 } }, 0.05 }
/* Their option rows, in the programs' declaration order. */
#define SYN_OPTIONS(c)                                                                                         \
  { "tmax-factor", OPT_REAL, &(c).tmax_factor, 1, 100, 0, "iteration cap: this multiple of the largest x" },   \
  { "s-n", OPT_INT, &(c).s_n, 2, 200, 0, "S: dimension n (width k = n)" },                                    \
  { "s-r", OPT_INT, &(c).s_r, 1, SYN_MAXCOMP, 0, "S: rank r of the ground truth (components tracked)" },      \
  { "s-m", OPT_INT, &(c).s_m, 1, 100000, 0, "S: number of measurements m" },                                 \
  { "s-kappa", OPT_REAL, &(c).s_kappa, 1, 100, 0, "S: condition number of X (sigma_i of X from 1 to 1/kappa)" }, \
  { "s-mu", OPT_REAL, &(c).s_mu, 0, 1, OPT_LO_OPEN, "S: step size mu" },                                      \
  { "j-m", OPT_INT, &(c).j_m, 5, 2000, 0, "J: rows of X" },                                                   \
  { "j-n", OPT_INT, &(c).j_n, 5, 2000, 0, "J: columns of X" },                                                \
  { "j-k", OPT_INT, &(c).j_k, 1, 2000, 0, "J: width k of the factors" },                                      \
  { "j-sigma", OPT_REALS, &(c).j_sigma, 0, 1e6, OPT_LO_OPEN, "J: the tracked singular values (decreasing)" }, \
  { "j-tail", OPT_REAL, &(c).j_tail, 0, 1e6, 0, "J: the remaining singular values, up to min(m, n)" },        \
  { "j-eta", OPT_REAL, &(c).j_eta, 0, 10, OPT_LO_OPEN, "J: step size eta" },                                  \
  { "m-n", OPT_INT, &(c).m_n, 2, 10, 0, "M: dimension n of the base problem" },                               \
  { "m-meas", OPT_INT, &(c).m_meas, 1, 100000, 0, "M: number of Gaussian measurements of the base problem" },  \
  { "m-l", OPT_INT, &(c).m_l, 1, 4, 0, "M: lifting order l" },                                                \
  { "m-sigma", OPT_REALS, &(c).m_sigma, 0, 100, OPT_LO_OPEN, "M: lifted eigenvalues |z|^(2l), one run each" }, \
  { "m-eta", OPT_REAL, &(c).m_eta, 0, 1, OPT_LO_OPEN, "M: step size eta" }

/* The cross-option rules (ms_validate, mf_validate, at most SYN_MAXCOMP tracked values, n^l <= 4096
 * for M): one error line and OPT_EXIT_USAGE, else 0. */
int syn_validate(const opt_parser *p, const syn_config *c);

/* The three problems with their workspaces.  Setting c (1 = S, 2 = J, 3 = M) draws its data from
 * the entry "data" of STREAMS at index values (c, 0), the S operator from "S operator", and every
 * M base (one per m_sigma value) from the same data stream: the same operator and direction of z. */
typedef struct syn_problems syn_problems;
syn_problems *syn_alloc(const syn_config *c, const rng_table *streams, unsigned long seed);
void syn_free(syn_problems *P);

/* One run of setting SET (SYN_S, ...) from init scale alpha with the init of seed s, the entry
 * "init" of the streams at (SET + 1, s) (the same direction at every alpha): the learning times
 * t_hit[i] of its *ncomp components (NAN if not learned by the cap), with their sigma[i] and the
 * step *eta.  GSL_ERUNAWAY with *fail_iter set on divergence. */
int syn_learn(syn_problems *P, int set, double alpha, long s, size_t *ncomp, double *t_hit, double *sigma,
              double *eta, size_t *fail_iter);

/* The M operator's amplification of the linear regime: sigma_1(U)^l / |z|^(2l) (the same for
 * every sigma). */
double syn_m_gain(const syn_problems *P);

#endif
