/* D-claims -- the verdicts on claims D1-D12 (Du, Hu & Lee 2018), each computed from the data files
 * the figures are drawn from.  Criteria are those fixed in the spec before any data were seen
 * (where the spec leaves a detail open, the choice is stated in the criterion); they are printed
 * with every verdict.  D5b and D8b are labelled variants, explained in the paper. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "io/claim.h"
#include "experiment.h"

static const char *act_name[3] = { "identity", "relu", "leaky" };

/* D-flow-summary with the columns claims D1-D4 read; NULL (message printed) if it cannot serve. */
static table *flow_summary(claim_result *res)
{
  table *t = claim_table(res, "D-flow-summary");
  if (!claim_require_cols(t, "act", "bias", "eta", "drift", "id_layer", "id_neuron", "id_matrix", "id_nobias", NULL)) {
    table_free(t);
    return NULL;
  }
  return t;
}

/* eta = 1e-1 ... 1e-4 at the horizon eta T = 5: the statement of D2 (and of its variant D2b). */
static int flow_limit_protocol(const table *t)
{
  return claim_require_text(t, "D-flow-summary", "etas", "0.1,0.01,0.001,0.0001") &&
         claim_require_text(t, "D-flow-summary", "horizon", "5");
}

/* D1: the per-step identity, per layer and per neuron, for the three activations. */
static int claim_D1(claim_result *res)
{
  table *t = flow_summary(res);
  if (!t) return 1;
  double wl[3] = { 0, 0, 0 }, wn[3] = { 0, 0, 0 };
  for (size_t i = 0; i < t->rows; i++) {
    if (claim_cell(t, i, "bias") != 0) continue;
    const int a = (int) claim_cell(t, i, "act");
    const double l = claim_cell(t, i, "id_layer"), n = claim_cell(t, i, "id_neuron");
    wl[a] = isnan(l) ? INFINITY : fmax(wl[a], l);
    wn[a] = isnan(n) ? INFINITY : fmax(wn[a], n);
  }
  res->pass = 1;
  for (int a = 0; a < 3; a++) {
    res->pass = res->pass && wl[a] <= 1e-10 && wn[a] <= 1e-10;
    claim_measured(res, "%s: layer %.2g, neuron %.2g", act_name[a], wl[a], wn[a]);
  }
  claim_criterion(res, "max over steps and layers (and neurons) of |Delta D - eta^2 (||g_h||^2 - ||g_{h+1}||^2)| "
                       "/ (1 + ||W||^2) <= 1e-10, identity, ReLU, Leaky ReLU, every eta");
  table_free(t);
  return 0;
}

/* D2: the gradient-flow limit: drift at fixed eta T shrinks like eta. */
static int claim_D2(claim_result *res)
{
  table *t = flow_summary(res);
  if (!t || !flow_limit_protocol(t)) { table_free(t); return 1; }
  res->pass = 1;
  for (int a = 0; a < 3; a++) {
    double d[8];
    size_t nd = 0;
    for (size_t i = 0; i < t->rows && nd < 8; i++)
      if (claim_cell(t, i, "bias") == 0 && (int) claim_cell(t, i, "act") == a) d[nd++] = claim_cell(t, i, "drift");
    char list[128] = "";
    int ok = nd == 4;
    for (size_t j = 0; j + 1 < nd; j++) {
      const double r = d[j] / d[j + 1];
      ok = ok && r >= 5 && r <= 20;
      claim_append(list, sizeof list, "%s%.2f", j ? "," : "", r);
    }
    ok = ok && d[3] <= 1e-3 * d[0];
    res->pass = res->pass && ok;
    claim_measured(res, "%s: per-decade ratios %s, drift(1e-4)/drift(1e-1) = %.3g", act_name[a], list,
                   nd == 4 ? d[3] / d[0] : NAN);
  }
  claim_criterion(res, "drift = max_t,h |D_h(t) - D_h(0)| at eta T = 5 shrinks 5-20x per decade of eta and "
                       "drift(1e-4) <= 1e-3 drift(1e-1), each activation");
  table_free(t);
  return 0;
}

