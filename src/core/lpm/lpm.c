/*
 * lpm.c - creating, filling and measuring an lpm engine.
 *
 * Invariants: after create the structure answers BRT_LPM_NONE everywhere
 * (every direct entry a leaf); afterwards it always equals what
 * brt_lpm_build_all() would make from the control trie (see check.c).
 * Arguments are validated here, at the API entry, and nowhere below.
 */
#include <stdlib.h>
#include <string.h>

#include "lpm_impl.h"
#include "bestroute/bestroute.h"

/* Arena limits (elements); the mappings start proportional to the
 * expected table (first_cap) and double when full (arena.c). */
#define NODE_LIMIT (1u << 25)	/* 768 MiB */
#define LEAF_LIMIT (1u << 26)	/* 256 MiB */
#define HEAD_LIMIT (1u << 26)	/* 1 GiB; at most 2 heads per direct entry in use */

/* Initial room: @per_1k elements per thousand expected prefixes (the
 * real tables need about 80 heads, 600 nodes and 1,600 leaves per
 * thousand, see bench/RESULTS.md), at least a page's worth. */
static uint32_t first_cap(size_t expected, unsigned per_1k, uint32_t limit)
{
	uint64_t cap = (uint64_t)expected * per_1k / 1000 + 256;

	return cap < limit ? (uint32_t)cap : limit;
}

/* 18 bits for both families: 6-bit strides from 18 end at 24 (IPv4) and
 * at 48 (IPv6), the commonest lengths, so their lookups stop a level
 * sooner than from 16 (IPv6 lookups 13-25% faster for 1 MiB). */
static unsigned pick_direct_bits(size_t expected)
{
	if (expected < 4096)
		return 12;	/* 16 KiB: small tables stay small */
	return LPM_DBITS_LARGE;
}

int lpm_create(struct brt_lpm **out, uint8_t family, unsigned direct_bits,
		   size_t expected)
{
	struct brt_lpm *l;
	size_t i, n;

	*out = NULL;
	if ((family != BRT_AF_INET && family != BRT_AF_INET6) ||
	    direct_bits > 24)
		return BRT_EINVAL;
	l = calloc(1, sizeof(*l));
	if (!l)
		return BRT_ENOMEM;
	l->family = family;
	l->width = family == BRT_AF_INET ? 32 : 128;
	l->dbits = direct_bits ? direct_bits : pick_direct_bits(expected);
	n = (size_t)1 << l->dbits;
	l->direct = malloc(n * sizeof(*l->direct));
	if (!l->direct || lpm_trie_init(&l->trie, l->dbits) ||
	    lpm_arena_init(&l->na, sizeof(struct lpm_node),
			       first_cap(expected, 700, NODE_LIMIT), NODE_LIMIT) ||
	    lpm_arena_init(&l->la, sizeof(uint32_t),
			       first_cap(expected, 1800, LEAF_LIMIT), LEAF_LIMIT) ||
	    lpm_arena_init(&l->ha, LPM_HEAD_UNIT,
			       first_cap(expected, 120, HEAD_LIMIT), HEAD_LIMIT)) {
		lpm_destroy(l);
		return BRT_ENOMEM;
	}
	for (i = 0; i < n; i++)
		l->direct[i] = LPM_LEAF | BRT_LPM_NONE;
	l->small = LPM_NIL;
	if (family == BRT_AF_INET && lpm_small_prepare(l, &l->small)) {
		lpm_destroy(l);
		return BRT_ENOMEM;
	}
	lpm_publish(l);	/* nobody can see the structure yet */
	*out = l;
	return 0;
}

void lpm_destroy(struct brt_lpm *l)
{
	if (!l)
		return;
	free(l->direct);
	lpm_trie_fini(&l->trie);
	lpm_arena_fini(&l->na);
	lpm_arena_fini(&l->la);
	lpm_arena_fini(&l->ha);
	lpm_oldmaps_free(l);
	free(l->pending.v);
	free(l->retired.v);
	free(l->fresh.v);
	free(l);
}

lpm_key lpm_key_of(const struct brt_lpm *l, const uint8_t *addr)
{
	lpm_key k = 0;
	unsigned i, n = l->width / 8;

	for (i = 0; i < n; i++)
		k = k << 8 | addr[i];
	return k << (128 - l->width);
}

int lpm_insert(struct brt_lpm *l, const uint8_t *addr, unsigned len,
		   uint32_t value)
{
	if (!l || !addr || len > l->width || value > BRT_LPM_VALUE_MAX ||
	    !lpm_trie_held(l))
		return BRT_EINVAL;
	return lpm_update(l, lpm_key_of(l, addr), len, true, value);
}

int lpm_delete(struct brt_lpm *l, const uint8_t *addr, unsigned len)
{
	if (!l || !addr || len > l->width || !lpm_trie_held(l))
		return BRT_EINVAL;
	return lpm_update(l, lpm_key_of(l, addr), len, false, 0);
}

size_t lpm_memory(const struct brt_lpm *l, struct brt_lpm_mem *m)
{
	struct brt_lpm_mem tmp;
	unsigned s;

	if (!m)
		m = &tmp;
	memset(m, 0, sizeof(*m));
	m->direct = ((size_t)1 << l->dbits) * sizeof(*l->direct);
	m->nodes = (size_t)l->na.top * l->na.elem;
	m->leaves = (size_t)l->la.top * l->la.elem;
	m->heads = (size_t)l->ha.top * l->ha.elem;
	m->lookup = m->direct + m->heads + m->nodes + m->leaves;
	m->control = sizeof(*l) + (size_t)l->trie.cap * sizeof(*l->trie.n) +
		     (lpm_trie_held(l) ? (size_t)1 << l->trie.sbits : 0) *
		     sizeof(*l->trie.slot) +
		     (l->retired.cap + l->pending.cap + l->fresh.cap) *
		     sizeof(struct lpm_retired) +
		     l->oldmaps.cap * sizeof(struct lpm_oldmap);
	for (s = 0; s < 65; s++)
		m->control += (l->na.free[s].cap + l->la.free[s].cap +
			       l->ha.free[s].cap) *
			      sizeof(uint32_t);
	m->prefixes = l->trie.prefixes;
	return m->lookup;
}
