/* prog.c -- one-line progress report; see prog.h. */
#include "io/prog.h"

#include <stdio.h>
#include <unistd.h>

void prog_start(prog_bar *b, const char *label, long total, int quiet)
{
  b->label = label;
  b->total = total > 0 ? total : 1;
  b->enabled = !quiet && isatty(STDERR_FILENO);
  b->shown = -1;
  prog_update(b, 0);
}

void prog_update(prog_bar *b, long done)
{
  if (!b->enabled) return;
  int pct = (int) (100.0 * (double) done / (double) b->total);
  if (pct > 100) pct = 100;
  if (pct == b->shown) return;
  b->shown = pct;
  char bar[21];
  for (int i = 0; i < 20; i++) bar[i] = i < pct / 5 ? '#' : '.';
  bar[20] = '\0';
  fprintf(stderr, "\r%s [%s] %3d%%", b->label, bar, pct);
  fflush(stderr);
}

void prog_finish(prog_bar *b)
{
  if (!b->enabled) return;
  prog_update(b, b->total);
  fputc('\n', stderr);
}