/* D2b: variant of D2 (after seeing it): the first-order law drift = c eta itself, c within 5 %. */
static int claim_D2b(claim_result *res)
{
  table *t = flow_summary(res);
  if (!t || !flow_limit_protocol(t)) { table_free(t); return 1; }
  res->pass = 1;
  for (int a = 0; a < 3; a++) {
    double lo = INFINITY, hi = 0;
    size_t nd = 0;
    for (size_t i = 0; i < t->rows; i++)
      if (claim_cell(t, i, "bias") == 0 && (int) claim_cell(t, i, "act") == a) {
        const double q = claim_cell(t, i, "drift") / claim_cell(t, i, "eta");
        lo = fmin(lo, q); hi = fmax(hi, q); nd++;
      }
    const int ok = nd == 4 && hi <= 1.05 * lo;
    res->pass = res->pass && ok;
    claim_measured(res, "%s: drift/eta in [%.4g, %.4g]", act_name[a], lo, hi);
  }
  claim_criterion(res, "variant (chosen after seeing D2): drift/eta equal within 5%% over eta = 1e-1..1e-4, "
                       "each activation");
  table_free(t);
  return 0;
}

/* D3: linear nets, the matrix identity. */
static int claim_D3(claim_result *res)
{
  table *t = flow_summary(res);
  if (!t) return 1;
  double worst = 0;
  size_t n = 0;
  for (size_t i = 0; i < t->rows; i++)
    if (claim_cell(t, i, "bias") == 0 && claim_cell(t, i, "act") == 0) {
      const double v = claim_cell(t, i, "id_matrix");
      worst = isnan(v) ? INFINITY : fmax(worst, v);
      n++;
    }
  res->pass = n > 0 && worst <= 1e-10;
  claim_measured(res, "max ||Delta(W_h W_h^T - W_{h+1}^T W_{h+1}) - eta^2 (G_h G_h^T - G_{h+1}^T G_{h+1})||_F "
                      "/ (1 + ||W||^2) = %.2g over %zu runs", worst, n);
  claim_criterion(res, "<= 1e-10 per step (identity activation, no biases)");
  table_free(t);
  return 0;
}

/* D4: with biases the identity needs the bias in the incoming norm. */
static int claim_D4(claim_result *res)
{
  table *t = flow_summary(res);
  if (!t) return 1;
  double with = NAN, without = NAN;
  for (size_t i = 0; i < t->rows; i++)
    if (claim_cell(t, i, "bias") == 1) with = claim_cell(t, i, "id_layer"), without = claim_cell(t, i, "id_nobias");
  res->pass = with <= 1e-10 && without >= 1e-6;
  claim_measured(res, "ReLU with biases: biases included %.2g, excluded %.2g", with, without);
  claim_criterion(res, "included <= 1e-10; excluded >= 1e-6 (>> 1e-10: four orders above); "
                       "both normalized by 1 + ||W||^2");
  table_free(t);
  return 0;
}

/* D-mf-summary with the columns claims D5-D7 read; NULL (message printed) if it cannot serve.  The
 * parameters a claim is stated for are required by the claim. */
static table *mf_summary(claim_result *res)
{
  table *t = claim_table(res, "D-mf-summary");
  if (!claim_require_cols(t, "init", "sched", "delta", "D0", "DT", "sum_minus", "sum_plus", "imbT", "U2T", "V2T",
                          "errT", "nuc", "eta0", NULL)) {
    table_free(t);
    return NULL;
  }
  return t;
}

