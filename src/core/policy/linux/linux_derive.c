/*
 * linux_derive.c - what the Linux kernel derives from links and addresses.
 *
 * Checked against the kernel in a namespace (the cases are written up in
 * linux-semantics.md of ../shared/docs, beside the checkout, and
 * test_policy_linux holds them):
 *  - IPv4: every address has a local route in table local (src: the
 *    primary address of its subnet), even on a link that is down; on an
 *    up link a primary address also gets its subnet route in main (type
 *    local in table local on loopback) unless noprefixroute or /32, and
 *    for prefixes shorter than /31 a broadcast route for the subnet's
 *    last address; routes through a link without carrier are "linkdown".
 *  - IPv6 (links with IPv6 enabled and up): a prefix route in main, metric
 *    256 (linkdown without carrier); with carrier, a local route in table
 *    local for each address that finished DAD, fe80::/64 in main and
 *    multicast ff00::/8 in local on every non-loopback link.
 *  - default rules and the default address label table.
 * Each is added only where the table lacks a route of the same family,
 * table, type, prefix and link; a dump of a real host (it holds routes of
 * protocol kernel) gets no derived routes at all, since the kernel's own
 * set is the truth there, gaps included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder/builder_impl.h"
#include "policy/linux/linux_policy.h"

static bool link_has(const struct bld_link *l, uint32_t f)
{
	return l && (l->l.flags & f) == f;
}

static int add_derived(struct brt_builder *b, struct brt_route *r,
		       uint32_t ifindex, uint32_t nh_flags)
{
	struct brt_nexthop nh;

	if (core_bld_has_route(b, r->family, r->table, r->type, &r->dst, ifindex))
		return 0;
	brt_nexthop_init(&nh);
	nh.ifindex = ifindex;
	nh.flags = nh_flags;
	r->protocol = BRT_PROTO_KERNEL;
	r->flags |= BRT_ROUTE_F_DERIVED | nh_flags;
	return core_bld_add_route_nh(b, r, &nh, 1);
}

static void route_base(struct brt_route *r, uint8_t family, uint8_t type,
		       uint32_t table, uint8_t scope)
{
	brt_route_init(r);
	r->family = family;
	r->type = type;
	r->table = table;
	r->scope = scope;
}

/* The primary address of @a's subnet on its link (may be @a itself). */
static const struct brt_address *primary_of(struct brt_builder *b,
					    const struct brt_address *a)
{
	size_t i;

	for (i = 0; i < b->addrs.n; i++) {
		const struct brt_address *p = &b->addrs.data[i].a;

		if (p->ifindex == a->ifindex && p->addr.family == BRT_AF_INET &&
		    p->plen == a->plen &&
		    !(p->flags & BRT_ADDR_F_SECONDARY) &&
		    core_bits_match(p->addr.bytes, a->addr.bytes, a->plen))
			return p;
	}
	return a;
}

/* The kernel marks later addresses of an existing subnet secondary. */
static void mark_secondaries(struct brt_builder *b)
{
	size_t i, j;

	for (i = 0; i < b->addrs.n; i++) {
		struct brt_address *a = &b->addrs.data[i].a;

		if (a->addr.family != BRT_AF_INET || a->plen == 32)
			continue;
		for (j = 0; j < i; j++) {
			const struct brt_address *p = &b->addrs.data[j].a;

			if (p->ifindex == a->ifindex && p->addr.family == BRT_AF_INET &&
			    p->plen == a->plen && !(p->flags & BRT_ADDR_F_SECONDARY) &&
			    core_bits_match(p->addr.bytes, a->addr.bytes, a->plen))
				a->flags |= BRT_ADDR_F_SECONDARY;
		}
	}
}

static int add_bcast(struct brt_builder *b, uint32_t bcast, uint32_t ifindex,
		     const struct brt_addr *src, uint32_t nhf)
{
	struct brt_route r;
	struct brt_addr a;

	route_base(&r, BRT_AF_INET, BRT_RT_BROADCAST, BRT_TABLE_LOCAL,
		   BRT_SCOPE_LINK);
	core_addr_set_v4(&a, bcast);
	core_prefix_make(&r.dst, &a, 32);
	r.prefsrc = *src;
	return add_derived(b, &r, ifindex, nhf);
}

