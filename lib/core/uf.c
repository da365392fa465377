/* uf.c -- union-find; see uf.h. */
#include "core/uf.h"

void uf_init(size_t *parent, size_t *size, size_t n)
{
  for (size_t i = 0; i < n; i++) { parent[i] = i; size[i] = 1; }
}

size_t uf_find(size_t *parent, size_t i)
{
  while (parent[i] != i) { parent[i] = parent[parent[i]]; i = parent[i]; }
  return i;
}

int uf_union(size_t *parent, size_t *size, size_t i, size_t j)
{
  i = uf_find(parent, i);
  j = uf_find(parent, j);
  if (i == j) return 0;
  if (size[i] < size[j]) { size_t t = i; i = j; j = t; }
  parent[j] = i;
  size[i] += size[j];
  return 1;
}
