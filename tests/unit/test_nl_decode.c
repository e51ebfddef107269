/*
 * test_nl_decode.c - the rtnetlink decoders and reply checks, fed crafted
 * messages: valid ones map to exact model fields; truncated ones, lying
 * lengths, short family headers and wrong senders give clean errors;
 * unknown attributes are ignored; random corruption never crashes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <linux/fib_rules.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/if_arp.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>

#include "netlink/nl.h"
#include "testutil.h"

#define BUFSZ 4096

static char err[256];

static struct nlmsghdr *msg(char *buf, uint16_t type, size_t hdrlen, void **hdr)
{
	struct nlmsghdr *nlh;

	memset(buf, 0, BUFSZ);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = type;
	*hdr = mnl_nlmsg_put_extra_header(nlh, hdrlen);
	return nlh;
}

static void put_v4(struct nlmsghdr *nlh, uint16_t type, const char *text)
{
	struct in_addr a;

	inet_pton(AF_INET, text, &a);
	mnl_attr_put(nlh, type, 4, &a);
}

static void put_v6(struct nlmsghdr *nlh, uint16_t type, const char *text)
{
	struct in6_addr a;

	inet_pton(AF_INET6, text, &a);
	mnl_attr_put(nlh, type, 16, &a);
}

static const char *fmt(const struct brt_addr *a)
{
	static char b[4][BRT_ADDRSTRLEN];
	static int i;

	i = (i + 1) % 4;
	return tu_addr(a, b[i]);
}

/* ---------------------------------------------------------- valid messages */

static struct nlmsghdr *link_msg(char *buf)
{
	struct ifinfomsg *ifi;
	struct nlmsghdr *nlh = msg(buf, RTM_NEWLINK, sizeof(*ifi), (void **)&ifi);

	ifi->ifi_type = ARPHRD_ETHER;
	ifi->ifi_index = 7;
	ifi->ifi_flags = IFF_UP | IFF_LOWER_UP;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "veth7");
	mnl_attr_put_u32(nlh, IFLA_MTU, 9000);
	mnl_attr_put_u32(nlh, IFLA_MASTER, 3);
	mnl_attr_put_u8(nlh, IFLA_CARRIER, 0);
	mnl_attr_put_u32(nlh, IFLA_GROUP, 5);
	return nlh;
}

static void link_fields(void **state)
{
	char buf[BUFSZ];
	struct nlmsghdr *nlh = link_msg(buf);
	struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);
	struct brt_link l;

	(void)state;
	assert_int_equal(os_nl_decode_link(buf, nlh->nlmsg_len, &l, err, sizeof(err)), 0);
	assert_string_equal(l.name, "veth7");
	assert_int_equal(l.index, 7);
	assert_int_equal(l.mtu, 9000);
	assert_int_equal(l.master, 3);
	assert_int_equal(l.group, 5);
	assert_int_equal(l.type, BRT_LINK_ETHERNET);
	/* IFLA_CARRIER (the kernel's carrier) wins over IFF_LOWER_UP */
	assert_int_equal(l.flags, BRT_LINK_F_UP);
	ifi->ifi_type = ARPHRD_LOOPBACK;
	assert_int_equal(os_nl_decode_link(buf, nlh->nlmsg_len, &l, err, sizeof(err)), 0);
	assert_int_equal(l.type, BRT_LINK_LOOPBACK);
	ifi->ifi_type = ARPHRD_NONE;
	assert_int_equal(os_nl_decode_link(buf, nlh->nlmsg_len, &l, err, sizeof(err)), 0);
	assert_int_equal(l.type, BRT_LINK_TUNNEL);
}

static struct nlmsghdr *addr4_msg(char *buf)
{
	struct ifaddrmsg *ifa;
	struct nlmsghdr *nlh = msg(buf, RTM_NEWADDR, sizeof(*ifa), (void **)&ifa);
	struct ifa_cacheinfo ci = {.ifa_prefered = 100, .ifa_valid = 200};

	ifa->ifa_family = AF_INET;
	ifa->ifa_prefixlen = 24;
	ifa->ifa_scope = RT_SCOPE_UNIVERSE;
	ifa->ifa_index = 7;
	put_v4(nlh, IFA_ADDRESS, "10.1.2.3");
	put_v4(nlh, IFA_LOCAL, "10.1.2.3");
	put_v4(nlh, IFA_BROADCAST, "10.1.2.255");
	mnl_attr_put_strz(nlh, IFA_LABEL, "veth7:1");
	mnl_attr_put_u32(nlh, IFA_FLAGS, IFA_F_SECONDARY | IFA_F_NOPREFIXROUTE);
	mnl_attr_put(nlh, IFA_CACHEINFO, sizeof(ci), &ci);
	mnl_attr_put_u32(nlh, IFA_RT_PRIORITY, 50);
	return nlh;
}

