/*
 * windows_derive.c - what Windows derives from interfaces and addresses.
 *
 * Windows keeps one routing table and fills it itself (`route print`
 * shows them all): for each address the on-link subnet route and a host
 * route (type local), for IPv4 also the subnet broadcast; per interface
 * 224.0.0.0/4 and 255.255.255.255/32 (IPv4), ff00::/8 and, except on
 * loopback, fe80::/64 (IPv6); the loopback interface always has
 * 127.0.0.0/8, 127.0.0.1/32, 127.255.255.255/32 and ::1/128.
 * Invariants:
 *  - every entry is in table main, protocol kernel, metric 256 (the
 *    address's own metric for its subnet route when one was given),
 *    flagged derived;
 *  - an entry is added only where the table lacks a route of the same
 *    family, table, type, prefix and link (a dump of a real host has them);
 *  - entries are made for links in any state: the lookup, not the table,
 *    ignores links that are down (Windows keeps their routes too);
 *  - a family disabled on a link gets no entries there;
 *  - Windows has no rules: none are derived;
 *  - a loopback link the library made up gets Windows' loopback
 *    interface metric, 75, so that it does not outbid real links for the
 *    multicast and broadcast routes every interface carries.
 */
#include <string.h>

#include <stdlib.h>

#include "builder/builder_impl.h"
#include "policy/windows/windows_policy.h"

#define WIN_METRIC 256u
#define WIN_LOOPBACK_METRIC 75u

static int add_route(struct brt_builder *b, const struct brt_addr *a,
		     unsigned plen, uint8_t type, uint32_t ifindex,
		     uint32_t metric)
{
	struct brt_route r;
	struct brt_nexthop nh;

	brt_route_init(&r);
	r.family = a->family;
	r.type = type;
	r.table = BRT_TABLE_MAIN;
	r.protocol = BRT_PROTO_KERNEL;
	r.metric = metric;
	r.flags = BRT_ROUTE_F_DERIVED;
	r.scope = type == BRT_RT_LOCAL	   ? BRT_SCOPE_HOST
		  : a->family == BRT_AF_INET ? BRT_SCOPE_LINK
					     : BRT_SCOPE_UNIVERSE;
	core_prefix_make(&r.dst, a, plen);
	if (core_bld_has_route(b, r.family, r.table, type, &r.dst, ifindex))
		return 0;
	brt_nexthop_init(&nh);
	nh.ifindex = ifindex;
	return core_bld_add_route_nh(b, &r, &nh, 1);
}

static int add_text(struct brt_builder *b, const char *text, unsigned plen,
		    uint8_t type, uint32_t ifindex)
{
	struct brt_addr a;

	brt_addr_parse(text, &a);
	return add_route(b, &a, plen, type, ifindex, WIN_METRIC);
}

static bool family_on(const struct bld_link *l, uint8_t family)
{
	return l && !(l->l.flags & (family == BRT_AF_INET ? BRT_LINK_F_NO_IPV4
							 : BRT_LINK_F_NO_IPV6));
}

static int derive_v4_broadcast(struct brt_builder *b,
			       const struct brt_address *a)
{
	uint32_t mask = a->plen ? 0xffffffffu << (32 - a->plen) : 0;
	struct brt_addr bc;

	if (a->plen >= 31)
		return 0;	/* /31 and /32 have no broadcast address */
	core_addr_set_v4(&bc, (core_addr_v4(&a->addr) & mask) | ~mask);
	return add_route(b, &bc, 32, BRT_RT_BROADCAST, a->ifindex, WIN_METRIC);
}

/* The subnet route, the host route and (IPv4) the subnet broadcast. */
static int derive_address(struct brt_builder *b, const struct brt_address *a)
{
	unsigned bits = core_family_bits(a->addr.family);
	const struct brt_addr *base = a->peer.family ? &a->peer : &a->addr;
	int err = 0;

	if (!family_on(core_bld_link_by_index(b, a->ifindex), a->addr.family))
		return 0;
	/* A full-length subnet is the host route itself: one entry, local. */
	if (a->plen < bits && !(a->flags & BRT_ADDR_F_NOPREFIXROUTE))
		err = add_route(b, base, a->plen, BRT_RT_UNICAST, a->ifindex,
				a->metric ? a->metric : WIN_METRIC);
	if (!err)
		err = add_route(b, &a->addr, bits, BRT_RT_LOCAL, a->ifindex,
				WIN_METRIC);
	if (!err && a->addr.family == BRT_AF_INET)
		err = derive_v4_broadcast(b, a);
	return err;
}

static int derive_link_v4(struct brt_builder *b, const struct bld_link *l)
{
	uint32_t i = l->l.index;
	int err;

	if (!family_on(l, BRT_AF_INET))
		return 0;
	err = add_text(b, "224.0.0.0", 4, BRT_RT_MULTICAST, i);
	err = err ? err : add_text(b, "255.255.255.255", 32, BRT_RT_BROADCAST, i);
	if (err || l->l.type != BRT_LINK_LOOPBACK)
		return err;
	err = add_text(b, "127.0.0.0", 8, BRT_RT_UNICAST, i);
	err = err ? err : add_text(b, "127.0.0.1", 32, BRT_RT_LOCAL, i);
	return err ? err : add_text(b, "127.255.255.255", 32, BRT_RT_BROADCAST, i);
}

static int derive_link_v6(struct brt_builder *b, const struct bld_link *l)
{
	uint32_t i = l->l.index;
	int err;

	if (!family_on(l, BRT_AF_INET6))
		return 0;
	err = add_text(b, "ff00::", 8, BRT_RT_MULTICAST, i);
	if (err)
		return err;
	if (l->l.type == BRT_LINK_LOOPBACK)
		return add_text(b, "::1", 128, BRT_RT_LOCAL, i);
	return add_text(b, "fe80::", 64, BRT_RT_UNICAST, i);
}

static void loopback_metric(struct brt_builder *b)
{
	size_t i;

	for (i = 0; i < b->links.n; i++) {
		struct brt_link *l = &b->links.data[i].l;

		if (l->type == BRT_LINK_LOOPBACK && (l->flags & BRT_LINK_F_DERIVED) &&
		    !l->metric)
			l->metric = WIN_LOOPBACK_METRIC;
	}
}

int core_derive_windows(struct brt_builder *b)
{
	size_t i, n, *order;
	int err = core_derive_common(b);

	loopback_metric(b);

	n = b->addrs.n;
	for (i = 0; i < n && !err; i++) {
		struct brt_address a = b->addrs.data[i].a;	/* may move */

		err = derive_address(b, &a);
	}
	order = err ? NULL : core_derive_link_order(b);
	if (!err && !order)
		return BRT_ENOMEM;
	for (i = 0; i < b->links.n && !err; i++) {
		struct bld_link l = b->links.data[order[i]];

		err = derive_link_v4(b, &l);
		err = err ? err : derive_link_v6(b, &l);
	}
	free(order);
	return err;
}
