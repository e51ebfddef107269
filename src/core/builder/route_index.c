/*
 * route_index.c - a hash index of the builder's routes by derivation key,
 * so that "does the table already hold this route?" costs O(1) instead of
 * a scan (derivations ask it for every address of a host whose dump may
 * hold a million routes).
 *
 * Invariants: the index, when present, holds every route of the builder
 * twice, under (family, table, type, dst, first link) and under the same
 * key with link 0 ("any link"); slots hold route positions + 1, 0 = empty;
 * the load factor stays at most 1/2 (reset with room to spare when a
 * refresh would pass it). Any removal of routes drops the index
 * (core_bld_route_index_drop); it is rebuilt on the next question.
 */
#include <stdlib.h>
#include <string.h>

#include "builder/builder_impl.h"

struct brt_route_index {
	uint32_t *slot;
	size_t cap;	/* a power of two */
	size_t n;
};

static uint32_t first_link(const struct brt_builder *b, const struct bld_route *r)
{
	return r->r.nh_count ? b->nh.data[r->nh_off].ifindex : 0;
}

static uint64_t key_hash(uint8_t family, uint32_t table, uint8_t type,
			 const struct brt_prefix *dst, uint32_t ifindex)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	h = (h ^ family) * 1099511628211ull;
	h = (h ^ table) * 1099511628211ull;
	h = (h ^ type) * 1099511628211ull;
	h = (h ^ dst->len) * 1099511628211ull;
	h = (h ^ ifindex) * 1099511628211ull;
	for (i = 0; i < 16; i++)
		h = (h ^ dst->addr.bytes[i]) * 1099511628211ull;
	return h ^ (h >> 29);
}

static bool key_equal(const struct brt_builder *b, const struct bld_route *r,
		      uint8_t family, uint32_t table, uint8_t type,
		      const struct brt_prefix *dst, uint32_t ifindex)
{
	return r->r.family == family && r->r.table == table && r->r.type == type &&
	       core_prefix_equal(&r->r.dst, dst) &&
	       (!ifindex || first_link(b, r) == ifindex);
}

static void put(struct brt_route_index *x, uint64_t h, uint32_t pos)
{
	size_t i = h & (x->cap - 1);

	while (x->slot[i])
		i = (i + 1) & (x->cap - 1);
	x->slot[i] = pos + 1;
	x->n++;
}

static void insert(struct brt_builder *b, size_t pos)
{
	struct brt_route_index *x = b->rindex;
	const struct bld_route *r = &b->routes.data[pos];

	put(x, key_hash(r->r.family, r->r.table, r->r.type, &r->r.dst,
			first_link(b, r)), (uint32_t)pos);
	put(x, key_hash(r->r.family, r->r.table, r->r.type, &r->r.dst, 0),
	    (uint32_t)pos);
}

void core_bld_route_index_drop(struct brt_builder *b)
{
	if (!b->rindex)
		return;
	free(b->rindex->slot);
	free(b->rindex);
	b->rindex = NULL;
	b->rindexed = 0;
	b->rquestions = 0;
}

/* A fresh, empty index with room for @routes routes (two keys each) at a
 * load factor of at most 1/2, so that refresh never grows it midway. */
static int reset(struct brt_builder *b, size_t routes)
{
	size_t cap = 1024;

	while (cap < 4 * (routes + 64))
		cap *= 2;
	core_bld_route_index_drop(b);
	b->rindex = calloc(1, sizeof(*b->rindex));
	if (!b->rindex)
		return BRT_ENOMEM;
	b->rindex->slot = calloc(cap, sizeof(*b->rindex->slot));
	if (!b->rindex->slot) {
		core_bld_route_index_drop(b);
		return BRT_ENOMEM;
	}
	b->rindex->cap = cap;
	return 0;
}

/* Bring the index up to date with every route of the builder. */
static int refresh(struct brt_builder *b)
{
	if ((!b->rindex || 2 * (b->rindex->n + 2 * (b->routes.n - b->rindexed)) >
			    b->rindex->cap) && reset(b, 2 * b->routes.n))
		return BRT_ENOMEM;
	for (; b->rindexed < b->routes.n; b->rindexed++)
		insert(b, b->rindexed);
	return 0;
}

/* The linear answer, when the index cannot be had (out of memory). */
static bool scan(struct brt_builder *b, uint8_t family, uint32_t table,
		 uint8_t type, const struct brt_prefix *dst, uint32_t ifindex)
{
	size_t i;

	for (i = 0; i < b->routes.n; i++)
		if (key_equal(b, &b->routes.data[i], family, table, type, dst, ifindex))
			return true;
	return false;
}

bool core_bld_has_route(struct brt_builder *b, uint8_t family, uint32_t table,
		       uint8_t type, const struct brt_prefix *dst,
		       uint32_t ifindex)
{
	struct brt_route_index *x;
	size_t i;

	/* a few questions are cheaper to answer by scanning than by hashing
	 * every route; index once the questions keep coming */
	if ((!b->rindex && ++b->rquestions <= 4) || refresh(b))
		return scan(b, family, table, type, dst, ifindex);
	x = b->rindex;
	for (i = key_hash(family, table, type, dst, ifindex) & (x->cap - 1);
	     x->slot[i]; i = (i + 1) & (x->cap - 1))
		if (key_equal(b, &b->routes.data[x->slot[i] - 1], family, table,
			      type, dst, ifindex))
			return true;
	return false;
}
