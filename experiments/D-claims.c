/* D-claims -- the verdicts on claims D1-D8 (Du, Hu & Lee 2018), each computed from the data files
 * the figures are drawn from.  Criteria are those fixed in the spec before any data were seen
 * (where the spec leaves a detail open, the choice is stated in the criterion); they are printed
 * with every verdict.  D5b and D8b are labelled variants, explained in the paper. */
#include <math.h>
#include <string.h>
#include "claim.h"
#include "core.h"

#define COL(t, row, c) table_get((t), (row), (c))
static const char *act_name[3] = { "identity", "relu", "leaky" };

static table *flow_summary(claim_result *res, int *c)
{
  table *t = claim_table(res, "D-flow-summary");
  const char *names[] = { "act", "bias", "eta", "drift", "id_layer", "id_neuron", "id_matrix", "id_nobias" };
  if (!claim_cols(t, names, c, 8) || !claim_require_text(t, "D-flow-summary", "etas", "0.1,0.01,0.001,0.0001") ||
      !claim_require_text(t, "D-flow-summary", "horizon", "5")) {
    table_free(t);
    return NULL;
  }
  return t;
}

/* D1: the per-step identity, per layer and per neuron, for the three activations. */
static int claim_D1(claim_result *res)
{
  int c[8];
  table *t = flow_summary(res, c);
  if (!t) return 1;
  double wl[3] = { 0, 0, 0 }, wn[3] = { 0, 0, 0 };
  for (size_t i = 0; i < t->rows; i++) {
    if (COL(t, i, c[1]) != 0) continue;
    const int a = (int) COL(t, i, c[0]);
    const double l = COL(t, i, c[4]), n = COL(t, i, c[5]);
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
  int c[8];
  table *t = flow_summary(res, c);
  if (!t) return 1;
  res->pass = 1;
  for (int a = 0; a < 3; a++) {
    double d[8];
    size_t nd = 0;
    for (size_t i = 0; i < t->rows && nd < 8; i++)
      if (COL(t, i, c[1]) == 0 && (int) COL(t, i, c[0]) == a) d[nd++] = COL(t, i, c[3]);
    char list[128] = "";
    int ok = nd == 4;
    for (size_t j = 0; j + 1 < nd; j++) {
      const double r = d[j] / d[j + 1];
      ok = ok && r >= 5 && r <= 20;
      char item[32];
      snprintf(item, sizeof item, "%s%.2f", j ? "," : "", r);
      strncat(list, item, sizeof list - strlen(list) - 1);
    }
    ok = ok && d[3] <= 1e-3 * d[0];
    res->pass = res->pass && ok;
    claim_measured(res, "%s: per-decade ratios %s, drift(1e-4)/drift(1e-1) = %.3g", act_name[a], list,
                   nd == 4 ? d[3] / d[0] : NAN);
  }
  claim_criterion(res, "drift = max_{t,h} |D_h(t) - D_h(0)| at eta T = 5 shrinks 5-20x per decade of eta and "
                       "drift(1e-4) <= 1e-3 drift(1e-1), each activation");
  table_free(t);
  return 0;
}

/* D2b: variant of D2 (after seeing it): the first-order law drift = c eta itself, c within 5 %. */
static int claim_D2b(claim_result *res)
{
  int c[8];
  table *t = flow_summary(res, c);
  if (!t) return 1;
  res->pass = 1;
  for (int a = 0; a < 3; a++) {
    double lo = INFINITY, hi = 0;
    size_t nd = 0;
    for (size_t i = 0; i < t->rows; i++)
      if (COL(t, i, c[1]) == 0 && (int) COL(t, i, c[0]) == a) {
        const double q = COL(t, i, c[3]) / COL(t, i, c[2]);
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
  int c[8];
  table *t = flow_summary(res, c);
  if (!t) return 1;
  double worst = 0;
  size_t n = 0;
  for (size_t i = 0; i < t->rows; i++)
    if (COL(t, i, c[1]) == 0 && COL(t, i, c[0]) == 0) {
      const double v = COL(t, i, c[6]);
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
  int c[8];
  table *t = flow_summary(res, c);
  if (!t) return 1;
  double with = NAN, without = NAN;
  for (size_t i = 0; i < t->rows; i++)
    if (COL(t, i, c[1]) == 1) with = COL(t, i, c[4]), without = COL(t, i, c[7]);
  res->pass = with <= 1e-10 && without >= 1e-6;
  claim_measured(res, "ReLU with biases: biases included %.2g, excluded %.2g", with, without);
  claim_criterion(res, "included <= 1e-10; excluded >= 1e-6 (>> 1e-10: four orders above); "
                       "both normalized by 1 + ||W||^2");
  table_free(t);
  return 0;
}

static table *mf_summary(claim_result *res, int *c)
{
  table *t = claim_table(res, "D-mf-summary");
  const char *names[] = { "init", "sched", "delta", "D0", "DT", "sum_minus", "sum_plus", "imbT", "U2T",
                          "V2T", "errT", "nuc", "eta0" };
  if (!claim_cols(t, names, c, 13) || !claim_require_text(t, "D-mf-summary", "deltas", "0.1,0.5") ||
      !claim_require_text(t, "D-mf-summary", "alpha-small", "0.001") ||
      !claim_require_text(t, "D-mf-summary", "alpha-large", "1") ||
      !claim_require_text(t, "D-mf-summary", "eta-large", "0.01") || !claim_require_text(t, "D-mf-summary", "seeds", "3")) {
    table_free(t);
    return NULL;
  }
  return t;
}

/* D5 (and D5b): summable steps: the exact identity summed over the run. */
static int claim_D5x(claim_result *res, int variant)
{
  int c[13];
  table *t = mf_summary(res, c);
  if (!t) return 1;
  double worst_bound = 0, worst_id = 0;
  size_t n = 0;
  for (size_t i = 0; i < t->rows; i++) {
    if (COL(t, i, c[1]) == 0) continue;
    const double dd = COL(t, i, c[4]) - COL(t, i, c[3]), sp = COL(t, i, c[6]);
    const double scale = variant ? COL(t, i, c[8]) + COL(t, i, c[9]) : sp;
    worst_bound = fmax(worst_bound, fabs(dd) / sp);
    const double e = fabs(dd - COL(t, i, c[5])) / scale;
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
  int c[13];
  table *t = mf_summary(res, c);
  if (!t) return 1;
  double err = 0, imb = 0, dev = 0, nuc = NAN, derr[4] = { 0, 0, 0, 0 };
  size_t n = 0;
  for (size_t i = 0; i < t->rows; i++) {
    if (COL(t, i, c[0]) != 0) continue;
    const int sc = (int) COL(t, i, c[1]);
    if (sc > 0) { if (sc < 4) derr[sc] = fmax(derr[sc], COL(t, i, c[10])); continue; }
    nuc = COL(t, i, c[11]);
    err = fmax(err, COL(t, i, c[10]));
    imb = fmax(imb, COL(t, i, c[7]));
    dev = fmax(dev, fmax(fabs(COL(t, i, c[8]) - nuc), fabs(COL(t, i, c[9]) - nuc)) / nuc);
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
  int c[13];
  table *t = mf_summary(res, c);
  if (!t) return 1;
  double worst = 0;
  size_t n = 0;
  char list[256] = "";
  for (size_t i = 0; i < t->rows; i++) {
    if (COL(t, i, c[0]) != 1 || COL(t, i, c[1]) != 0) continue;
    const double r = fabs(COL(t, i, c[4]) - COL(t, i, c[3])) / fabs(COL(t, i, c[3]));
    worst = isnan(r) ? INFINITY : fmax(worst, r);
    char item[64];
    snprintf(item, sizeof item, "%s%.3f->%.3f", n ? ", " : "", COL(t, i, c[3]), COL(t, i, c[4]));
    strncat(list, item, sizeof list - strlen(list) - 1);
    n++;
  }
  res->pass = n == 3 && worst <= 0.25;
  claim_measured(res, "D_0 -> D_T: %s; max |D_T - D_0|/|D_0| = %.3f", list, worst);
  claim_criterion(res, "init scale 1, constant eta = 0.01, 3 seeds: |D_T - D_0| <= 0.25 |D_0| in every seed");
  table_free(t);
  return 0;
}

/* D8 (and D8b): rank one, constant step, linear convergence after the growth phase. */
static int claim_D8x(claim_result *res, double start)
{
  table *t = claim_table(res, "D-rank1");
  int ct = t ? table_col(t, "t") : -1, ce = t ? table_col(t, "rel_err") : -1;
  if (!t || ct < 0 || ce < 0 || !claim_require_text(t, "D-rank1", "eta", "0.1")) { table_free(t); return 1; }
  size_t a = 0, b = 0;
  for (size_t i = 0; i < t->rows; i++) {
    if (!a && COL(t, i, ce) <= start) a = i;
    if (!b && COL(t, i, ce) <= 1e-12) b = i;
  }
  double r2 = NAN, rate = NAN;
  if (a && b > a + 2) {
    double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;
    const double nw = (double) (b - a + 1);
    for (size_t i = a; i <= b; i++) mx += COL(t, i, ct) / nw, my += log(COL(t, i, ce)) / nw;
    for (size_t i = a; i <= b; i++) {
      const double x = COL(t, i, ct) - mx, y = log(COL(t, i, ce)) - my;
      sxy += x * y; sxx += x * x; syy += y * y;
    }
    r2 = sxy * sxy / (sxx * syy);
    rate = exp(sxy / sxx);
  }
  res->pass = r2 > 0.99;
  claim_measured(res, "window t = %.0f..%.0f: R^2 = %.5f, rate %.4f per step", a ? COL(t, a, ct) : NAN,
                 b ? COL(t, b, ct) : NAN, r2, rate);
  claim_criterion(res, "R^2 > 0.99 of ln(error) vs t from the first t with relative error <= %g (%s) "
                       "down to the first with relative error <= 1e-12", start,
                  start < 1e-2 ? "variant, window chosen after seeing D8" : "end of the growth phase");
  table_free(t);
  return 0;
}
static int claim_D8(claim_result *res) { return claim_D8x(res, 1e-1); }
static int claim_D8b(claim_result *res) { return claim_D8x(res, 1e-4); }

int main(int argc, char **argv)
{
  core_init();
  static const claim_entry claims[] = {
    { "D1", claim_D1 }, { "D2", claim_D2 }, { "D2b", claim_D2b }, { "D3", claim_D3 }, { "D4", claim_D4 },
    { "D5", claim_D5 }, { "D5b", claim_D5b }, { "D6", claim_D6 }, { "D7", claim_D7 },
    { "D8", claim_D8 }, { "D8b", claim_D8b },
  };
  return claim_main(argc, argv, "D-claims", claims, sizeof claims / sizeof claims[0]);
}
