/*
 * nl_decode_route.c - RTM_NEWROUTE bytes to a struct brt_route and its
 * next hops (pure).
 *
 * Invariants: the table id is RTA_TABLE when present (rtm_table holds only
 * 8 bits); a route using a nexthop object (RTA_NH_ID) keeps no inline next
 * hops, since the kernel's compatibility copy of them is derived from the
 * object the model resolves itself; error routes (blackhole, unreachable,
 * prohibit, throw) have none either. Cached clones (RTM_F_CLONED) are not
 * FIB entries and are skipped unless the caller asked for a
 * RTM_GETROUTE answer, which the kernel marks as a clone. RTM_DELROUTE
 * (a monitor's notice) carries the removed route in the same form.
 */
#include <stdio.h>
#include <string.h>

#include <linux/rtnetlink.h>

#include "model/model.h"
#include "netlink/nl.h"

#define NH_FLAGS_KEPT (BRT_NH_F_DEAD | BRT_NH_F_ONLINK | BRT_NH_F_LINKDOWN)
#define USER_HZ 100	/* clock_t units of rta_cacheinfo on Linux */

static const struct brt_nl_pol route_pol[RTA_MAX + 1] = {
	[RTA_DST] = {BRT_NLA_ADDR, 0},
	[RTA_SRC] = {BRT_NLA_ADDR, 0},
	[RTA_OIF] = {BRT_NLA_EXACT, 4},
	[RTA_GATEWAY] = {BRT_NLA_ADDR, 0},
	[RTA_PRIORITY] = {BRT_NLA_EXACT, 4},
	[RTA_PREFSRC] = {BRT_NLA_ADDR, 0},
	[RTA_METRICS] = {BRT_NLA_NESTED, 0},
	[RTA_MULTIPATH] = {BRT_NLA_MIN, 0},
	[RTA_CACHEINFO] = {BRT_NLA_MIN, sizeof(struct rta_cacheinfo)},
	[RTA_TABLE] = {BRT_NLA_EXACT, 4},
	[RTA_VIA] = {BRT_NLA_MIN, sizeof(struct rtvia)},
	[RTA_PREF] = {BRT_NLA_EXACT, 1},
	[RTA_EXPIRES] = {BRT_NLA_EXACT, 4},
	[RTA_NH_ID] = {BRT_NLA_EXACT, 4},
};

/* Inside one RTA_MULTIPATH entry. */
static const struct brt_nl_pol rtnh_pol[RTA_MAX + 1] = {
	[RTA_GATEWAY] = {BRT_NLA_ADDR, 0},
	[RTA_VIA] = {BRT_NLA_MIN, sizeof(struct rtvia)},
};

static const struct brt_nl_pol metrics_pol[RTAX_MAX + 1] = {
	[RTAX_MTU] = {BRT_NLA_EXACT, 4},
};

/* RTA_VIA: a gateway of another family (IPv4 over IPv6 next hop). */
static int get_via(const struct nlattr *a, struct brt_addr *gw, char *err,
		   size_t errlen)
{
	const struct rtvia *v = mnl_attr_get_payload(a);
	size_t alen = mnl_attr_get_payload_len(a) - sizeof(*v);

	if (!((v->rtvia_family == BRT_AF_INET && alen == 4) ||
	      (v->rtvia_family == BRT_AF_INET6 && alen == 16)))
		return os_nl_fail(err, errlen, "route",
				   "via of family %u with %zu address bytes",
				   v->rtvia_family, alen);
	memset(gw, 0, sizeof(*gw));
	gw->family = (uint8_t)v->rtvia_family;
	memcpy(gw->bytes, v->rtvia_addr, alen);
	return 0;
}

static int get_gateway(const struct nlattr **tb, uint8_t family,
		       struct brt_addr *gw, char *err, size_t errlen)
{
	if (tb[RTA_GATEWAY])
		os_nl_get_addr(tb[RTA_GATEWAY], family, gw);
	else if (tb[RTA_VIA])
		return get_via(tb[RTA_VIA], gw, err, errlen);
	return 0;
}