/* D5 (and D5b): summable steps: the exact identity summed over the run. */
static int claim_D5x(claim_result *res, int variant)
{
  table *t = mf_summary(res);
  /* delta in {0.1, 0.5}: D5's statement. */
  if (!t || !claim_require_text(t, "D-mf-summary", "deltas", "0.1,0.5")) { table_free(t); return 1; }
  double worst_bound = 0, worst_id = 0;
  size_t n = 0;
  for (size_t i = 0; i < t->rows; i++) {
    if (claim_cell(t, i, "sched") == 0) continue;
    const double dd = claim_cell(t, i, "DT") - claim_cell(t, i, "D0"), sp = claim_cell(t, i, "sum_plus");
    const double scale = variant ? claim_cell(t, i, "U2T") + claim_cell(t, i, "V2T") : sp;
    worst_bound = fmax(worst_bound, fabs(dd) / sp);
    const double e = fabs(dd - claim_cell(t, i, "sum_minus")) / scale;
    worst_id = isnan(e) ? INFINITY : fmax(worst_id, e);
    n++;
  }
  res->pass = n > 0 && worst_bound <= 1 && worst_id <= 1e-12;
  claim_measured(res, "max |D_T - D_0| / sum eta_t^2 (|g_U|^2 + |g_V|^2) = %.3g; max |D_T - D_0 - sum eta_t^2 "
                      "(|g_U|^2 - |g_V|^2)| / %s = %.3g over %zu runs (delta 0.1, 0.5; both inits)",
                 worst_bound, variant ? "(||U_T||^2 + ||V_T||^2)" : "sum eta_t^2 (|g_U|^2 + |g_V|^2)", worst_id, n);
  claim_criterion(res, variant ? "variant: the identity to 1e-12 relative to ||U_T||^2 + ||V_T||^2 (the scale D is "
                                 "computed from); bound <= 1"
                               : "|D_T - D_0| <= sum eta_t^2 (|g_U|^2 + |g_V|^2) and the identity to 1e-12 "
                                 "relative to that sum");
  table_free(t);
  return 0;
}
static int claim_D5(claim_result *res) { return claim_D5x(res, 0); }
static int claim_D5b(claim_result *res) { return claim_D5x(res, 1); }

/* D6: small init balances and converges to a balanced global optimum. */
static int claim_D6(claim_result *res)
{
  table *t = mf_summary(res);
  /* init scale 1e-3: the small init of the criterion (the spec's D-mf experiment). */
  if (!t || !claim_require_text(t, "D-mf-summary", "alpha-small", "0.001")) { table_free(t); return 1; }
  double err = 0, imb = 0, dev = 0, nuc = NAN, derr[4] = { 0, 0, 0, 0 };
  size_t n = 0;
  for (size_t i = 0; i < t->rows; i++) {
    if (claim_cell(t, i, "init") != 0) continue;
    const int sc = (int) claim_cell(t, i, "sched");
    if (sc > 0) { if (sc < 4) derr[sc] = fmax(derr[sc], claim_cell(t, i, "errT")); continue; }
    nuc = claim_cell(t, i, "nuc");
    err = fmax(err, claim_cell(t, i, "errT"));
    imb = fmax(imb, claim_cell(t, i, "imbT"));
    dev = fmax(dev, fmax(fabs(claim_cell(t, i, "U2T") - nuc), fabs(claim_cell(t, i, "V2T") - nuc)) / nuc);
    n++;
  }
  res->pass = n > 0 && err <= 1e-8 && imb <= 1e-4 && dev <= 1e-3;
  claim_measured(res, "constant step, %zu seeds: max ||UV^T - M*|| = %.2g, max ||U^TU - V^TV|| = %.2g, "
                      "max | ||U||^2 - ||M*||_* | / ||M*||_* = %.2g (also for V)", n, err, imb, dev);
  claim_measured(res, "decaying steps at T, not judged: error %.2g (delta 0.1), %.2g (delta 0.5)", derr[1], derr[2]);
  claim_criterion(res, "small init (1e-3), constant step: error <= 1e-8, imbalance <= 1e-4, "
                       "| ||U||_F^2 - ||M*||_* | <= 1e-3 ||M*||_*");
  table_free(t);
  return 0;
}

/* D7: large init keeps its imbalance. */
static int claim_D7(claim_result *res)
{
  table *t = mf_summary(res);
  /* init scale 1, constant eta = 0.01, 3 seeds: D7's statement. */
  if (!t || !claim_require_text(t, "D-mf-summary", "alpha-large", "1") ||
      !claim_require_text(t, "D-mf-summary", "eta-large", "0.01") || !claim_require_text(t, "D-mf-summary", "seeds", "3")) {
    table_free(t);
    return 1;
  }
  double worst = 0;
  size_t n = 0;
  char list[256] = "";
  for (size_t i = 0; i < t->rows; i++) {
    if (claim_cell(t, i, "init") != 1 || claim_cell(t, i, "sched") != 0) continue;
    const double r = fabs(claim_cell(t, i, "DT") - claim_cell(t, i, "D0")) / fabs(claim_cell(t, i, "D0"));
    worst = isnan(r) ? INFINITY : fmax(worst, r);
    claim_append(list, sizeof list, "%s%.3f->%.3f", n ? ", " : "", claim_cell(t, i, "D0"), claim_cell(t, i, "DT"));
    n++;
  }
  res->pass = n == 3 && worst <= 0.25;
  claim_measured(res, "D_0 -> D_T: %s; max |D_T - D_0|/|D_0| = %.3f", list, worst);
  claim_criterion(res, "init scale 1, constant eta = 0.01, 3 seeds: |D_T - D_0| <= 0.25 |D_0| in every seed");
  table_free(t);
  return 0;
}