static void addr_fields(void **state)
{
	char buf[BUFSZ];
	struct nlmsghdr *nlh = addr4_msg(buf);
	struct ifaddrmsg *ifa;
	struct brt_address a;

	(void)state;
	assert_int_equal(os_nl_decode_addr(buf, nlh->nlmsg_len, &a, err, sizeof(err)), 0);
	assert_string_equal(fmt(&a.addr), "10.1.2.3");
	assert_int_equal(a.peer.family, 0);	/* same as local: no peer */
	assert_string_equal(fmt(&a.broadcast), "10.1.2.255");
	assert_int_equal(a.plen, 24);
	assert_int_equal(a.ifindex, 7);
	assert_int_equal(a.flags, BRT_ADDR_F_SECONDARY | BRT_ADDR_F_NOPREFIXROUTE);
	assert_int_equal(a.valid_lft, 200);
	assert_int_equal(a.preferred_lft, 100);
	assert_int_equal(a.metric, 50);
	assert_string_equal(a.label, "veth7:1");

	/* IPv6: the shared bit 0x01 means temporary; 8-bit flags only */
	nlh = msg(buf, RTM_NEWADDR, sizeof(*ifa), (void **)&ifa);
	ifa->ifa_family = AF_INET6;
	ifa->ifa_prefixlen = 64;
	ifa->ifa_flags = IFA_F_TEMPORARY | IFA_F_DEPRECATED | IFA_F_TENTATIVE;
	ifa->ifa_index = 2;
	put_v6(nlh, IFA_ADDRESS, "2001:db8::5");
	assert_int_equal(os_nl_decode_addr(buf, nlh->nlmsg_len, &a, err, sizeof(err)), 0);
	assert_string_equal(fmt(&a.addr), "2001:db8::5");
	assert_int_equal(a.flags, BRT_ADDR_F_TEMPORARY | BRT_ADDR_F_DEPRECATED |
			 BRT_ADDR_F_TENTATIVE);
	assert_int_equal(a.valid_lft, BRT_LIFETIME_FOREVER);
}

static struct nlmsghdr *route_mp_msg(char *buf)
{
	struct rtmsg *rtm;
	struct nlmsghdr *nlh = msg(buf, RTM_NEWROUTE, sizeof(*rtm), (void **)&rtm);
	struct nlattr *mp, *mx;
	struct rtnexthop *rtnh;
	struct in_addr gw;

	rtm->rtm_family = AF_INET;
	rtm->rtm_dst_len = 16;
	rtm->rtm_table = RT_TABLE_COMPAT;
	rtm->rtm_protocol = RTPROT_STATIC;
	rtm->rtm_type = RTN_UNICAST;
	put_v4(nlh, RTA_DST, "10.9.0.0");
	mnl_attr_put_u32(nlh, RTA_TABLE, 1000);
	mnl_attr_put_u32(nlh, RTA_PRIORITY, 20);
	put_v4(nlh, RTA_PREFSRC, "10.1.2.3");
	mx = mnl_attr_nest_start(nlh, RTA_METRICS);
	mnl_attr_put_u32(nlh, RTAX_MTU, 1400);
	mnl_attr_nest_end(nlh, mx);
	mp = mnl_attr_nest_start(nlh, RTA_MULTIPATH);
	/* first next hop: via 10.1.2.1 dev 7 weight 3, linkdown */
	rtnh = mnl_nlmsg_get_payload_tail(nlh);
	memset(rtnh, 0, sizeof(*rtnh));
	rtnh->rtnh_hops = 2;
	rtnh->rtnh_ifindex = 7;
	rtnh->rtnh_flags = RTNH_F_LINKDOWN;
	nlh->nlmsg_len += sizeof(*rtnh);
	inet_pton(AF_INET, "10.1.2.1", &gw);
	mnl_attr_put(nlh, RTA_GATEWAY, 4, &gw);
	rtnh->rtnh_len = (unsigned short)((char *)mnl_nlmsg_get_payload_tail(nlh) - (char *)rtnh);
	/* second: dev 8 only, weight 1 */
	rtnh = mnl_nlmsg_get_payload_tail(nlh);
	memset(rtnh, 0, sizeof(*rtnh));
	rtnh->rtnh_ifindex = 8;
	rtnh->rtnh_len = sizeof(*rtnh);
	nlh->nlmsg_len += sizeof(*rtnh);
	mnl_attr_nest_end(nlh, mp);
	return nlh;
}