static int derive_v4_subnet(struct brt_builder *b, const struct brt_address *a,
			    const struct bld_link *l, const struct brt_addr *src)
{
	const struct brt_addr *base = a->peer.family ? &a->peer : &a->addr;
	uint32_t nhf = link_has(l, BRT_LINK_F_CARRIER) ? 0 : BRT_NH_F_LINKDOWN;
	uint32_t mask = a->plen ? 0xffffffffu << (32 - a->plen) : 0;
	uint32_t net = core_addr_v4(base) & mask;
	bool lo = l->l.type == BRT_LINK_LOOPBACK;
	struct brt_route r;
	int err = 0;

	if (a->broadcast.family && core_addr_v4(&a->broadcast) != 0xffffffffu)
		err = add_bcast(b, core_addr_v4(&a->broadcast), a->ifindex, src, nhf);
	if (err || (a->flags & BRT_ADDR_F_SECONDARY) || net == 0 ||
	    (!a->peer.family && a->plen == 32))
		return err;
	if (!(a->flags & BRT_ADDR_F_NOPREFIXROUTE)) {
		route_base(&r, BRT_AF_INET, lo ? BRT_RT_LOCAL : BRT_RT_UNICAST,
			   lo ? BRT_TABLE_LOCAL : BRT_TABLE_MAIN,
			   lo ? BRT_SCOPE_HOST : BRT_SCOPE_LINK);
		core_prefix_make(&r.dst, base, a->plen);
		r.prefsrc = *src;
		r.metric = a->metric;
		err = add_derived(b, &r, a->ifindex, nhf);
	}
	if (!err && a->plen < 31)
		err = add_bcast(b, net | ~mask, a->ifindex, src, nhf);
	return err;
}

static int derive_v4(struct brt_builder *b, const struct brt_address *a)
{
	const struct bld_link *l = core_bld_link_by_index(b, a->ifindex);
	const struct brt_address *prim = primary_of(b, a);
	struct brt_route r;
	int err;

	if (!l || (l->l.flags & BRT_LINK_F_NO_IPV4))
		return 0;
	route_base(&r, BRT_AF_INET, BRT_RT_LOCAL, BRT_TABLE_LOCAL,
		   BRT_SCOPE_HOST);
	core_prefix_make(&r.dst, &a->addr, 32);
	r.prefsrc = prim->addr;
	err = add_derived(b, &r, a->ifindex, 0);
	if (err || !link_has(l, BRT_LINK_F_UP))
		return err;
	return derive_v4_subnet(b, a, l, &prim->addr);
}

static bool v6_enabled(struct brt_builder *b, const struct bld_link *l)
{
	char key[96];
	const char *v;

	if (!l || (l->l.flags & BRT_LINK_F_NO_IPV6) || !link_has(l, BRT_LINK_F_UP))
		return false;
	snprintf(key, sizeof(key), "net.ipv6.conf.%s.disable_ipv6", l->l.name);
	v = core_bld_sysctl(b, key);
	if (!v)
		v = core_bld_sysctl(b, "net.ipv6.conf.all.disable_ipv6");
	return !v || v[0] == '0';
}

static int derive_v6(struct brt_builder *b, const struct brt_address *a)
{
	const struct bld_link *l = core_bld_link_by_index(b, a->ifindex);
	bool carrier = link_has(l, BRT_LINK_F_CARRIER);
	struct brt_route r;
	int err = 0;

	if (!v6_enabled(b, l))
		return 0;
	if (!(a->flags & BRT_ADDR_F_NOPREFIXROUTE)) {
		route_base(&r, BRT_AF_INET6, BRT_RT_UNICAST, BRT_TABLE_MAIN,
			   BRT_SCOPE_UNIVERSE);
		core_prefix_make(&r.dst, &a->addr, a->plen);
		r.metric = a->metric ? a->metric : 256;
		err = add_derived(b, &r, a->ifindex,
				  carrier ? 0 : BRT_NH_F_LINKDOWN);
	}
	if (err || !carrier ||
	    (a->flags & (BRT_ADDR_F_TENTATIVE | BRT_ADDR_F_DADFAILED)))
		return err;
	route_base(&r, BRT_AF_INET6, BRT_RT_LOCAL, BRT_TABLE_LOCAL,
		   BRT_SCOPE_UNIVERSE);
	core_prefix_make(&r.dst, &a->addr, 128);
	return add_derived(b, &r, a->ifindex, 0);
}

