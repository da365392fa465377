/* fuzz_csv.c -- libFuzzer harness for the real-data CSV reader: any input is either refused or
 * read into a consistent matrix (finite values, labels and names present as announced). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include "io/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  csv_data *d = csv_parse((const char *) data, size, "fuzz");
  if (d) {
    if (d->n == 0 || d->p == 0 || !d->x) abort();
    for (size_t i = 0; i < d->n * d->p; i++)
      if (!isfinite(d->x[i])) abort();
    for (size_t i = 0; d->rowname && i < d->n; i++)
      if (!d->rowname[i]) abort();
    for (size_t j = 0; d->colname && j < d->p; j++)
      if (!d->colname[j]) abort();
    csv_free(d);
  }
  return 0;
}
