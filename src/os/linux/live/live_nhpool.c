/*
 * live_nhpool.c - the live model's next-hop arrays, shared between routes.
 *
 * Why: on a real table nearly every route goes via one of a few gateways;
 * a copy of its next hops per route cost a malloc'd block each (48 bytes
 * with the heap's header, for 36 bytes of one next hop). The model keeps
 * one block per distinct array instead, counted by the routes using it.
 *
 * Invariants:
 *  - each block is in the hash under the hash of its array (every field
 *    but the addresses' reserved bytes, which nothing reads) and is there
 *    once; equal arrays (same count, each next hop equal field by field)
 *    share a block;
 *  - refs counts the os_lnh_get results not yet given back with
 *    os_lnh_put; a block is freed when it reaches 0;
 *  - a route without next hops has none (NULL), never a block.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "live/live_impl.h"

struct brt_lnh {
	struct brt_lnh *next;		/* bucket chain */
	uint64_t hash;
	uint32_t refs, count;
	struct brt_nexthop nh[];
};

static uint64_t mix32(uint64_t h, uint32_t v)
{
	h ^= v;
	h *= 0x9e3779b97f4a7c15ull;
	return h ^ (h >> 31);
}

static uint64_t nh_hash(const struct brt_nexthop *nh, uint32_t count)
{
	uint64_t h = mix32(0x243f6a8885a308d3ull, count);
	uint32_t i, k, w;

	for (i = 0; i < count; i++) {
		h = mix32(h, nh[i].gw.family);
		h = mix32(h, nh[i].gw.zone);
		for (k = 0; k < 16; k += 4) {
			memcpy(&w, nh[i].gw.bytes + k, 4);
			h = mix32(h, w);
		}
		h = mix32(h, nh[i].ifindex);
		h = mix32(h, nh[i].weight);
		h = mix32(h, nh[i].flags);
	}
	return h;
}

static bool nh_equal(const struct brt_nexthop *a, const struct brt_nexthop *b,
		     uint32_t count)
{
	uint32_t i;

	for (i = 0; i < count; i++)
		if (a[i].gw.family != b[i].gw.family || a[i].gw.zone != b[i].gw.zone ||
		    memcmp(a[i].gw.bytes, b[i].gw.bytes, 16) ||
		    a[i].ifindex != b[i].ifindex || a[i].weight != b[i].weight ||
		    a[i].flags != b[i].flags)
			return false;
	return true;
}

int os_lnh_init(struct brt_lnh_pool *p)
{
	p->nbuckets = 64;
	p->n = 0;
	p->buckets = calloc(p->nbuckets, sizeof(*p->buckets));
	return p->buckets ? 0 : BRT_ENOMEM;
}

void os_lnh_free(struct brt_lnh_pool *p)
{
	struct brt_lnh *e, *nx;
	size_t i;

	for (i = 0; p->buckets && i < p->nbuckets; i++)
		for (e = p->buckets[i]; e; e = nx) {
			nx = e->next;
			free(e);
		}
	free(p->buckets);
	memset(p, 0, sizeof(*p));
}

/* Double the buckets when chains grow long; a failure only slows. */
static void grow(struct brt_lnh_pool *p)
{
	size_t nb = p->nbuckets * 2, i;
	struct brt_lnh **b, *e, *nx;

	if (p->n < p->nbuckets || !(b = calloc(nb, sizeof(*b))))
		return;
	for (i = 0; i < p->nbuckets; i++)
		for (e = p->buckets[i]; e; e = nx) {
			nx = e->next;
			e->next = b[e->hash & (nb - 1)];
			b[e->hash & (nb - 1)] = e;
		}
	free(p->buckets);
	p->buckets = b;
	p->nbuckets = nb;
}

int os_lnh_get(struct brt_lnh_pool *p, const struct brt_nexthop *nh,
	       uint32_t count, const struct brt_nexthop **out)
{
	uint64_t h;
	struct brt_lnh *e;

	*out = NULL;
	if (!count)
		return 0;
	h = nh_hash(nh, count);
	for (e = p->buckets[h & (p->nbuckets - 1)]; e; e = e->next)
		if (e->hash == h && e->count == count && nh_equal(e->nh, nh, count)) {
			e->refs++;
			*out = e->nh;
			return 0;
		}
	e = malloc(sizeof(*e) + count * sizeof(e->nh[0]));
	if (!e)
		return BRT_ENOMEM;
	e->hash = h;
	e->refs = 1;
	e->count = count;
	memcpy(e->nh, nh, count * sizeof(e->nh[0]));
	e->next = p->buckets[h & (p->nbuckets - 1)];
	p->buckets[h & (p->nbuckets - 1)] = e;
	p->n++;
	grow(p);
	*out = e->nh;
	return 0;
}

void os_lnh_put(struct brt_lnh_pool *p, const struct brt_nexthop *nh)
{
	struct brt_lnh *e, **pp;

	if (!nh)
		return;
	e = (struct brt_lnh *)((char *)core_unconst(nh) - offsetof(struct brt_lnh, nh));
	if (--e->refs)
		return;
	for (pp = &p->buckets[e->hash & (p->nbuckets - 1)]; *pp != e; pp = &(*pp)->next)
		;
	*pp = e->next;
	p->n--;
	free(e);
}
