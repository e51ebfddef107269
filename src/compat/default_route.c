/*
 * default_route.c - what GetBestRoute2, GetBestRoute and
 * GetBestInterface(Ex) answer for the unspecified address (0.0.0.0, ::).
 *
 * Programs find their default gateway by asking for the route to
 * 0.0.0.0, and Windows answers with the default route. On Linux the
 * unspecified address is local (`ip route get 0.0.0.0` says "local
 * 0.0.0.0 dev lo"), and a VPN's 0.0.0.0/1 would shadow the default
 * route anyway. So the question is answered as "the best route that
 * covers every address": among the unicast routes of prefix length 0
 * (Linux: of the main table; Windows: of its one table) with a usable
 * next hop on the interface the caller pinned (if any), the lowest
 * metric wins (Windows: route + interface metric), ties to the route
 * defined first. Without such a route the ordinary lookup answers.
 *
 * Usable: the link is up (Windows: and has carrier), the next hop is not
 * dead or link-down. The source is the caller's, else the route's
 * preferred source, else (IPv4) what the policy picks toward the gateway
 * on that link, else the link's first address of the family (global
 * before link-local).
 */
#include <string.h>

#include "compat.h"

struct pick {
	const struct brt_route *r;
	const struct brt_nexthop *nh;
	uint32_t metric;
};

static bool nexthop_usable(const brt_table *t, const struct brt_nexthop *nh,
			   uint32_t oif)
{
	const struct brt_link *l = brt_table_link_by_index(t, nh->ifindex);
	uint32_t need = BRT_LINK_F_UP;

	if (brt_table_policy(t) == BRT_POLICY_WINDOWS)
		need |= BRT_LINK_F_CARRIER;
	if (!l || (l->flags & need) != need)
		return false;
	if (nh->flags & (BRT_NH_F_DEAD | BRT_NH_F_LINKDOWN))
		return false;
	return !oif || nh->ifindex == oif;
}

static bool route_counts(const brt_table *t, const struct brt_route *r,
			 uint8_t family)
{
	if (r->family != family || r->dst.len || r->src.len ||
	    r->type != BRT_RT_UNICAST)
		return false;
	if (brt_table_policy(t) == BRT_POLICY_WINDOWS)
		return true;
	return r->table == BRT_TABLE_MAIN;
}

static void consider(const brt_table *t, const struct brt_route *r,
		     uint32_t oif, struct pick *best)
{
	const struct brt_nexthop *nh;
	uint32_t k, cnt, m;
	bool bh;

	nh = core_route_nexthops(t, r, &cnt, &bh);
	for (k = 0; nh && k < cnt; k++) {
		const struct brt_link *l;

		if (!nexthop_usable(t, &nh[k], oif))
			continue;
		l = brt_table_link_by_index(t, nh[k].ifindex);
		m = r->metric;
		if (brt_table_policy(t) == BRT_POLICY_WINDOWS)
			m += l->metric;
		if (!best->r || m < best->metric) {
			best->r = r;
			best->nh = &nh[k];
			best->metric = m;
		}
	}
}

/* The link's first usable address of @family, global ones first. */
static bool link_address(const brt_table *t, uint32_t ifindex,
			 uint8_t family, struct brt_addr *out)
{
	size_t i, n = brt_table_address_count(t);
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < n; i++) {
			const struct brt_address *a = brt_table_address(t, i);

			if (a->ifindex != ifindex || a->addr.family != family ||
			    (a->flags & (BRT_ADDR_F_TENTATIVE |
					 BRT_ADDR_F_DADFAILED)) ||
			    core_addr_is_v6_linklocal(&a->addr) != (pass == 1))
				continue;
			*out = a->addr;
			out->zone = pass == 1 ? ifindex : 0;
			return true;
		}
	return false;
}

static void choose_source(const brt_table *t, const struct brt_query *q,
			  const struct pick *p, struct brt_addr *src)
{
	struct brt_query g;
	struct brt_result gr;

	memset(src, 0, sizeof(*src));
	if (q->src.family) {
		*src = q->src;
		return;
	}
	if (p->r->prefsrc.family == p->r->family) {
		*src = p->r->prefsrc;
		return;
	}
	/* IPv4: the address the policy sends to the gateway from. IPv6
	 * gateways are mostly link-local, and RFC 6724 would answer with a
	 * link-local source for them, not one for the Internet. */
	if (p->r->family == BRT_AF_INET && p->nh->gw.family == p->r->family) {
		brt_query_init(&g);
		g.dst = p->nh->gw;
		g.oif = p->nh->ifindex;
		if (brt_table_lookup(t, &g, &gr) == 0 &&
		    gr.status == BRT_ROUTE_OK && gr.source.family) {
			*src = gr.source;
			return;
		}
	}
	link_address(t, p->nh->ifindex, p->r->family, src);
}

bool compat_default_route(const brt_table *t, const struct brt_query *q,
			      struct brt_result *res)
{
	struct pick best = {NULL, NULL, 0};
	size_t i, n = brt_table_route_count(t);

	if (!core_addr_is_zero(&q->dst) || q->dst.zone)
		return false;
	for (i = 0; i < n; i++) {
		const struct brt_route *r = brt_table_route(t, i);

		if (route_counts(t, r, q->dst.family))
			consider(t, r, q->oif, &best);
	}
	if (!best.r)
		return false;
	memset(res, 0, sizeof(*res));
	res->status = BRT_ROUTE_OK;
	res->family = best.r->family;
	res->type = best.r->type;
	res->has_prefix = 1;
	res->scope = best.r->scope;
	res->prefix = best.r->dst;
	res->table = best.r->table;
	res->metric = best.r->metric;
	res->effective_metric = best.metric;
	if (best.nh->gw.family == best.r->family)
		res->gateway = best.nh->gw;
	res->ifindex = best.nh->ifindex;
	choose_source(t, q, &best, &res->source);
	res->route = best.r;
	res->nh_count = 1;
	res->nh = best.nh;
	return true;
}
