/* cc_baseline.h -- W-baselines' protocol (prefix cc_baseline_): CARP and the exact-path baselines
 * (ADMM, the module's own step iterated to convergence, warm-started; AMA, Chi & Lange 2015,
 * accelerated as in cvxclustr) run to completion, each run in a process of its own (child.h) so that
 * its peak memory is its own, the solver alone timed; and the macros of one data set's runs. */
#ifndef AR_CC_BASELINE_H
#define AR_CC_BASELINE_H

#include "io/cc_data.h"
#include "io/out.h"
#include "io/prog.h"
#include "models/cc_path.h"

enum { CC_BASELINE_CARP = 0, CC_BASELINE_ADMM = 1, CC_BASELINE_AMA = 2 };
extern const char *const cc_baseline_name[3];   /* "Carp", "Admm", "Ama": the macros' method names */

typedef struct {
  const cc_data *d;
  const cc_graph *g;
  int method, tight, accelerate;
  double t;
  const double *grid;
  size_t ngrid;
  prog_bar *bar;      /* the parent's bar: the child draws on its own copy */
  long bar_at;        /* the bar's position when the job starts (100 units per job) */
} cc_baseline_job;

typedef struct {
  size_t steps, levels, capped, complete;
  double gamma_end, wall, cpu, mb;
  double load[2];     /* 1-minute load average of the machine before and after the runs */
} cc_baseline_outcome;

/* The job `reps` times, each in its own process: the fastest wall time (and its CPU time), the
 * largest peak memory, the machine's load before and after.  0, or 1 when a run failed. */
int cc_baseline_run(const cc_baseline_job *j, long reps, cc_baseline_outcome *o);

/* The jobs of one data set into jobs: CARP at each t, then the exact paths of methods (copies of
 * base with method and t set).  Returns their number. */
size_t cc_baseline_plan(cc_baseline_job *jobs, const cc_baseline_job *base, const opt_list *ts, const opt_list *methods);

/* Macros: steps and levels (deterministic) in f; seconds, MB and the multiple of the run's own
 * CARP(first t) wall time in ft.  An exact path's are WBaselines[Tight]<ds><Admm|Ama>..., the
 * same whichever run measured it; CARP's (the run's reference) PRE<ds>Carp<A, B...>... */
void cc_baseline_macros(out_file *f, out_file *ft, const char *pre, const char *ds, const cc_baseline_job *jb,
                        const cc_baseline_outcome *o, size_t nj);

#endif
