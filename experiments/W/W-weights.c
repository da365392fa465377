/* W-weights -- the package's default weights on the three real data sets: phi (variance-maximizing
 * grid value), k (smallest connected symmetrised kNN graph) and the number of edges. */
#include <math.h>
#include "experiment.h"
#include "io/cc_data.h"
#include "models/cc_path.h"

int main(int argc, char **argv)
{
  proc_init();
  const char *pres = "experiments/data/presidential-speech.csv", *auth = "experiments/data/authors.csv";
  const char *tcga = "experiments/data/tcga-breast.csv";
  opt_spec specs[] = {
    { "presidential", OPT_STR, &pres, 0, 0, 0, "CSV of the presidential speeches (44 x 75)" },
    { "authors", OPT_STR, &auth, 0, 0, 0, "CSV of the authors data (841 x 69)" },
    { "tcga", OPT_STR, &tcga, 0, 0, 0, "CSV of the TCGA breast-cancer data (438 x 353)" },
  };
  opt_parser p = OPT_PARSER("W-weights", "default clustering weights (phi, k, edges) of the real data sets",
                            specs);
  int status;
  if (!opt_parse(&p, argc, argv, &status)) return status;
  const char *path[3] = { pres, auth, tcga }, *name[3] = { "Pres", "Authors", "TCGA" };
  cc_data *d[3] = { 0 };
  cc_graph *g[3] = { 0 };
  for (int s = 0; s < 3; s++) {
    if (!(d[s] = cc_data_load(path[s]))) return PROC_EXIT_NUMERIC;
    if (!(g[s] = cc_weights(d[s]->x, d[s]->n, d[s]->p))) return PROC_EXIT_NUMERIC;
  }
  out_file f;
  if (out_tsv_open(&f, &p, NULL)) return PROC_EXIT_NUMERIC;
  out_comment(&f, "dataset 0 = presidential speeches, 1 = authors, 2 = TCGA breast cancer");
  out_columns(&f, "dataset\tn\tp\tphi\tk\tedges\tw_min\tw_max");
  for (int s = 0; s < 3; s++) {
    double wmin = INFINITY, wmax = 0;
    for (size_t l = 0; l < g[s]->ne; l++) { wmin = fmin(wmin, g[s]->w[l]); wmax = fmax(wmax, g[s]->w[l]); }
    fprintf(f.fp, "%d\t%zu\t%zu\t%.17g\t%zu\t%zu\t%.17g\t%.17g\n", s, d[s]->n, d[s]->p, g[s]->phi,
            g[s]->k, g[s]->ne, wmin, wmax);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  char num[64], mac[64];
  if (out_macros_open(&f, &p)) return PROC_EXIT_NUMERIC;
  for (int s = 0; s < 3; s++) {
    snprintf(mac, sizeof mac, "WWeights%sPhi", name[s]);
    out_macro(&f, mac, "%s", out_tex_number(num, sizeof num, g[s]->phi, 2));
    snprintf(mac, sizeof mac, "WWeights%sK", name[s]);
    out_macro(&f, mac, "%zu", g[s]->k);
    snprintf(mac, sizeof mac, "WWeights%sEdges", name[s]);
    out_macro(&f, mac, "%zu", g[s]->ne);
    snprintf(mac, sizeof mac, "WWeights%sN", name[s]);
    out_macro(&f, mac, "%zu", d[s]->n);
    snprintf(mac, sizeof mac, "WWeights%sP", name[s]);
    out_macro(&f, mac, "%zu", d[s]->p);
  }
  if (out_commit(&f)) return PROC_EXIT_NUMERIC;
  for (int s = 0; s < 3; s++) { cc_graph_free(g[s]); cc_data_free(d[s]); }
  return 0;
}
