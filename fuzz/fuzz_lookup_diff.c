/*
 * fuzz_lookup_diff.c - the compiled longest-prefix structure against the
 * reference scan, and both policies on random queries.
 *
 * The input is read as a little program: a few addresses and up to 32
 * routes (family, prefix, length, table, metric, type, output link) go
 * through the builder API, the rest of the bytes are query addresses.
 * For every fib of the finished table, core_fib_lookup (fib_lpm.c) must return
 * the very group core_fib_lookup_ref (the linear scan) returns, for each
 * query address and for each prefix's first address and its neighbours
 * (where off-by-one mistakes live). Then the same table under Linux and
 * Windows policy answers the queries: no crash, and a status in range.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct input {
	const uint8_t *p;
	size_t left;
};

static uint8_t next(struct input *in)
{
	if (!in->left)
		return 0;
	in->left--;
	return *in->p++;
}

static void take_addr(struct input *in, uint8_t family, struct brt_addr *a)
{
	size_t i, n = family == BRT_AF_INET ? 4 : 16;

	memset(a, 0, sizeof(*a));
	a->family = family;
	/* Few distinct leading bytes, so prefixes overlap and nest. */
	a->bytes[0] = next(in) & 0x8f;
	for (i = 1; i < n; i++)
		a->bytes[i] = next(in);
}

static void mask(struct brt_prefix *p)
{
	unsigned bits = p->addr.family == BRT_AF_INET ? 32 : 128, i;

	for (i = p->len; i < bits; i++)
		p->addr.bytes[i / 8] &= (uint8_t)~(0x80u >> (i % 8));
}

static void add_links(brt_builder *b)
{
	static const char *names[] = {"lo", "eth0", "eth1"};
	struct brt_link l;
	unsigned i;

	for (i = 0; i < 3; i++) {
		brt_link_init(&l);
		strcpy(l.name, names[i]);
		l.index = i + 1;
		l.type = i ? BRT_LINK_ETHERNET : BRT_LINK_LOOPBACK;
		brt_builder_add_link(b, &l);
	}
}

static void add_address(brt_builder *b, struct input *in)
{
	struct brt_address a;
	uint8_t c = next(in);

	brt_address_init(&a);
	take_addr(in, c & 1 ? BRT_AF_INET6 : BRT_AF_INET, &a.addr);
	a.plen = (uint8_t)(next(in) % (c & 1 ? 129 : 33));
	a.ifindex = 2 + (c >> 1 & 1);
	brt_builder_add_address(b, &a);	/* may be refused: fine */
}

static void add_route(brt_builder *b, struct input *in)
{
	static const uint8_t types[] = {BRT_RT_UNICAST, BRT_RT_UNICAST,
		BRT_RT_BLACKHOLE, BRT_RT_UNREACHABLE, BRT_RT_THROW, BRT_RT_LOCAL};
	struct brt_route r;
	struct brt_nexthop nh;
	uint8_t c = next(in);
	uint8_t family = c & 1 ? BRT_AF_INET6 : BRT_AF_INET;

	brt_route_init(&r);
	r.family = family;
	take_addr(in, family, &r.dst.addr);
	r.dst.len = (uint8_t)(next(in) % (family == BRT_AF_INET ? 33 : 129));
	mask(&r.dst);
	r.table = c & 2 ? 100 : BRT_TABLE_MAIN;
	r.metric = next(in) % 4;
	r.type = types[(c >> 2) % sizeof(types)];
	if (r.type == BRT_RT_UNICAST || r.type == BRT_RT_LOCAL) {
		brt_nexthop_init(&nh);
		nh.ifindex = r.type == BRT_RT_LOCAL ? 1 : 2 + (c >> 5 & 1);
		r.nh = &nh;
		r.nh_count = 1;
	}
	brt_builder_add_route(b, &r);
}

static void add_rule(brt_builder *b)
{
	struct brt_rule r;

	brt_rule_init(&r);
	r.family = BRT_AF_INET;
	r.priority = 100;
	r.table = 100;
	r.action = BRT_RULE_LOOKUP;
	brt_builder_add_rule(b, &r);
	r.family = BRT_AF_INET6;
	brt_builder_add_rule(b, &r);
}

static void check_fib(const struct brt_fib *f, const uint8_t *addr)
{
	if (core_fib_lookup(f, addr) != core_fib_lookup_ref(f, addr))
		abort();
}

/* Each prefix's first address, the one before it and the one after its
 * last: where a structure that splits the space can get boundaries wrong. */
static void check_boundaries(const struct brt_fib *f)
{
	size_t n = f->family == BRT_AF_INET ? 4 : 16, g;
	unsigned bits = (unsigned)n * 8;

	for (g = 0; g < f->n_groups; g++) {
		uint8_t a[16], below[16], above[16];
		unsigned i, len = f->groups[g].len;
		int carry;

		/* a fib built from text has no free slots (only edits make them) */
		memcpy(a, core_pgroup_dst(&f->groups[g])->addr.bytes, n);
		memcpy(below, a, n);
		memcpy(above, a, n);
		for (i = len; i < bits; i++)
			above[i / 8] |= (uint8_t)(0x80u >> (i % 8));
		for (i = (unsigned)n, carry = 1; i-- > 0 && carry;)
			carry = below[i]-- == 0;
		for (i = (unsigned)n, carry = 1; i-- > 0 && carry;)
			carry = ++above[i] == 0;
		check_fib(f, a);
		check_fib(f, below);
		check_fib(f, above);
	}
}

static void query_both(const brt_table *t, const brt_table *w,
		       const struct brt_addr *dst)
{
	struct brt_query q;
	struct brt_result r;

	brt_query_init(&q);
	q.dst = *dst;
	if (brt_table_lookup(t, &q, &r) || r.status > BRT_ROUTE_UNSUPPORTED)
		abort();
	if (w && (brt_table_lookup(w, &q, &r) || r.status > BRT_ROUTE_UNSUPPORTED))
		abort();
}

static brt_table *as_windows(const brt_table *t)
{
	brt_builder *b = brt_builder_from_table(t);
	brt_table *w = NULL;

	if (b && brt_builder_force_policy(b, BRT_POLICY_WINDOWS) == 0)
		brt_builder_finish(b, &w);
	brt_builder_destroy(b);
	return w;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = {data, size};
	brt_builder *b = brt_builder_create();
	brt_table *t = NULL, *w;
	unsigned i, n_addrs, n_routes;
	size_t f;

	if (!b)
		return 0;
	add_links(b);
	add_rule(b);
	n_addrs = next(&in) % 4;
	n_routes = next(&in) % 33;
	for (i = 0; i < n_addrs; i++)
		add_address(b, &in);
	for (i = 0; i < n_routes; i++)
		add_route(b, &in);
	if (brt_builder_finish(b, &t)) {
		brt_builder_destroy(b);
		return 0;
	}
	brt_builder_destroy(b);
	w = as_windows(t);
	for (f = 0; f < t->n_fibs; f++)
		check_boundaries(&t->fibs[f]);
	while (in.left) {
		struct brt_addr a;
		uint8_t family = next(&in) & 1 ? BRT_AF_INET6 : BRT_AF_INET;

		take_addr(&in, family, &a);
		for (f = 0; f < t->n_fibs; f++)
			if (t->fibs[f].family == family)
				check_fib(&t->fibs[f], a.bytes);
		query_both(t, w, &a);
	}
	brt_table_destroy(w);
	brt_table_destroy(t);
	return 0;
}
