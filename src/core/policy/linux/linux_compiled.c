/*
 * linux_compiled.c - the Linux policy's compiled decisions
 * (policy/compiled.h) and the lookup that uses them.
 *
 * The compiled lookup runs the same output steps (linux_out4.c,
 * linux_out6.c) and the same rule walk (linux_rules.c) as the
 * interpretive one; only the table lookup differs: one engine lookup
 * gives the group, and the group's decision gives the route and next hop
 * the walk over its routes would choose, with what the output step
 * derives from them (the IPv4 source and whether the gateway is used).
 *
 * A decision is what a flow without output interface and without tos
 * gets from its group. Rules are walked per query on the table's compiled
 * plan (linux_plan.c; the per-query rule walk of linux_rules.c where a
 * table has none, or for a tos), so `from`, fwmark, uid and the other
 * selectors cost a walk of packed records, not a fallback; lookup_fast
 * and the bulk lookup (linux_fast.c) serve those queries before any
 * argument copy:
 *  - a query with an output interface (oif, or an IPv6 zone) or an input
 *    interface takes the interpretive walk;
 *  - groups holding a route with a tos (IPv4) or a source prefix (IPv6),
 *    or an error or throw route, are REDO: walked for the query itself;
 *    when such a walk finds a usable route, the query goes interpretive;
 *  - decisions the output step cannot take from the route alone are SLOW
 *    (equal default routes, a gateway on one of our own addresses).
 *
 * Edits (recompile): a group's decision depends on its own routes, links
 * and addresses, except that an IPv4 gateway resolves through the routes
 * of scope link or host (fib_check_nh_v4_gw): an edit of such a route,
 * or of table local, recompiles every decision, any other edit only its
 * own group's.
 */
#include <string.h>

#include "policy/compiled.h"
#include "policy/linux/linux_policy.h"

/* The IPv6 answer record of a found route (as linux_out6.c fills it). */
static void decide6(brt_table *t, const struct brt_pgroup *g,
		    const struct lx_res *res, struct core_dec *d)
{
	const struct brt_route *r = res->route;
	const struct brt_nexthop *nh = res->nh_count ? &res->nh[res->nh_sel] : NULL;
	uint32_t lo = core_lx_loopback_index(t);
	struct brt_query q;
	struct brt_result out;
	struct brt_lookup lk = {t, &q, &out, NULL, NULL, 0};
	struct core_answer a;

	memset(&q, 0, sizeof(q));
	memset(&out, 0, sizeof(out));
	memset(&a, 0, sizeof(a));
	core_lx_fill_from_res(&lk, res);
	a.table = out.table;
	a.metric = out.metric;
	a.effective_metric = out.effective_metric;
	a.nh_count = res->nh_count;
	a.nh_chosen = res->nh_sel;
	a.type = res->type;
	a.scope = r->scope;
	a.dev = nh ? nh->ifindex : lo;
	a.ifindex = res->type == BRT_RT_LOCAL ? lo : a.dev;
	if (nh && nh->gw.family && res->type != BRT_RT_LOCAL)
		a.gateway = nh->gw;
	if (r->prefsrc.family) {
		a.source = r->prefsrc;
		a.flags = CORE_ANS_F_SOURCE;
	} else if (core_source_constant(t, core_pgroup_dst(g))) {
		if (!core_lx_src6_pick(t, a.dev, &core_pgroup_dst(g)->addr,
				       &a.source))
			memset(&a.source, 0, sizeof(a.source));
		a.flags = CORE_ANS_F_SOURCE;
	}
	core_dec_found(t, d, r, res->nh, &a);
}

/* A group's own decision for the flow without oif and tos. */
static void decide(brt_table *t, const struct brt_fib *f,
		   const struct brt_pgroup *g, struct core_dec *d)
{
	struct brt_query q;
	struct brt_result r;
	struct brt_lookup lk = {t, &q, &r, NULL, NULL, 0};
	struct lx_flow fl;
	struct lx_res res;
	enum lx_verdict v;
	uint32_t i;

	core_dec_set(d, CORE_DEC_NONE);
	for (i = 0; i < g->count; i++)
		if (g->routes[i]->tos || g->routes[i]->src.len) {
			core_dec_set(d, CORE_DEC_REDO);
			return;
		}
	memset(&q, 0, sizeof(q));
	q.dst = core_pgroup_dst(g)->addr;
	memset(&fl, 0, sizeof(fl));
	fl.dst = core_pgroup_dst(g)->addr;
	memset(&res, 0, sizeof(res));
	res.table = f->id;
	v = f->family == BRT_AF_INET ? core_lx_fib4_group(&lk, f, g, &fl, &res)
				     : core_lx_fib6_group(&lk, f, g, &fl, &res);
	if (v == LX_AGAIN)
		return;		/* NONE: the parent answers */
	if (v != LX_FOUND) {
		core_dec_set(d, CORE_DEC_REDO);
		return;
	}
	if (f->family == BRT_AF_INET)
		core_lx_out4_decide(t, f, &res, d);
	else
		decide6(t, g, &res, d);
}

