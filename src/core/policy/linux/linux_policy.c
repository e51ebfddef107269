/*
 * linux_policy.c - the Linux policy's entry and the helpers its parts
 * share: next-hop liveness, filling a result from a FIB match, explain.
 *
 * Next-hop liveness: a dump carries the kernel's own dead/linkdown flags;
 * a table written by hand has them inferred from the link state as the
 * kernel would set them: a next hop on a link that is administratively
 * down is dead (the kernel flushes or kills it), one on a link without
 * carrier is linkdown (local routes excepted, see link_state_exempt).
 */
#include <string.h>

#include "policy/compiled.h"
#include "policy/linux/linux_policy.h"

uint32_t core_lx_loopback_index(const brt_table *t)
{
	size_t i;

	for (i = 0; i < t->n_links; i++)
		if (t->links[i].type == BRT_LINK_LOOPBACK)
			return t->links[i].index;
	return 0;
}

/* Local and anycast routes keep their next hops whatever the link does:
 * IPv4 gives them scope host (nexthop scope nowhere, never synced down),
 * IPv6 exempts RTF_LOCAL/RTF_ANYCAST from linkdown. */
static bool link_state_exempt(const struct brt_route *r)
{
	if (r->family == BRT_AF_INET)
		return r->scope == BRT_SCOPE_HOST;
	return r->type == BRT_RT_LOCAL || r->type == BRT_RT_ANYCAST;
}

bool core_lx_nh_alive(const brt_table *t, const struct brt_nexthop *nh,
		 const struct brt_route *r, uint8_t family)
{
	ptrdiff_t pos = core_table_link_pos(t, nh->ifindex);
	uint32_t flags = nh->flags | (r->nh_count <= 1 ? r->flags : 0);
	const struct brt_link *l;
	bool ignore;

	if (flags & BRT_NH_F_DEAD)
		return false;
	if (pos < 0)
		return nh->ifindex == 0;
	l = &t->links[pos];
	if (!t->is_dump && !link_state_exempt(r)) {
		if (!(l->flags & BRT_LINK_F_UP))
			return false;
		if (!(l->flags & BRT_LINK_F_CARRIER))
			flags |= BRT_NH_F_LINKDOWN;
	}
	ignore = family == BRT_AF_INET ? t->linkconf[pos].ignore_linkdown4
				       : t->linkconf[pos].ignore_linkdown6;
	return !(ignore && (flags & BRT_NH_F_LINKDOWN));
}

/*
 * Whether the IPv4 rules are the three the kernel starts with. Until a rule
 * is added, the kernel keeps table local merged into main
 * (fib_has_custom_rules is false) and reports "main" for local routes.
 */
static bool v4_rules_default(const brt_table *t)
{
	static const uint32_t prio[3] = {0, 32766, 32767};
	static const uint32_t table[3] = {BRT_TABLE_LOCAL, BRT_TABLE_MAIN,
					  BRT_TABLE_DEFAULT};
	size_t i, n;
	const struct brt_rule *r = core_table_rules(t, BRT_AF_INET, &n);

	if (n != 3)
		return false;
	for (i = 0; i < 3; i++)
		if (r[i].priority != prio[i] || r[i].action != BRT_RULE_LOOKUP ||
		    r[i].table != table[i] || r[i].src.len || r[i].dst.len ||
		    (r[i].flags & ~(uint32_t)BRT_RULE_F_DERIVED) || r[i].iif[0] ||
		    r[i].oif[0] || r[i].tos)
			return false;
	return true;
}

void core_lx_fill_from_res(struct brt_lookup *lk, const struct lx_res *res)
{
	struct brt_result *r = lk->r;

	uint32_t table = res->table;

	if (table == BRT_TABLE_LOCAL && res->route->family == BRT_AF_INET &&
	    v4_rules_default(lk->t))
		table = BRT_TABLE_MAIN;
	core_result_route(r, res->route, table, res->route->metric);
	core_result_nexthops(r, res->nh, res->nh_count, res->nh_sel);
	r->rule_priority = res->rule ? res->rule->priority : 0;
}

const char *core_lx_verdict_reason(int verdict)
{
	switch (verdict) {
	case BRT_V_TOS_MISMATCH: return "tos does not match";
	case BRT_V_DEAD: return "next hops are dead";
	case BRT_V_LINK_DOWN: return "link is down";
	case BRT_V_WRONG_INTERFACE: return "not on the requested interface";
	case BRT_V_ERROR_ROUTE: return "error route";
	case BRT_V_THROW: return "throw route";
	case BRT_V_HIGHER_METRIC: return "same prefix, higher metric";
	case BRT_V_LATER_DEFINED: return "same prefix and metric, defined later";
	case BRT_V_LONGER_PREFIX_WON: return "a longer prefix answered";
	case BRT_V_SOURCE_MISMATCH: return "source outside the route's source prefix";
	default: return "";
	}
}

