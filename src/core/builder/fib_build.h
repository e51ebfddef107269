/* fib_build.h - compiling routes of one table into groups (not installed). */
#ifndef BRT_CORE_FIB_BUILD_H
#define BRT_CORE_FIB_BUILD_H

#include "model/model.h"

/*
 * core_fib_build - sort f->routes (all of one family and table, set by the
 * caller) into prefix groups and link each group to its parent.
 * Returns 0 or BRT_ENOMEM.
 */
int core_fib_build(struct brt_fib *f);
/* Free what core_fib_build allocated, and f->routes. */
void core_fib_free(struct brt_fib *f);

#endif
