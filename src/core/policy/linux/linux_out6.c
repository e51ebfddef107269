/*
 * linux_out6.c - the IPv6 output route, as ip6_route_output() and
 * inet6_rtm_getroute() build it.
 *
 * Invariants (net/ipv6/route.c):
 *  - interface matching is strict (RT6_LOOKUP_F_IFACE) for link-local,
 *    multicast and loopback destinations, and when an output interface
 *    is given without a source; otherwise the interface only scores;
 *  - a destination zone (fe80::1%eth0) names the output interface;
 *  - the source is not checked to be local (unlike IPv4);
 *  - local routes leave through the loopback device, but the source is
 *    chosen on the device that owns the address;
 *  - the reported prefsrc is the route's prefsrc, else the result of
 *    source selection on the route's device (none when nothing fits),
 *    chosen without a given source; the packet's source is the given
 *    one, else prefsrc.
 */
#include <string.h>

#include "policy/linux/linux_policy.h"

static void flow_init6(const struct brt_lookup *lk, struct lx_flow *fl)
{
	core_lx_flow_init(lk, fl);
	if (!fl->oif)
		fl->oif = lk->q->dst.zone;
	fl->strict_oif = core_addr_is_v6_linklocal(&fl->dst) ||
			 core_addr_is_v6_multicast(&fl->dst) ||
			 core_addr_is_v6_loopback(&fl->dst) ||
			 (fl->oif && !fl->src.family);
}

/* prefsrc as rt6_fill_node reports it (ip6_route_get_saddr, without the
 * given source); the packet's source is the given one, else prefsrc. */
static void choose_source(struct brt_lookup *lk, const struct lx_res *res,
			  uint32_t dev)
{
	const struct brt_route *r = res->route;
	struct brt_result *out = lk->r;

	if (r->prefsrc.family)
		out->prefsrc = r->prefsrc;
	else if (!core_lx_select_src6(lk->t, dev, &lk->q->dst, &out->prefsrc))
		memset(&out->prefsrc, 0, sizeof(out->prefsrc));
	out->source = lk->q->src.family ? lk->q->src : out->prefsrc;
}

bool core_lx_output6(struct brt_lookup *lk, lx_table_fn table_fn)
{
	struct lx_flow fl;
	struct lx_res res;
	const struct brt_nexthop *nh;
	enum lx_verdict v;
	uint32_t dev;

	flow_init6(lk, &fl);
	memset(&res, 0, sizeof(res));
	v = core_lx_rules_lookup(lk, &fl, table_fn, &res);
	if (v == LX_SLOW)
		return false;
	if (v != LX_FOUND) {
		core_result_error(lk->r, res.status, res.message);
		return true;
	}
	core_lx_fill_from_res(lk, &res);
	nh = res.nh_count ? &res.nh[res.nh_sel] : NULL;
	dev = nh ? nh->ifindex : core_lx_loopback_index(lk->t);
	lk->r->status = BRT_ROUTE_OK;
	lk->r->type = res.type;
	lk->r->scope = res.route->scope;
	lk->r->ifindex = res.type == BRT_RT_LOCAL ? core_lx_loopback_index(lk->t) : dev;
	if (nh && nh->gw.family && res.type != BRT_RT_LOCAL)
		lk->r->gateway = nh->gw;
	choose_source(lk, &res, dev);
	return true;
}
