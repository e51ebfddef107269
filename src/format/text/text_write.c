/*
 * text_write.c - a table in the text format: policy, links, addresses,
 * nexthop objects, routes, rules, address labels, sysctls.
 *
 * Invariants: every value the model holds is written unless it equals
 * the default the reader applies (text_names.c holds both sides), so
 * reading the text back gives the same entries and writing those gives
 * the same text. Derived entries are left out unless BRT_WRITE_ALL: the
 * reader's table derives them again.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy/policy.h"
#include "text/text.h"

void fmt_sb_printf(struct brt_sbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (sb->oom)
		return;
	for (;;) {
		size_t room = sb->cap - sb->n;
		char *p;

		va_start(ap, fmt);
		n = vsnprintf(sb->p ? sb->p + sb->n : NULL, room, fmt, ap);
		va_end(ap);
		if (n < 0) {
			sb->oom = true;
			return;
		}
		if ((size_t)n < room) {
			sb->n += (size_t)n;
			return;
		}
		p = realloc(sb->p, sb->cap * 2 + (size_t)n + 256);
		if (!p) {
			sb->oom = true;
			return;
		}
		sb->p = p;
		sb->cap = sb->cap * 2 + (size_t)n + 256;
	}
}

void fmt_sb_addr(struct brt_sbuf *sb, const char *word,
		 const struct brt_addr *a)
{
	struct brt_addr plain = *a;
	char buf[BRT_ADDRSTRLEN];

	plain.zone = 0;
	if (brt_addr_format(&plain, buf, sizeof(buf)) < 0)
		snprintf(buf, sizeof(buf), "?");
	if (word)
		fmt_sb_printf(sb, " %s %s", word, buf);
	else
		fmt_sb_printf(sb, " %s", buf);
}

void fmt_sb_prefix(struct brt_sbuf *sb, const struct brt_prefix *p)
{
	unsigned bits = p->addr.family == BRT_AF_INET6 ? 128 : 32;

	if (p->len == 0) {
		fmt_sb_printf(sb, " default");
		return;
	}
	fmt_sb_addr(sb, NULL, &p->addr);
	if (p->len != bits)
		fmt_sb_printf(sb, "/%u", p->len);
}

void fmt_sb_link(struct brt_sbuf *sb, const brt_table *t, const char *word,
		 uint32_t index)
{
	const struct brt_link *l = brt_table_link_by_index(t, index);

	if (index)
		fmt_sb_printf(sb, " %s %s", word, l ? l->name : "?");
}

static void write_link(struct brt_sbuf *sb, const brt_table *t,
		       const struct brt_link *l)
{
	fmt_sb_printf(sb, "link %s index %u", l->name, l->index);
	if (l->type != BRT_LINK_ETHERNET)
		fmt_sb_printf(sb, " type %s", fmt_txt_linktype_name(l->type));
	if (!(l->flags & BRT_LINK_F_UP))
		fmt_sb_printf(sb, " down");
	if (!(l->flags & BRT_LINK_F_CARRIER))
		fmt_sb_printf(sb, " nocarrier");
	if (l->mtu != fmt_txt_link_mtu_default(l->type))
		fmt_sb_printf(sb, " mtu %u", l->mtu);
	if (l->metric)
		fmt_sb_printf(sb, " metric %u", l->metric);
	fmt_sb_link(sb, t, "master", l->master);
	if (l->group)
		fmt_sb_printf(sb, " group %u", l->group);
	if (l->flags & BRT_LINK_F_WEAK_HOST_SEND)
		fmt_sb_printf(sb, " weak-host-send");
	if (l->flags & BRT_LINK_F_NO_IPV4)
		fmt_sb_printf(sb, " noipv4");
	if (l->flags & BRT_LINK_F_NO_IPV6)
		fmt_sb_printf(sb, " noipv6");
	fmt_sb_printf(sb, "\n");
}

static void write_lifetime(struct brt_sbuf *sb, const char *word, uint32_t v)
{
	if (v != BRT_LIFETIME_FOREVER)
		fmt_sb_printf(sb, " %s %u", word, v);
}

static void write_address(struct brt_sbuf *sb, const brt_table *t,
			  const struct brt_address *a)
{
	char sc[12];
	uint32_t bit;

	fmt_sb_printf(sb, "addr");
	fmt_sb_addr(sb, NULL, &a->addr);
	fmt_sb_printf(sb, "/%u", a->plen);
	fmt_sb_link(sb, t, "dev", a->ifindex);
	if (a->peer.family)
		fmt_sb_addr(sb, "peer", &a->peer);
	if (a->broadcast.family)
		fmt_sb_addr(sb, "brd", &a->broadcast);
	if (a->scope != fmt_txt_addr_scope_default(&a->addr))
		fmt_sb_printf(sb, " scope %s", fmt_txt_scope_name(a->scope, sc));
	if (a->label[0])
		fmt_sb_printf(sb, " label %s", a->label);
	write_lifetime(sb, "valid_lft", a->valid_lft);
	write_lifetime(sb, "preferred_lft", a->preferred_lft);
	if (a->metric)
		fmt_sb_printf(sb, " metric %u", a->metric);
	for (bit = 1; bit < BRT_ADDR_F_DERIVED; bit <<= 1)
		if ((a->flags & bit) && fmt_txt_addrflag_name(bit))
			fmt_sb_printf(sb, " %s", fmt_txt_addrflag_name(bit));
	fmt_sb_printf(sb, "\n");
}

void fmt_sb_mark_derived(struct brt_sbuf *sb, bool derived)
{
	if (!derived || sb->oom || !sb->n || sb->p[sb->n - 1] != '\n')
		return;
	sb->n--;
	fmt_sb_printf(sb, " # derived\n");
}

static void write_addrlabels(struct brt_sbuf *sb, const brt_table *t,
			     unsigned flags)
{
	size_t i;

	for (i = 0; i < brt_table_addrlabel_count(t); i++) {
		const struct brt_addrlabel *l = brt_table_addrlabel(t, i);

		if ((l->flags & BRT_LABEL_F_DERIVED) && !(flags & BRT_WRITE_ALL))
			continue;
		fmt_sb_printf(sb, "addrlabel prefix");
		fmt_sb_addr(sb, NULL, &l->prefix.addr);
		fmt_sb_printf(sb, "/%u", l->prefix.len);
		fmt_sb_link(sb, t, "dev", l->ifindex);
		fmt_sb_printf(sb, " label %u\n", l->label);
		fmt_sb_mark_derived(sb, l->flags & BRT_LABEL_F_DERIVED);
	}
}

static void write_links_addrs(struct brt_sbuf *sb, const brt_table *t,
			      unsigned flags)
{
	bool all = flags & BRT_WRITE_ALL;
	size_t i;

	for (i = 0; i < brt_table_link_count(t); i++) {
		const struct brt_link *l = brt_table_link(t, i);

		if (all || !(l->flags & BRT_LINK_F_DERIVED)) {
			write_link(sb, t, l);
			fmt_sb_mark_derived(sb, l->flags & BRT_LINK_F_DERIVED);
		}
	}
	for (i = 0; i < brt_table_address_count(t); i++) {
		const struct brt_address *a = brt_table_address(t, i);

		if (all || !(a->flags & BRT_ADDR_F_DERIVED)) {
			write_address(sb, t, a);
			fmt_sb_mark_derived(sb, a->flags & BRT_ADDR_F_DERIVED);
		}
	}
}

int brt_table_write_text(const brt_table *t, unsigned flags, char **out)
{
	struct brt_sbuf sb = {NULL, 0, 0, false};
	const char *key, *value;
	size_t i;

	if (!t || !out)
		return BRT_EINVAL;
	*out = NULL;
	fmt_sb_printf(&sb, "policy %s\n",
		      core_policy_get(brt_table_policy(t))->name);
	write_links_addrs(&sb, t, flags);
	fmt_txt_write_nhobjs(&sb, t);
	fmt_txt_write_routes(&sb, t, flags);
	fmt_txt_write_rules(&sb, t, flags);
	write_addrlabels(&sb, t, flags);
	for (i = 0; i < brt_table_sysctl_count(t); i++)
		if (!brt_table_sysctl(t, i, &key, &value))
			fmt_sb_printf(&sb, "sysctl %s = %s\n", key, value);
	if (sb.oom) {
		free(sb.p);
		return BRT_ENOMEM;
	}
	*out = sb.p;
	return 0;
}
