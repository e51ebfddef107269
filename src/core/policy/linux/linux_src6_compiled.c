/*
 * linux_src6_compiled.c - IPv6 source selection (linux_src6.c) with what
 * does not depend on the destination worked out once per table version.
 *
 * linux_src6.c, the reference, walks every device, every scope order and
 * every address per query and looks each candidate's label up in the
 * label table. Here the candidates are listed once, in the exact order
 * that walk visits them (devices in table order, disabled ones left out;
 * per device by list scope 0x40, 0x20, 0x10, 0, then table order), each
 * with its destination-free rule values (scope, preferred, home address,
 * label, privacy, ORCHID, prefix length, not optimistic) filled in; a
 * query computes only the rules that read the destination (same address,
 * scope comparison, output interface, label match, ORCHID match, common
 * prefix) and keeps the first best, as the reference does.
 *
 * Invariant: core_lx_src6_pick(t, i, d, out) == core_lx_select_src6(t, i,
 * d, out) for every query (test_compiled_diff checks the answers that
 * use it against the interpretive walk, which uses the reference).
 * The list depends on links, addresses and labels only, which change
 * only with a whole rebuild; it is built with the decisions.
 */
#include <stdlib.h>
#include <string.h>

#include "policy/compiled.h"
#include "policy/linux/linux_policy.h"

struct src6_cand {
	const struct brt_address *a;
	uint32_t ifindex;
	uint32_t label;
	int8_t scope;
	uint8_t preferred, hoa, privacy, orchid, plen, not_optimistic;
};

struct src6_run {
	uint32_t ifindex;
	uint32_t from, to;		/* its candidates: c[from..to) */
};

/* An address label (t->labels, longest first) as two masked words. */
struct src6_label {
	uint64_t hi, lo, mhi, mlo;
	uint32_t ifindex;		/* 0: any */
	uint32_t label;
};

/* One block (t->src6 is freed with free()): c[] for every address, then
 * runs, one a device, then the IPv6 labels. */
struct core_src6 {
	size_t n, n_runs, n_labels;
	struct src6_run *runs;		/* after c[], in the block */
	struct src6_label *labels;	/* after runs */
	struct src6_cand c[];
};

static void fill_cand(const brt_table *t, const struct brt_address *a,
		      struct src6_cand *c)
{
	const struct brt_linkconf *conf = core_table_linkconf(t, a->ifindex);

	c->a = a;
	c->ifindex = a->ifindex;
	c->scope = (int8_t)core_addr6_scope(&a->addr);
	c->preferred = core_lx_always_preferred(&a->addr) ||
		       !(a->flags & (BRT_ADDR_F_DEPRECATED | BRT_ADDR_F_OPTIMISTIC));
	c->hoa = t->ipv6_mip6 && (a->flags & BRT_ADDR_F_HOMEADDRESS);
	c->label = core_table_addr_label(t, &a->addr, a->ifindex);
	c->privacy = !(a->flags & BRT_ADDR_F_TEMPORARY) ^ (conf->use_tempaddr >= 2);
	c->orchid = core_lx_is_orchid(&a->addr);
	c->plen = a->plen;
	c->not_optimistic = !(a->flags & BRT_ADDR_F_OPTIMISTIC);
}

/* Append device @ifindex's candidates in the reference's order. */
static void add_device(const brt_table *t, uint32_t ifindex, struct core_src6 *s)
{
	static const int order[] = {0x40, 0x20, 0x10, 0};
	struct src6_run *run = &s->runs[s->n_runs++];
	size_t i, k;

	run->ifindex = ifindex;
	run->from = (uint32_t)s->n;
	if (!core_table_linkconf(t, ifindex)->disable_ipv6)
		for (k = 0; k < sizeof(order) / sizeof(order[0]); k++)
			for (i = 0; i < t->n_addrs; i++)
				if (t->addrs[i].ifindex == ifindex &&
				    core_lx_src6_candidate(&t->addrs[i]) &&
				    core_lx_list_scope(&t->addrs[i]) == order[k])
					fill_cand(t, &t->addrs[i], &s->c[s->n++]);
	run->to = (uint32_t)s->n;
}

static uint64_t be64_at(const uint8_t *b)
{
	uint64_t x;

	memcpy(&x, b, 8);
	return __builtin_bswap64(x);
}

static uint64_t mask_bits(unsigned len)
{
	return len >= 64 ? ~UINT64_C(0) : len ? ~UINT64_C(0) << (64 - len) : 0;
}

/* The IPv6 labels of t->labels, in their order (core_table_addr_label
 * skips the others for an IPv6 address). */
static void add_labels(const brt_table *t, struct core_src6 *s)
{
	size_t i;

	s->n_labels = 0;
	for (i = 0; i < t->n_labels; i++) {
		const struct brt_prefix *p = &t->labels[i].prefix;
		struct src6_label *l = &s->labels[s->n_labels];

		if (p->addr.family != BRT_AF_INET6 || p->len > 128)
			continue;
		l->mhi = mask_bits(p->len);
		l->mlo = mask_bits(p->len > 64 ? p->len - 64 : 0);
		l->hi = be64_at(p->addr.bytes) & l->mhi;
		l->lo = be64_at(p->addr.bytes + 8) & l->mlo;
		l->ifindex = t->labels[i].ifindex;
		l->label = t->labels[i].label;
		s->n_labels++;
	}
}