/* D7b (variant, ours): D7 measures the change of D = ||U||^2 - ||V||^2 relative to |D_0|, which is
 * meaningless when a seed draws D_0 near 0; here relative to the scale that D is a difference of,
 * S_0 = ||U_0||^2 + ||V_0||^2 (the same tolerance). */
static int claim_D7b(claim_result *res)
{
  table *t = mf_summary(res);
  /* init scale 1, constant eta = 0.01, 3 seeds: D7's statement. */
  if (!t || !claim_require_cols(t, "S0", NULL) || !claim_require_text(t, "D-mf-summary", "alpha-large", "1") ||
      !claim_require_text(t, "D-mf-summary", "eta-large", "0.01") || !claim_require_text(t, "D-mf-summary", "seeds", "3")) {
    table_free(t);
    return 1;
  }
  double worst = 0;
  size_t n = 0;
  char list[256] = "";
  for (size_t i = 0; i < t->rows; i++) {
    if (claim_cell(t, i, "init") != 1 || claim_cell(t, i, "sched") != 0) continue;
    const double r = fabs(claim_cell(t, i, "DT") - claim_cell(t, i, "D0")) / claim_cell(t, i, "S0");
    worst = isnan(r) ? INFINITY : fmax(worst, r);
    claim_append(list, sizeof list, "%s%.3f->%.3f (S_0 %.1f)", n ? ", " : "", claim_cell(t, i, "D0"),
                 claim_cell(t, i, "DT"), claim_cell(t, i, "S0"));
    n++;
  }
  res->pass = n == 3 && worst <= 0.25;
  claim_measured(res, "D_0 -> D_T: %s; max |D_T - D_0|/S_0 = %.4f", list, worst);
  claim_criterion(res, "init scale 1, constant eta = 0.01, 3 seeds: |D_T - D_0| <= 0.25 (||U_0||^2 + ||V_0||^2) in every seed");
  table_free(t);
  return 0;
}

/* D8 (and D8b): rank one, constant step, linear convergence after the growth phase. */
static int claim_D8x(claim_result *res, double start)
{
  table *t = claim_table(res, "D-rank1");
  if (!claim_require_cols(t, "t", "rel_err", NULL)) { table_free(t); return 1; }
  size_t a = 0, b = 0;
  for (size_t i = 0; i < t->rows; i++) {
    if (!a && claim_cell(t, i, "rel_err") <= start) a = i;
    if (!b && claim_cell(t, i, "rel_err") <= 1e-12) b = i;
  }
  double r2 = NAN, rate = NAN;
  if (a && b > a + 2) {
    const size_t nw = b - a + 1;
    double *x = malloc(nw * sizeof *x), *y = malloc(nw * sizeof *y);
    if (!x || !y) { free(x); free(y); table_free(t); return 1; }
    for (size_t i = a; i <= b; i++) x[i - a] = claim_cell(t, i, "t"), y[i - a] = log(claim_cell(t, i, "rel_err"));
    const stats_line fit = stats_fit_line(x, y, nw);
    if (fit.count == nw) r2 = fit.r2, rate = exp(fit.slope);
    free(x); free(y);
  }
  res->pass = r2 > 0.99;
  claim_measured(res, "window t = %.0f..%.0f: R^2 = %.5f, rate %.4f per step", a ? claim_cell(t, a, "t") : NAN,
                 b ? claim_cell(t, b, "t") : NAN, r2, rate);
  claim_criterion(res, "R^2 > 0.99 of ln(error) vs t from the first t with relative error <= %g (%s) "
                       "down to the first with relative error <= 1e-12", start,
                  start < 1e-2 ? "variant, window chosen after seeing D8" : "end of the growth phase");
  table_free(t);
  return 0;
}
static int claim_D8(claim_result *res) { return claim_D8x(res, 1e-1); }
static int claim_D8b(claim_result *res) { return claim_D8x(res, 1e-4); }

