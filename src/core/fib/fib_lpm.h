/* fib_lpm.h - the compiled lookup structure of a fib (not installed). */
#ifndef BRT_CORE_FAST_H
#define BRT_CORE_FAST_H

#include "model/model.h"

/* Build f->fast from f->groups (after brt_fib_build). 0 or BRT_ENOMEM. */
int brt_fast_build(struct brt_fib *f);
void brt_fast_free(struct brt_fast *fast);
/* The longest group containing @addr, or NULL (as brt_fib_lookup_ref). */
const struct brt_pgroup *brt_fast_lookup(const struct brt_fib *f,
					 const uint8_t *addr);

/*
 * Editing (fib_edit.c): the group in slot @slot is entered or removed;
 * brt_fast_covering gives the slot of the longest group strictly shorter
 * than @p that contains it (-1: none); brt_fast_below calls @fn with each
 * group slot directly below @p (no group between). 0 or BRT_E*.
 */
int brt_fast_create_empty(struct brt_fib *f);
int brt_fast_enter(struct brt_fib *f, uint32_t slot);
int brt_fast_remove(struct brt_fib *f, uint32_t slot);
int32_t brt_fast_covering(const struct brt_fib *f, const struct brt_prefix *p);
void brt_fast_below(const struct brt_fib *f, const struct brt_prefix *p,
		    void (*fn)(void *arg, uint32_t slot), void *arg);
/* brt_lpm_check, and the engine holds exactly f->n_live prefixes. */
int brt_fast_check(const struct brt_fib *f, char *msg, size_t msglen);
/* Whether a rebuild would give f a faster lookup structure (it grew). */
bool brt_fast_undersized(const struct brt_fib *f);

#endif
