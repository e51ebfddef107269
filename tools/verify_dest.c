/*
 * verify_dest.c - destinations for `bestroute verify`, drawn from what the
 * host itself holds (where its answers change) and from anywhere.
 *
 * The pool: for every route, its first and last address and one inside;
 * every own address and IPv4 subnet broadcast. A draw takes a pool entry
 * most of the time, else a uniformly random IPv4 or IPv6 address.
 * Multicast is never drawn: the kernel's per-next-hop route cache can make
 * later unicast answers report multicast (see the shared docs), which
 * would be a false alarm, not a disagreement of the model.
 */
#include <stdlib.h>
#include <string.h>

#include "verify_dest.h"

uint64_t verify_rand(uint64_t *state)
{
	/* xorshift64*: small, seedable, good enough to pick addresses */
	uint64_t x = *state ? *state : 0x9e3779b97f4a7c15ull;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545f4914f6cdd1dull;
}

static int is_multicast(const struct brt_addr *a)
{
	if (a->family == BRT_AF_INET)
		return (a->bytes[0] & 0xf0) == 0xe0;
	return a->bytes[0] == 0xff;
}

static int pool_add(struct verify_pool *p, const struct brt_addr *a)
{
	struct brt_addr *n;

	if (is_multicast(a))
		return 0;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		n = realloc(p->addr, p->cap * sizeof(*n));
		if (!n)
			return -1;
		p->addr = n;
	}
	p->addr[p->n] = *a;
	p->addr[p->n++].zone = 0;
	return 0;
}

/* The address of @p with its host bits: 0 "first", 1 "last", 2 random. */
static void in_prefix(const struct brt_prefix *p, int which, uint64_t *rng,
		      struct brt_addr *out)
{
	unsigned bits = p->addr.family == BRT_AF_INET ? 32 : 128, i;

	*out = p->addr;
	for (i = p->len; i < bits; i++) {
		int set = which == 1 || (which == 2 && (verify_rand(rng) & 1));

		if (set)
			out->bytes[i / 8] |= (uint8_t)(0x80u >> (i % 8));
	}
}

static int add_routes(struct verify_pool *p, const brt_table *t, uint64_t *rng)
{
	size_t i, n = brt_table_route_count(t);
	struct brt_addr a;
	int which;

	for (i = 0; i < n; i++) {
		const struct brt_route *r = brt_table_route(t, i);

		if (r->type == BRT_RT_MULTICAST)
			continue;
		for (which = 0; which < 3; which++) {
			in_prefix(&r->dst, which, rng, &a);
			if (pool_add(p, &a))
				return -1;
		}
	}
	return 0;
}

static int add_addresses(struct verify_pool *p, const brt_table *t, uint64_t *rng)
{
	size_t i, n = brt_table_address_count(t);
	struct brt_prefix net;
	struct brt_addr b;

	for (i = 0; i < n; i++) {
		const struct brt_address *a = brt_table_address(t, i);

		if (pool_add(p, &a->addr))
			return -1;
		if (a->broadcast.family && pool_add(p, &a->broadcast))
			return -1;
		if (a->addr.family != BRT_AF_INET || a->plen >= 31)
			continue;
		memset(&net, 0, sizeof(net));
		net.addr = a->addr;
		net.len = a->plen;
		in_prefix(&net, 1, rng, &b);	/* the subnet broadcast */
		if (pool_add(p, &b))
			return -1;
	}
	return 0;
}

int verify_pool_fill(struct verify_pool *p, const brt_table *t, uint64_t *rng)
{
	memset(p, 0, sizeof(*p));
	if (add_routes(p, t, rng) || add_addresses(p, t, rng)) {
		verify_pool_free(p);
		return -1;
	}
	return 0;
}

void verify_pool_free(struct verify_pool *p)
{
	free(p->addr);
	memset(p, 0, sizeof(*p));
}

static void random_addr(int family, uint64_t *rng, struct brt_addr *out)
{
	uint64_t hi = verify_rand(rng), lo = verify_rand(rng);

	memset(out, 0, sizeof(*out));
	out->family = (uint8_t)family;
	memcpy(out->bytes, &hi, 8);
	memcpy(out->bytes + 8, &lo, 8);
	if (family == BRT_AF_INET)
		memset(out->bytes + 4, 0, 12);
}

void verify_draw(const struct verify_pool *p, uint64_t *rng, struct brt_addr *out)
{
	unsigned pick = (unsigned)(verify_rand(rng) % 8);

	if (pick >= 2 && p->n) {
		*out = p->addr[verify_rand(rng) % p->n];
		return;
	}
	do
		random_addr(pick == 1 ? BRT_AF_INET6 : BRT_AF_INET, rng, out);
	while (is_multicast(out));
}
