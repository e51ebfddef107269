/*
 * linux_src6.c - IPv6 source address selection, as ipv6_dev_get_saddr().
 *
 * Invariants (net/ipv6/addrconf.c, RFC 6724 as the kernel applies it):
 *  - candidates are the addresses of the output device when the
 *    destination is multicast or of link scope or narrower, else of every
 *    device in device order; each device's addresses in its list order
 *    (by scope value, descending; table order among equals);
 *  - tentative addresses (unless optimistic) and multicast or unspecified
 *    ones are never candidates;
 *  - candidates are compared rule by rule (same address, scope, avoid
 *    deprecated and optimistic, home address (only when the table says the
 *    kernel has CONFIG_IPV6_MIP6=y), output interface, label,
 *    temporary per use_tempaddr, ORCHID, longest matching prefix, not
 *    optimistic); the first candidate wins ties.
 */
#include <string.h>

#include "policy/linux/linux_policy.h"


struct dst6 {
	const struct brt_addr *addr;
	uint32_t ifindex;
	int scope;
	uint32_t label;
};

bool core_lx_is_orchid(const struct brt_addr *a)
{
	return a->bytes[0] == 0x20 && a->bytes[1] == 0x01 &&
	       a->bytes[2] == 0x00 && (a->bytes[3] & 0xf0) == 0x10;
}

/* IPv4-mapped, -compatible and loopback count as preferred (rule 3). */
bool core_lx_always_preferred(const struct brt_addr *a)
{
	static const uint8_t mapped[12] = {[10] = 0xff, [11] = 0xff};
	static const uint8_t zero[12];

	return core_addr_is_v6_loopback(a) || !memcmp(a->bytes, mapped, 12) ||
	       (!memcmp(a->bytes, zero, 12) && !core_addr_is_zero(a));
}

static void score(const brt_table *t, const struct brt_address *c,
		  const struct dst6 *d, int s[S6_MAX])
{
	const struct brt_linkconf *conf = core_table_linkconf(t, c->ifindex);
	int scope = core_addr6_scope(&c->addr);
	unsigned match;

	s[S6_LOCAL] = brt_addr_equal(&c->addr, d->addr);
	s[S6_SCOPE] = scope >= d->scope ? -scope : scope - 128;
	s[S6_PREFERRED] = core_lx_always_preferred(&c->addr) ||
			 !(c->flags & (BRT_ADDR_F_DEPRECATED | BRT_ADDR_F_OPTIMISTIC));
	/* rule 4 exists only in kernels built with CONFIG_IPV6_MIP6=y */
	s[S6_HOA] = t->ipv6_mip6 && (c->flags & BRT_ADDR_F_HOMEADDRESS);
	s[S6_OIF] = !d->ifindex || d->ifindex == c->ifindex;
	s[S6_LABEL] = core_table_addr_label(t, &c->addr, c->ifindex) == d->label;
	s[S6_PRIVACY] = !(c->flags & BRT_ADDR_F_TEMPORARY) ^ (conf->use_tempaddr >= 2);
	s[S6_ORCHID] = core_lx_is_orchid(&c->addr) == core_lx_is_orchid(d->addr);
	match = core_common_bits(c->addr.bytes, d->addr->bytes, 128);
	s[S6_PREFIX] = (int)(match > c->plen ? c->plen : match);
	s[S6_NOT_OPTIMISTIC] = !(c->flags & BRT_ADDR_F_OPTIMISTIC);
}

bool core_lx_src6_candidate(const struct brt_address *a)
{
	if (a->addr.family != BRT_AF_INET6)
		return false;
	if ((a->flags & (BRT_ADDR_F_TENTATIVE | BRT_ADDR_F_DADFAILED)) &&
	    !(a->flags & BRT_ADDR_F_OPTIMISTIC))
		return false;
	return !core_addr_is_zero(&a->addr) && !core_addr_is_v6_multicast(&a->addr);
}

/* The kernel's ifa->scope value, by which a device's list is ordered. */
int core_lx_list_scope(const struct brt_address *a)
{
	if (core_addr_is_v6_loopback(&a->addr))
		return 0x10;
	if (core_addr_is_v6_linklocal(&a->addr))
		return 0x20;
	return core_addr6_scope(&a->addr) == 5 ? 0x40 : 0;
}

struct best6 {
	const struct brt_address *a;
	int s[S6_MAX];
};

bool core_lx_src6_better(const int s[S6_MAX], const int best[S6_MAX])
{
	int r;

	for (r = 0; r < S6_MAX; r++)
		if (s[r] != best[r])
			return s[r] > best[r];
	return false;
}

static void try_device(const brt_table *t, uint32_t ifindex,
		       const struct dst6 *d, struct best6 *best)
{
	static const int order[] = {0x40, 0x20, 0x10, 0};
	size_t i, k;

	if (core_table_linkconf(t, ifindex)->disable_ipv6)
		return;
	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++)
		for (i = 0; i < t->n_addrs; i++) {
			const struct brt_address *a = &t->addrs[i];
			int s[S6_MAX];

			if (a->ifindex != ifindex || !core_lx_src6_candidate(a) ||
			    core_lx_list_scope(a) != order[k])
				continue;
			score(t, a, d, s);
			if (!best->a || core_lx_src6_better(s, best->s)) {
				best->a = a;
				memcpy(best->s, s, sizeof(s));
			}
		}
}

bool core_lx_select_src6(const brt_table *t, uint32_t ifindex,
		    const struct brt_addr *dst, struct brt_addr *out)
{
	/* the unspecified address has no scope (-1): every scope is enough */
	struct dst6 d = {dst, ifindex, core_addr_is_zero(dst) ? -1 : core_addr6_scope(dst), 0};
	struct best6 best;
	size_t i;

	memset(&best, 0, sizeof(best));
	d.label = core_table_addr_label(t, dst, ifindex);
	if (ifindex && (core_addr_is_v6_multicast(dst) || d.scope <= 2))
		try_device(t, ifindex, &d, &best);
	else
		for (i = 0; i < t->n_links; i++)
			try_device(t, t->links[i].index, &d, &best);
	if (!best.a)
		return false;
	*out = best.a->addr;
	out->zone = core_addr_is_v6_linklocal(out) ? best.a->ifindex : 0;
	return true;
}