static void route_fields(void **state)
{
	char buf[BUFSZ];
	struct nlmsghdr *nlh = route_mp_msg(buf);
	struct brt_nexthop nh[4];
	struct brt_route r;
	char p[BRT_PREFIXSTRLEN];

	(void)state;
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 4,
					     err, sizeof(err)), 0);
	brt_prefix_format(&r.dst, p, sizeof(p));
	assert_string_equal(p, "10.9.0.0/16");
	assert_int_equal(r.table, 1000);	/* RTA_TABLE over rtm_table */
	assert_int_equal(r.metric, 20);
	assert_int_equal(r.mtu, 1400);
	assert_int_equal(r.protocol, BRT_PROTO_STATIC);
	assert_string_equal(fmt(&r.prefsrc), "10.1.2.3");
	assert_int_equal(r.nh_count, 2);
	assert_ptr_equal(r.nh, nh);
	assert_string_equal(fmt(&nh[0].gw), "10.1.2.1");
	assert_int_equal(nh[0].ifindex, 7);
	assert_int_equal(nh[0].weight, 3);
	assert_int_equal(nh[0].flags, BRT_NH_F_LINKDOWN);
	assert_int_equal(nh[1].gw.family, 0);
	assert_int_equal(nh[1].ifindex, 8);
	assert_int_equal(nh[1].weight, 1);
	/* too little room for the next hops is a limit, not an overflow */
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 1,
					     err, sizeof(err)), BRT_ELIMIT);
}

/* A monitor's RTM_DELROUTE notice carries the removed route alike. */
static void route_delete_notice(void **state)
{
	char buf[BUFSZ];
	struct nlmsghdr *nlh = route_mp_msg(buf);
	struct brt_nexthop nh[4];
	struct brt_route r;

	(void)state;
	nlh->nlmsg_type = RTM_DELROUTE;
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 4,
					     err, sizeof(err)), 0);
	assert_int_equal(r.table, 1000);
	assert_int_equal(r.metric, 20);
	assert_int_equal(r.nh_count, 2);
	assert_string_equal(fmt(&nh[0].gw), "10.1.2.1");
	nlh->nlmsg_type = RTM_GETROUTE;	/* a request is no route */
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 4,
					     err, sizeof(err)), BRT_EPARSE);
}

static void route_single_cloned_and_nhid(void **state)
{
	char buf[BUFSZ];
	struct rtmsg *rtm;
	struct nlmsghdr *nlh = msg(buf, RTM_NEWROUTE, sizeof(*rtm), (void **)&rtm);
	struct brt_nexthop nh[2];
	struct brt_route r;

	(void)state;
	rtm->rtm_family = AF_INET6;
	rtm->rtm_dst_len = 0;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_type = RTN_UNICAST;
	rtm->rtm_flags = RTNH_F_ONLINK;
	put_v6(nlh, RTA_GATEWAY, "fe80::1");
	mnl_attr_put_u32(nlh, RTA_OIF, 4);
	mnl_attr_put_u8(nlh, RTA_PREF, BRT_PREF_HIGH);
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 2,
					     err, sizeof(err)), 0);
	assert_int_equal(r.family, BRT_AF_INET6);
	assert_int_equal(r.dst.len, 0);
	assert_int_equal(r.table, BRT_TABLE_MAIN);
	assert_int_equal(r.pref, BRT_PREF_HIGH);
	assert_int_equal(r.nh_count, 1);
	assert_string_equal(fmt(&nh[0].gw), "fe80::1");
	assert_int_equal(nh[0].ifindex, 4);
	assert_int_equal(nh[0].flags, BRT_NH_F_ONLINK);

	rtm->rtm_flags |= RTM_F_CLONED;	/* a cache entry: not a FIB route */
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 2,
					     err, sizeof(err)), BRT_NL_SKIP);
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len,
					     BRT_NL_ROUTE_ACCEPT_CLONED, &r, nh,
					     2, err, sizeof(err)), 0);
	rtm->rtm_flags = 0;
	mnl_attr_put_u32(nlh, RTA_NH_ID, 42);	/* object: no inline hops */
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 2,
					     err, sizeof(err)), 0);
	assert_int_equal(r.nh_id, 42);
	assert_int_equal(r.nh_count, 0);
	rtm->rtm_type = 10;	/* RTN_NAT: not modelled */
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 2,
					     err, sizeof(err)), BRT_NL_SKIP);
}

