/*
 * linux_out4.c - the IPv4 output route, as ip_route_output_key_hash_rcu()
 * builds it for RTM_GETROUTE.
 *
 * Order of the kernel's checks, kept here:
 *  1. a given source must be unicast and local (else EINVAL/ENETUNREACH);
 *     with no output interface, multicast and limited-broadcast
 *     destinations leave through the source's device without a lookup;
 *  2. a given output interface must be up; link-local multicast, limited
 *     broadcast and IGMP skip the lookup there;
 *  3. destination 0.0.0.0 is the host itself;
 *  4. rules and tables; when they fail while an output interface was
 *     given, the destination is assumed on-link there (no FIB entry);
 *  5. local routes leave through the loopback device;
 *  6. otherwise the next hop (multipath: any usable one; the kernel's hash
 *     is not predictable) and its source (prefsrc, else inet_select_addr
 *     on its device near its gateway within the route's scope);
 *  7. __mkroute_output: limited broadcast and multicast set the type (and multicast through
 *     a route shorter than /4 drops the gateway), 0.x.x.x is invalid.
 */
#include <string.h>

#include "policy/compiled.h"
#include "policy/linux/linux_policy.h"

struct out4 {
	struct brt_addr saddr;		/* family 0 while unset */
	uint32_t dev_out;
	uint8_t type;
	uint8_t scope;
	bool use_res;			/* a FIB result backs the answer */
	bool gateway;			/* report the next hop's gateway */
	struct lx_res res;
};

static void fail(struct brt_lookup *lk, enum brt_status s, const char *msg)
{
	core_result_error(lk->r, s, msg);
}

static bool is_lbcast(const struct brt_addr *a)
{
	return core_addr_v4(a) == 0xffffffffu;
}

static bool is_local_mcast(const struct brt_addr *a)
{
	return (core_addr_v4(a) & 0xffffff00u) == 0xe0000000u;
}

/* The device that owns a configured address (__ip_dev_find), or 0. */
static uint32_t owner_dev(const brt_table *t, const struct brt_addr *a)
{
	size_t i;

	for (i = 0; i < t->n_addrs; i++)
		if (brt_addr_equal(&t->addrs[i].addr, a))
			return t->addrs[i].ifindex;
	return 0;
}

enum pre { PRE_LOOKUP, PRE_ANSWERED, PRE_NO_LOOKUP };

static enum pre pre_fail(struct brt_lookup *lk, enum brt_status s,
			 const char *msg)
{
	fail(lk, s, msg);
	return PRE_ANSWERED;
}

/* Step 1: the given source. */
static enum pre check_source(struct brt_lookup *lk, struct out4 *o)
{
	const struct brt_query *q = lk->q;

	if (core_addr_is_v4_bad_source(&o->saddr))
		return pre_fail(lk, BRT_ROUTE_INVALID, "invalid source address");
	if (!q->oif && (core_addr_is_v4_multicast(&q->dst) || is_lbcast(&q->dst))) {
		o->dev_out = owner_dev(lk->t, &o->saddr);
		if (!o->dev_out)
			return pre_fail(lk, BRT_ROUTE_NO_ROUTE,
					"source address is not local");
		return PRE_NO_LOOKUP;
	}
	if (!core_lx_is_local4(lk->t, &o->saddr))
		return pre_fail(lk, BRT_ROUTE_NO_ROUTE, "source address is not local");
	return PRE_LOOKUP;
}

/* Step 2: the given output interface. */
static enum pre check_oif(struct brt_lookup *lk, struct out4 *o)
{
	const struct brt_query *q = lk->q;
	const struct brt_addr *d = &q->dst;
	const struct brt_link *l = brt_table_link_by_index(lk->t, q->oif);