static int derive_v6_link(struct brt_builder *b, const struct bld_link *l)
{
	struct brt_route r;
	struct brt_addr a;
	int err;

	if (l->l.type == BRT_LINK_LOOPBACK || !v6_enabled(b, l) ||
	    !link_has(l, BRT_LINK_F_CARRIER))
		return 0;
	memset(&a, 0, sizeof(a));
	a.family = BRT_AF_INET6;
	a.bytes[0] = 0xfe;
	a.bytes[1] = 0x80;
	route_base(&r, BRT_AF_INET6, BRT_RT_UNICAST, BRT_TABLE_MAIN,
		   BRT_SCOPE_UNIVERSE);
	core_prefix_make(&r.dst, &a, 64);
	r.metric = 256;
	err = add_derived(b, &r, l->l.index, 0);
	if (err)
		return err;
	a.bytes[0] = 0xff;
	a.bytes[1] = 0;
	route_base(&r, BRT_AF_INET6, BRT_RT_MULTICAST, BRT_TABLE_LOCAL,
		   BRT_SCOPE_UNIVERSE);
	core_prefix_make(&r.dst, &a, 8);
	r.metric = 256;
	return add_derived(b, &r, l->l.index, 0);
}

/*
 * A default rule unless the table has it already: in a dump (which lists
 * every rule of a family, moved or deleted defaults included) any rule of
 * the family counts; in a table written by hand, a rule of the same
 * priority looking up the same table.
 */
static int derive_rule(struct brt_builder *b, uint8_t family, uint32_t prio,
		       uint32_t table)
{
	bool dump = core_bld_is_dump(b, b->derived_routes_from);
	struct brt_rule r;
	size_t i;

	for (i = 0; i < b->rules.n; i++) {
		const struct brt_rule *x = &b->rules.data[i].r;

		if (x->family != family || (x->flags & BRT_RULE_F_DERIVED))
			continue;
		if (dump || (x->action == BRT_RULE_LOOKUP && x->table == table &&
			     x->priority == prio))
			return 0;
	}
	brt_rule_init(&r);
	r.family = family;
	r.priority = prio;
	r.table = table;
	r.flags = BRT_RULE_F_DERIVED;
	return brt_builder_add_rule(b, &r);
}

static int derive_rules(struct brt_builder *b)
{
	int err = derive_rule(b, BRT_AF_INET, 0, BRT_TABLE_LOCAL);

	err = err ? err : derive_rule(b, BRT_AF_INET, 32766, BRT_TABLE_MAIN);
	err = err ? err : derive_rule(b, BRT_AF_INET, 32767, BRT_TABLE_DEFAULT);
	err = err ? err : derive_rule(b, BRT_AF_INET6, 0, BRT_TABLE_LOCAL);
	return err ? err : derive_rule(b, BRT_AF_INET6, 32766, BRT_TABLE_MAIN);
}

/* Each link's fe80::/64 and multicast routes, links in index order. */
static int derive_v6_links(struct brt_builder *b)
{
	size_t i, *order = core_derive_link_order(b);
	int err = 0;

	if (!order)
		return BRT_ENOMEM;
	for (i = 0; i < b->links.n && !err; i++) {
		struct bld_link l = b->links.data[order[i]];	/* may move */

		err = derive_v6_link(b, &l);
	}
	free(order);
	return err;
}

int core_derive_linux(struct brt_builder *b)
{
	size_t i, n;
	int err = core_derive_common(b);

	mark_secondaries(b);
	if (core_bld_is_dump(b, b->routes.n))	/* the kernel's own routes */
		return err ? err : derive_rules(b);
	n = b->addrs.n;
	for (i = 0; i < n && !err; i++) {
		struct brt_address a = b->addrs.data[i].a;

		err = a.addr.family == BRT_AF_INET ? derive_v4(b, &a)
						   : derive_v6(b, &a);
	}
	err = err ? err : derive_v6_links(b);
	return err ? err : derive_rules(b);
}