/* One RTA_MULTIPATH entry at @p (@left bytes remain); its length in *len. */
static int decode_rtnh(const char *p, size_t left, uint8_t family,
		       struct brt_nexthop *nh, uint32_t i, size_t *len,
		       char *err, size_t errlen)
{
	const struct nlattr *tb[RTA_MAX + 1];
	struct rtnexthop rtnh;
	int e;

	if (left < sizeof(rtnh))
		return os_nl_fail(err, errlen, "route",
				   "multipath entry %u truncated", i + 1);
	memcpy(&rtnh, p, sizeof(rtnh));
	if (rtnh.rtnh_len < sizeof(rtnh) || rtnh.rtnh_len > left)
		return os_nl_fail(err, errlen, "route",
				   "multipath entry %u claims %u of %zu bytes",
				   i + 1, rtnh.rtnh_len, left);
	e = os_nl_parse_stream(p + sizeof(rtnh), rtnh.rtnh_len - sizeof(rtnh),
				tb, RTA_MAX, rtnh_pol, family, "route", err,
				errlen);
	if (e)
		return e;
	brt_nexthop_init(nh);
	e = get_gateway(tb, family, &nh->gw, err, errlen);
	nh->ifindex = (uint32_t)rtnh.rtnh_ifindex;
	nh->weight = rtnh.rtnh_hops + 1u;
	nh->flags = rtnh.rtnh_flags & NH_FLAGS_KEPT;
	*len = RTNH_ALIGN(rtnh.rtnh_len);
	return e;
}

static int decode_multipath(const struct nlattr *mp, uint8_t family,
			    struct brt_nexthop *nh, uint32_t cap, uint32_t *n,
			    char *err, size_t errlen)
{
	const char *p = mnl_attr_get_payload(mp);
	size_t left = mnl_attr_get_payload_len(mp), step = 0;
	int e;

	for (*n = 0; left > 0; (*n)++) {
		if (*n >= cap) {
			snprintf(err, errlen, "route message: more than %u next hops", cap);
			return BRT_ELIMIT;
		}
		e = decode_rtnh(p, left, family, &nh[*n], *n, &step, err, errlen);
		if (e)
			return e;
		if (step >= left)
			left = 0;	/* the last entry may lack padding */
		else
			left -= step, p += step;
	}
	if (*n == 0)
		return os_nl_fail(err, errlen, "route", "empty multipath");
	return 0;
}

static int fill_prefixes(struct brt_route *r, const struct rtmsg *rtm,
			 const struct nlattr **tb, char *err, size_t errlen)
{
	struct brt_addr a;
	unsigned bits = rtm->rtm_family == BRT_AF_INET ? 32 : 128;

	if (rtm->rtm_dst_len > bits || rtm->rtm_src_len > bits)
		return os_nl_fail(err, errlen, "route", "prefix length %u/%u",
				   rtm->rtm_dst_len, rtm->rtm_src_len);
	if ((rtm->rtm_dst_len && !tb[RTA_DST]) || (rtm->rtm_src_len && !tb[RTA_SRC]))
		return os_nl_fail(err, errlen, "route",
				   "prefix length without its address");
	memset(&a, 0, sizeof(a));
	a.family = rtm->rtm_family;
	if (tb[RTA_DST])
		os_nl_get_addr(tb[RTA_DST], rtm->rtm_family, &a);
	/* core_prefix_make clears host bits a crafted message may carry */
	core_prefix_make(&r->dst, &a, rtm->rtm_dst_len);
	if (rtm->rtm_src_len) {
		os_nl_get_addr(tb[RTA_SRC], rtm->rtm_family, &a);
		core_prefix_make(&r->src, &a, rtm->rtm_src_len);
	}
	return 0;
}

static uint32_t route_expires(const struct nlattr **tb)
{
	struct rta_cacheinfo ci;

	if (tb[RTA_EXPIRES])
		return mnl_attr_get_u32(tb[RTA_EXPIRES]);
	if (!tb[RTA_CACHEINFO])
		return 0;
	memcpy(&ci, mnl_attr_get_payload(tb[RTA_CACHEINFO]), sizeof(ci));
	/* rta_expires is a signed clock_t count; past or none is 0; rounded
	 * up in unsigned arithmetic, where INT32_MAX + USER_HZ - 1 fits */
	if ((int32_t)ci.rta_expires <= 0)
		return 0;
	return ((uint32_t)ci.rta_expires + USER_HZ - 1) / USER_HZ;
}

static int route_mtu(const struct nlattr *metrics, uint32_t *mtu, char *err,
		     size_t errlen)
{
	const struct nlattr *tb[RTAX_MAX + 1];
	int e;

	*mtu = 0;
	if (!metrics)
		return 0;
	e = os_nl_parse_stream(mnl_attr_get_payload(metrics),
				mnl_attr_get_payload_len(metrics), tb, RTAX_MAX,
				metrics_pol, 0, "route", err, errlen);
	if (!e && tb[RTAX_MTU])
		*mtu = mnl_attr_get_u32(tb[RTAX_MTU]);
	return e;
}

