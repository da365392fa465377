/* fuzz_table.c -- libFuzzer harness for the TSV reader: any input is either refused or read into a
 * consistent table (every row complete, column lookup by each name works). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "io/table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  FILE *fp = fmemopen((void *) data, size ? size : 1, "r");
  if (!fp) return 0;
  if (size == 0) { fclose(fp); return 0; }
  table *t = table_read_stream(fp, "fuzz");
  fclose(fp);
  if (t) {
    if (t->cols == 0 || (t->rows && !t->v)) abort();
    for (size_t j = 0; j < t->cols; j++)
      if (table_col(t, t->names[j]) < 0) abort();
    volatile double sum = 0;
    for (size_t i = 0; i < t->rows * t->cols; i++) sum += t->v[i];
    (void) sum;
    table_free(t);
  }
  return 0;
}
