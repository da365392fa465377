/* experiment.h -- what every experiment program includes: the process setup, options, outputs,
 * random streams, progress, linear algebra and statistics. */
#ifndef AR_EXPERIMENT_H
#define AR_EXPERIMENT_H

#include "core/la.h"
#include "core/rng.h"
#include "core/stats.h"
#include "io/opt.h"
#include "io/out.h"
#include "io/proc.h"
#include "io/prog.h"

#endif