/* The expiry of a route in RTA_CACHEINFO: clock_t ticks (USER_HZ 100)
 * rounded up to seconds; none or past is 0; the largest count does not
 * overflow on the way (a fuzzer found the rounding overflowing). */
static void route_expires_from_cacheinfo(void **state)
{
	static const struct {
		int32_t ticks;
		uint32_t seconds;
	} cases[] = {
		{ 250, 3 }, { 100, 1 }, { 1, 1 }, { 0, 0 }, { -5, 0 },
		{ INT32_MAX, 21474837 },
	};
	char buf[BUFSZ];
	struct rtmsg *rtm;
	struct brt_nexthop nh[2];
	struct brt_route r;
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct nlmsghdr *nlh = msg(buf, RTM_NEWROUTE, sizeof(*rtm),
					   (void **)&rtm);
		struct rta_cacheinfo ci = { .rta_expires = cases[i].ticks };

		rtm->rtm_family = AF_INET6;
		rtm->rtm_table = RT_TABLE_MAIN;
		rtm->rtm_type = RTN_UNICAST;
		put_v6(nlh, RTA_GATEWAY, "fe80::1");
		mnl_attr_put_u32(nlh, RTA_OIF, 4);
		mnl_attr_put(nlh, RTA_CACHEINFO, sizeof(ci), &ci);
		assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r,
						     nh, 2, err, sizeof(err)),
				 0);
		assert_int_equal(r.expires, cases[i].seconds);
	}
}

static struct nlmsghdr *rule_msg(char *buf)
{
	struct fib_rule_hdr *frh;
	struct nlmsghdr *nlh = msg(buf, RTM_NEWRULE, sizeof(*frh), (void **)&frh);
	struct fib_rule_uid_range u = {1000, 1999};
	struct fib_rule_port_range sp = {1024, 2048}, dp = {53, 53};

	frh->family = AF_INET;
	frh->src_len = 8;
	frh->action = FR_ACT_TO_TBL;
	frh->flags = FIB_RULE_INVERT;
	frh->tos = 0x10;
	put_v4(nlh, FRA_SRC, "10.0.0.0");
	mnl_attr_put_u32(nlh, FRA_PRIORITY, 100);
	mnl_attr_put_u32(nlh, FRA_TABLE, 1000);
	mnl_attr_put_u32(nlh, FRA_FWMARK, 0x10);
	mnl_attr_put_u32(nlh, FRA_FWMASK, 0xff);
	mnl_attr_put_strz(nlh, FRA_IIFNAME, "lo");
	mnl_attr_put_strz(nlh, FRA_OIFNAME, "veth7");
	mnl_attr_put(nlh, FRA_UID_RANGE, sizeof(u), &u);
	mnl_attr_put_u8(nlh, FRA_IP_PROTO, 17);
	mnl_attr_put(nlh, FRA_SPORT_RANGE, sizeof(sp), &sp);
	mnl_attr_put(nlh, FRA_DPORT_RANGE, sizeof(dp), &dp);
	mnl_attr_put_u32(nlh, FRA_SUPPRESS_PREFIXLEN, 0);
	mnl_attr_put_u8(nlh, FRA_PROTOCOL, RTPROT_STATIC);
	return nlh;
}

static void rule_fields(void **state)
{
	char buf[BUFSZ];
	struct nlmsghdr *nlh = rule_msg(buf);
	struct fib_rule_hdr *frh = mnl_nlmsg_get_payload(nlh);
	struct brt_rule r;
	char p[BRT_PREFIXSTRLEN];

	(void)state;
	assert_int_equal(os_nl_decode_rule(buf, nlh->nlmsg_len, &r, err, sizeof(err)), 0);
	brt_prefix_format(&r.src, p, sizeof(p));
	assert_string_equal(p, "10.0.0.0/8");
	assert_int_equal(r.dst.len, 0);
	assert_int_equal(r.priority, 100);
	assert_int_equal(r.action, BRT_RULE_LOOKUP);
	assert_int_equal(r.table, 1000);
	assert_int_equal(r.tos, 0x10);
	assert_int_equal(r.fwmark, 0x10);
	assert_int_equal(r.fwmask, 0xff);
	assert_string_equal(r.iif, "lo");
	assert_string_equal(r.oif, "veth7");
	assert_int_equal(r.uid_start, 1000);
	assert_int_equal(r.uid_end, 1999);
	assert_int_equal(r.ipproto, 17);
	assert_int_equal(r.sport_lo, 1024);
	assert_int_equal(r.sport_hi, 2048);
	assert_int_equal(r.dport_lo, 53);
	assert_int_equal(r.suppress_prefixlen, 0);
	assert_int_equal(r.suppress_ifgroup, BRT_RULE_NO_SUPPRESS);
	assert_int_equal(r.protocol, BRT_PROTO_STATIC);
	assert_int_equal(r.flags, BRT_RULE_F_INVERT | BRT_RULE_F_FWMARK |
			 BRT_RULE_F_UIDRANGE | BRT_RULE_F_IPPROTO |
			 BRT_RULE_F_SPORT | BRT_RULE_F_DPORT);
	frh->action = FR_ACT_GOTO;
	mnl_attr_put_u32(nlh, FRA_GOTO, 200);
	assert_int_equal(os_nl_decode_rule(buf, nlh->nlmsg_len, &r, err, sizeof(err)), 0);
	assert_int_equal(r.action, BRT_RULE_GOTO);
	assert_int_equal(r.goto_target, 200);
	frh->action = 4;	/* FR_ACT_RES3: not an action the model has */
	assert_int_equal(os_nl_decode_rule(buf, nlh->nlmsg_len, &r, err, sizeof(err)),
			 BRT_NL_SKIP);
}

