/*
 * source_rules.c - the rules the library applies to choose a source
 * address, re-applied pair by pair so that --explain can say which rule
 * preferred the chosen address over each other candidate. They follow the
 * library's own (src/core linux_src6.c, source_windows.c): RFC 6724 rules
 * 1-8 for IPv6 (Linux: temporary addresses only with use_tempaddr >= 2;
 * Windows: preferred), Windows' five IPv4 rules. The explanation checks
 * itself: when these rules would prefer another address than the answer's,
 * it says so rather than invent a reason.
 */
#include <stdlib.h>
#include <string.h>

#include "source_rules.h"

static int scope_of(const struct brt_addr *a)
{
	const uint8_t *b = a->bytes;

	if (a->family == BRT_AF_INET)
		return b[0] == 127 || (b[0] == 169 && b[1] == 254) ? 2 : 14;
	if (b[0] == 0xff)
		return b[1] & 0x0f;
	if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
		return 2;
	if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
		return 5;
	{
		static const uint8_t one[16] = {[15] = 1};

		if (!memcmp(b, one, 16))
			return 2;
	}
	return 14;
}

static unsigned common_bits(const struct brt_addr *a, const struct brt_addr *b, unsigned max)
{
	unsigned n = 0, len = a->family == BRT_AF_INET ? 32 : 128;

	while (n < len && n < max &&
	       !((a->bytes[n / 8] ^ b->bytes[n / 8]) & (0x80 >> (n % 8))))
		n++;
	return n;
}

static uint32_t label_of(const brt_table *t, const struct brt_addr *a, uint32_t ifindex)
{
	size_t i;

	for (i = 0; i < brt_table_addrlabel_count(t); i++) {
		const struct brt_addrlabel *l = brt_table_addrlabel(t, i);

		if ((!l->ifindex || l->ifindex == ifindex) &&
		    common_bits(&l->prefix.addr, a, l->prefix.len) >= l->prefix.len)
			return l->label;
	}
	return 0xffffffffu;
}

/* use_tempaddr of the link (its own, else "all"/"default"), as a number. */
static long use_tempaddr(const brt_table *t, uint32_t ifindex)
{
	const struct brt_link *l = brt_table_link_by_index(t, ifindex);
	const char *k, *v;
	char want[64];
	long found = 0;
	size_t i;

	snprintf(want, sizeof(want), "net.ipv6.conf.%s.use_tempaddr", l ? l->name : "");
	for (i = 0; i < brt_table_sysctl_count(t); i++)
		if (!brt_table_sysctl(t, i, &k, &v) && (!strcmp(k, want) ||
		    !strcmp(k, "net.ipv6.conf.all.use_tempaddr")))
			found = strtol(v, NULL, 10) > found ? strtol(v, NULL, 10) : found;
	return found;
}

/* Whether the table's kernel has RFC 6724 rule 4 (CONFIG_IPV6_MIP6=y,
 * recorded as kernel.config.ipv6_mip6); Windows' rules always have it. */
static bool home_rule(const struct src_ctx *c)
{
	const char *k, *v;
	size_t i;

	if (c->windows)
		return true;
	for (i = 0; i < brt_table_sysctl_count(c->t); i++)
		if (!brt_table_sysctl(c->t, i, &k, &v) &&
		    !strcmp(k, "kernel.config.ipv6_mip6"))
			return !strcmp(v, "y");
	return false;
}

/* +1 when only @x holds, -1 when only @y, 0 otherwise. */
static int prefer(bool x, bool y)
{
	return x == y ? 0 : x ? 1 : -1;
}

static int more(unsigned x, unsigned y)
{
	return x == y ? 0 : x > y ? 1 : -1;
}

static int rule_scope(const struct src_ctx *c, const struct brt_address *a,
		      const struct brt_address *b)
{
	int sa = scope_of(&a->addr), sb = scope_of(&b->addr), sd = scope_of(c->dst);

	if (sa == sb)
		return 0;
	if (sa < sb)
		return sa < sd ? -1 : 1;
	return sb < sd ? 1 : -1;
}

static unsigned match(const struct brt_address *a, const struct brt_addr *with)
{
	return common_bits(&a->addr, with, a->plen);
}

