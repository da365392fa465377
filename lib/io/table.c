/* table.c -- read the artifact's TSV data files; see table.h. */
#include "io/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

static char *read_line(FILE *fp, size_t *cap, char **buf)
{
  size_t len = 0;
  int c;
  while ((c = fgetc(fp)) != EOF) {
    if (len + 2 > *cap) {
      size_t ncap = *cap ? 2 * *cap : 256;
      char *p = realloc(*buf, ncap);
      if (!p) return NULL;
      *buf = p;
      *cap = ncap;
    }
    if (c == '\n') break;
    (*buf)[len++] = (char) c;
  }
  if (c == EOF && len == 0) return NULL;
  (*buf)[len] = '\0';
  return *buf;
}

void table_free(table *t)
{
  if (!t) return;
  for (size_t j = 0; t->names && j < t->cols; j++) free(t->names[j]);
  free(t->names);
  for (size_t j = 0; j < t->nparams; j++) {
    free(t->param_names[j]);
    free(t->param_values[j]);
  }
  free(t->param_names);
  free(t->param_values);
  free(t->v);
  free(t);
}

static table *fail(table *t, char *buf, FILE *fp, const char *path, size_t line, size_t col,
                   const char *why)
{
  if (col) fprintf(stderr, "%s:%zu:%zu: %s\n", path, line, col, why);
  else fprintf(stderr, "%s:%zu: %s\n", path, line, why);
  (void) fp;
  free(buf);
  table_free(t);
  return NULL;
}

table *table_read(const char *path)
{
  FILE *fp = fopen(path, "r");
  if (!fp) {
    fprintf(stderr, "%s: cannot open\n", path);
    return NULL;
  }
  table *t = table_read_stream(fp, path);
  fclose(fp);
  return t;
}

table *table_read_stream(FILE *fp, const char *path)
{
  table *t = calloc(1, sizeof *t);
  char *buf = NULL, *line;
  size_t cap = 0, lineno = 0, vcap = 0;
  if (!t) return fail(t, buf, fp, path, 0, 0, "out of memory");
  while ((line = read_line(fp, &cap, &buf)) != NULL) {
    lineno++;
    if (line[0] == '\0') continue;   /* blank lines separate gnuplot data blocks */
    if (line[0] == '#') {
      if (!t->names && strncmp(line, "# param ", 8) == 0 && strchr(line, ':')) {
        char **pn = realloc(t->param_names, (t->nparams + 1) * sizeof(char *));
        if (pn) t->param_names = pn;
        char **pv = realloc(t->param_values, (t->nparams + 1) * sizeof(char *));
        if (pv) t->param_values = pv;
        if (!pn || !pv) return fail(t, buf, fp, path, lineno, 0, "out of memory");
        char *colon = strchr(line, ':');
        *colon = '\0';
        t->param_names[t->nparams] = strdup(line + 8);
        t->param_values[t->nparams] = strdup(colon[1] == ' ' ? colon + 2 : colon + 1);
        t->nparams++;
      }
      continue;
    }
    if (!t->names) {   /* the header */
      size_t n = 1;
      for (char *c = line; *c; c++) n += *c == '\t';
      t->names = calloc(n, sizeof(char *));
      if (!t->names) return fail(t, buf, fp, path, lineno, 0, "out of memory");
      char *save = NULL, *tok = strtok_r(line, "\t", &save);
      for (; tok; tok = strtok_r(NULL, "\t", &save)) t->names[t->cols++] = strdup(tok);
      if (t->cols != n) return fail(t, buf, fp, path, lineno, 0, "empty column name");
      continue;
    }
    if (t->rows * t->cols + t->cols > vcap) {
      size_t ncap = vcap ? 2 * vcap : 64 * t->cols;
      double *p = realloc(t->v, ncap * sizeof(double));
      if (!p) return fail(t, buf, fp, path, lineno, 0, "out of memory");
      t->v = p;
      vcap = ncap;
    }
    char *c = line;
    for (size_t j = 0; j < t->cols; j++) {
      char *end;
      double x = strtod(c, &end);
      if (end == c || (*end != '\t' && *end != '\0'))
        return fail(t, buf, fp, path, lineno, j + 1, "not a number");
      if ((*end == '\0') != (j + 1 == t->cols))
        return fail(t, buf, fp, path, lineno, j + 1, "wrong number of fields");
      t->v[t->rows * t->cols + j] = x;
      c = end + 1;
    }
    t->rows++;
  }
  if (!t->names) return fail(t, buf, fp, path, lineno, 0, "no header line");
  free(buf);
  return t;
}

int table_col(const table *t, const char *name)
{
  for (size_t j = 0; j < t->cols; j++)
    if (strcmp(t->names[j], name) == 0) return (int) j;
  fprintf(stderr, "no column '%s' in table (columns:", name);
  for (size_t j = 0; j < t->cols; j++) fprintf(stderr, " %s", t->names[j]);
  fprintf(stderr, ")\n");
  return -1;
}

const char *table_param(const table *t, const char *name)
{
  for (size_t j = 0; j < t->nparams; j++)
    if (strcmp(t->param_names[j], name) == 0) return t->param_values[j];
  return NULL;
}

double table_param_num(const table *t, const char *name)
{
  const char *v = table_param(t, name);
  if (!v) return NAN;
  char *end;
  double x = strtod(v, &end);
  return (end != v && *end == '\0') ? x : NAN;
}