static struct nlmsghdr *nh_group_msg(char *buf)
{
	struct nhmsg *nhm;
	struct nlmsghdr *nlh = msg(buf, RTM_NEWNEXTHOP, sizeof(*nhm), (void **)&nhm);
	struct nexthop_grp g[2];

	memset(g, 0, sizeof(g));
	g[0].id = 1;
	g[0].weight = 0;
	g[1].id = 2;
	g[1].weight = 4;
	mnl_attr_put_u32(nlh, NHA_ID, 10);
	mnl_attr_put(nlh, NHA_GROUP, sizeof(g), g);
	mnl_attr_put_u16(nlh, NHA_GROUP_TYPE, NEXTHOP_GRP_TYPE_MPATH);
	return nlh;
}

static void nexthop_fields(void **state)
{
	char buf[BUFSZ];
	struct nlmsghdr *nlh = nh_group_msg(buf);
	struct brt_nhgrp_member grp[4];
	struct brt_nhobj n;
	struct nhmsg *nhm;

	(void)state;
	assert_int_equal(os_nl_decode_nexthop(buf, nlh->nlmsg_len, &n, grp, 4,
					       err, sizeof(err)), 0);
	assert_int_equal(n.id, 10);
	assert_int_equal(n.group_count, 2);
	assert_int_equal(grp[0].id, 1);
	assert_int_equal(grp[0].weight, 1);
	assert_int_equal(grp[1].id, 2);
	assert_int_equal(grp[1].weight, 5);
	assert_int_equal(n.family, 0);
	assert_int_equal(os_nl_decode_nexthop(buf, nlh->nlmsg_len, &n, grp, 1,
					       err, sizeof(err)), BRT_ELIMIT);

	nlh = msg(buf, RTM_NEWNEXTHOP, sizeof(*nhm), (void **)&nhm);
	nhm->nh_family = AF_INET;
	nhm->nh_flags = RTNH_F_ONLINK;
	nhm->nh_protocol = RTPROT_STATIC;
	mnl_attr_put_u32(nlh, NHA_ID, 1);
	mnl_attr_put_u32(nlh, NHA_OIF, 7);
	put_v4(nlh, NHA_GATEWAY, "10.1.2.1");
	assert_int_equal(os_nl_decode_nexthop(buf, nlh->nlmsg_len, &n, grp, 4,
					       err, sizeof(err)), 0);
	assert_int_equal(n.family, BRT_AF_INET);
	assert_int_equal(n.ifindex, 7);
	assert_string_equal(fmt(&n.gw), "10.1.2.1");
	assert_int_equal(n.flags, BRT_NHOBJ_F_ONLINK);
	assert_int_equal(n.protocol, BRT_PROTO_STATIC);

	nlh = msg(buf, RTM_NEWNEXTHOP, sizeof(*nhm), (void **)&nhm);
	nhm->nh_family = AF_INET;
	mnl_attr_put_u32(nlh, NHA_ID, 3);
	mnl_attr_put(nlh, NHA_BLACKHOLE, 0, NULL);
	assert_int_equal(os_nl_decode_nexthop(buf, nlh->nlmsg_len, &n, grp, 4,
					       err, sizeof(err)), 0);
	assert_int_equal(n.flags, BRT_NHOBJ_F_BLACKHOLE);
	assert_int_equal(n.family, 0);
}

