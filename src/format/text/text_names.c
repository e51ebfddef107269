/*
 * text_names.c - the words of the text format for numbered things, and
 * the defaults the reader applies (and so the writer may leave out).
 *
 * Names are iproute2's (rt_protos, rt_scopes, route types), so that `ip`
 * output reads back; any number is accepted where a name is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

struct name_num {
	const char *name;
	unsigned num;
};

static int lookup(const struct name_num *t, size_t n, const char *s,
		  unsigned max)
{
	char *end;
	unsigned long v;
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(t[i].name, s))
			return (int)t[i].num;
	if (*s < '0' || *s > '9')
		return -1;
	v = strtoul(s, &end, 0);
	return *end || v > max ? -1 : (int)v;
}

static const char *name_of(const struct name_num *t, size_t n, unsigned v,
			   char buf[12])
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].num == v)
			return t[i].name;
	snprintf(buf, 12, "%u", v);
	return buf;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct name_num scopes[] = {
	{"global", 0}, {"site", 200}, {"link", 253}, {"host", 254},
	{"nowhere", 255}, {"universe", 0},
};

int fmt_txt_scope_parse(const char *s)
{
	return lookup(scopes, N(scopes), s, 255);
}

const char *fmt_txt_scope_name(unsigned scope, char buf[12])
{
	return name_of(scopes, N(scopes), scope, buf);
}

static const struct name_num protos[] = {
	{"unspec", 0}, {"redirect", 1}, {"kernel", 2}, {"boot", 3},
	{"static", 4}, {"gated", 8}, {"ra", 9}, {"mrt", 10}, {"zebra", 11},
	{"bird", 12}, {"dnrouted", 13}, {"xorp", 14}, {"ntk", 15},
	{"dhcp", 16}, {"keepalived", 18}, {"babel", 42}, {"openr", 99},
	{"bgp", 186}, {"isis", 187}, {"ospf", 188}, {"rip", 189},
	{"eigrp", 192},
};

int fmt_txt_proto_parse(const char *s)
{
	return lookup(protos, N(protos), s, 255);
}

const char *fmt_txt_proto_name(unsigned proto, char buf[12])
{
	return name_of(protos, N(protos), proto, buf);
}

static const struct name_num rtypes[] = {
	{"unicast", BRT_RT_UNICAST}, {"local", BRT_RT_LOCAL},
	{"broadcast", BRT_RT_BROADCAST}, {"anycast", BRT_RT_ANYCAST},
	{"multicast", BRT_RT_MULTICAST}, {"blackhole", BRT_RT_BLACKHOLE},
	{"unreachable", BRT_RT_UNREACHABLE}, {"prohibit", BRT_RT_PROHIBIT},
	{"throw", BRT_RT_THROW},
};

int fmt_txt_rtype_parse(const char *s)
{
	size_t i;

	for (i = 0; i < N(rtypes); i++)
		if (!strcmp(rtypes[i].name, s))
			return (int)rtypes[i].num;
	return -1;
}

const char *fmt_txt_rtype_name(unsigned type)
{
	size_t i;

	for (i = 0; i < N(rtypes); i++)
		if (rtypes[i].num == type)
			return rtypes[i].name;
	return "unicast";
}

/* /etc/protocols names `ip` prints; the first name of a number is ours. */
static const struct name_num ipprotos[] = {
	{"icmp", 1}, {"igmp", 2}, {"tcp", 6}, {"udp", 17}, {"dccp", 33},
	{"ipv6", 41}, {"gre", 47}, {"esp", 50}, {"ah", 51},
	{"ipv6-icmp", 58}, {"sctp", 132}, {"udplite", 136}, {"ip", 0},
	{"ipip", 4}, {"egp", 8}, {"rsvp", 46}, {"icmpv6", 58}, {"pim", 103},
};

int fmt_txt_ipproto_parse(const char *s)
{
	return lookup(ipprotos, N(ipprotos), s, 255);
}

const char *fmt_txt_ipproto_name(unsigned p, char buf[12])
{
	return name_of(ipprotos, N(ipprotos), p, buf);
}

static const struct name_num linktypes[] = {
	{"other", BRT_LINK_OTHER}, {"ethernet", BRT_LINK_ETHERNET},
	{"loopback", BRT_LINK_LOOPBACK}, {"tunnel", BRT_LINK_TUNNEL},
	{"ppp", BRT_LINK_PPP}, {"wireless", BRT_LINK_WIRELESS},
};

