/*
 * luid.c - interface LUIDs for the links of a table.
 *
 * LUID = IfType << 48 | NetLuidIndex << 24, Reserved bits 0. The
 * NetLuidIndex is the ifindex when it fits in 24 bits. A larger ifindex
 * gets a NetLuidIndex of its own, handed out downwards from 2^24 - 1 and
 * kept for the life of the process (a registry under a mutex), so that a
 * LUID a caller stored keeps naming the same link and the conversion
 * functions agree with the lookups. A handed-out value is skipped when a
 * link of the table uses it as its own index.
 */
#include <pthread.h>
#include <stdlib.h>

#include "compat.h"

#define LUID_INDEX_MAX 0xffffffu

struct big_index {
	uint32_t ifindex;
	uint32_t luid_index;
};

static pthread_mutex_t big_lock = PTHREAD_MUTEX_INITIALIZER;
static struct big_index *big;
static size_t n_big, cap_big;
static uint32_t next_luid_index = LUID_INDEX_MAX;

uint16_t compat_iftype(uint8_t link_type)
{
	switch (link_type) {
	case BRT_LINK_LOOPBACK: return IF_TYPE_SOFTWARE_LOOPBACK;
	case BRT_LINK_ETHERNET: return IF_TYPE_ETHERNET_CSMACD;
	case BRT_LINK_WIRELESS: return IF_TYPE_IEEE80211;
	case BRT_LINK_PPP: return IF_TYPE_PPP;
	case BRT_LINK_TUNNEL: return IF_TYPE_TUNNEL;
	default: return IF_TYPE_OTHER;
	}
}

static bool luid_index_taken(const brt_table *t, uint32_t v)
{
	size_t i;

	for (i = 0; i < n_big; i++)
		if (big[i].luid_index == v)
			return true;
	return t && brt_table_link_by_index(t, v);
}

/* The NetLuidIndex of a large ifindex; 0 when the registry is full. */
static uint32_t big_luid_index(const brt_table *t, uint32_t ifindex)
{
	uint32_t v = 0;
	size_t i;

	pthread_mutex_lock(&big_lock);
	for (i = 0; i < n_big && !v; i++)
		if (big[i].ifindex == ifindex)
			v = big[i].luid_index;
	while (!v && next_luid_index > 0) {
		uint32_t cand = next_luid_index--;

		if (luid_index_taken(t, cand))
			continue;
		if (n_big == cap_big) {
			size_t cap = cap_big ? cap_big * 2 : 8;
			void *p = realloc(big, cap * sizeof(*big));

			if (!p)
				break;
			big = p;
			cap_big = cap;
		}
		big[n_big].ifindex = ifindex;
		big[n_big++].luid_index = cand;
		v = cand;
	}
	pthread_mutex_unlock(&big_lock);
	return v;
}

/* The ifindex a NetLuidIndex stands for (itself unless handed out). */
static uint32_t ifindex_of_luid_index(uint32_t v)
{
	uint32_t idx = v;
	size_t i;

	pthread_mutex_lock(&big_lock);
	for (i = 0; i < n_big; i++)
		if (big[i].luid_index == v)
			idx = big[i].ifindex;
	pthread_mutex_unlock(&big_lock);
	return idx;
}

uint64_t compat_luid_of(const brt_table *t, uint32_t index)
{
	const struct brt_link *l = brt_table_link_by_index(t, index);
	uint32_t v;

	if (!l)
		return 0;
	v = index <= LUID_INDEX_MAX ? index : big_luid_index(t, index);
	if (!v)
		return 0;
	return (uint64_t)compat_iftype(l->type) << 48 | (uint64_t)v << 24;
}

const struct brt_link *compat_link_by_luid(const brt_table *t,
					       uint64_t luid)
{
	uint32_t v = (uint32_t)(luid >> 24) & LUID_INDEX_MAX;
	const struct brt_link *l;

	if (!v || (luid & LUID_INDEX_MAX))
		return NULL;
	l = brt_table_link_by_index(t, ifindex_of_luid_index(v));
	if (!l || compat_luid_of(t, l->index) != luid)
		return NULL;
	return l;
}

/* The routes of @t as one array: the first, when every one follows it. */
static const struct brt_route *route_array(const brt_table *t, size_t n)
{
	const struct brt_route *base = brt_table_route(t, 0);
	size_t i;

	for (i = 1; base && i < n; i++)
		if (brt_table_route(t, i) != base + i)
			return NULL;
	return base;
}

void compat_links_build(const brt_table *t, struct compat_links *c,
			bool with_routes)
{
	size_t i, n = brt_table_route_count(t);

	for (i = 0; i < COMPAT_DIRECT_LINKS; i++)
		c->luid[i] = compat_luid_of(t, (uint32_t)i);
	c->routes = NULL;
	c->n_routes = 0;
	c->route_class = NULL;
	if (!with_routes || !n || !(c->routes = route_array(t, n)) ||
	    !(c->route_class = malloc(n))) {
		c->routes = NULL;
		return;
	}
	c->n_routes = n;
	for (i = 0; i < n; i++)
		c->route_class[i] = c->routes[i].expires
					    ? COMPAT_CLASS_READ
					    : (uint8_t)compat_protocol(
						      c->routes[i].protocol);
}

void compat_links_free(struct compat_links *c)
{
	free(c->route_class);
	c->route_class = NULL;
	c->routes = NULL;
}
