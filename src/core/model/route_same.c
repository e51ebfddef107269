/*
 * route_same.c - when two routes are the same route.
 *
 * The kernel keys a route by family, table, destination, IPv6 source,
 * tos and priority; routes of one key (IPv4 aliases) differ in the rest.
 * Two routes are "the same" when they agree on everything a user set:
 * the next hops' dead and linkdown flags are left out, because the kernel
 * changes them with link state without telling (and a notification that
 * refreshes them names the same route).
 */
#include <string.h>

#include "fib/table_edit.h"

#define SILENT_FLAGS (BRT_NH_F_DEAD | BRT_NH_F_LINKDOWN)

static bool prefix_same(const struct brt_prefix *a, const struct brt_prefix *b)
{
	return a->len == b->len && a->addr.family == b->addr.family &&
	       !memcmp(a->addr.bytes, b->addr.bytes, 16);
}

static bool addr_same(const struct brt_addr *a, const struct brt_addr *b)
{
	return a->family == b->family && a->zone == b->zone &&
	       !memcmp(a->bytes, b->bytes, 16);
}

bool core_route_same_key(const struct brt_route *a, const struct brt_route *b)
{
	return a->family == b->family && a->table == b->table &&
	       a->tos == b->tos && a->metric == b->metric &&
	       prefix_same(&a->dst, &b->dst) && prefix_same(&a->src, &b->src);
}

static bool nh_same(const struct brt_nexthop *a, const struct brt_nexthop *b,
		    uint32_t ignore)
{
	return addr_same(&a->gw, &b->gw) && a->ifindex == b->ifindex &&
	       a->weight == b->weight &&
	       (a->flags & ~ignore) == (b->flags & ~ignore);
}

static bool same(const struct brt_route *a, const struct brt_route *b,
		 uint32_t ignore)
{
	uint32_t i;

	if (!core_route_same_key(a, b) || a->type != b->type ||
	    a->protocol != b->protocol || a->scope != b->scope ||
	    a->pref != b->pref || a->nh_id != b->nh_id || a->mtu != b->mtu ||
	    a->nh_count != b->nh_count || !addr_same(&a->prefsrc, &b->prefsrc) ||
	    (a->flags & ~ignore) != (b->flags & ~ignore))
		return false;
	for (i = 0; i < a->nh_count; i++)
		if (!nh_same(&a->nh[i], &b->nh[i], ignore))
			return false;
	return true;
}

bool core_route_same(const struct brt_route *a, const struct brt_route *b)
{
	return same(a, b, SILENT_FLAGS);
}

bool core_route_identical(const struct brt_route *a, const struct brt_route *b)
{
	return same(a, b, 0);	/* expires counts down: not compared */
}
