/* uf.h -- union-find over 0..n-1 with path halving and union by size (prefix uf_).
 * parent and size are caller-owned arrays of n entries. */
#ifndef AR_UF_H
#define AR_UF_H

#include <stddef.h>

void uf_init(size_t *parent, size_t *size, size_t n);
/* The representative of i's set (halves the path on the way). */
size_t uf_find(size_t *parent, size_t i);
/* Merge the sets of i and j; 1 if they were distinct. */
int uf_union(size_t *parent, size_t *size, size_t i, size_t j);

#endif