/* The table lookup from decisions (an lx_table_fn). */
static enum lx_verdict table_compiled(struct brt_lookup *lk,
				      const struct brt_fib *fib,
				      const struct lx_flow *fl,
				      struct lx_res *res)
{
	uint32_t slot;
	const struct core_dec *d = core_dec_lookup(lk, fib, fl->dst.bytes, &slot);
	const struct core_answer *a;
	enum lx_verdict v;

	while (d && core_dec_kind(d) == CORE_DEC_REDO) {
		const struct brt_pgroup *g = &fib->groups[slot];

		v = fib->family == BRT_AF_INET
			    ? core_lx_fib4_group(lk, fib, g, fl, res)
			    : core_lx_fib6_group(lk, fib, g, fl, res);
		if (v == LX_FOUND)
			return LX_SLOW;	/* its output step is not compiled */
		if (v != LX_AGAIN)
			return v;
		if (g->parent < 0)
			return LX_AGAIN;
		d = core_dec_find_from(fib, (uint32_t)g->parent, &slot);
	}
	if (!d)
		return LX_AGAIN;
	if (core_dec_kind(d) == CORE_DEC_SLOW)
		return LX_SLOW;
	a = core_dec_answer(lk->t, d);
	res->route = core_dec_route(d);
	res->plen = (uint8_t)core_dec_plen(d);
	res->type = a->type;
	res->nh = core_dec_nh(d);
	res->nh_count = a->nh_count;
	res->nh_sel = a->nh_chosen;
	res->dec = d;
	return LX_FOUND;
}

/*
 * The whole answer from the decision, for the queries whose output step
 * adds nothing of the destination's own (linux_out4.c: no multicast,
 * broadcast or 0/8 destination, a given source that is local and
 * unicast; no tos, so no route with one answers): the rules walked, then
 * the record. 1: answered; 0: take the compiled output steps instead.
 */
static int answer4(struct brt_lookup *lk)
{
	const struct brt_query *q = lk->q;

	if (q->tos || core_lx_v4_special(&q->dst))
		return 0;
	return !q->src.family || core_lx_v4_source_ok(lk->t, &q->src);
}

static int answer(struct brt_lookup *lk)
{
	const struct brt_query *q = lk->q;
	const struct core_plan *plan = lk->t->plans[q->dst.family == BRT_AF_INET6];
	struct lx_flow fl;
	struct lx_res res;
	enum lx_verdict v;

	if (q->dst.family == BRT_AF_INET && !answer4(lk))
		return 0;
	memset(&res, 0, sizeof(res));
	if (plan && !q->tos)	/* (a plan assumes tos 0: rules may read it) */
		v = core_lx_plan_lookup(lk, plan, &res);
	else {
		core_lx_flow_init(lk, &fl);
		v = core_lx_rules_lookup(lk, &fl, table_compiled, &res);
	}
	if (v == LX_SLOW)
		return 0;
	if (v != LX_FOUND) {
		core_result_error(lk->r, res.status, res.message);
		return 1;
	}
	return core_lx_compiled_fill(lk->t, q, res.dec, res.rule, lk->r);
}

void core_linux_lookup_compiled(struct brt_lookup *lk)
{
	const struct brt_query *q = lk->q;
	bool done;

	if (!core_dec_ready(lk->t) || q->iif || q->oif || q->dst.zone) {
		core_linux_lookup(lk);
		return;
	}
	if (answer(lk))
		return;
	if (q->dst.family == BRT_AF_INET)
		done = core_lx_output4(lk, table_compiled);
	else
		done = core_lx_output6(lk, table_compiled);
	if (!done)
		core_linux_lookup(lk);
}

int core_linux_compile(brt_table *t)
{
	int err;

	core_lx_src6_build(t);	/* first: the IPv6 decisions use it */
	err = core_dec_compile_all(t, decide);

	core_lx_plan_build(t);
	return err;
}

/* Routes an IPv4 gateway can resolve through (gateway_used). */
static bool resolves_gateways(uint8_t family, uint32_t table,
			      const struct brt_route *r)
{
	return family == BRT_AF_INET &&
	       (table == BRT_TABLE_LOCAL || !r || r->scope >= BRT_SCOPE_LINK);
}

int core_linux_recompile(brt_table *t, uint8_t family, uint32_t table,
			 const struct brt_prefix *dst, const struct brt_route *r)
{
	struct brt_fib *f;
	int32_t slot;

	if (!t->dec_ready)
		return 0;
	if (core_lx_plan_stale(t, family, table))
		core_lx_plan_build(t);	/* (fib pointers, filters, empty tables) */
	if (resolves_gateways(family, table, r))
		return core_dec_compile_all(t, decide);
	f = core_unconst(core_table_fib(t, family, table));
	if (!f)
		return 0;
	if (core_dec_reserve(f)) {
		t->dec_ready = false;
		return BRT_ENOMEM;
	}
	slot = core_dec_slot_of(f, dst);
	if (slot >= 0)
		decide(t, f, &f->groups[slot], &f->dec[slot]);
	return 0;
}
