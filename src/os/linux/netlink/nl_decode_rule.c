/*
 * nl_decode_rule.c - RTM_NEWRULE bytes to a struct brt_rule (pure).
 *
 * The kernel omits selectors that are unset, so absence means "any":
 * no FRA_PRIORITY is priority 0, no FRA_SUPPRESS_* is "none" (its -1).
 * FRA_TABLE supersedes the 8-bit frh table. Newer kernels give DSCP
 * (FRA_DSCP) instead of tos; the model keeps it as the tos byte.
 * Actions the model lacks are skipped rather than guessed.
 */
#include <string.h>

#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>

#include "model/model.h"
#include "netlink/nl.h"

/* Attributes newer than the installed headers. */
#define BRT_FRA_DSCP (FRA_DPORT_RANGE + 1)
#define BRT_FRA_MAX BRT_FRA_DSCP

static const struct brt_nl_pol rule_pol[BRT_FRA_MAX + 1] = {
	[FRA_DST] = {BRT_NLA_ADDR, 0},
	[FRA_SRC] = {BRT_NLA_ADDR, 0},
	[FRA_IIFNAME] = {BRT_NLA_NAME, 0},
	[FRA_OIFNAME] = {BRT_NLA_NAME, 0},
	[FRA_GOTO] = {BRT_NLA_EXACT, 4},
	[FRA_PRIORITY] = {BRT_NLA_EXACT, 4},
	[FRA_FWMARK] = {BRT_NLA_EXACT, 4},
	[FRA_FWMASK] = {BRT_NLA_EXACT, 4},
	[FRA_SUPPRESS_IFGROUP] = {BRT_NLA_EXACT, 4},
	[FRA_SUPPRESS_PREFIXLEN] = {BRT_NLA_EXACT, 4},
	[FRA_TABLE] = {BRT_NLA_EXACT, 4},
	[FRA_L3MDEV] = {BRT_NLA_EXACT, 1},
	[FRA_UID_RANGE] = {BRT_NLA_EXACT, sizeof(struct fib_rule_uid_range)},
	[FRA_PROTOCOL] = {BRT_NLA_EXACT, 1},
	[FRA_IP_PROTO] = {BRT_NLA_EXACT, 1},
	[FRA_SPORT_RANGE] = {BRT_NLA_EXACT, sizeof(struct fib_rule_port_range)},
	[FRA_DPORT_RANGE] = {BRT_NLA_EXACT, sizeof(struct fib_rule_port_range)},
	[BRT_FRA_DSCP] = {BRT_NLA_EXACT, 1},
};

static void get_prefix(const struct nlattr *a, uint8_t family, uint8_t len,
		       struct brt_prefix *p)
{
	struct brt_addr addr;

	if (!a || !len)
		return;	/* "all": family 0, length 0 */
	os_nl_get_addr(a, family, &addr);
	core_prefix_make(p, &addr, len);
}

static void get_range(const struct nlattr *a, uint16_t *lo, uint16_t *hi)
{
	struct fib_rule_port_range pr;

	memcpy(&pr, mnl_attr_get_payload(a), sizeof(pr));
	*lo = pr.start;
	*hi = pr.end;
}

static void fill_selectors(struct brt_rule *r, const struct nlattr **tb)
{
	if (tb[FRA_FWMARK] || tb[FRA_FWMASK]) {
		r->flags |= BRT_RULE_F_FWMARK;
		r->fwmark = tb[FRA_FWMARK] ? mnl_attr_get_u32(tb[FRA_FWMARK]) : 0;
		r->fwmask = tb[FRA_FWMASK] ? mnl_attr_get_u32(tb[FRA_FWMASK])
					   : 0xffffffffu;
	}
	if (tb[FRA_UID_RANGE]) {
		struct fib_rule_uid_range u;

		memcpy(&u, mnl_attr_get_payload(tb[FRA_UID_RANGE]), sizeof(u));
		r->flags |= BRT_RULE_F_UIDRANGE;
		r->uid_start = u.start;
		r->uid_end = u.end;
	}
	if (tb[FRA_SPORT_RANGE]) {
		r->flags |= BRT_RULE_F_SPORT;
		get_range(tb[FRA_SPORT_RANGE], &r->sport_lo, &r->sport_hi);
	}
	if (tb[FRA_DPORT_RANGE]) {
		r->flags |= BRT_RULE_F_DPORT;
		get_range(tb[FRA_DPORT_RANGE], &r->dport_lo, &r->dport_hi);
	}
	if (tb[FRA_IP_PROTO] && mnl_attr_get_u8(tb[FRA_IP_PROTO])) {
		r->flags |= BRT_RULE_F_IPPROTO;
		r->ipproto = mnl_attr_get_u8(tb[FRA_IP_PROTO]);
	}
	if (tb[FRA_L3MDEV] && mnl_attr_get_u8(tb[FRA_L3MDEV]))
		r->flags |= BRT_RULE_F_L3MDEV;
	if (tb[FRA_IIFNAME])
		strcpy(r->iif, mnl_attr_get_str(tb[FRA_IIFNAME]));
	if (tb[FRA_OIFNAME])
		strcpy(r->oif, mnl_attr_get_str(tb[FRA_OIFNAME]));
	if (tb[BRT_FRA_DSCP])
		r->tos = (uint8_t)(mnl_attr_get_u8(tb[BRT_FRA_DSCP]) << 2);
}

