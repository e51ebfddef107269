/*
 * linux_fib6.c - one IPv6 table lookup, as fib6_table_lookup() does it.
 *
 * Invariants (net/ipv6/route.c: rt6_select, find_rr_leaf, find_match):
 *  - the longest prefix with routes is tried first; when none of its
 *    routes matches, the lookup backtracks to the next shorter prefix;
 *  - within a prefix, the routes of the lowest metric are scored first,
 *    in insertion order, and the first with the highest score wins; only
 *    when none of them matches are all the others scored, in order;
 *  - a next hop is out when dead, or linkdown where
 *    ignore_routes_with_linkdown is set; its score is 2 when the flow has
 *    no output interface or it leaves through it (else 0, and out under
 *    strict interface matching), plus the decoded router preference << 2;
 *    neighbour reachability is not modelled (with no neighbour entry the
 *    kernel counts it as reachable when router preference is built in);
 *  - routes without a next hop (error routes written by hand) leave
 *    through the loopback device, as the kernel gives them dev lo;
 *  - error types answer with their error once chosen; throw continues
 *    with the next rule.
 * Source-specific routes count only when the flow's source is inside
 * their source prefix.
 */
#include "policy/linux/linux_policy.h"

struct pick6 {
	const struct brt_route *route;
	uint32_t nh_sel;
	int mpri;
};

static int decode_pref(uint8_t pref)
{
	return (pref & 3) ^ 2;
}

/* find_match: the score of one next hop, or -1 when it cannot be used. */
static int score_nh(const brt_table *t, const struct brt_route *r,
		    const struct brt_nexthop *nh, const struct lx_flow *fl,
		    uint32_t lo)
{
	uint32_t dev = nh ? nh->ifindex : lo;
	int m = 0;

	if (nh && !core_lx_nh_alive(t, nh, r, BRT_AF_INET6))
		return -1;
	if (!fl->oif || dev == fl->oif)
		m = 2;
	if (!m && fl->strict_oif)
		return -1;
	return m | decode_pref(r->pref) << 2;
}

static bool src_ok(const struct brt_route *r, const struct lx_flow *fl)
{
	if (!r->src.len)
		return true;
	return fl->src.family == BRT_AF_INET6 &&
	       core_bits_match(r->src.addr.bytes, fl->src.bytes, r->src.len);
}

static void consider(struct brt_lookup *lk, const struct brt_route *r,
		     const struct lx_flow *fl, struct pick6 *p, uint32_t lo)
{
	uint32_t n, i;
	bool bh;
	const struct brt_nexthop *nh = core_route_nexthops(lk->t, r, &n, &bh);

	if (bh) {	/* a blackhole nexthop object answers at once */
		if (p->mpri < 1000) {
			p->route = r;
			p->nh_sel = 0;
			p->mpri = 1000;
		}
		return;
	}
	/* error routes leave through lo; others need a next hop */
	if (!n && r->type < BRT_RT_BLACKHOLE)
		return;
	for (i = 0; i < (n ? n : 1); i++) {
		int m = score_nh(lk->t, r, n ? &nh[i] : NULL, fl, lo);

		if (m > p->mpri) {
			p->route = r;
			p->nh_sel = i;
			p->mpri = m;
		}
	}
}

/* rt6_select over one prefix group. */
static const struct brt_route *select_in_group(struct brt_lookup *lk,
					       const struct brt_pgroup *g,
					       const struct lx_flow *fl,
					       uint32_t *nh_sel)
{
	struct pick6 p = {NULL, 0, -1};
	uint32_t lo = core_lx_loopback_index(lk->t), i, metric = 0;
	bool have_metric = false;

	for (i = 0; i < g->count; i++) {	/* lowest metric first */
		const struct brt_route *r = g->routes[i];

		if (!src_ok(r, fl))
			continue;
		if (have_metric && r->metric != metric)
			break;
		have_metric = true;
		metric = r->metric;
		consider(lk, r, fl, &p, lo);
	}
	for (; !p.route && i < g->count; i++) {	/* then all the rest */
		const struct brt_route *r = g->routes[i];

		if (src_ok(r, fl))
			consider(lk, r, fl, &p, lo);
	}
	*nh_sel = p.nh_sel;
	return p.route;
}

static enum lx_verdict finish(struct brt_lookup *lk, const struct brt_route *r,
			      uint32_t nh_sel, struct lx_res *res)
{
	bool bh;

	res->route = r;
	res->plen = r->dst.len;
	res->type = r->type;
	res->nh = core_route_nexthops(lk->t, r, &res->nh_count, &bh);
	res->nh_sel = nh_sel;
	if (bh || r->type == BRT_RT_BLACKHOLE) {
		res->status = BRT_ROUTE_BLACKHOLE;
		res->message = "blackhole route";
		return LX_ERROR;
	}
	if (r->type == BRT_RT_UNREACHABLE) {
		res->status = BRT_ROUTE_UNREACHABLE;
		res->message = "unreachable route";
		return LX_ERROR;
	}
	if (r->type == BRT_RT_PROHIBIT) {
		res->status = BRT_ROUTE_PROHIBIT;
		res->message = "prohibit route";
		return LX_ERROR;
	}
	return r->type == BRT_RT_THROW ? LX_THROW : LX_FOUND;
}

enum lx_verdict core_lx_fib6_group(struct brt_lookup *lk, const struct brt_fib *fib,
				   const struct brt_pgroup *g,
				   const struct lx_flow *fl, struct lx_res *res)
{
	uint32_t nh_sel = 0, i;
	const struct brt_route *r = select_in_group(lk, g, fl, &nh_sel);
	enum lx_verdict v;

	if (r) {
		v = finish(lk, r, nh_sel, res);
		if (v == LX_THROW)
			core_explain_add(lk, BRT_CAND_ROUTE, BRT_V_THROW, res->rule,
					r, fib->id, r->metric,
					"throw: continue with the next rule");
		else
			core_lx_explain_rest(lk, res);
		return v;
	}
	for (i = 0; i < g->count; i++)
		core_explain_add(lk, BRT_CAND_ROUTE,
				fl->oif ? BRT_V_WRONG_INTERFACE : BRT_V_LINK_DOWN,
				res->rule, g->routes[i], fib->id,
				g->routes[i]->metric,
				"no usable next hop");
	return LX_AGAIN;
}

enum lx_verdict core_lx_fib6_lookup(struct brt_lookup *lk, const struct brt_fib *fib,
			       const struct lx_flow *fl, struct lx_res *res)
{
	const struct brt_pgroup *g = core_fib_lookup(fib, fl->dst.bytes);

	for (; g; g = core_pgroup_parent(fib, g)) {
		enum lx_verdict v = core_lx_fib6_group(lk, fib, g, fl, res);

		if (v != LX_AGAIN)
			return v;
	}
	return LX_AGAIN;
}
