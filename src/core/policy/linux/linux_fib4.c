/*
 * linux_fib4.c - one IPv4 table lookup, as fib_table_lookup() does it.
 *
 * Invariants (net/ipv4/fib_trie.c):
 *  - prefixes are tried longest first; a prefix whose routes are all
 *    skipped falls back to the next shorter prefix;
 *  - within a prefix, routes are tried by tos (descending), then metric,
 *    then insertion order; a route is skipped when its tos is set and
 *    differs from the flow's, or when all its next hops are dead;
 *  - an error type (blackhole, unreachable, prohibit, throw) answers at
 *    once, before next hops or the output interface are looked at;
 *  - a next hop counts when it is alive (not dead; not linkdown where
 *    ignore_routes_with_linkdown is set) and, when the flow has an output
 *    interface, when it leaves through it; the first such one is chosen.
 */
#include "policy/linux/linux_policy.h"

static enum lx_verdict type_error(struct lx_res *res, uint8_t type)
{
	switch (type) {
	case BRT_RT_BLACKHOLE:
		res->status = BRT_ROUTE_BLACKHOLE;
		res->message = "blackhole route";
		return LX_ERROR;
	case BRT_RT_UNREACHABLE:
		res->status = BRT_ROUTE_UNREACHABLE;
		res->message = "unreachable route";
		return LX_ERROR;
	case BRT_RT_PROHIBIT:
		res->status = BRT_ROUTE_PROHIBIT;
		res->message = "prohibit route";
		return LX_ERROR;
	case BRT_RT_THROW:
		return LX_THROW;
	default:
		return LX_FOUND;
	}
}

static bool all_dead(const brt_table *t, const struct brt_route *r,
		     const struct brt_nexthop *nh, uint32_t n)
{
	uint32_t i;

	if (r->flags & BRT_NH_F_DEAD)
		return true;
	for (i = 0; i < n; i++)
		if (!(nh[i].flags & BRT_NH_F_DEAD) &&
		    brt_table_link_by_index(t, nh[i].ifindex))
			return false;
	return n > 0;
}

/* The first next hop the flow may use, or -1 (and why). */
static int pick_nexthop(const brt_table *t, const struct brt_route *r,
			const struct brt_nexthop *nh, uint32_t n,
			const struct lx_flow *fl, int *why)
{
	uint32_t i;

	*why = BRT_V_DEAD;
	for (i = 0; i < n; i++) {
		if (!core_lx_nh_alive(t, &nh[i], r, BRT_AF_INET)) {
			*why = BRT_V_LINK_DOWN;
			continue;
		}
		if (fl->oif && nh[i].ifindex != fl->oif) {
			*why = BRT_V_WRONG_INTERFACE;
			continue;
		}
		return (int)i;
	}
	return -1;
}

/* Try one route; LX_FOUND fills res. *skip says why it was passed over. */
static enum lx_verdict try_route(struct brt_lookup *lk, const struct brt_route *r,
				 const struct lx_flow *fl, struct lx_res *res,
				 int *skip)
{
	uint32_t n;
	bool bh;
	const struct brt_nexthop *nh = core_route_nexthops(lk->t, r, &n, &bh);
	enum lx_verdict v;
	int sel;

	if (r->tos && r->tos != (fl->tos & 0x1c)) {
		*skip = BRT_V_TOS_MISMATCH;
		return LX_AGAIN;
	}
	v = type_error(res, r->type);
	if (v == LX_FOUND && bh)
		v = type_error(res, BRT_RT_BLACKHOLE);
	if (v != LX_FOUND) {
		*skip = v == LX_THROW ? BRT_V_THROW : BRT_V_ERROR_ROUTE;
		res->route = r;
		res->plen = r->dst.len;
		res->type = r->type;
		return v;
	}
	if (all_dead(lk->t, r, nh, n)) {
		*skip = BRT_V_DEAD;
		return LX_AGAIN;
	}
	if (!n) {	/* no way out (a table written without dev or via) */
		*skip = BRT_V_DEAD;
		return LX_AGAIN;
	}
	sel = pick_nexthop(lk->t, r, nh, n, fl, skip);
	if (sel < 0)
		return LX_AGAIN;
	res->route = r;
	res->plen = r->dst.len;
	res->type = r->type;
	res->nh = nh;
	res->nh_count = n;
	res->nh_sel = (uint32_t)sel;
	return LX_FOUND;
}

enum lx_verdict core_lx_fib4_group(struct brt_lookup *lk, const struct brt_fib *fib,
				   const struct brt_pgroup *g,
				   const struct lx_flow *fl, struct lx_res *res)
{
	uint32_t i;

	for (i = 0; i < g->count; i++) {
		const struct brt_route *r = g->routes[i];
		int skip = 0;
		enum lx_verdict v = try_route(lk, r, fl, res, &skip);

		if (v == LX_FOUND || v == LX_ERROR) {
			core_lx_explain_rest(lk, res);
			return v;
		}
		if (v == LX_THROW) {
			core_explain_add(lk, BRT_CAND_ROUTE, BRT_V_THROW,
					res->rule, r, fib->id, r->metric,
					"throw: continue with the next rule");
			return LX_THROW;
		}
		core_explain_add(lk, BRT_CAND_ROUTE, skip, res->rule, r,
				fib->id, r->metric, core_lx_verdict_reason(skip));
	}
	return LX_AGAIN;
}

enum lx_verdict core_lx_fib4_lookup(struct brt_lookup *lk, const struct brt_fib *fib,
			       const struct lx_flow *fl, struct lx_res *res)
{
	const struct brt_pgroup *g = core_fib_lookup(fib, fl->dst.bytes);

	for (; g; g = core_pgroup_parent(fib, g)) {
		enum lx_verdict v = core_lx_fib4_group(lk, fib, g, fl, res);

		if (v != LX_AGAIN)
			return v;
	}
	return LX_AGAIN;
}
