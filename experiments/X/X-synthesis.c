/* X-synthesis -- the incremental-learning law t ~ ln(1/alpha) / (eta sigma) in three settings on
 * common axes: S (symmetric matrix sensing U U^T), J (asymmetric factorization F G^T of a
 * model-free matrix) and M (lifted tensor sensing, rank one, l = 3).  For every init scale alpha and
 * seed, gradient descent from a small random init runs until each tracked component is learned
 * (syn_protocol.h).  Writes t_hit against x = ln(1/alpha) / (eta sigma) and the least-squares line
 * t_hit = a x + b per setting.  Every parameter is ours (designed for this synthesis, not taken
 * from the papers). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "experiment.h"
#include "syn_protocol.h"

#define MAXPTS 4096

static const rng_table streams = { "c s", "c = setting 1 (S), 2 (J), 3 (M), s = seed; the same init "
                                   "direction at every alpha", {
  { "data", RNG_DATA, "c", NULL }, { "S operator", RNG_OPERATOR, "1", NULL }, { "init", RNG_INIT, "c", "s" } } };

/* The learned points of one setting, for its fit: x = ln(1/alpha)/(eta sigma) against t_hit. */
typedef struct {
  double x[MAXPTS], t[MAXPTS];
  size_t n, missed;
} points;

int main(int argc, char **argv)
{
  proc_init();
  long seeds = 3;
  syn_config c = SYN_CONFIG_DEFAULT;
  opt_list alphas = { 4, { 1e-2, 1e-4, 1e-6, 1e-8 } };
  opt_spec specs[] = {
    { "alphas", OPT_REALS, &alphas, 0, 0.5, OPT_LO_OPEN, "init scales alpha (every setting)" },
    { "seeds", OPT_INT, &seeds, 1, 100, 0, "init seeds per alpha (every setting)" },
    SYN_OPTIONS(c),
  };
  opt_parser p = OPT_PARSER("X-synthesis", "learning times against ln(1/alpha)/(eta sigma) in S, J and M", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  if ((status = syn_validate(&p, &c))) return status;
  if (alphas.n * (size_t) seeds * (size_t) (c.s_r + (long) c.j_sigma.n + (long) c.m_sigma.n) > MAXPTS)
    return opt_fail(&p, "--seeds", "too many points (at most %d)", MAXPTS);

  syn_problems *P = syn_alloc(&c, &streams, p.seed);
  points *pts = calloc(SYN_SETTINGS, sizeof *pts);
  out_file f;
  if (!P || !pts || out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_streams(&f, &streams);
  out_comment(&f, "learned: first t at which the i-th largest eigenvalue (singular value) of the product "
                  "reaches %g sigma_i; t_hit = nan if not by the cap", SYN_FRAC);
  out_comment(&f, "S: product U U^T, sigma = eigenvalue of X X^T, eta = mu; J: product F G^T, sigma = "
                  "singular value of X; M: product w w^T (lifted), sigma = |z|^(2l)");
  out_columns(&f, "setting\tseed\talpha\teta\tcomponent\tsigma\tt_hit\tx");
  prog_bar bar;
  prog_start(&bar, out_stem(&p), (long) (alphas.n * (size_t) seeds), p.quiet);
  for (size_t a = 0; a < alphas.n; a++)
    for (long s = 1; s <= seeds; s++) {
      for (int set = 0; set < SYN_SETTINGS; set++) {
        double t_hit[OPT_LIST_MAX], sigma[OPT_LIST_MAX], eta;
        size_t ncomp = 0, fail = 0;
        const int rc = syn_learn(P, set, alphas.v[a], s, &ncomp, t_hit, sigma, &eta, &fail);
        if (rc) out_abort(&f);
        if (rc == GSL_ERUNAWAY)
          return proc_diverged(p.program, fail, "%s, alpha = %g, seed %ld", syn_setting_name[set], alphas.v[a], s);
        if (rc) return PROC_EXIT_NUMERIC;
        points *pt = &pts[set];
        for (size_t i = 0; i < ncomp; i++) {
          const double x = log(1.0 / alphas.v[a]) / (eta * sigma[i]);
          fprintf(f.fp, "%s\t%ld\t%.17g\t%.17g\t%zu\t%.17g\t%.17g\t%.17g\n", syn_setting_name[set], s, alphas.v[a],
                  eta, i + 1, sigma[i], t_hit[i], x);
          if (isnan(t_hit[i])) pt->missed++;
          else if (pt->n < MAXPTS) pt->x[pt->n] = x, pt->t[pt->n++] = t_hit[i];
        }
      }
      prog_update(&bar, (long) (a * (size_t) seeds + (size_t) s));
    }
  prog_finish(&bar);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;

  char num[64], name[32];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  for (int set = 0; set < SYN_SETTINGS; set++) {
    const stats_line fit = stats_fit_line(pts[set].x, pts[set].t, pts[set].n);
    snprintf(name, sizeof name, "%sSlope", syn_setting_name[set]);
    out_run_macro(&f, &p, name, "%.2f", fit.slope);
    snprintf(name, sizeof name, "%sIntercept", syn_setting_name[set]);
    out_run_macro(&f, &p, name, "%.0f", fit.intercept);
    snprintf(name, sizeof name, "%sMissed", syn_setting_name[set]);
    out_run_macro(&f, &p, name, "%zu", pts[set].missed);
  }
  out_run_macro(&f, &p, "Frac", "%g", SYN_FRAC);
  out_run_macro(&f, &p, "Seeds", "%ld", seeds);
  out_run_macro(&f, &p, "AlphaMax", "%s", out_tex_number(num, sizeof num, alphas.v[0], 2));
  out_run_macro(&f, &p, "AlphaMin", "%s", out_tex_number(num, sizeof num, alphas.v[alphas.n - 1], 2));
  /* The problems' parameters, quoted in the text (stems S, J, M: the settings). */
  const struct { const char *name; double value; } quoted[] = {
    { "SN", (double) c.s_n }, { "SR", (double) c.s_r }, { "SM", (double) c.s_m }, { "SKappa", c.s_kappa },
    { "SMu", c.s_mu }, { "JM", (double) c.j_m }, { "JN", (double) c.j_n }, { "JK", (double) c.j_k },
    { "JEta", c.j_eta }, { "JTail", c.j_tail }, { "MN", (double) c.m_n }, { "MMeas", (double) c.m_meas },
    { "ML", (double) c.m_l }, { "MEta", c.m_eta },
  };
  for (size_t q = 0; q < sizeof quoted / sizeof quoted[0]; q++) out_run_macro(&f, &p, quoted[q].name, "%g", quoted[q].value);
  out_run_macro(&f, &p, "MGain", "%.2f", syn_m_gain(P));
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  free(pts);
  syn_free(P);
  return 0;
}