int fmt_txt_linktype_parse(const char *s)
{
	size_t i;

	for (i = 0; i < N(linktypes); i++)
		if (!strcmp(linktypes[i].name, s))
			return (int)linktypes[i].num;
	return -1;
}

const char *fmt_txt_linktype_name(unsigned type)
{
	return type < N(linktypes) ? linktypes[type].name : "other";
}

static const struct name_num addrflags[] = {
	{"secondary", BRT_ADDR_F_SECONDARY},
	{"deprecated", BRT_ADDR_F_DEPRECATED},
	{"tentative", BRT_ADDR_F_TENTATIVE},
	{"temporary", BRT_ADDR_F_TEMPORARY},
	{"skip-as-source", BRT_ADDR_F_SKIP_AS_SOURCE},
	{"noprefixroute", BRT_ADDR_F_NOPREFIXROUTE},
	{"optimistic", BRT_ADDR_F_OPTIMISTIC},
	{"dadfailed", BRT_ADDR_F_DADFAILED},
	{"home", BRT_ADDR_F_HOMEADDRESS},
	{"mngtmpaddr", BRT_ADDR_F_MNGTMPADDR},
	{"nodad", BRT_ADDR_F_NODAD},
	{"permanent", BRT_ADDR_F_PERMANENT},
};

uint32_t fmt_txt_addrflag_parse(const char *s)
{
	size_t i;

	for (i = 0; i < N(addrflags); i++)
		if (!strcmp(addrflags[i].name, s))
			return addrflags[i].num;
	return 0;
}

const char *fmt_txt_addrflag_name(uint32_t bit)
{
	size_t i;

	for (i = 0; i < N(addrflags); i++)
		if (addrflags[i].num == bit)
			return addrflags[i].name;
	return NULL;
}

uint8_t fmt_txt_addr_scope_default(const struct brt_addr *a)
{
	static const uint8_t one[16] = {[15] = 1};

	if (a->family == BRT_AF_INET)
		return a->bytes[0] == 127 ? BRT_SCOPE_HOST : BRT_SCOPE_UNIVERSE;
	if (!memcmp(a->bytes, one, 16))
		return BRT_SCOPE_HOST;
	if (a->bytes[0] == 0xfe && (a->bytes[1] & 0xc0) == 0x80)
		return BRT_SCOPE_LINK;
	return BRT_SCOPE_UNIVERSE;
}

/* `ip route add` puts local, broadcast and anycast routes in table local. */
uint32_t fmt_txt_route_table_default(unsigned type)
{
	return type == BRT_RT_LOCAL || type == BRT_RT_BROADCAST ||
			       type == BRT_RT_ANYCAST
		       ? BRT_TABLE_LOCAL : BRT_TABLE_MAIN;
}

/* `ip route add`'s choice for IPv4: host for local, link for broadcast,
 * multicast, anycast and gatewayless unicast, else global. */
unsigned fmt_txt_route_scope_default(const struct brt_route *r)
{
	if (r->family != BRT_AF_INET)
		return BRT_SCOPE_UNIVERSE;
	switch (r->type) {
	case BRT_RT_LOCAL:
		return BRT_SCOPE_HOST;
	case BRT_RT_BROADCAST: case BRT_RT_MULTICAST: case BRT_RT_ANYCAST:
		return BRT_SCOPE_LINK;
	case BRT_RT_UNICAST:
		if (!r->nh_id && r->nh_count == 1 && !r->nh[0].gw.family &&
		    r->nh[0].ifindex)
			return BRT_SCOPE_LINK;
		return BRT_SCOPE_UNIVERSE;
	default:
		return BRT_SCOPE_UNIVERSE;
	}
}

uint32_t fmt_txt_route_metric_default(unsigned family, unsigned proto)
{
	if (family != BRT_AF_INET6)
		return 0;
	return proto == BRT_PROTO_KERNEL ? 256 : 1024;
}

uint32_t fmt_txt_link_mtu_default(unsigned type)
{
	return type == BRT_LINK_LOOPBACK ? 65536 : 1500;
}

const char *brt_word_name(int kind, unsigned value, char *buf)
{
	if (!buf)
		return NULL;
	switch (kind) {
	case BRT_WORD_PROTOCOL:
		return fmt_txt_proto_name(value, buf);
	case BRT_WORD_SCOPE:
		return fmt_txt_scope_name(value, buf);
	}
	return NULL;
}