	if (!(l->flags & BRT_LINK_F_UP) || (l->flags & BRT_LINK_F_NO_IPV4))
		return pre_fail(lk, BRT_ROUTE_NO_ROUTE, "output interface is down");
	o->dev_out = q->oif;
	if (is_local_mcast(d) || is_lbcast(d) ||
	    ((q->flags & BRT_QUERY_F_IPPROTO) && q->ipproto == 2)) {
		if (!o->saddr.family)
			o->saddr = core_lx_select_src4(lk->t, q->oif, NULL, BRT_SCOPE_LINK);
		return PRE_NO_LOOKUP;
	}
	if (!o->saddr.family && core_addr_is_v4_multicast(d))
		o->saddr = core_lx_select_src4(lk->t, q->oif, NULL, BRT_SCOPE_UNIVERSE);
	else if (!o->saddr.family && core_addr_is_zero(d))
		o->saddr = core_lx_select_src4(lk->t, q->oif, NULL, BRT_SCOPE_HOST);
	return PRE_LOOKUP;
}

/* Steps 1-2. */
static enum pre pre_lookup(struct brt_lookup *lk, struct out4 *o)
{
	enum pre p = PRE_LOOKUP;

	if (o->saddr.family)
		p = check_source(lk, o);
	if (p == PRE_LOOKUP && lk->q->oif)
		p = check_oif(lk, o);
	return p;
}

/* The flow with the source as steps 1-2 left it. */
static void flow_init(const struct brt_lookup *lk, const struct out4 *o,
		      struct lx_flow *fl)
{
	core_lx_flow_init(lk, fl);
	fl->src = o->saddr;
}

/* fib_select_default would alternate between equal default routes. */
static bool default_is_unstable(const struct brt_lookup *lk,
				const struct lx_res *res)
{
	const struct brt_fib *f = core_table_fib(lk->t, BRT_AF_INET, res->table);
	const struct brt_pgroup *g;
	const struct brt_route *c = res->route;
	bool after = false;
	uint32_t i;

	if (res->plen || c->type != BRT_RT_UNICAST || res->nh_count != 1 ||
	    !res->nh[0].gw.family || !f)
		return false;
	g = core_fib_lookup(f, lk->q->dst.bytes);
	while (g && g->len)
		g = core_pgroup_parent(f, g);
	for (i = 0; g && i < g->count; i++) {
		const struct brt_route *r = g->routes[i];
		uint32_t n;
		bool bh;
		const struct brt_nexthop *nh = core_route_nexthops(lk->t, r, &n, &bh);

		if (r == c) {
			after = true;
			continue;
		}
		if (after && r->metric == c->metric && r->tos == c->tos &&
		    r->type == BRT_RT_UNICAST && r->scope == c->scope && n &&
		    nh[0].gw.family && !(r->flags & BRT_NH_F_DEAD))
			return true;
	}
	return false;
}

/* The first route (longest prefix first) of @f covering @gw whose scope is
 * at least link: the route fib_check_nh_v4_gw resolves a gateway with. */
static bool has_dev(const struct brt_route *r, uint32_t ifindex)
{
	uint32_t i;

	for (i = 0; i < r->nh_count; i++)
		if (r->nh[i].ifindex == ifindex)
			return true;
	return false;
}

static const struct brt_route *resolving_route(const struct brt_fib *f,
					       const struct brt_nexthop *nh)
{
	const struct brt_pgroup *g;
	uint32_t i;

	for (g = f ? core_fib_lookup(f, nh->gw.bytes) : NULL; g; g = core_pgroup_parent(f, g))
		for (i = 0; i < g->count; i++) {
			const struct brt_route *r = g->routes[i];

			if (r->scope >= BRT_SCOPE_LINK && has_dev(r, nh->ifindex) &&
			    (r->type == BRT_RT_UNICAST || r->type == BRT_RT_LOCAL))
				return r;
		}
	return NULL;
}

/*
 * Whether the kernel uses a next hop's gateway: only when the gateway
 * resolved, when the route was added, through a link-scope route (the
 * next hop then has scope link). One resolved through a local route
 * (scope host: the gateway is our own address) is sent to directly. The
 * kernel resolves in the route's own table first, then through the rules
 * (here: local, then main), only through routes on the next hop's device.
 */
enum gw_use { GW_USED, GW_DIRECT, GW_UNKNOWN };

