/* prog.h -- one-line progress report on stderr (prefix prog_).
 *
 * Long runs redraw a single line "LABEL [#####.....]  52%" on stderr.  It is silent when stderr is
 * not a terminal (make, CI, redirected runs) or when the program was given --quiet, so logs stay
 * clean and outputs never depend on it.
 */
#ifndef AR_PROG_H
#define AR_PROG_H

typedef struct {
  const char *label;
  long total;
  int enabled;
  int shown;     /* last percentage drawn, -1 before the first */
} prog_bar;

void prog_start(prog_bar *b, const char *label, long total, int quiet);
void prog_update(prog_bar *b, long done);
void prog_finish(prog_bar *b);

#endif