void core_lx_src6_build(brt_table *t)
{
	struct core_src6 *s;
	size_t i;

	free(t->src6);
	t->src6 = NULL;
	s = malloc(sizeof(*s) + t->n_addrs * sizeof(s->c[0]) +
		   (t->n_links + 1) * sizeof(*s->runs) + 8 +
		   t->n_labels * sizeof(*s->labels));
	if (!s)
		return;		/* (the reference answers then) */
	s->n = s->n_runs = 0;
	s->runs = (struct src6_run *)(void *)&s->c[t->n_addrs];
	s->labels = (struct src6_label *)(void *)
		    (((uintptr_t)&s->runs[t->n_links + 1] + 7) & ~(uintptr_t)7);
	for (i = 0; i < t->n_links; i++)
		add_device(t, t->links[i].index, s);
	add_labels(t, s);
	t->src6 = s;
}

/* core_table_addr_label for an IPv6 address, on the compiled labels. */
static uint32_t label_of(const struct core_src6 *s, const uint8_t *a,
			 uint32_t ifindex)
{
	uint64_t hi = be64_at(a), lo = be64_at(a + 8);
	size_t i;

	for (i = 0; i < s->n_labels; i++) {
		const struct src6_label *l = &s->labels[i];

		if ((!l->ifindex || l->ifindex == ifindex) &&
		    (hi & l->mhi) == l->hi && (lo & l->mlo) == l->lo)
			return l->label;
	}
	return CORE_ADDR_LABEL_NONE;
}

/* ------------------------------------------------------------- a query */

struct dst6 {
	const struct brt_addr *addr;
	uint32_t ifindex, label;
	int scope;
	bool orchid;
};


static unsigned common_bits128(const uint8_t *a, const uint8_t *b)
{
	uint64_t x[2], y[2], hi, lo;

	memcpy(x, a, 16);
	memcpy(y, b, 16);
	hi = __builtin_bswap64(x[0] ^ y[0]);
	lo = __builtin_bswap64(x[1] ^ y[1]);
	if (hi)
		return (unsigned)__builtin_clzll(hi);
	return lo ? 64 + (unsigned)__builtin_clzll(lo) : 128;
}

static void score(const struct src6_cand *c, const struct dst6 *d, int s[S6_MAX])
{
	unsigned match = common_bits128(c->a->addr.bytes, d->addr->bytes);

	s[S6_LOCAL] = match == 128;	/* (brt_addr_equal: both IPv6) */
	s[S6_SCOPE] = c->scope >= d->scope ? -c->scope : c->scope - 128;
	s[S6_PREFERRED] = c->preferred;
	s[S6_HOA] = c->hoa;
	s[S6_OIF] = !d->ifindex || d->ifindex == c->ifindex;
	s[S6_LABEL] = c->label == d->label;
	s[S6_PRIVACY] = c->privacy;
	s[S6_ORCHID] = c->orchid == d->orchid;
	s[S6_PREFIX] = (int)(match > c->plen ? c->plen : match);
	s[S6_NOT_OPTIMISTIC] = c->not_optimistic;
}

/* The best of candidates c[from..to), the first one on ties, or NULL. */
static const struct src6_cand *best_of(const struct core_src6 *s, uint32_t from,
				       uint32_t to, const struct dst6 *d)
{
	const struct src6_cand *best = NULL;
	int bs[S6_MAX], cs[S6_MAX];
	uint32_t i;

	for (i = from; i < to; i++) {
		score(&s->c[i], d, cs);
		if (!best || core_lx_src6_better(cs, bs)) {
			best = &s->c[i];
			memcpy(bs, cs, sizeof(cs));
		}
	}
	return best;
}

bool core_lx_src6_pick(const brt_table *t, uint32_t ifindex,
		       const struct brt_addr *dst, struct brt_addr *out)
{
	const struct core_src6 *s = t->src6;
	const struct src6_cand *best = NULL;
	struct dst6 d;
	size_t i;

	if (!s)
		return core_lx_select_src6(t, ifindex, dst, out);
	d.addr = dst;
	d.ifindex = ifindex;
	d.scope = core_addr_is_zero(dst) ? -1 : core_addr6_scope(dst);
	d.label = dst->family == BRT_AF_INET6 ? label_of(s, dst->bytes, ifindex)
		  : core_table_addr_label(t, dst, ifindex);
	d.orchid = core_lx_is_orchid(dst);
	if (ifindex && (core_addr_is_v6_multicast(dst) || d.scope <= 2)) {
		for (i = 0; i < s->n_runs; i++)
			if (s->runs[i].ifindex == ifindex)
				best = best_of(s, s->runs[i].from, s->runs[i].to, &d);
	} else
		best = best_of(s, 0, (uint32_t)s->n, &d);
	if (!best)
		return false;
	*out = best->a->addr;
	out->zone = core_addr_is_v6_linklocal(out) ? best->ifindex : 0;
	return true;
}