static struct nlmsghdr *label_msg(char *buf)
{
	struct ifaddrlblmsg *m;
	struct nlmsghdr *nlh = msg(buf, RTM_NEWADDRLABEL, sizeof(*m), (void **)&m);

	m->ifal_family = AF_INET6;
	m->ifal_prefixlen = 96;
	m->ifal_index = 0;
	put_v6(nlh, IFAL_ADDRESS, "::ffff:0:0");
	mnl_attr_put_u32(nlh, IFAL_LABEL, 4);
	return nlh;
}

static void addrlabel_fields(void **state)
{
	char buf[BUFSZ];
	struct nlmsghdr *nlh = label_msg(buf);
	struct brt_addrlabel l;
	char p[BRT_PREFIXSTRLEN];

	(void)state;
	assert_int_equal(os_nl_decode_addrlabel(buf, nlh->nlmsg_len, &l, err,
						 sizeof(err)), 0);
	brt_prefix_format(&l.prefix, p, sizeof(p));
	assert_string_equal(p, "::ffff:0.0.0.0/96");
	assert_int_equal(l.label, 4);
	assert_int_equal(l.ifindex, 0);
}

/* ------------------------------------------------------------ bad messages */

/* Every decoder on one message; the result code. */
static int decode_any(const void *buf, size_t len)
{
	static struct brt_nexthop nh[8];
	static struct brt_nhgrp_member grp[8];
	const struct nlmsghdr *nlh = buf;
	union {
		struct brt_link l;
		struct brt_address a;
		struct brt_route r;
		struct brt_rule ru;
		struct brt_nhobj n;
		struct brt_addrlabel al;
	} u;
	uint16_t type = len >= sizeof(*nlh) ? nlh->nlmsg_type : RTM_NEWLINK;

	switch (type) {
	case RTM_NEWADDR:
		return os_nl_decode_addr(buf, len, &u.a, err, sizeof(err));
	case RTM_NEWROUTE:
		return os_nl_decode_route(buf, len, 0, &u.r, nh, 8, err, sizeof(err));
	case RTM_NEWRULE:
		return os_nl_decode_rule(buf, len, &u.ru, err, sizeof(err));
	case RTM_NEWNEXTHOP:
		return os_nl_decode_nexthop(buf, len, &u.n, grp, 8, err, sizeof(err));
	case RTM_NEWADDRLABEL:
		return os_nl_decode_addrlabel(buf, len, &u.al, err, sizeof(err));
	default:
		return os_nl_decode_link(buf, len, &u.l, err, sizeof(err));
	}
}

typedef struct nlmsghdr *(*builder_fn)(char *buf);
static const builder_fn builders[] = {link_msg, addr4_msg, route_mp_msg,
				      rule_msg, nh_group_msg, label_msg};
#define N_BUILDERS (sizeof(builders) / sizeof(builders[0]))

static void truncated_messages(void **state)
{
	char buf[BUFSZ];
	size_t i, cut;

	(void)state;
	for (i = 0; i < N_BUILDERS; i++) {
		struct nlmsghdr *nlh = builders[i](buf);
		size_t len = nlh->nlmsg_len;

		assert_int_equal(decode_any(buf, len), 0);
		/* fewer bytes than the header claims */
		for (cut = 0; cut < len; cut++) {
			err[0] = 0;
			assert_int_equal(decode_any(buf, cut), BRT_EPARSE);
			assert_true(strlen(err) > 0);
		}
	}
}

static void short_family_header(void **state)
{
	char buf[BUFSZ];
	size_t i;

	(void)state;
	for (i = 0; i < N_BUILDERS; i++) {
		struct nlmsghdr *nlh = builders[i](buf);

		nlh->nlmsg_len = MNL_NLMSG_HDRLEN + 2;	/* header and 2 bytes */
		assert_int_equal(decode_any(buf, nlh->nlmsg_len), BRT_EPARSE);
		assert_non_null(strstr(err, "family header"));
	}
}

