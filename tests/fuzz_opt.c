/* fuzz_opt.c -- libFuzzer harness for the option parser: the input is split at NUL bytes into an
 * argv; opt_parse must accept or refuse it without crashing, and whatever it accepts must satisfy
 * the declared ranges.  Build and run: make fuzz FUZZ_SECONDS=60. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "io/opt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *buf = malloc(size + 1), *argv[64];
  if (!buf) return 0;
  memcpy(buf, data, size);
  buf[size] = '\0';
  int argc = 0;
  argv[argc++] = "fuzz";
  for (size_t i = 0; i < size && argc < 63;) {
    argv[argc++] = buf + i;
    i += strlen(buf + i) + 1;
  }
  argv[argc] = NULL;
  long k = 3;
  double alpha = 0.5;
  opt_list list = { 1, { 1.0 } };
  const char *name = "x";
  int flag = 0;
  opt_spec specs[] = {
    { "k", OPT_INT, &k, 1, 100, 0, "an integer in [1, 100]" },
    { "alpha", OPT_REAL, &alpha, 0, 1, OPT_LO_OPEN, "a real in (0, 1]" },
    { "alphas", OPT_REALS, &list, 0, 1e3, OPT_LO_OPEN, "reals in (0, 1e3]" },
    { "name", OPT_STR, &name, 0, 0, 0, "a string" },
    { "flag", OPT_FLAG, &flag, 0, 0, 0, "a flag" },
  };
  opt_parser p = OPT_PARSER("fuzz", "fuzzing the option parser", specs);
  int status;
  if (opt_parse(&p, argc, argv, &status)) {
    if (k < 1 || k > 100 || !(alpha > 0 && alpha <= 1) || p.seed < 1 || !*name) abort();
    for (size_t i = 0; i < list.n; i++)
      if (!(list.v[i] > 0 && list.v[i] <= 1e3)) abort();
  } else if (status != 0 && status != OPT_EXIT_USAGE) {
    abort();
  }
  free(buf);
  return 0;
}