/* Next hops: none (nexthop object, error routes), a list, or one. */
static int route_nexthops(struct brt_route *r, const struct rtmsg *rtm,
			  const struct nlattr **tb, struct brt_nexthop *nh,
			  uint32_t cap, char *err, size_t errlen)
{
	bool no_nh = r->nh_id || rtm->rtm_type == RTN_BLACKHOLE ||
		     rtm->rtm_type == RTN_UNREACHABLE ||
		     rtm->rtm_type == RTN_PROHIBIT || rtm->rtm_type == RTN_THROW;
	int e;

	r->nh_count = 0;
	if (tb[RTA_MULTIPATH]) {
		uint32_t n;

		e = decode_multipath(tb[RTA_MULTIPATH], rtm->rtm_family, nh, cap,
				     &n, err, errlen);
		if (e)
			return e;
		r->nh_count = no_nh ? 0 : n;
		return 0;
	}
	if (no_nh || (!tb[RTA_OIF] && !tb[RTA_GATEWAY] && !tb[RTA_VIA]))
		return 0;
	if (!cap)
		return BRT_ELIMIT;
	brt_nexthop_init(&nh[0]);
	e = get_gateway(tb, rtm->rtm_family, &nh[0].gw, err, errlen);
	if (e)
		return e;
	nh[0].ifindex = tb[RTA_OIF] ? mnl_attr_get_u32(tb[RTA_OIF]) : 0;
	nh[0].flags = rtm->rtm_flags & NH_FLAGS_KEPT;
	r->nh_count = 1;
	return 0;
}

static void fill_scalars(struct brt_route *r, const struct rtmsg *rtm,
			 const struct nlattr **tb)
{
	r->family = rtm->rtm_family;
	r->type = rtm->rtm_type;
	r->tos = rtm->rtm_tos;
	r->protocol = rtm->rtm_protocol;
	r->scope = rtm->rtm_scope;
	r->table = tb[RTA_TABLE] ? mnl_attr_get_u32(tb[RTA_TABLE]) : rtm->rtm_table;
	r->metric = tb[RTA_PRIORITY] ? mnl_attr_get_u32(tb[RTA_PRIORITY]) : 0;
	r->flags = (rtm->rtm_flags & NH_FLAGS_KEPT) | BRT_ROUTE_F_HAS_METRIC;
	r->nh_id = tb[RTA_NH_ID] ? mnl_attr_get_u32(tb[RTA_NH_ID]) : 0;
	if (tb[RTA_PREFSRC])
		os_nl_get_addr(tb[RTA_PREFSRC], rtm->rtm_family, &r->prefsrc);
	r->pref = tb[RTA_PREF] ? mnl_attr_get_u8(tb[RTA_PREF]) : BRT_PREF_MEDIUM;
	r->expires = route_expires(tb);
}

int os_nl_decode_route(const void *buf, size_t len, unsigned opts,
			struct brt_route *r, struct brt_nexthop *nh,
			uint32_t nh_cap, char *err, size_t errlen)
{
	const struct nlattr *tb[RTA_MAX + 1];
	const struct rtmsg *rtm;
	int e;

	e = os_nl_check_msg(buf, len, RTM_NEWROUTE, RTM_DELROUTE, sizeof(*rtm),
			     "route", err, errlen);
	if (e)
		return e;
	rtm = mnl_nlmsg_get_payload(buf);
	if (rtm->rtm_family != BRT_AF_INET && rtm->rtm_family != BRT_AF_INET6)
		return BRT_NL_SKIP;	/* MPLS, multicast routing tables */
	if ((rtm->rtm_flags & RTM_F_CLONED) && !(opts & BRT_NL_ROUTE_ACCEPT_CLONED))
		return BRT_NL_SKIP;
	e = os_nl_parse_attrs(buf, sizeof(*rtm), tb, RTA_MAX, route_pol,
			       rtm->rtm_family, "route", err, errlen);
	if (e)
		return e;
	if (rtm->rtm_type < RTN_UNICAST || rtm->rtm_type > RTN_THROW)
		return BRT_NL_SKIP;	/* nat, xresolve: not modelled */
	brt_route_init(r);
	e = fill_prefixes(r, rtm, tb, err, errlen);
	if (e)
		return e;
	fill_scalars(r, rtm, tb);
	e = route_mtu(tb[RTA_METRICS], &r->mtu, err, errlen);
	if (!e)
		e = route_nexthops(r, rtm, tb, nh, nh_cap, err, errlen);
	if (e)
		return e;
	/* a lookup answered without a FIB entry reports table 0 */
	if (r->table == 0 && !(opts & BRT_NL_ROUTE_ACCEPT_CLONED))
		return os_nl_fail(err, errlen, "route", "table 0");
	r->nh = nh;
	return 0;
}
