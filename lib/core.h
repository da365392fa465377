/* core.h -- what every experiment includes: options, outputs, random streams, progress, linear
 * algebra helpers, and core_init. */
#ifndef AR_CORE_H
#define AR_CORE_H

#include "la.h"
#include "opt.h"
#include "out.h"
#include "progress.h"
#include "rng.h"

/* Fix the process-wide settings that results depend on: OpenBLAS runs on one thread (its
 * reductions change bits with the thread count), and GSL errors are reported on stderr and returned
 * as codes instead of aborting.  Call first in main. */
void core_init(void);

/* Exit status for a numerical failure such as divergence (usage errors are OPT_EXIT_USAGE). */
#define CORE_EXIT_NUMERIC 1

#endif