/* An attribute whose length runs past the message end. */
static void lying_attribute_lengths(void **state)
{
	char buf[BUFSZ];
	size_t i;

	(void)state;
	for (i = 0; i < N_BUILDERS; i++) {
		struct nlmsghdr *nlh = builders[i](buf);
		struct nlattr *last = NULL, *a;

		/* the last top-level attribute: walk them */
		for (a = (struct nlattr *)((char *)mnl_nlmsg_get_payload(nlh) +
					  MNL_ALIGN(((size_t[]){sizeof(struct ifinfomsg),
						sizeof(struct ifaddrmsg), sizeof(struct rtmsg),
						sizeof(struct fib_rule_hdr), sizeof(struct nhmsg),
						sizeof(struct ifaddrlblmsg)})[i]));
		     (char *)a < (char *)mnl_nlmsg_get_payload_tail(nlh);
		     a = mnl_attr_next(a))
			last = a;
		assert_non_null(last);
		last->nla_len += 8;
		assert_int_equal(decode_any(buf, nlh->nlmsg_len), BRT_EPARSE);
		assert_non_null(strstr(err, "claims more"));
		last->nla_len = 2;	/* shorter than an attribute header */
		assert_int_equal(decode_any(buf, nlh->nlmsg_len), BRT_EPARSE);
	}
}

static void wrong_attribute_sizes(void **state)
{
	char buf[BUFSZ];
	struct rtmsg *rtm;
	struct nlmsghdr *nlh = msg(buf, RTM_NEWROUTE, sizeof(*rtm), (void **)&rtm);
	struct brt_nexthop nh[2];
	struct brt_route r;
	uint16_t two = 2;

	(void)state;
	rtm->rtm_family = AF_INET;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_type = RTN_UNICAST;
	mnl_attr_put(nlh, RTA_OIF, sizeof(two), &two);
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 2,
					     err, sizeof(err)), BRT_EPARSE);
	nlh = msg(buf, RTM_NEWROUTE, sizeof(*rtm), (void **)&rtm);
	rtm->rtm_family = AF_INET;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_type = RTN_UNICAST;
	put_v6(nlh, RTA_GATEWAY, "::1");	/* 16 bytes in an IPv4 route */
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 2,
					     err, sizeof(err)), BRT_EPARSE);
	/* a prefix length without the address */
	nlh = msg(buf, RTM_NEWROUTE, sizeof(*rtm), (void **)&rtm);
	rtm->rtm_family = AF_INET;
	rtm->rtm_dst_len = 24;
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_type = RTN_UNICAST;
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 2,
					     err, sizeof(err)), BRT_EPARSE);
	/* an interface name without its terminating NUL */
	nlh = link_msg(buf);
	nlh = msg(buf, RTM_NEWLINK, sizeof(struct ifinfomsg), (void **)&rtm);
	((struct ifinfomsg *)(void *)rtm)->ifi_index = 3;
	mnl_attr_put(nlh, IFLA_IFNAME, 4, "eth0");
	assert_int_equal(decode_any(buf, nlh->nlmsg_len), BRT_EPARSE);
}

static void lying_multipath_entry(void **state)
{
	char buf[BUFSZ];
	struct nlmsghdr *nlh = route_mp_msg(buf);
	struct brt_nexthop nh[4];
	struct brt_route r;
	struct nlattr *a;
	struct rtnexthop *rtnh;

	(void)state;
	mnl_attr_for_each(a, nlh, sizeof(struct rtmsg))
		if (mnl_attr_get_type(a) == RTA_MULTIPATH)
			break;
	rtnh = mnl_attr_get_payload(a);
	rtnh->rtnh_len = 200;
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 4,
					     err, sizeof(err)), BRT_EPARSE);
	assert_non_null(strstr(err, "multipath entry 1"));
	rtnh->rtnh_len = 3;
	assert_int_equal(os_nl_decode_route(buf, nlh->nlmsg_len, 0, &r, nh, 4,
					     err, sizeof(err)), BRT_EPARSE);
}

static void unknown_attributes_ignored(void **state)
{
	char buf[BUFSZ];
	size_t i;

	(void)state;
	for (i = 0; i < N_BUILDERS; i++) {
		struct nlmsghdr *nlh = builders[i](buf);

		mnl_attr_put_u32(nlh, 200, 1);		/* past every *_MAX */
		mnl_attr_put_u64(nlh, 0, 7);		/* UNSPEC */
		assert_int_equal(decode_any(buf, nlh->nlmsg_len), 0);
	}
}

static void wrong_message_type(void **state)
{
	char buf[BUFSZ];
	struct nlmsghdr *nlh = link_msg(buf);
	struct brt_address a;

	(void)state;
	assert_int_equal(os_nl_decode_addr(buf, nlh->nlmsg_len, &a, err,
					    sizeof(err)), BRT_EPARSE);
	assert_non_null(strstr(err, "unexpected type"));
}