static int compare_v4_windows(const struct src_ctx *c, const struct brt_address *a,
			      const struct brt_address *b, const char **name)
{
	int d;

	*name = "rule 1: same address as the destination";
	if ((d = prefer(brt_addr_equal(&a->addr, c->dst), brt_addr_equal(&b->addr, c->dst))))
		return d;
	*name = "rule 2: not deprecated";
	if ((d = prefer(!(a->flags & BRT_ADDR_F_DEPRECATED), !(b->flags & BRT_ADDR_F_DEPRECATED))))
		return 2 * d;
	*name = "rule 3: on the outgoing link";
	if ((d = prefer(a->ifindex == c->ifindex, b->ifindex == c->ifindex)))
		return 3 * d;
	*name = "rule 4: longest match with the next hop";
	if ((d = more(match(a, c->next_hop), match(b, c->next_hop))))
		return 4 * d;
	*name = "rule 5: longest match with the destination";
	return 5 * more(match(a, c->dst), match(b, c->dst));
}

static int compare_v6(const struct src_ctx *c, const struct brt_address *a,
		      const struct brt_address *b, const char **name)
{
	uint32_t dl = label_of(c->t, c->dst, c->ifindex);
	bool tmp_first = c->windows || use_tempaddr(c->t, a->ifindex) >= 2;
	uint32_t bad = BRT_ADDR_F_DEPRECATED | (c->windows ? 0 : BRT_ADDR_F_OPTIMISTIC);
	int d;

	*name = "rule 1: same address as the destination";
	if ((d = prefer(brt_addr_equal(&a->addr, c->dst), brt_addr_equal(&b->addr, c->dst))))
		return d;
	*name = "rule 2: appropriate scope";
	if ((d = rule_scope(c, a, b)))
		return 2 * d;
	*name = "rule 3: avoid deprecated addresses";
	if ((d = prefer(!(a->flags & bad), !(b->flags & bad))))
		return 3 * d;
	*name = "rule 4: prefer home addresses";
	if (home_rule(c) && (d = prefer(a->flags & BRT_ADDR_F_HOMEADDRESS,
					 b->flags & BRT_ADDR_F_HOMEADDRESS)))
		return 4 * d;
	*name = "rule 5: prefer the outgoing interface";
	if ((d = prefer(a->ifindex == c->ifindex, b->ifindex == c->ifindex)))
		return 5 * d;
	*name = "rule 6: prefer matching label";
	if ((d = prefer(label_of(c->t, &a->addr, a->ifindex) == dl,
			label_of(c->t, &b->addr, b->ifindex) == dl)))
		return 6 * d;
	*name = tmp_first ? "rule 7: prefer temporary addresses"
			  : "rule 7: prefer public addresses (use_tempaddr < 2)";
	if ((d = prefer(!(a->flags & BRT_ADDR_F_TEMPORARY) ^ tmp_first,
			!(b->flags & BRT_ADDR_F_TEMPORARY) ^ tmp_first)))
		return 7 * d;
	*name = "rule 8: longest matching prefix";
	return 8 * more(match(a, c->dst), match(b, c->dst));
}

int src_rule_compare(const struct src_ctx *c, const struct brt_address *a,
		     const struct brt_address *b, const char **name)
{
	if (c->dst->family == BRT_AF_INET)
		return compare_v4_windows(c, a, b, name);
	return compare_v6(c, a, b, name);
}

bool src_candidate(const struct src_ctx *c, const struct brt_address *a, const char **why)
{
	*why = NULL;
	if (a->addr.family != c->dst->family)
		return false;
	if (c->windows && (a->flags & BRT_ADDR_F_SKIP_AS_SOURCE))
		*why = "SkipAsSource";
	else if (a->flags & BRT_ADDR_F_DADFAILED)
		*why = "DAD failed";
	else if ((a->flags & BRT_ADDR_F_TENTATIVE) &&
		 (c->windows || !(a->flags & BRT_ADDR_F_OPTIMISTIC)))
		*why = "tentative (DAD not done)";
	else if (c->dst->family == BRT_AF_INET6 && a->addr.bytes[0] == 0xff)
		*why = "multicast";
	return !*why;
}
