/* carp_plot.c -- the carp tool's figures: the gnuplot script (figures/carp-figures.gp, compiled in)
 * with the run's stem, written beside the tables and run by gnuplot when there is one.  See carp.h. */
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "carp.h"
#include "io/out.h"

extern char **environ;
extern const char carp_figures_script[];   /* figures/carp-figures.gp, compiled in (make/carp.mk) */

int carp_figures(const char *stem, int part, double cut)
{
  char script[OUT_PATH_MAX], tmp[OUT_PATH_MAX + 32], fin[OUT_PATH_MAX], ext[32];
  out_file f;
  if (carp_path_of(script, stem, "-figures.gp") || out_open(&f, script)) return 1;
  fputs("stem = '", f.fp);
  for (const char *c = stem; *c; c++) { if (*c == '\'') fputc('\'', f.fp); fputc(*c, f.fp); }
  fprintf(f.fp, "'\npart = %d\ncut = %.17g\n", part, part ? cut : NAN);
  fputs(carp_figures_script, f.fp);
  if (out_commit(&f)) return 1;
  snprintf(ext, sizeof ext, ".tmp%ld", (long) getpid());
  char eopt[64];
  snprintf(eopt, sizeof eopt, "ext = '%s'", ext);
  char *argv[] = { "gnuplot", "-e", eopt, script, NULL };
  pid_t pid;
  int st = 0;
  if (posix_spawnp(&pid, "gnuplot", NULL, NULL, argv, environ)) {
    fprintf(stderr, "carp: warning: no gnuplot: figures not drawn (install gnuplot, then run: gnuplot %s)\n", script);
    return -1;
  }
  const int ok = waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
  static const char *const fig[] = { "-path.pdf", "-path.png", "-dendrogram.pdf", "-dendrogram.png" };
  int bad = !ok;
  for (size_t k = 0; k < 4; k++) {
    snprintf(fin, sizeof fin, "%s%s", stem, fig[k]);
    snprintf(tmp, sizeof tmp, "%s%s", fin, ext);
    if (ok && rename(tmp, fin)) bad = 1;
    remove(tmp);
  }
  if (bad) fprintf(stderr, "carp: gnuplot failed to draw the figures (script %s)\n", script);
  return bad;
}