static void fill_action(struct brt_rule *r, const struct fib_rule_hdr *frh,
			const struct nlattr **tb)
{
	r->action = frh->action;
	r->table = tb[FRA_TABLE] ? mnl_attr_get_u32(tb[FRA_TABLE]) : frh->table;
	if (r->action != BRT_RULE_LOOKUP)
		r->table = 0;
	if (tb[FRA_GOTO])
		r->goto_target = mnl_attr_get_u32(tb[FRA_GOTO]);
	if (tb[FRA_SUPPRESS_PREFIXLEN])
		r->suppress_prefixlen = mnl_attr_get_u32(tb[FRA_SUPPRESS_PREFIXLEN]);
	if (tb[FRA_SUPPRESS_IFGROUP])
		r->suppress_ifgroup = mnl_attr_get_u32(tb[FRA_SUPPRESS_IFGROUP]);
	if (tb[FRA_PROTOCOL])
		r->protocol = mnl_attr_get_u8(tb[FRA_PROTOCOL]);
}

int os_nl_decode_rule(const void *buf, size_t len, struct brt_rule *r,
		       char *err, size_t errlen)
{
	const struct nlattr *tb[BRT_FRA_MAX + 1];
	const struct fib_rule_hdr *frh;
	unsigned bits;
	int e;

	e = os_nl_check_msg(buf, len, RTM_NEWRULE, RTM_NEWRULE, sizeof(*frh),
			     "rule", err, errlen);
	if (e)
		return e;
	frh = mnl_nlmsg_get_payload(buf);
	if (frh->family != BRT_AF_INET && frh->family != BRT_AF_INET6)
		return BRT_NL_SKIP;
	e = os_nl_parse_attrs(buf, sizeof(*frh), tb, BRT_FRA_MAX, rule_pol,
			       frh->family, "rule", err, errlen);
	if (e)
		return e;
	bits = frh->family == BRT_AF_INET ? 32 : 128;
	if (frh->dst_len > bits || frh->src_len > bits ||
	    (frh->dst_len && !tb[FRA_DST]) || (frh->src_len && !tb[FRA_SRC]))
		return os_nl_fail(err, errlen, "rule", "bad prefix %u/%u",
				   frh->src_len, frh->dst_len);
	switch (frh->action) {
	case FR_ACT_TO_TBL: case FR_ACT_GOTO: case FR_ACT_NOP:
	case FR_ACT_BLACKHOLE: case FR_ACT_UNREACHABLE: case FR_ACT_PROHIBIT:
		break;
	default:
		return BRT_NL_SKIP;
	}
	brt_rule_init(r);
	r->family = frh->family;
	r->priority = tb[FRA_PRIORITY] ? mnl_attr_get_u32(tb[FRA_PRIORITY]) : 0;
	r->tos = frh->tos;
	if (frh->flags & FIB_RULE_INVERT)
		r->flags |= BRT_RULE_F_INVERT;
	get_prefix(tb[FRA_SRC], frh->family, frh->src_len, &r->src);
	get_prefix(tb[FRA_DST], frh->family, frh->dst_len, &r->dst);
	fill_selectors(r, tb);
	fill_action(r, frh, tb);
	return 0;
}
