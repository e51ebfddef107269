/* fib_lpm.h - the compiled lookup structure of a fib (not installed). */
#ifndef BRT_CORE_FAST_H
#define BRT_CORE_FAST_H

#include "model/model.h"

/* Build f->fast from f->groups (after core_fib_build). @keep_control:
 * keep the engine's control trie (a table that will be edited); without
 * it the first edit restores it (core_fib_lpm_thaw). 0 or BRT_ENOMEM. */
int core_fib_lpm_build(struct brt_fib *f, bool keep_control);
/* Give f->fast its control trie back from the live groups, if it was
 * released (writer side; lookups go on meanwhile). 0 or BRT_ENOMEM. */
int core_fib_lpm_thaw(struct brt_fib *f);
void core_fib_lpm_free(struct brt_fast *fast);
struct brt_lpm;
/* What f->fast points to: the engine, and the group count its direct
 * table was sized for. */
struct brt_fast {
	struct brt_lpm *lpm;
	size_t sized_for;	/* groups when created (the direct table's size) */
};
/* The engine behind f->fast (NULL without one): lookups straight into it
 * give group slots (compiled decisions, policy/compiled.h). Inline: every
 * compiled answer asks it once per table. */
static inline const struct brt_lpm *core_fib_lpm_engine(const struct brt_fib *f)
{
	return f->fast ? f->fast->lpm : NULL;
}
/* The longest group containing @addr, or NULL (as core_fib_lookup_ref). */
const struct brt_pgroup *core_fib_lpm_lookup(const struct brt_fib *f,
					 const uint8_t *addr);

/*
 * Editing (fib_edit.c): the group in slot @slot is entered (as @p: it
 * has no route yet) or removed (while it still holds its last route);
 * core_fib_lpm_covering gives the slot of the longest group strictly shorter
 * than @p that contains it (-1: none); core_fib_lpm_below calls @fn with each
 * group slot directly below @p (no group between). 0 or BRT_E*.
 */
int core_fib_lpm_create_empty(struct brt_fib *f);
int core_fib_lpm_enter(struct brt_fib *f, uint32_t slot,
		       const struct brt_prefix *p);
int core_fib_lpm_remove(struct brt_fib *f, uint32_t slot);
int32_t core_fib_lpm_covering(const struct brt_fib *f, const struct brt_prefix *p);
void core_fib_lpm_below(const struct brt_fib *f, const struct brt_prefix *p,
		    void (*fn)(void *arg, uint32_t slot), void *arg);
/* lpm_check, and the engine holds exactly f->n_live prefixes. */
int core_fib_lpm_check(const struct brt_fib *f, char *msg, size_t msglen);
/* Whether a rebuild would give f a faster lookup structure (it grew). */
bool core_fib_lpm_undersized(const struct brt_fib *f);

#endif
