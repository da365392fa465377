/* W-missing -- CARP with missing values on the three real data sets: a fraction of the cells is
 * deleted uniformly at random, CARP runs on the observed cells only (the R package's rule: each
 * ADMM step fills the missing cells with the current U; weights from column-mean imputation), and
 * the partitions read off its dendrogram are compared with those of the complete data at every
 * matched cluster count K = 2..K_max (adjusted Rand index).  The baseline on the same gaps: fill
 * them with the column means and run CARP as on complete data (method 0; the masked fit is 1). */
#include <math.h>
#include <stdlib.h>
#include "experiment.h"
#include "io/cc_data.h"
#include "models/cc_path.h"

/* CARP on d (with its mask) and the dendrogram's merge rows; NULL-safe frees by the caller */
static int dendrogram(const cc_data *d, int masked, double t, int *merge, double *height, size_t *steps)
{
  cc_graph *g = cc_weights(d->x, d->n, d->p);
  cc_admm *a = g ? cc_admm_alloc(d->x, d->n, d->p, g, 1.0, CC_SOLVER_CHOLMOD) : NULL;
  cc_path *h = g ? cc_path_alloc(d->n, d->p, g->ne, 0) : NULL;
  int rc = a && h ? 0 : GSL_ENOMEM;
  if (!rc) {
    a->observed = masked ? d->observed : NULL;
    const cc_carp_config cfg = { t, 1e-6, 50, 10, 100000000 };
    rc = cc_carp(a, &cfg, h);
  }
  if (!rc && cc_dendrogram(h, g, merge, height, NULL) != d->n - 1) rc = GSL_EFAILED;
  if (h) *steps = h->steps;
  cc_path_free(h); cc_admm_free(a); cc_graph_free(g);
  return rc;
}