static enum gw_use gateway_used(const brt_table *t, const struct brt_route *route,
				const struct brt_nexthop *nh)
{
	const struct brt_route *own = NULL, *r;

	if (!nh->gw.family)
		return GW_DIRECT;
	if (nh->gw.family != BRT_AF_INET || ((nh->flags | route->flags) & BRT_NH_F_ONLINK))
		return GW_USED;
	if (route->table != BRT_TABLE_MAIN && route->table != BRT_TABLE_LOCAL)
		own = resolving_route(core_table_fib(t, BRT_AF_INET, route->table), nh);
	r = resolving_route(core_table_fib(t, BRT_AF_INET, BRT_TABLE_LOCAL), nh);
	if (!r)
		r = resolving_route(core_table_fib(t, BRT_AF_INET, BRT_TABLE_MAIN), nh);
	if (!r || r->scope != BRT_SCOPE_HOST)
		return GW_USED;
	if (!own)
		return GW_DIRECT;
	/* our own address, also covered in the route's table: which one
	 * resolved it depends on which was there first. A table written by
	 * hand has that order; a dump of a live host does not. */
	if (t->is_dump)
		return GW_UNKNOWN;
	return own < route ? GW_USED : GW_DIRECT;
}

/* What the output step makes of a found route alone, into an answer
 * record: the caller's core_dec_found keeps it (or SLOW, see below). */
void core_lx_out4_decide(brt_table *t, const struct brt_fib *fib,
			 const struct lx_res *res, struct core_dec *d)
{
	const struct brt_route *r = res->route;
	const struct brt_nexthop *nh = res->nh_count ? &res->nh[res->nh_sel] : NULL;
	struct brt_query q;
	struct brt_result out;
	struct brt_lookup lk = {t, &q, &out, NULL, NULL, 0};
	struct core_answer a;
	enum gw_use gw = GW_DIRECT;

	memset(&q, 0, sizeof(q));
	memset(&out, 0, sizeof(out));
	memset(&a, 0, sizeof(a));
	/* the query only names the fib's default group to this check */
	q.dst.family = fib->family;
	if (res->type != BRT_RT_LOCAL && default_is_unstable(&lk, res)) {
		core_dec_set(d, CORE_DEC_SLOW);
		return;
	}
	if (res->type != BRT_RT_LOCAL) {
		a.source = r->prefsrc.family ? r->prefsrc
			   : core_lx_select_src4(t, nh ? nh->ifindex : 0,
						 nh ? &nh->gw : NULL, r->scope);
		a.flags = CORE_ANS_F_SOURCE;
		a.ifindex = nh ? nh->ifindex : 0;
		gw = nh ? gateway_used(t, r, nh) : GW_DIRECT;
		if (gw == GW_USED)
			a.gateway = nh->gw;
	}
	core_lx_fill_from_res(&lk, res);
	a.table = out.table;
	a.metric = out.metric;
	a.effective_metric = out.effective_metric;
	a.nh_count = res->nh_count;
	a.nh_chosen = res->nh_sel;
	a.type = res->type;
	a.scope = r->scope;
	core_dec_found(t, d, r, res->nh, &a);
	if (gw == GW_UNKNOWN)
		core_dec_set(d, CORE_DEC_SLOW);
}

/* Steps 5-6 after a successful lookup; false when answered already. */
static bool after_lookup(struct brt_lookup *lk, struct out4 *o)
{
	const struct lx_res *res = &o->res;
	const struct brt_route *r = res->route;
	const struct brt_nexthop *nh = res->nh_count ? &res->nh[res->nh_sel] : NULL;
	enum gw_use gw;

	o->use_res = true;
	o->type = res->type;
	o->scope = r->scope;
	if (res->type == BRT_RT_LOCAL) {
		if (!o->saddr.family)
			o->saddr = r->prefsrc.family ? r->prefsrc : lk->q->dst;
		o->dev_out = core_lx_loopback_index(lk->t);
		return true;
	}
	/* (a compiled decision was made SLOW where the default is unstable) */
	if (!lk->q->oif && !res->dec && default_is_unstable(lk, res)) {
		fail(lk, BRT_ROUTE_UNSUPPORTED,
		     "equal-metric default routes: the kernel alternates between them");
		return false;
	}
	if (!o->saddr.family)
		o->saddr = r->prefsrc.family ? r->prefsrc
			   : res->dec ? core_dec_answer(lk->t, res->dec)->source
			   : core_lx_select_src4(lk->t, nh ? nh->ifindex : 0,
					    nh ? &nh->gw : NULL, r->scope);
	o->dev_out = nh ? nh->ifindex : 0;
	if (res->dec)
		gw = core_dec_answer(lk->t, res->dec)->gateway.family ? GW_USED
								   : GW_DIRECT;
	else
		gw = nh ? gateway_used(lk->t, r, nh) : GW_DIRECT;
	if (gw == GW_UNKNOWN) {
		fail(lk, BRT_ROUTE_UNSUPPORTED, "the gateway is a local address: whether "
		     "the kernel uses it depends on the order routes were added");
		return false;
	}
	o->gateway = gw == GW_USED;
	return true;
}

