/*
 * nl_decode_addr.c - RTM_NEWADDR bytes to a struct brt_address (pure).
 *
 * IPv4 carries the local address in IFA_LOCAL and the peer (or the same
 * address) in IFA_ADDRESS; IPv6 uses IFA_ADDRESS alone unless a peer was
 * given. IFA_FLAGS (32 bits) supersedes the 8-bit ifa_flags. Bit 0x01 is
 * "secondary" for IPv4 and "temporary" for IPv6: the kernel shares it.
 */
#include <string.h>

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

#include "netlink/nl.h"

static const struct brt_nl_pol addr_pol[IFA_MAX + 1] = {
	[IFA_ADDRESS] = {BRT_NLA_ADDR, 0},
	[IFA_LOCAL] = {BRT_NLA_ADDR, 0},
	[IFA_BROADCAST] = {BRT_NLA_ADDR, 0},
	[IFA_LABEL] = {BRT_NLA_NAME, 0},
	[IFA_CACHEINFO] = {BRT_NLA_EXACT, sizeof(struct ifa_cacheinfo)},
	[IFA_FLAGS] = {BRT_NLA_EXACT, 4},
	[IFA_RT_PRIORITY] = {BRT_NLA_EXACT, 4},
};

static const struct {
	uint32_t kernel, model;
} addr_flags[] = {
	{IFA_F_NODAD, BRT_ADDR_F_NODAD},
	{IFA_F_OPTIMISTIC, BRT_ADDR_F_OPTIMISTIC},
	{IFA_F_DADFAILED, BRT_ADDR_F_DADFAILED},
	{IFA_F_HOMEADDRESS, BRT_ADDR_F_HOMEADDRESS},
	{IFA_F_DEPRECATED, BRT_ADDR_F_DEPRECATED},
	{IFA_F_TENTATIVE, BRT_ADDR_F_TENTATIVE},
	{IFA_F_PERMANENT, BRT_ADDR_F_PERMANENT},
	{IFA_F_MANAGETEMPADDR, BRT_ADDR_F_MNGTMPADDR},
	{IFA_F_NOPREFIXROUTE, BRT_ADDR_F_NOPREFIXROUTE},
};

static uint32_t map_flags(uint32_t kf, uint8_t family)
{
	uint32_t f = 0;
	size_t i;

	if (kf & IFA_F_SECONDARY)	/* == IFA_F_TEMPORARY */
		f |= family == BRT_AF_INET ? BRT_ADDR_F_SECONDARY
					   : BRT_ADDR_F_TEMPORARY;
	for (i = 0; i < sizeof(addr_flags) / sizeof(addr_flags[0]); i++)
		if (kf & addr_flags[i].kernel)
			f |= addr_flags[i].model;
	return f;
}

static void fill_addrs(struct brt_address *a, const struct nlattr **tb,
		       uint8_t family)
{
	const struct nlattr *local = tb[IFA_LOCAL] ? tb[IFA_LOCAL] : tb[IFA_ADDRESS];

	os_nl_get_addr(local, family, &a->addr);
	if (tb[IFA_LOCAL] && tb[IFA_ADDRESS]) {
		os_nl_get_addr(tb[IFA_ADDRESS], family, &a->peer);
		if (brt_addr_equal(&a->peer, &a->addr))
			memset(&a->peer, 0, sizeof(a->peer));
	}
	if (tb[IFA_BROADCAST] && family == BRT_AF_INET)
		os_nl_get_addr(tb[IFA_BROADCAST], family, &a->broadcast);
}

int os_nl_decode_addr(const void *buf, size_t len, struct brt_address *a,
		       char *err, size_t errlen)
{
	const struct nlattr *tb[IFA_MAX + 1];
	const struct ifaddrmsg *ifa;
	int e;

	e = os_nl_check_msg(buf, len, RTM_NEWADDR, RTM_NEWADDR, sizeof(*ifa),
			     "address", err, errlen);
	if (e)
		return e;
	ifa = mnl_nlmsg_get_payload(buf);
	if (ifa->ifa_family != BRT_AF_INET && ifa->ifa_family != BRT_AF_INET6)
		return BRT_NL_SKIP;
	e = os_nl_parse_attrs(buf, sizeof(*ifa), tb, IFA_MAX, addr_pol,
			       ifa->ifa_family, "address", err, errlen);
	if (e)
		return e;
	if (!tb[IFA_LOCAL] && !tb[IFA_ADDRESS])
		return os_nl_fail(err, errlen, "address", "no address attribute");
	if (!ifa->ifa_index || ifa->ifa_prefixlen > (ifa->ifa_family == BRT_AF_INET ? 32 : 128))
		return os_nl_fail(err, errlen, "address",
				   "index %u, prefix length %u", ifa->ifa_index,
				   ifa->ifa_prefixlen);
	brt_address_init(a);
	fill_addrs(a, tb, ifa->ifa_family);
	a->ifindex = ifa->ifa_index;
	a->plen = ifa->ifa_prefixlen;
	a->scope = ifa->ifa_scope;
	a->flags = map_flags(tb[IFA_FLAGS] ? mnl_attr_get_u32(tb[IFA_FLAGS])
					   : ifa->ifa_flags, ifa->ifa_family);
	if (tb[IFA_CACHEINFO]) {
		const struct ifa_cacheinfo *ci = mnl_attr_get_payload(tb[IFA_CACHEINFO]);

		a->valid_lft = ci->ifa_valid;
		a->preferred_lft = ci->ifa_prefered;
	}
	if (tb[IFA_RT_PRIORITY])
		a->metric = mnl_attr_get_u32(tb[IFA_RT_PRIORITY]);
	if (tb[IFA_LABEL])
		strcpy(a->label, mnl_attr_get_str(tb[IFA_LABEL]));
	return 0;
}
