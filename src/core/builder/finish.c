/*
 * finish.c - turning a builder into an immutable table.
 *
 * Order of work: resolve provisional link names, derive what the host
 * would derive (entries appended to the builder and removed again at the
 * end, so the builder is left as the caller made it), then copy and
 * compile. The table either comes out whole or not at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder/builder_impl.h"
#include "builder/fib_build.h"
#include "builder/table_build.h"
#include "policy/policy.h"

/* Resolve one index in place; BRT_ENOENT with a message if undefined. */
static int resolve_one(struct brt_builder *b, uint32_t *idx,
		       const struct brt_origin *o)
{
	const struct bld_link *l;
	const char *name;
	char where[300];

	if (*idx < BRT_IFREF_BASE)
		return 0;
	name = b->ifrefs.data[*idx - BRT_IFREF_BASE];
	l = core_bld_link_by_name(b, name);
	if (l) {
		*idx = l->l.index;
		return 0;
	}
	core_bld_origin_str(b, o, where, sizeof(where));
	return core_bld_fail(b, BRT_ENOENT, "%s: unknown link '%s'", where, name);
}

static int resolve_routes(struct brt_builder *b)
{
	size_t i;
	uint32_t k;
	int err;

	for (i = 0; i < b->routes.n; i++) {
		struct bld_route *r = &b->routes.data[i];

		for (k = 0; k < r->r.nh_count; k++) {
			err = resolve_one(b, &b->nh.data[r->nh_off + k].ifindex,
					  &r->o);
			if (err)
				return err;
		}
	}
	return 0;
}

static int resolve_ifrefs(struct brt_builder *b)
{
	struct brt_origin none = {0, 0};
	size_t i;
	int err = 0;

	if (!b->ifrefs.n)
		return 0;
	for (i = 0; i < b->links.n && !err; i++)
		err = resolve_one(b, &b->links.data[i].l.master,
				  &b->links.data[i].o);
	for (i = 0; i < b->addrs.n && !err; i++)
		err = resolve_one(b, &b->addrs.data[i].a.ifindex,
				  &b->addrs.data[i].o);
	for (i = 0; i < b->nhobjs.n && !err; i++)
		err = resolve_one(b, &b->nhobjs.data[i].n.ifindex,
				  &b->nhobjs.data[i].o);
	for (i = 0; i < b->labels.n && !err; i++)
		err = resolve_one(b, &b->labels.data[i].ifindex, &none);
	return err ? err : resolve_routes(b);
}

/* The link of an address whose subnet holds @gw (a connected route's
 * link), as the kernel resolves a gateway given without a device; 0 if none. */
static uint32_t gateway_link(const struct brt_builder *b,
			     const struct brt_addr *gw)
{
	size_t i;

	for (i = 0; i < b->addrs.n; i++) {
		const struct brt_address *a = &b->addrs.data[i].a;
		const struct brt_addr *base = a->peer.family ? &a->peer : &a->addr;

		if (a->addr.family == gw->family &&
		    core_bits_match(base->bytes, gw->bytes, a->plen))
			return a->ifindex;
	}
	return 0;
}

static int nexthop_fail(struct brt_builder *b, const struct bld_route *r,
			const char *what)
{
	char where[300], p[BRT_PREFIXSTRLEN];

	core_bld_origin_str(b, &r->o, where, sizeof(where));
	brt_prefix_format(&r->r.dst, p, sizeof(p));
	return core_bld_fail(b, BRT_EINVAL, "%s: route %s: %s", where, p, what);
}

/*
 * Every next hop names a link, or a gateway whose link the addresses tell
 * (as `ip route add default via GW` works without dev). A route with no
 * next hop at all is kept (it can name a route to delete) but never
 * carries traffic.
 */
static int resolve_gateways(struct brt_builder *b)
{
	size_t i;
	uint32_t k;

	for (i = 0; i < b->routes.n; i++) {
		struct bld_route *r = &b->routes.data[i];

		if (r->r.type >= BRT_RT_BLACKHOLE || r->r.nh_id)
			continue;
		for (k = 0; k < r->r.nh_count; k++) {
			struct brt_nexthop *nh = &b->nh.data[r->nh_off + k];

			if (nh->ifindex)
				continue;
			if (!nh->gw.family)
				return nexthop_fail(b, r, "a next hop has neither dev nor via");
			nh->ifindex = gateway_link(b, &nh->gw);
			if (!nh->ifindex)
				return nexthop_fail(b, r, "the gateway is on no link's subnet (give dev)");
		}
	}
	return 0;
}

/* Every index an entry names must be a defined link. */
static int check_index(struct brt_builder *b, uint32_t idx,
		       const struct brt_origin *o, const char *what)
{
	char where[300];

	if (!idx || core_bld_link_by_index(b, idx))
		return 0;
	core_bld_origin_str(b, o, where, sizeof(where));
	return core_bld_fail(b, BRT_ENOENT, "%s: %s refers to unknown link index %u",
			    where, what, idx);
}

static int check_indexes(struct brt_builder *b)
{
	size_t i;
	uint32_t k;
	int err = 0;

	for (i = 0; i < b->addrs.n && !err; i++)
		err = check_index(b, b->addrs.data[i].a.ifindex,
				  &b->addrs.data[i].o, "address");
	for (i = 0; i < b->nhobjs.n && !err; i++)
		err = check_index(b, b->nhobjs.data[i].n.ifindex,
				  &b->nhobjs.data[i].o, "nexthop");
	for (i = 0; i < b->routes.n && !err; i++) {
		const struct bld_route *r = &b->routes.data[i];

		for (k = 0; k < r->r.nh_count && !err; k++)
			err = check_index(b, b->nh.data[r->nh_off + k].ifindex,
					  &r->o, "route");
	}
	return err;
}

static void truncate_derived(struct brt_builder *b, size_t links, size_t addrs,
			     size_t routes, size_t nh, size_t rules,
			     size_t labels)
{
	b->links.n = links;
	b->addrs.n = addrs;
	b->routes.n = routes;
	core_bld_route_index_drop(b);
	b->nh.n = nh;
	b->rules.n = rules;
	b->labels.n = labels;
}

int brt_builder_finish(brt_builder *b, brt_table **out)
{
	size_t nl, na, nr, nn, nu, nb;
	int err;

	if (!out)
		return BRT_EINVAL;
	*out = NULL;
	if (!b)
		return BRT_EINVAL;
	b->err[0] = 0;
	err = resolve_ifrefs(b);
	if (!err)
		err = resolve_gateways(b);
	if (!err)
		err = check_indexes(b);
	if (err)
		return err;
	nl = b->links.n, na = b->addrs.n, nr = b->routes.n, nn = b->nh.n;
	nu = b->rules.n, nb = b->labels.n;
	b->derived_routes_from = nr;
	b->derived_rules_from = nu;
	b->dump = -1;
	b->dump = (int8_t)core_bld_is_dump(b, nr);
	err = core_policy_get((enum brt_policy)b->policy)->derive(b);
	if (!err)
		err = core_table_compile(b, nr, out);
	truncate_derived(b, nl, na, nr, nn, nu, nb);
	b->dump = -1;
	return err;
}