/* Random corruption: any result, but a clean one and no crash. */
static void random_corruption(void **state)
{
	char buf[BUFSZ];
	unsigned seed = 12345;
	int round, k;

	(void)state;
	for (round = 0; round < 20000; round++) {
		struct nlmsghdr *nlh = builders[round % N_BUILDERS](buf);
		size_t len = nlh->nlmsg_len;
		int e;

		for (k = 0; k < 1 + round % 4; k++) {
			seed = seed * 1103515245u + 12345u;
			buf[MNL_NLMSG_HDRLEN + (seed >> 8) % (len - MNL_NLMSG_HDRLEN)] =
				(char)(seed >> 20);
		}
		e = decode_any(buf, len);
		assert_true(e == 0 || e == BRT_NL_SKIP || e == BRT_EPARSE ||
			    e == BRT_ELIMIT);
	}
}

/* ------------------------------------------------------------- reply side */

static void reply_sender_and_sequence(void **state)
{
	char buf[BUFSZ];
	struct nlmsghdr *nlh = link_msg(buf);

	(void)state;
	nlh->nlmsg_pid = 4242;
	nlh->nlmsg_seq = 17;
	assert_int_equal(os_nl_reply_check(nlh, 0, 4242, 17, err, sizeof(err)), 0);
	assert_int_equal(os_nl_reply_check(nlh, 999, 4242, 17, err, sizeof(err)),
			 BRT_EPARSE);
	assert_non_null(strstr(err, "not by the kernel"));
	assert_int_equal(os_nl_reply_check(nlh, 0, 4242, 18, err, sizeof(err)),
			 BRT_EPARSE);
	assert_non_null(strstr(err, "sequence"));
	assert_int_equal(os_nl_reply_check(nlh, 0, 4243, 17, err, sizeof(err)),
			 BRT_EPARSE);
	nlh->nlmsg_seq = 0;	/* notifications carry 0: never a reply */
	assert_int_equal(os_nl_reply_check(nlh, 0, 4242, 17, err, sizeof(err)),
			 BRT_EPARSE);
}

static void dump_intr_retry(void **state)
{
	(void)state;
	assert_true(os_nl_dump_intr_retry(BRT_NL_INTR, 0));
	assert_true(os_nl_dump_intr_retry(BRT_NL_INTR, 3));
	assert_false(os_nl_dump_intr_retry(BRT_NL_INTR, 100));	/* bounded */
	assert_false(os_nl_dump_intr_retry(0, 0));
	assert_false(os_nl_dump_intr_retry(BRT_EIO, 0));
}

static void extended_ack_text(void **state)
{
	char buf[BUFSZ], text[64];
	struct nlmsghdr *nlh;
	struct nlmsgerr *e;

	(void)state;
	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = NLM_F_CAPPED | NLM_F_ACK_TLVS;
	e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));
	e->error = -EINVAL;
	e->msg.nlmsg_len = 100;
	mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, "Invalid header for route dump");
	assert_int_equal(os_nl_error_text(nlh, text, sizeof(text)), EINVAL);
	assert_string_equal(text, "Invalid header for route dump");
	/* an ack without text */
	nlh->nlmsg_flags = NLM_F_CAPPED;
	e->error = 0;
	assert_int_equal(os_nl_error_text(nlh, text, sizeof(text)), 0);
	assert_string_equal(text, "");
	/* text that lies about its length */
	nlh->nlmsg_flags = NLM_F_CAPPED | NLM_F_ACK_TLVS;
	((struct nlattr *)(e + 1))->nla_len = 500;
	assert_int_equal(os_nl_error_text(nlh, text, sizeof(text)), -1);
	/* an error message too short for its errno */
	nlh->nlmsg_len = MNL_NLMSG_HDRLEN + 2;
	assert_int_equal(os_nl_error_text(nlh, text, sizeof(text)), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(link_fields),
		cmocka_unit_test(addr_fields),
		cmocka_unit_test(route_fields),
		cmocka_unit_test(route_delete_notice),
		cmocka_unit_test(route_single_cloned_and_nhid),
		cmocka_unit_test(route_expires_from_cacheinfo),
		cmocka_unit_test(rule_fields),
		cmocka_unit_test(nexthop_fields),
		cmocka_unit_test(addrlabel_fields),
		cmocka_unit_test(truncated_messages),
		cmocka_unit_test(short_family_header),
		cmocka_unit_test(lying_attribute_lengths),
		cmocka_unit_test(wrong_attribute_sizes),
		cmocka_unit_test(lying_multipath_entry),
		cmocka_unit_test(unknown_attributes_ignored),
		cmocka_unit_test(wrong_message_type),
		cmocka_unit_test(random_corruption),
		cmocka_unit_test(reply_sender_and_sequence),
		cmocka_unit_test(dump_intr_retry),
		cmocka_unit_test(extended_ack_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