/* D-cnn-summary with the columns D9 and D10 read; eta = 1e-1 ... 1e-4 at eta T = 2, the protocol their
 * criteria state. */
static table *cnn_summary(claim_result *res)
{
  table *t = claim_table(res, "D-cnn-summary");
  if (!claim_require_cols(t, "act", "eta", "drift", "id_layer", "id_channel", NULL) ||
      !claim_require_text(t, "D-cnn-summary", "etas", "0.1,0.01,0.001,0.0001") ||
      !claim_require_param(t, "D-cnn-summary", "horizon", 2)) {
    table_free(t);
    return NULL;
  }
  return t;
}

/* D9: the per-step identity of a convolutional net, per layer and per channel. */
static int claim_D9(claim_result *res)
{
  table *t = cnn_summary(res);
  if (!t) return 1;
  double wl[3] = { 0, 0, 0 }, wc[3] = { 0, 0, 0 };
  size_t nr[3] = { 0, 0, 0 };
  for (size_t i = 0; i < t->rows; i++) {
    const int a = (int) claim_cell(t, i, "act");
    if (a < 0 || a > 2) continue;
    const double l = claim_cell(t, i, "id_layer"), ch = claim_cell(t, i, "id_channel");
    wl[a] = isnan(l) ? INFINITY : fmax(wl[a], l);
    wc[a] = isnan(ch) ? INFINITY : fmax(wc[a], ch);
    nr[a]++;
  }
  res->pass = 1;
  for (int a = 0; a < 3; a++) {
    res->pass = res->pass && nr[a] == 4 && wl[a] <= 1e-10 && wc[a] <= 1e-10;
    claim_measured(res, "%s: layer %.2g, channel %.2g", act_name[a], wl[a], wc[a]);
  }
  claim_criterion(res, "max over steps, layers and channels of |Delta D - eta^2 (||g_in||^2 - ||g_out||^2)| "
                       "/ (1 + sum_h ||W_h||^2) <= 1e-10, identity, ReLU, Leaky ReLU, every eta (1-D conv net)");
  table_free(t);
  return 0;
}

/* D10: the drift at a fixed time eta T is proportional to eta (the criterion of D2b). */
static int claim_D10(claim_result *res)
{
  table *t = cnn_summary(res);
  if (!t) return 1;
  res->pass = 1;
  for (int a = 0; a < 3; a++) {
    double lo = INFINITY, hi = 0;
    size_t nd = 0;
    for (size_t i = 0; i < t->rows; i++)
      if ((int) claim_cell(t, i, "act") == a) {
        const double q = claim_cell(t, i, "drift") / claim_cell(t, i, "eta");
        lo = fmin(lo, q); hi = fmax(hi, q); nd++;
      }
    const int ok = nd == 4 && lo > 0 && hi <= 1.05 * lo;
    res->pass = res->pass && ok;
    claim_measured(res, "%s: drift/eta in [%.4g, %.4g]", act_name[a], lo, hi);
  }
  claim_criterion(res, "drift = max_t,h |D_h(t) - D_h(0)| at eta T = 2: drift/eta equal within 5%% over "
                       "eta = 1e-1..1e-4, each activation (as D2b)");
  table_free(t);
  return 0;
}

