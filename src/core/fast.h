/* fast.h - the compiled lookup structure of a fib (not installed). */
#ifndef BRT_CORE_FAST_H
#define BRT_CORE_FAST_H

#include "internal.h"

/* Build f->fast from f->groups (after brt_fib_build). 0 or BRT_ENOMEM. */
int brt_fast_build(struct brt_fib *f);
void brt_fast_free(struct brt_fast *fast);
/* The longest group containing @addr, or NULL (as brt_fib_lookup_ref). */
const struct brt_pgroup *brt_fast_lookup(const struct brt_fib *f,
					 const uint8_t *addr);

#endif
