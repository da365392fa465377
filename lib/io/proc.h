/* proc.h -- what every program does once per process (prefix proc_): fixed numerical settings,
 * the wall clock, the one report of a diverged run, and the record of the run's cost.
 *
 * proc_init fixes the settings that results depend on (OpenBLAS on one thread, whose reductions
 * change bits with the thread count; GSL errors reported on stderr and returned as codes instead of
 * aborting), starts the process clock, and registers the cost record: when a program that
 * committed a data file exits, STEM.resources (STEM: the stem of its first data file) receives its
 * wall time and peak resident memory.  Those numbers vary from run to run, so they live apart from
 * the deterministic data whose checksums make verify compares.  Call proc_init first in main. */
#ifndef AR_PROC_H
#define AR_PROC_H

#include <stddef.h>

void proc_init(void);

/* The thread count for the kernels that may use threads (the sensing pass, the CARP step): the
 * environment variable AR_THREADS, an integer from 1 to PROC_MAX_THREADS, default 1 (so that
 * `make -j2` keeps one thread per job).  Those kernels partition their work in a fixed way and
 * reduce in a fixed order, so that results are bit-identical for every count.  A malformed value
 * is a usage error: one line on stderr and exit status 2. */
#define PROC_MAX_THREADS 64
int proc_threads(void);

/* Exit status for a numerical failure such as divergence (usage errors are OPT_EXIT_USAGE). */
#define PROC_EXIT_NUMERIC 1

/* Seconds on the monotonic clock (an arbitrary origin: subtract two readings). */
double proc_seconds(void);

/* CPU seconds of the process (all its threads; an arbitrary origin: subtract two readings). */
double proc_cpu_seconds(void);

/* The machine's 1-minute load average (NAN where /proc/loadavg is missing). */
double proc_loadavg(void);

/* The peak resident memory of the process so far, in MiB (NAN when it cannot be read).  Varies
 * from run to run: for timing tables, never for data. */
double proc_peak_mib(void);

/* The one message for a run that diverged: "PROGRAM: diverged at iteration ITER (WHAT): non-finite
 * iterate" on stderr; WHAT names the setting (e.g. "mu = 0.1, alpha = 1e-06"), may be NULL.
 * Returns PROC_EXIT_NUMERIC, so that mains can `return proc_diverged(...)`. */
int proc_diverged(const char *program, size_t iter, const char *fmt, ...)
  __attribute__((format(printf, 3, 4)));

/* Any other numerical failure (a solver error, a phase that did not end): "PROGRAM: MESSAGE" on
 * stderr, one line.  Returns PROC_EXIT_NUMERIC, so that mains can `return proc_fail(...)`. */
int proc_fail(const char *program, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Called by the output layer when a data file with stem STEM was committed (the first one names
 * the cost record). */
void proc_note_output(const char *stem);

#endif
