/* mf_protocol.h -- the factorization experiments' option rules (J, D, X). */
#ifndef AR_MF_PROTOCOL_H
#define AR_MF_PROTOCOL_H

#include "io/opt.h"

/* Validate the options shared by the factorization experiments: the head strictly decreasing and
 * positive with at most min(m, n) values, 0 <= tail < last head value, k >= 1, eta > 0.  One error
 * line and OPT_EXIT_USAGE on violation, else 0.  Warns (run goes on) when eta sigma_1 >= 1: the
 * first-order picture (growth factor 1 + eta sigma < 2) no longer describes the step. */
int mf_validate(const opt_parser *p, long m, long n, long k, const opt_list *head, double tail,
                double eta);

#endif
