/* S-claims -- the verdicts on claims S1-S7 (Stoger & Soltanolkotabi 2021), each computed from the
 * data files the figures are drawn from.  Criteria are those fixed in the spec before any data were
 * seen; they are printed with every verdict. */
#include <math.h>
#include <string.h>
#include "claim.h"
#include "core.h"

/* The protocol a claim was stated for: data produced with other parameters cannot judge it. */
static int require_param(const table *t, const char *file, const char *name, double want)
{
  double got = table_param_num(t, name);
  if (!(fabs(got - want) <= 1e-12 * fabs(want))) {
    fprintf(stderr, "%s: parameter %s = %g, the claim is stated for %g\n", file, name, got, want);
    return 0;
  }
  return 1;
}

/* S4: Phase I is a power method. */
static int claim_S4(claim_result *res)
{
  const double dev_max = 1e-3, test_min = 0.99, sin_max = 0.3;
  const size_t t_check = 100;
  table *ph = claim_table(res, "S-phases"), *sp = claim_table(res, "S-spectral-summary");
  int ok = ph && sp && require_param(ph, "S-phases", "alpha", 1e-6) &&
           require_param(ph, "S-phases", "n", 40) && require_param(ph, "S-phases", "m", 400);
  int ct = ok ? table_col(ph, "t") : -1, cd = ok ? table_col(ph, "pm_dev") : -1;
  int cte = ok ? table_col(ph, "test") : -1, cs = ok ? table_col(ph, "sin_spec") : -1;
  int ca = sp ? table_col(sp, "alpha") : -1, cm = sp ? table_col(sp, "sin_spec_median") : -1;
  ok = ok && ct >= 0 && cd >= 0 && cte >= 0 && cs >= 0 && ca >= 0 && cm >= 0 && ph->rows > t_check;
  if (ok) {
    double dev = 0.0;
    for (size_t i = 0; i <= t_check; i++) {
      double v = table_get(ph, i, cd);
      dev = isnan(v) ? INFINITY : fmax(dev, v);
    }
    const double test100 = table_get(ph, t_check, cte), sin100 = table_get(ph, t_check, cs);
    /* Alignment at the end of Phase I must improve (sin decrease) as alpha decreases. */
    int monotone = sp->rows >= 2;
    for (size_t i = 0; i + 1 < sp->rows; i++) {
      const double a0 = table_get(sp, i, ca), a1 = table_get(sp, i + 1, ca);
      const double s0 = table_get(sp, i, cm), s1 = table_get(sp, i + 1, cm);
      if (!(a1 < a0 && s1 < s0)) monotone = 0;
    }
    res->pass = dev <= dev_max && test100 >= test_min && sin100 <= sin_max && monotone;
    claim_measured(res, "max deviation t<=100: %.3g", dev);
    claim_measured(res, "test(100) = %.4f", test100);
    claim_measured(res, "sin(L,L_100) = %.3g", sin100);
    char list[256] = "";
    for (size_t i = 0; i < sp->rows; i++) {
      char item[64];
      snprintf(item, sizeof item, "%s%.0e:%.3g", i ? ", " : "", table_get(sp, i, ca), table_get(sp, i, cm));
      strncat(list, item, sizeof list - strlen(list) - 1);
    }
    claim_measured(res, "median sin at Phase I end by alpha {%s}", list);
    claim_criterion(res, "deviation <= %g for t <= %zu; test(100) >= %g; sin(L,L_100) <= %g; "
                    "sin at Phase I end decreasing as alpha decreases", dev_max, t_check, test_min, sin_max);
  }
  table_free(ph);
  table_free(sp);
  return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
  core_init();
  static const claim_entry claims[] = {
    { "S4", claim_S4 },
  };
  return claim_main(argc, argv, "S-claims", claims, sizeof claims / sizeof claims[0]);
}