/* After a match: the chosen route, then the others that lost to it. */
void core_lx_explain_rest(struct brt_lookup *lk, const struct lx_res *res)
{
	const struct brt_fib *f;
	const struct brt_pgroup *g;
	bool seen = false;
	uint32_t i;

	if (!lk->ex || !res->route)
		return;
	core_explain_add(lk, BRT_CAND_ROUTE, BRT_V_CHOSEN, res->rule, res->route,
			res->table, res->route->metric, "longest usable prefix, best metric");
	f = core_table_fib(lk->t, res->route->family, res->table);
	g = f ? core_fib_lookup(f, lk->q->dst.bytes) : NULL;
	while (g && g->len != res->plen)
		g = core_pgroup_parent(f, g);
	for (i = 0; g && i < g->count; i++) {
		const struct brt_route *x = g->routes[i];
		int v = x->metric == res->route->metric ? BRT_V_LATER_DEFINED
							: BRT_V_HIGHER_METRIC;

		if (x == res->route) {
			seen = true;
			continue;
		}
		if (seen)
			core_explain_add(lk, BRT_CAND_ROUTE, v, res->rule, x, res->table,
					x->metric, core_lx_verdict_reason(v));
	}
	for (g = g ? core_pgroup_parent(f, g) : NULL; g; g = core_pgroup_parent(f, g))
		for (i = 0; i < g->count; i++)
			core_explain_add(lk, BRT_CAND_ROUTE, BRT_V_LONGER_PREFIX_WON,
					res->rule, g->routes[i], res->table,
					g->routes[i]->metric,
					core_lx_verdict_reason(BRT_V_LONGER_PREFIX_WON));
}

void core_lx_flow_init(const struct brt_lookup *lk, struct lx_flow *fl)
{
	const struct brt_query *q = lk->q;

	memset(fl, 0, sizeof(*fl));
	fl->dst = q->dst;
	fl->dst.zone = 0;
	fl->src = q->src;
	fl->src.zone = 0;
	fl->oif = q->oif;
	fl->iif = q->iif ? q->iif : core_lx_loopback_index(lk->t);
	fl->mark = q->mark;
	fl->uid = (q->flags & BRT_QUERY_F_UID) ? q->uid : (q->iif ? UINT32_MAX : 0);
	fl->tos = q->tos;
	fl->proto = q->ipproto;
	fl->sport = q->sport;
	fl->dport = q->dport;
}

bool core_lx_nexthop_source(const brt_table *t, const struct brt_addr *dst,
		       const struct brt_route *r, const struct brt_nexthop *nh,
		       struct brt_addr *out)
{
	if (r->prefsrc.family) {
		*out = r->prefsrc;
		return true;
	}
	if (r->family == BRT_AF_INET) {
		*out = core_lx_select_src4(t, nh->ifindex, &nh->gw, r->scope);
		return out->family != 0;
	}
	return core_lx_select_src6(t, nh->ifindex, dst, out);
}

void core_linux_lookup(struct brt_lookup *lk)
{
	if (lk->q->iif) {
		core_result_error(lk->r, BRT_ROUTE_UNSUPPORTED,
				 "input-path lookups (iif) are not modelled");
		return;
	}
	if (lk->q->dst.family == BRT_AF_INET)
		core_lx_output4(lk, core_lx_fib4_lookup);
	else
		core_lx_output6(lk, core_lx_fib6_lookup);
}

/* Derivations follow links and addresses, never given routes, but the
 * kernel's own routes are given only in a dump: elsewhere they were
 * derived from what an edit could change. */
static bool linux_edit_in_place(const brt_table *t)
{
	return t->is_dump;
}

const struct core_policy core_policy_linux = {
	.id = BRT_POLICY_LINUX,
	.name = "linux",
	.derive = core_derive_linux,
	.lookup = core_linux_lookup_compiled,
	.lookup_fast = core_linux_lookup_fast,
	.explain = core_linux_lookup,
	.compile = core_linux_compile,
	.lookup_bulk = core_linux_lookup_bulk,
	.recompile = core_linux_recompile,
	.nexthop_source = core_lx_nexthop_source,
	.edit_in_place = linux_edit_in_place,
};
