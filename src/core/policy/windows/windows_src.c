/*
 * windows_src.c - the source address Windows picks (RFC 6724 as Windows
 * applies it).
 *
 * Invariants:
 *  - never chosen: addresses marked skip-as-source, tentative (DAD not
 *    done) or DAD-failed, addresses of another family, addresses on links
 *    that are not operational;
 *  - candidates are the addresses of the outgoing link (strong host send),
 *    or of every link when the outgoing one has weak host send or holds no
 *    candidate at all;
 *  - candidates are ranked by a fixed list of rules, each a comparison of
 *    two candidates; the first rule that tells them apart decides, and the
 *    earlier defined address wins a complete tie (so answers are stable).
 * IPv4 rules (what Windows documents): same address as the destination,
 * not deprecated, on the outgoing link, longest match with the next hop,
 * longest match with the destination. IPv6 rules: RFC 6724 rules 1-8
 * (same address, appropriate scope, not deprecated, home address, outgoing
 * link, matching label, temporary, longest matching prefix) with the
 * table's address labels as the policy table.
 */
#include "policy/windows/windows_policy.h"

struct src_ctx {
	const brt_table *t;
	const struct brt_addr *dst;
	const struct brt_addr *next_hop;
	uint32_t ifindex;
	uint32_t dst_label;
};

static bool usable(const brt_table *t, const struct brt_address *a,
		   uint8_t family)
{
	if (a->addr.family != family)
		return false;
	if (a->flags & (BRT_ADDR_F_SKIP_AS_SOURCE | BRT_ADDR_F_TENTATIVE |
			BRT_ADDR_F_DADFAILED))
		return false;
	return core_win_link_oper(brt_table_link_by_index(t, a->ifindex));
}

static bool deprecated(const struct brt_address *a)
{
	return (a->flags & BRT_ADDR_F_DEPRECATED) || a->preferred_lft == 0;
}

/* -1 when @x is preferred, 1 when @y is, 0 when the rule cannot tell. */
static int prefer(bool x, bool y)
{
	return x == y ? 0 : (x ? -1 : 1);
}

static int more(unsigned x, unsigned y)
{
	return x == y ? 0 : (x > y ? -1 : 1);
}

/* RFC 6724 rule 2: the smallest scope that still reaches the destination. */
static int rule_scope(const struct src_ctx *c, const struct brt_address *x,
		      const struct brt_address *y)
{
	int sx = core_addr6_scope(&x->addr), sy = core_addr6_scope(&y->addr);
	int sd = core_addr6_scope(c->dst);

	if (sx == sy)
		return 0;
	if (sx < sy)
		return sx < sd ? 1 : -1;
	return sy < sd ? -1 : 1;
}

static unsigned match_len(const struct brt_address *a,
			  const struct brt_addr *with, bool cap_at_plen)
{
	unsigned max = core_family_bits(a->addr.family);

	if (cap_at_plen && a->plen < max)
		max = a->plen;
	return core_common_bits(a->addr.bytes, with->bytes, max);
}

static int compare_v4(const struct src_ctx *c, const struct brt_address *x,
		      const struct brt_address *y)
{
	int d = prefer(brt_addr_equal(&x->addr, c->dst),
		       brt_addr_equal(&y->addr, c->dst));

	d = d ? d : prefer(!deprecated(x), !deprecated(y));
	d = d ? d : prefer(x->ifindex == c->ifindex, y->ifindex == c->ifindex);
	d = d ? d : more(match_len(x, c->next_hop, false),
			 match_len(y, c->next_hop, false));
	return d ? d : more(match_len(x, c->dst, false),
			    match_len(y, c->dst, false));
}

/* RFC 6724 rule 6: the candidate's label is the destination's. */
static bool same_label(const struct src_ctx *c, const struct brt_address *a)
{
	return core_table_addr_label(c->t, &a->addr, a->ifindex) ==
	       c->dst_label;
}

static int compare_v6(const struct src_ctx *c, const struct brt_address *x,
		      const struct brt_address *y)
{
	int d = prefer(brt_addr_equal(&x->addr, c->dst),
		       brt_addr_equal(&y->addr, c->dst));

	d = d ? d : rule_scope(c, x, y);
	d = d ? d : prefer(!deprecated(x), !deprecated(y));
	d = d ? d : prefer(x->flags & BRT_ADDR_F_HOMEADDRESS,
			   y->flags & BRT_ADDR_F_HOMEADDRESS);
	d = d ? d : prefer(x->ifindex == c->ifindex, y->ifindex == c->ifindex);
	d = d ? d : prefer(same_label(c, x), same_label(c, y));
	d = d ? d : prefer(x->flags & BRT_ADDR_F_TEMPORARY,
			   y->flags & BRT_ADDR_F_TEMPORARY);
	return d ? d : more(match_len(x, c->dst, true), match_len(y, c->dst, true));
}

/* The best candidate, on @ifindex only unless @any_link. */
static const struct brt_address *best_of(const struct src_ctx *c,
					 bool any_link)
{
	const struct brt_address *best = NULL;
	uint8_t family = c->dst->family;
	size_t i;

	for (i = 0; i < c->t->n_addrs; i++) {
		const struct brt_address *a = &c->t->addrs[i];

		if (!usable(c->t, a, family) ||
		    (!any_link && a->ifindex != c->ifindex))
			continue;
		if (!best || (family == BRT_AF_INET ? compare_v4(c, a, best)
						    : compare_v6(c, a, best)) < 0)
			best = a;
	}
	return best;
}

bool core_windows_source(const brt_table *t, const struct brt_addr *dst,
			uint32_t ifindex, const struct brt_addr *next_hop,
			struct brt_addr *out)
{
	const struct brt_link *l = brt_table_link_by_index(t, ifindex);
	struct src_ctx c = {t, dst, next_hop, ifindex, 0};
	const struct brt_address *best = NULL;

	if (dst->family == BRT_AF_INET6)
		c.dst_label = core_table_addr_label(t, dst, ifindex);
	if (!l || !(l->flags & BRT_LINK_F_WEAK_HOST_SEND))
		best = best_of(&c, false);
	if (!best)
		best = best_of(&c, true);
	if (!best)
		return false;
	*out = best->addr;
	out->zone = core_addr_is_v6_linklocal(out) ? best->ifindex : 0;
	return true;
}
