/*
 * fib_lpm.c - a fib's prefix groups in the lpm engine.
 *
 * Invariant: f->fast maps every address to the index of the longest group
 * containing it, exactly as core_fib_lookup_ref() (the oracle) answers;
 * the fallback chain is the groups' parent links, so the engine holds one
 * value per group and nothing about routes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fib/fib_lpm.h"
#include "lpm/lpm.h"

/* The fib's live groups as engine prefixes, each valued by its slot:
 * NULL on BRT_ENOMEM; *n the count. */
static struct brt_lpm_prefix *group_prefixes(const struct brt_fib *f,
					     size_t *n)
{
	struct brt_lpm_prefix *p = malloc((f->n_groups + 1) * sizeof(*p));
	size_t i;

	*n = 0;
	for (i = 0; p && i < f->n_groups; i++) {
		if (!f->groups[i].count)
			continue;	/* a free slot of an edited fib */
		memcpy(p[*n].addr,
		       core_pgroup_dst(&f->groups[i])->addr.bytes, 16);
		p[*n].len = f->groups[i].len;
		p[*n].value = (uint32_t)i;
		++*n;
	}
	return p;
}

int core_fib_lpm_build(struct brt_fib *f, bool keep_control)
{
	struct brt_lpm_prefix *p;
	struct brt_fast *fast;
	size_t n;
	int err;

	if (f->n_groups > BRT_LPM_VALUE_MAX)
		return BRT_ELIMIT;
	fast = calloc(1, sizeof(*fast));
	if (!fast)
		return BRT_ENOMEM;
	p = group_prefixes(f, &n);
	err = p ? lpm_create(&fast->lpm, f->family, 0, f->n_groups)
		: BRT_ENOMEM;
	if (!err)
		err = lpm_insert_bulk(fast->lpm, p, n);
	fast->sized_for = f->n_groups;
	free(p);
	if (err) {
		core_fib_lpm_free(fast);
		return err;
	}
	/* a table that is not edited needs no control trie (lpm.h); one
	 * that is grows its arenas again when it needs to */
	if (!keep_control)
		lpm_trie_release(fast->lpm);
	(void)lpm_fit(fast->lpm);	/* room given back, or kept */
	f->fast = fast;
	return 0;
}

int core_fib_lpm_thaw(struct brt_fib *f)
{
	struct brt_lpm_prefix *p;
	size_t n;
	int err;

	if (!f->fast || lpm_trie_held(f->fast->lpm))
		return 0;
	p = group_prefixes(f, &n);
	err = p ? lpm_trie_restore(f->fast->lpm, p, n) : BRT_ENOMEM;
	free(p);
	return err;
}

void core_fib_lpm_free(struct brt_fast *fast)
{
	if (!fast)
		return;
	lpm_destroy(fast->lpm);
	free(fast);
}

const struct brt_pgroup *core_fib_lpm_lookup(const struct brt_fib *f,
					 const uint8_t *addr)
{
	uint32_t v = lpm_lookup(f->fast->lpm, addr);

	return v == BRT_LPM_NONE ? NULL : &f->groups[v];
}

int core_fib_lpm_create_empty(struct brt_fib *f)
{
	struct brt_fast *fast = calloc(1, sizeof(*fast));
	int err;

	if (!fast)
		return BRT_ENOMEM;
	err = lpm_create(&fast->lpm, f->family, 0, 0);
	if (err) {
		free(fast);
		return err;
	}
	f->fast = fast;
	return 0;
}

int core_fib_lpm_enter(struct brt_fib *f, uint32_t slot,
		       const struct brt_prefix *p)
{
	if (slot > BRT_LPM_VALUE_MAX)
		return BRT_ELIMIT;
	return lpm_insert(f->fast->lpm, p->addr.bytes, p->len, slot);
}

int core_fib_lpm_remove(struct brt_fib *f, uint32_t slot)
{
	const struct brt_prefix *p = core_pgroup_dst(&f->groups[slot]);

	return lpm_delete(f->fast->lpm, p->addr.bytes, p->len);
}

int32_t core_fib_lpm_covering(const struct brt_fib *f, const struct brt_prefix *p)
{
	uint32_t v = lpm_covering(f->fast->lpm, p->addr.bytes, p->len);

	return v == BRT_LPM_NONE ? -1 : (int32_t)v;
}

void core_fib_lpm_below(const struct brt_fib *f, const struct brt_prefix *p,
		    void (*fn)(void *arg, uint32_t slot), void *arg)
{
	lpm_below(f->fast->lpm, p->addr.bytes, p->len, fn, arg);
}

int core_fib_lpm_check(const struct brt_fib *f, char *msg, size_t msglen)
{
	struct brt_lpm_mem m;
	int err = lpm_check(f->fast->lpm, msg, msglen);

	if (err)
		return err;
	lpm_memory(f->fast->lpm, &m);
	if (m.prefixes == f->n_live)
		return 0;
	snprintf(msg, msglen, "the engine holds %zu prefixes, the fib %zu groups",
		 m.prefixes, f->n_live);
	return BRT_ECONFLICT;
}

/* The engine picks a small direct table for a small fib (lpm.c): a fib
 * edited from under 4096 groups to many times that is faster rebuilt. */
bool core_fib_lpm_undersized(const struct brt_fib *f)
{
	return f->fast && f->fast->sized_for < 4096 && f->n_live >= 32768;
}
