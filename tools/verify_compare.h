/* verify_compare.h - one answer of the snapshot engine against the kernel's
 * (used by `bestroute verify`; public API only, so tests can link it). */
#ifndef BRT_TOOLS_VERIFY_COMPARE_H
#define BRT_TOOLS_VERIFY_COMPARE_H

#include <stddef.h>

#include "bestroute/bestroute.h"

/*
 * verify_compare - whether @ours (brt_table_lookup on @t for @q) agrees
 * with @kernel (brt_live_kernel_lookup for @q). Returns 0 when they agree,
 * 1 when not (then @why names each difference).
 */
int verify_compare(const brt_table *t, const struct brt_query *q,
		   const struct brt_result *ours, const struct brt_result *kernel,
		   char *why, size_t len);

/* One answer on one line: "unicast 10.0.0.0/8 table main via G dev D src S"
 * or "error no-route". */
void verify_describe(const brt_table *t, const struct brt_result *r,
		     char *buf, size_t len);

#endif
