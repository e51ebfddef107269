/*
 * nl_decode_link.c - RTM_NEWLINK bytes to a struct brt_link (pure).
 *
 * Carrier is the kernel's netif_carrier_ok (IFLA_CARRIER) when present,
 * because that is what marks routes "linkdown"; IFF_LOWER_UP otherwise.
 * Wireless links are recognised by IFLA_WIRELESS here; the dump adds the
 * sysfs check (not pure, so not here).
 */
#include <string.h>

#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/rtnetlink.h>

#include "netlink/nl.h"

static const struct brt_nl_pol link_pol[IFLA_MAX + 1] = {
	[IFLA_IFNAME] = {BRT_NLA_NAME, 0},
	[IFLA_MTU] = {BRT_NLA_EXACT, 4},
	[IFLA_MASTER] = {BRT_NLA_EXACT, 4},
	[IFLA_CARRIER] = {BRT_NLA_EXACT, 1},
	[IFLA_GROUP] = {BRT_NLA_EXACT, 4},
	[IFLA_WIRELESS] = {BRT_NLA_MIN, 0},
};

static uint8_t link_type(uint16_t arphrd)
{
	switch (arphrd) {
	case ARPHRD_LOOPBACK:
		return BRT_LINK_LOOPBACK;
	case ARPHRD_ETHER:
		return BRT_LINK_ETHERNET;
	case ARPHRD_PPP:
		return BRT_LINK_PPP;
	case ARPHRD_NONE: case ARPHRD_TUNNEL: case ARPHRD_TUNNEL6:
	case ARPHRD_SIT: case ARPHRD_IPGRE: case ARPHRD_IP6GRE:
		return BRT_LINK_TUNNEL;
	default:
		return BRT_LINK_OTHER;
	}
}

int os_nl_decode_link(const void *buf, size_t len, struct brt_link *l,
		       char *err, size_t errlen)
{
	const struct nlattr *tb[IFLA_MAX + 1];
	const struct ifinfomsg *ifi;
	int e;

	e = os_nl_check_msg(buf, len, RTM_NEWLINK, RTM_NEWLINK, sizeof(*ifi),
			     "link", err, errlen);
	if (e)
		return e;
	ifi = mnl_nlmsg_get_payload(buf);
	e = os_nl_parse_attrs(buf, sizeof(*ifi), tb, IFLA_MAX, link_pol, 0,
			       "link", err, errlen);
	if (e)
		return e;
	if (ifi->ifi_index <= 0 || !tb[IFLA_IFNAME])
		return os_nl_fail(err, errlen, "link",
				   "index %d without a name", ifi->ifi_index);
	brt_link_init(l);
	strcpy(l->name, mnl_attr_get_str(tb[IFLA_IFNAME]));
	l->index = (uint32_t)ifi->ifi_index;
	l->type = link_type(ifi->ifi_type);
	if (l->type == BRT_LINK_ETHERNET && tb[IFLA_WIRELESS])
		l->type = BRT_LINK_WIRELESS;
	l->mtu = tb[IFLA_MTU] ? mnl_attr_get_u32(tb[IFLA_MTU]) : 0;
	l->master = tb[IFLA_MASTER] ? mnl_attr_get_u32(tb[IFLA_MASTER]) : 0;
	l->group = tb[IFLA_GROUP] ? mnl_attr_get_u32(tb[IFLA_GROUP]) : 0;
	l->flags = 0;
	if (ifi->ifi_flags & IFF_UP)
		l->flags |= BRT_LINK_F_UP;
	if (tb[IFLA_CARRIER] ? mnl_attr_get_u8(tb[IFLA_CARRIER]) != 0
			     : (ifi->ifi_flags & IFF_LOWER_UP) != 0)
		l->flags |= BRT_LINK_F_CARRIER;
	return 0;
}