/* D11: a deep net grown from a small init ends balanced; a large unbalanced init stays unbalanced. */
static int claim_D11(claim_result *res)
{
  table *t = claim_table(res, "D-balance-summary");
  /* init ratio 1e-4 and 4 layers of width 6: the protocol the criterion states. */
  if (!claim_require_cols(t, "run", "drop", "ratio0", "ratioT", "ratio_min", "growth", NULL) ||
      !claim_require_param(t, "D-balance-summary", "init-ratio", 1e-4) ||
      !claim_require_text(t, "D-balance-summary", "widths", "6,6,6,6,6")) {
    table_free(t);
    return 1;
  }
  double drop = NAN, r0 = NAN, rT = NAN, growth = NAN, cmin = NAN, c0 = NAN;
  for (size_t i = 0; i < t->rows; i++) {
    if (claim_cell(t, i, "run") == 0) drop = claim_cell(t, i, "drop"), r0 = claim_cell(t, i, "ratio0"), rT = claim_cell(t, i, "ratioT"), growth = claim_cell(t, i, "growth");
    if (claim_cell(t, i, "run") == 1) c0 = claim_cell(t, i, "ratio0"), cmin = claim_cell(t, i, "ratio_min");
  }
  res->pass = drop >= 1e4 && fabs(rT - 1) <= 0.05 && cmin >= 2;
  claim_measured(res, "small init: loss fell by %.3g, ratio %.4f -> %.6f, smallest ||W_h||^2 grew %.3g-fold", drop, r0,
                 rT, growth);
  claim_measured(res, "contrast: ratio %.3f at t = 0, min over t %.3f", c0, cmin);
  claim_criterion(res, "4 layers, init ||W_h||^2 = 1e-4 of the balanced size: loss falls >= 1e4-fold and "
                       "max_h ||W_h||^2 / min_h ||W_h||^2 at T within 1 +- 0.05; contrast run: the ratio >= 2 at every t");
  table_free(t);
  return 0;
}

/* D12: the decaying-step theorem run to convergence. */
static int claim_D12(claim_result *res)
{
  table *t = claim_table(res, "D-decay-summary");
  /* delta in {0.1, 0.25} (and 0.5, reported), T = 1e6, eta0 = 0.3: the protocol the criterion states. */
  if (!claim_require_cols(t, "delta", "errT", "t_conv", "time", "bound_worst", "U2max", "V2max", "nuc", NULL) ||
      !claim_require_text(t, "D-decay-summary", "deltas", "0.1,0.25,0.5") ||
      !claim_require_param(t, "D-decay-summary", "T", 1e6) || !claim_require_param(t, "D-decay-summary", "eta0", 0.3)) {
    table_free(t);
    return 1;
  }
  size_t judged = 0;
  res->pass = 1;
  for (size_t i = 0; i < t->rows; i++) {
    const double delta = claim_cell(t, i, "delta"), err = claim_cell(t, i, "errT"), bw = claim_cell(t, i, "bound_worst");
    const double norm = fmax(claim_cell(t, i, "U2max"), claim_cell(t, i, "V2max")), nuc = claim_cell(t, i, "nuc");
    if (delta < 0.5) {
      const int ok = err <= 1e-6 && bw <= 0 && norm <= 2 * nuc;
      res->pass = res->pass && ok;
      judged++;
      claim_measured(res, "delta %g: error %.2g ||M*|| at T (below 1e-6 from t = %.0f), bound margin %.2g, "
                          "max ||U||^2, ||V||^2 = %.6g", delta, err, claim_cell(t, i, "t_conv"), bw, norm);
    } else
      claim_measured(res, "delta %g (not judged): error %.2g ||M*|| at T after time sum eta_t = %.3g", delta, err,
                     claim_cell(t, i, "time"));
  }
  res->pass = res->pass && judged == 2;
  claim_criterion(res, "eta0 = 0.3, T = 1e6, delta in {0.1, 0.25}: ||UV^T - M*||_F <= 1e-6 ||M*||_F at T; "
                       "|D_t| <= |D_0| + sum_{s<t} eta_s^2 (||g_U||^2 + ||g_V||^2) at every t (margin <= 0, "
                       "rounding 1e-14 (||U||^2 + ||V||^2) allowed); max_t ||U_t||^2, ||V_t||^2 <= 2 ||M*||_*");
  table_free(t);
  return 0;
}

int main(int argc, char **argv)
{
  proc_init();
  static const claim_entry claims[] = {
    { "D1", claim_D1 }, { "D2", claim_D2 }, { "D2b", claim_D2b }, { "D3", claim_D3 }, { "D4", claim_D4 },
    { "D5", claim_D5 }, { "D5b", claim_D5b }, { "D6", claim_D6 }, { "D7", claim_D7 }, { "D7b", claim_D7b },
    { "D8", claim_D8 }, { "D8b", claim_D8b }, { "D9", claim_D9 }, { "D10", claim_D10 }, { "D11", claim_D11 },
    { "D12", claim_D12 },
  };
  return claim_main(argc, argv, "D-claims", claims, sizeof claims / sizeof claims[0]);
}
