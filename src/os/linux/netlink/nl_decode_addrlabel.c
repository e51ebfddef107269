/*
 * nl_decode_addrlabel.c - RTM_NEWADDRLABEL bytes to a struct
 * brt_addrlabel (pure). Labels exist for IPv6 only.
 */
#include <string.h>

#include <linux/if_addrlabel.h>
#include <linux/rtnetlink.h>

#include "model/model.h"
#include "netlink/nl.h"

static const struct brt_nl_pol label_pol[IFAL_MAX + 1] = {
	[IFAL_ADDRESS] = {BRT_NLA_ADDR, 0},
	[IFAL_LABEL] = {BRT_NLA_EXACT, 4},
};

int os_nl_decode_addrlabel(const void *buf, size_t len,
			    struct brt_addrlabel *l, char *err, size_t errlen)
{
	const struct nlattr *tb[IFAL_MAX + 1];
	const struct ifaddrlblmsg *m;
	struct brt_addr a;
	int e;

	e = os_nl_check_msg(buf, len, RTM_NEWADDRLABEL, RTM_NEWADDRLABEL,
			     sizeof(*m), "address label", err, errlen);
	if (e)
		return e;
	m = mnl_nlmsg_get_payload(buf);
	if (m->ifal_family != BRT_AF_INET6)
		return BRT_NL_SKIP;
	e = os_nl_parse_attrs(buf, sizeof(*m), tb, IFAL_MAX, label_pol,
			       BRT_AF_INET6, "address label", err, errlen);
	if (e)
		return e;
	if (!tb[IFAL_ADDRESS] || !tb[IFAL_LABEL] || m->ifal_prefixlen > 128)
		return os_nl_fail(err, errlen, "address label",
				   "needs an address, a label and a prefix length up to 128");
	memset(l, 0, sizeof(*l));
	os_nl_get_addr(tb[IFAL_ADDRESS], BRT_AF_INET6, &a);
	core_prefix_make(&l->prefix, &a, m->ifal_prefixlen);
	l->ifindex = m->ifal_index;
	l->label = mnl_attr_get_u32(tb[IFAL_LABEL]);
	return 0;
}
