/*
 * compiled.c - the policy-independent half of compiled decisions
 * (compiled.h): finding a destination's decision through the engine and
 * the groups' fallback chain, and building or growing the arrays.
 *
 * Invariant: f->dec[s] describes the group in slot s as it is now; a free
 * slot (count 0) is NONE. The engine maps an address to the slot of its
 * longest group, so a lookup is one engine lookup plus a load per group
 * of the chain it falls back through (usually none).
 */
#include <stdlib.h>
#include <string.h>

#include "fib/fib_lpm.h"
#include "lpm/lpm.h"
#include "policy/compiled.h"

static uint32_t engine_slot(const struct brt_fib *f, const uint8_t *addr)
{
	const struct brt_lpm *l = core_fib_lpm_engine(f);
	const struct brt_pgroup *g;

	if (l && f->family == BRT_AF_INET)
		return lpm4_lookup(l, (uint32_t)addr[0] << 24 |
				   (uint32_t)addr[1] << 16 |
				   (uint32_t)addr[2] << 8 | addr[3]);
	if (l)
		return lpm6_lookup(l, addr);
	g = core_fib_lookup(f, addr);
	return g ? (uint32_t)(g - f->groups) : BRT_LPM_NONE;
}

const struct core_dec *core_dec_find(const struct brt_fib *f,
				     const uint8_t *addr, uint32_t *slot)
{
	return core_dec_find_from(f, engine_slot(f, addr), slot);
}

const struct core_dec *core_dec_find_from(const struct brt_fib *f, uint32_t v,
					  uint32_t *slot)
{
	while (v != BRT_LPM_NONE) {
		const struct core_dec *d = &f->dec[v];

		if (d->kind != CORE_DEC_NONE) {
			*slot = v;
			return d;
		}
		if (f->groups[v].parent < 0)
			break;
		v = (uint32_t)f->groups[v].parent;
	}
	return NULL;
}

int core_dec_reserve(struct brt_fib *f)
{
	size_t cap = f->dec_cap;
	struct core_dec *d;

	if (f->n_groups <= cap)
		return 0;
	cap = cap ? cap : 16;
	while (cap < f->n_groups)
		cap *= 2;
	d = realloc(f->dec, cap * sizeof(*d));
	if (!d)
		return BRT_ENOMEM;
	memset(d + f->dec_cap, 0, (cap - f->dec_cap) * sizeof(*d));
	f->dec = d;
	f->dec_cap = cap;
	return 0;
}

int32_t core_dec_slot_of(const struct brt_fib *f, const struct brt_prefix *p)
{
	const struct brt_pgroup *g = f->n_live ? core_fib_lookup(f, p->addr.bytes)
					       : NULL;

	while (g && g->dst.len > p->len)
		g = core_pgroup_parent(f, g);
	if (!g || g->dst.len != p->len || !core_prefix_equal(&g->dst, p))
		return -1;
	return (int32_t)(g - f->groups);
}

uint32_t core_dec_addr_index(const brt_table *t, const struct brt_addr *a)
{
	size_t i;

	if (!a->family)
		return CORE_DEC_NO_SRC;
	for (i = 0; i < t->n_addrs; i++)
		if (!memcmp(&t->addrs[i].addr, a, sizeof(*a)))
			return (uint32_t)i;
	return CORE_DEC_NO_SRC;
}

int core_dec_compile_all(brt_table *t,
			 void (*decide)(const brt_table *t,
					const struct brt_fib *f,
					const struct brt_pgroup *g,
					struct core_dec *d))
{
	size_t i, k;

	t->dec_ready = false;
	for (i = 0; i < t->n_fibs; i++) {
		struct brt_fib *f = &t->fibs[i];

		if (core_dec_reserve(f))
			return BRT_ENOMEM;
		for (k = 0; k < f->n_groups; k++) {
			memset(&f->dec[k], 0, sizeof(f->dec[k]));
			if (f->groups[k].count)
				decide(t, f, &f->groups[k], &f->dec[k]);
		}
	}
	t->dec_ready = true;
	return 0;
}