/* Step 7 and the result. */
static void make_route(struct brt_lookup *lk, struct out4 *o)
{
	const struct brt_addr *d = &lk->q->dst;
	struct brt_result *r = lk->r;

	if (is_lbcast(d)) {
		o->type = BRT_RT_BROADCAST;
		o->gateway = false;
	} else if (core_addr_is_v4_multicast(d)) {
		o->type = BRT_RT_MULTICAST;
		if (o->use_res && o->res.plen < 4)
			o->gateway = false;
	}
	if (o->use_res)
		core_lx_fill_from_res(lk, &o->res);
	r->status = BRT_ROUTE_OK;
	r->type = o->type ? o->type : BRT_RT_UNICAST;
	r->scope = o->use_res ? o->scope : BRT_SCOPE_LINK;
	r->ifindex = o->dev_out;
	r->source = o->saddr;
	if (!lk->q->src.family)	/* rt_fill_info: only a source it chose */
		r->prefsrc = o->saddr;
	if (o->gateway)
		r->gateway = o->res.nh[o->res.nh_sel].gw;
	else
		memset(&r->gateway, 0, sizeof(r->gateway));
}

/* __mkroute_output: a loopback source may leave only through the
 * loopback device (local and multicast-from-lo answers), else EINVAL. */
static void finish_route(struct brt_lookup *lk, struct out4 *o)
{
	if (core_addr_is_v4_loopback(&o->saddr) &&
	    o->dev_out != core_lx_loopback_index(lk->t)) {
		fail(lk, BRT_ROUTE_INVALID, "a loopback source towards a non-local destination");
		return;
	}
	make_route(lk, o);
}

bool core_lx_output4(struct brt_lookup *lk, lx_table_fn table_fn)
{
	struct out4 o;
	struct lx_flow fl;
	enum lx_verdict v;
	enum pre p;

	memset(&o, 0, sizeof(o));
	o.saddr = lk->q->src;
	o.saddr.zone = 0;
	p = pre_lookup(lk, &o);
	if (p == PRE_NO_LOOKUP) {
		finish_route(lk, &o);
		return true;
	}
	if (p == PRE_ANSWERED)
		return true;
	if (core_addr_is_zero(&lk->q->dst)) {	/* step 3 */
		if (!o.saddr.family)
			core_addr_set_v4(&o.saddr, 0x7f000001u);
		o.dev_out = core_lx_loopback_index(lk->t);
		o.type = BRT_RT_LOCAL;
		finish_route(lk, &o);
		return true;
	}
	flow_init(lk, &o, &fl);
	v = core_lx_rules_lookup(lk, &fl, table_fn, &o.res);
	if (v == LX_SLOW)
		return false;
	if (v != LX_FOUND) {
		if (!lk->q->oif) {
			fail(lk, o.res.status, o.res.message);
			return true;
		}
		if (!o.saddr.family)	/* assume on-link, no FIB entry */
			o.saddr = core_lx_select_src4(lk->t, lk->q->oif, NULL, BRT_SCOPE_LINK);
		o.type = BRT_RT_UNICAST;
		finish_route(lk, &o);
		return true;
	}
	if (after_lookup(lk, &o))
		finish_route(lk, &o);
	return true;
}
