/*
 * nl_decode_nexthop.c - RTM_NEWNEXTHOP bytes to a struct brt_nhobj (pure).
 *
 * A group member's weight is the kernel's stored weight plus one; since
 * Linux 6.12 the byte after it (weight_high) extends it to 16 bits. The
 * model holds weights 1..256, so a larger one is an error, not a silent
 * truncation that would change which next hop gets what share.
 */
#include <stdio.h>
#include <string.h>

#include <linux/nexthop.h>
#include <linux/rtnetlink.h>

#include "netlink/nl.h"

static const struct brt_nl_pol nh_pol[NHA_MAX + 1] = {
	[NHA_ID] = {BRT_NLA_EXACT, 4},
	[NHA_GROUP] = {BRT_NLA_MIN, 0},
	[NHA_GROUP_TYPE] = {BRT_NLA_EXACT, 2},
	[NHA_BLACKHOLE] = {BRT_NLA_FLAG, 0},
	[NHA_OIF] = {BRT_NLA_EXACT, 4},
	[NHA_GATEWAY] = {BRT_NLA_ADDR, 0},
	[NHA_FDB] = {BRT_NLA_FLAG, 0},
};

static int decode_group(const struct nlattr *a, struct brt_nhgrp_member *grp,
			uint32_t cap, uint32_t *n, char *err, size_t errlen)
{
	const uint8_t *p = mnl_attr_get_payload(a);
	size_t len = mnl_attr_get_payload_len(a);
	size_t i, count = len / sizeof(struct nexthop_grp);

	if (len == 0 || len % sizeof(struct nexthop_grp))
		return os_nl_fail(err, errlen, "nexthop",
				   "group of %zu bytes is not whole entries", len);
	if (count > cap) {
		snprintf(err, errlen, "nexthop message: group of %zu members (at most %u)",
			 count, cap);
		return BRT_ELIMIT;
	}
	for (i = 0; i < count; i++, p += sizeof(struct nexthop_grp)) {
		struct nexthop_grp g;
		uint32_t w;

		memcpy(&g, p, sizeof(g));
		w = ((uint32_t)g.resvd1 << 8 | g.weight) + 1;	/* resvd1: weight_high */
		if (w > 256)
			return os_nl_fail(err, errlen, "nexthop",
					   "member %u has weight %u (at most 256)",
					   g.id, w);
		grp[i].id = g.id;
		grp[i].weight = w;
	}
	*n = (uint32_t)count;
	return 0;
}

static uint32_t map_flags(const struct nhmsg *nhm, const struct nlattr **tb)
{
	uint32_t f = 0;

	if (tb[NHA_BLACKHOLE])
		f |= BRT_NHOBJ_F_BLACKHOLE;
	if (tb[NHA_FDB])
		f |= BRT_NHOBJ_F_FDB;
	if (nhm->nh_flags & RTNH_F_ONLINK)
		f |= BRT_NHOBJ_F_ONLINK;
	if (nhm->nh_flags & RTNH_F_DEAD)
		f |= BRT_NHOBJ_F_DEAD;
	if (nhm->nh_flags & RTNH_F_LINKDOWN)
		f |= BRT_NHOBJ_F_LINKDOWN;
	if (tb[NHA_GROUP_TYPE] &&
	    mnl_attr_get_u16(tb[NHA_GROUP_TYPE]) == NEXTHOP_GRP_TYPE_RES)
		f |= BRT_NHOBJ_F_RESILIENT;
	return f;
}

int os_nl_decode_nexthop(const void *buf, size_t len, struct brt_nhobj *n,
			  struct brt_nhgrp_member *grp, uint32_t grp_cap,
			  char *err, size_t errlen)
{
	const struct nlattr *tb[NHA_MAX + 1];
	const struct nhmsg *nhm;
	int e;

	e = os_nl_check_msg(buf, len, RTM_NEWNEXTHOP, RTM_NEWNEXTHOP,
			     sizeof(*nhm), "nexthop", err, errlen);
	if (e)
		return e;
	nhm = mnl_nlmsg_get_payload(buf);
	e = os_nl_parse_attrs(buf, sizeof(*nhm), tb, NHA_MAX, nh_pol,
			       nhm->nh_family, "nexthop", err, errlen);
	if (e)
		return e;
	if (!tb[NHA_ID] || !mnl_attr_get_u32(tb[NHA_ID]))
		return os_nl_fail(err, errlen, "nexthop", "no id");
	brt_nhobj_init(n);
	n->id = mnl_attr_get_u32(tb[NHA_ID]);
	n->flags = map_flags(nhm, tb);
	n->protocol = nhm->nh_protocol;
	if (tb[NHA_GROUP]) {
		e = decode_group(tb[NHA_GROUP], grp, grp_cap, &n->group_count,
				 err, errlen);
		if (e)
			return e;
		n->group = grp;
		return 0;
	}
	if (!(n->flags & BRT_NHOBJ_F_BLACKHOLE))
		n->family = nhm->nh_family;
	n->ifindex = tb[NHA_OIF] ? mnl_attr_get_u32(tb[NHA_OIF]) : 0;
	if (tb[NHA_GATEWAY])
		os_nl_get_addr(tb[NHA_GATEWAY], nhm->nh_family, &n->gw);
	return 0;
}