int main(int argc, char **argv)
{
  proc_init();
  const char *path[3] = { "experiments/data/presidential-speech.csv", "experiments/data/authors.csv",
                          "experiments/data/tcga-breast.csv" };
  opt_list fr = { 3, { 0.01, 0.05, 0.1 } };
  long reps = 3, kmax = 10;
  double t = 1.05;
  opt_spec specs[] = {
    { "presidential", OPT_STR, &path[0], 0, 0, 0, "CSV of the presidential speeches (44 x 75)" },
    { "authors", OPT_STR, &path[1], 0, 0, 0, "CSV of the authors data (841 x 69)" },
    { "tcga", OPT_STR, &path[2], 0, 0, 0, "CSV of the TCGA breast-cancer data (438 x 353)" },
    { "fractions", OPT_REALS, &fr, 0, 0.5, OPT_LO_OPEN, "fractions of the cells deleted" },
    { "reps", OPT_INT, &reps, 1, 100, 0, "random deletions per fraction and data set" },
    { "kmax", OPT_INT, &kmax, 2, 40, 0, "partitions compared at K = 2..kmax clusters" },
    { "t", OPT_REAL, &t, 1, 10, OPT_LO_OPEN, "CARP step ratio (> 1)" },
  };
  opt_parser p = OPT_PARSER("W-missing", "CARP with cells deleted at random: partitions vs the complete data (ARI)", specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  static const char *name[3] = { "Pres", "Authors", "TCGA" };
  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_comment(&f, "dataset 0 = presidential speeches, 1 = authors, 2 = TCGA; missing = cells deleted; method 1 = fit on "
              "the observed cells, 0 = column means filled in; ari at K clusters (dendrogram cuts of the complete-data "
              "and the gapped path)");
  out_columns(&f, "dataset\tfraction\trep\tmissing\tmethod\tsteps\tK\tari");
  double mean[2][3][OPT_LIST_MAX], worst[2][3][OPT_LIST_MAX];
  prog_bar bar;
  long done = 0;
  prog_start(&bar, "W-missing", (long) (3 * fr.n) * reps, p.quiet);
  for (size_t s = 0; s < 3; s++) {
    cc_data *d = cc_data_load(path[s]);
    if (!d) return PROC_EXIT_NUMERIC;
    const size_t n = d->n, K1 = (size_t) kmax < n ? (size_t) kmax : n;
    int *m0 = malloc(2 * n * sizeof *m0), *m1 = malloc(2 * n * sizeof *m1);
    double *h0 = malloc(n * sizeof *h0), *h1 = malloc(n * sizeof *h1);
    size_t *l0 = malloc(n * sizeof *l0), *l1 = malloc(n * sizeof *l1), *par = malloc(n * sizeof *par);
    size_t *sz = malloc(n * sizeof *sz), steps = 0;
    if (!m0 || !m1 || !h0 || !h1 || !l0 || !l1 || !par || !sz) return PROC_EXIT_NUMERIC;
    if (dendrogram(d, 1, t, m0, h0, &steps)) { fprintf(stderr, "W-missing: CARP failed on %s\n", path[s]); return PROC_EXIT_NUMERIC; }
    for (size_t i = 0; i < fr.n; i++) {
      for (int md = 0; md < 2; md++) { mean[md][s][i] = 0; worst[md][s][i] = INFINITY; }
      for (long r = 0; r < reps; r++) {
        gsl_rng *rng = rng_stream(p.seed, RNG_DATA, 100 * s + i, (unsigned long) r);
        cc_data *e = rng ? cc_data_with_gaps(d, (size_t) llround(fr.v[i] * (double) (n * d->p)), rng, 0) : NULL;
        for (int md = 0; md < 2; md++) {
          if (!e || dendrogram(e, md, t, m1, h1, &steps)) { fprintf(stderr, "W-missing: CARP with gaps failed on %s\n", path[s]); return PROC_EXIT_NUMERIC; }
          double avg = 0;
          for (size_t K = 2; K <= K1; K++) {
            cc_dendrogram_cut(m0, n - 1, n, K, l0, par, sz);
            cc_dendrogram_cut(m1, n - 1, n, K, l1, par, sz);
            const double ari = cc_ari(l0, l1, n);
            avg += ari / (double) (K1 - 1);
            fprintf(f.fp, "%zu\t%.17g\t%ld\t%zu\t%d\t%zu\t%zu\t%.17g\n", s, fr.v[i], r, e->nmiss, md, steps, K, ari);
          }
          mean[md][s][i] += avg / (double) reps;
          worst[md][s][i] = fmin(worst[md][s][i], avg);
        }
        cc_data_free(e); gsl_rng_free(rng);
        prog_update(&bar, ++done);
      }
    }
    free(m0); free(m1); free(h0); free(h1); free(l0); free(l1); free(par); free(sz);
    cc_data_free(d);
  }
  prog_finish(&bar);
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  static const char *tag[] = { "A", "B", "C", "D", "E", "F" };
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  out_run_macro(&f, &p, "Reps", "%ld", reps);
  out_run_macro(&f, &p, "Kmax", "%ld", kmax);
  for (size_t i = 0; i < fr.n && i < 6; i++) {
    char mac[64];
    snprintf(mac, sizeof mac, "Percent%s", tag[i]); out_run_macro(&f, &p, mac, "%g", 100 * fr.v[i]);
    for (size_t s = 0; s < 3; s++)
      for (int md = 0; md < 2; md++) {
        snprintf(mac, sizeof mac, "%s%sMeanAri%s", name[s], md ? "Masked" : "Imputed", tag[i]);
        out_run_macro(&f, &p, mac, "%.2f", mean[md][s][i]);
        snprintf(mac, sizeof mac, "%s%sWorstAri%s", name[s], md ? "Masked" : "Imputed", tag[i]);
        out_run_macro(&f, &p, mac, "%.2f", worst[md][s][i]);
      }
  }
  return out_commit(&f) ? PROC_EXIT_NUMERIC : 0;
}
