/*
 * text_write_rule.c - rules as text, in `ip rule show` word order.
 *
 * Every rule is written with its priority ("rule PRIO: ..."), so reading
 * back never falls to the automatic priority; IPv6 rules say -6.
 */
#include "text/text.h"

static void write_range(struct brt_sbuf *sb, const char *word, unsigned lo,
			unsigned hi)
{
	if (lo == hi)
		fmt_sb_printf(sb, " %s %u", word, lo);
	else
		fmt_sb_printf(sb, " %s %u-%u", word, lo, hi);
}

static void write_selectors(struct brt_sbuf *sb, const struct brt_rule *r)
{
	char buf[12];

	if (r->flags & BRT_RULE_F_INVERT)
		fmt_sb_printf(sb, " not");
	fmt_sb_printf(sb, " from");
	if (r->src.len)
		fmt_sb_prefix(sb, &r->src);
	else
		fmt_sb_printf(sb, " all");
	if (r->dst.len) {
		fmt_sb_printf(sb, " to");
		fmt_sb_prefix(sb, &r->dst);
	}
	if (r->tos)
		fmt_sb_printf(sb, " tos 0x%02x", r->tos);
	if (r->flags & BRT_RULE_F_FWMARK) {
		fmt_sb_printf(sb, " fwmark 0x%x", r->fwmark);
		if (r->fwmask != 0xffffffffu)
			fmt_sb_printf(sb, "/0x%x", r->fwmask);
	}
	if (r->iif[0])
		fmt_sb_printf(sb, " iif %s", r->iif);
	if (r->oif[0])
		fmt_sb_printf(sb, " oif %s", r->oif);
	if (r->flags & BRT_RULE_F_UIDRANGE)
		fmt_sb_printf(sb, " uidrange %u-%u", r->uid_start, r->uid_end);
	if (r->flags & BRT_RULE_F_IPPROTO)
		fmt_sb_printf(sb, " ipproto %s",
			      fmt_txt_ipproto_name(r->ipproto, buf));
	if (r->flags & BRT_RULE_F_SPORT)
		write_range(sb, "sport", r->sport_lo, r->sport_hi);
	if (r->flags & BRT_RULE_F_DPORT)
		write_range(sb, "dport", r->dport_lo, r->dport_hi);
	if (r->flags & BRT_RULE_F_L3MDEV)
		fmt_sb_printf(sb, " l3mdev");
}

static void write_action(struct brt_sbuf *sb, const struct brt_rule *r)
{
	char buf[16];

	switch (r->action) {
	case BRT_RULE_LOOKUP:
		brt_table_id_format(r->table, buf, sizeof(buf));
		fmt_sb_printf(sb, " lookup %s", buf);
		break;
	case BRT_RULE_GOTO:
		fmt_sb_printf(sb, " goto %u", r->goto_target);
		break;
	case BRT_RULE_NOP:
		fmt_sb_printf(sb, " nop");
		break;
	case BRT_RULE_BLACKHOLE:
		fmt_sb_printf(sb, " blackhole");
		break;
	case BRT_RULE_UNREACHABLE:
		fmt_sb_printf(sb, " unreachable");
		break;
	default:
		fmt_sb_printf(sb, " prohibit");
		break;
	}
	if (r->suppress_prefixlen != BRT_RULE_NO_SUPPRESS)
		fmt_sb_printf(sb, " suppress_prefixlength %u",
			      r->suppress_prefixlen);
	if (r->suppress_ifgroup != BRT_RULE_NO_SUPPRESS)
		fmt_sb_printf(sb, " suppress_ifgroup %u", r->suppress_ifgroup);
	if (r->protocol)
		fmt_sb_printf(sb, " proto %s", fmt_txt_proto_name(r->protocol, buf));
}

void fmt_txt_write_rules(struct brt_sbuf *sb, const brt_table *t,
			 unsigned flags)
{
	size_t i;

	for (i = 0; i < brt_table_rule_count(t); i++) {
		const struct brt_rule *r = brt_table_rule(t, i);

		if ((r->flags & BRT_RULE_F_DERIVED) && !(flags & BRT_WRITE_ALL))
			continue;
		fmt_sb_printf(sb, "rule%s %u:",
			      r->family == BRT_AF_INET6 ? " -6" : "", r->priority);
		write_selectors(sb, r);
		write_action(sb, r);
		fmt_sb_printf(sb, "\n");
		fmt_sb_mark_derived(sb, r->flags & BRT_RULE_F_DERIVED);
	}
}
