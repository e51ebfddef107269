/*
 * test_live_nhpool.c - the live model's shared next-hop arrays
 * (src/os/linux/live/live_nhpool.c) against a plain list of every
 * reference handed out: random gets and puts of arrays drawn from a small
 * set, so that equal arrays meet often. After each step: every live
 * reference reads back the array it was asked for, equal arrays share one
 * block, different ones do not, and the pool holds exactly one block per
 * distinct live array (none once all are given back).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "live/live_impl.h"
#include "testutil.h"

#define MAXREF 400
#define MAXNH 3

static unsigned seed = 4242;

static unsigned rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

struct ref {
	struct brt_nexthop nh[MAXNH];
	uint32_t count;
	const struct brt_nexthop *got;
};

static struct ref refs[MAXREF];
static size_t n_refs;

/* One of a few arrays: 1-3 next hops over 3 gateways and 2 weights. */
static void draw(struct ref *r)
{
	uint32_t i;

	memset(r, 0, sizeof(*r));
	r->count = 1 + rnd(MAXNH);
	for (i = 0; i < r->count; i++) {
		r->nh[i].gw.family = BRT_AF_INET;
		r->nh[i].gw.bytes[0] = 10;
		r->nh[i].gw.bytes[3] = (uint8_t)(1 + rnd(3));
		r->nh[i].gw.reserved[0] = (uint8_t)rnd(256);	/* not compared */
		r->nh[i].ifindex = 2;
		r->nh[i].weight = 1 + rnd(2);
	}
}

static bool same(const struct brt_nexthop *a, const struct brt_nexthop *b, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		if (a[i].gw.family != b[i].gw.family ||
		    memcmp(a[i].gw.bytes, b[i].gw.bytes, 16) ||
		    a[i].ifindex != b[i].ifindex || a[i].weight != b[i].weight ||
		    a[i].flags != b[i].flags)
			return false;
	return true;
}

static void check(const struct brt_lnh_pool *p)
{
	size_t i, j, distinct = 0;

	for (i = 0; i < n_refs; i++) {
		bool first = true;

		assert_true(same(refs[i].got, refs[i].nh, refs[i].count));
		for (j = 0; j < n_refs; j++) {
			bool eq = refs[i].count == refs[j].count &&
				  same(refs[i].nh, refs[j].nh, refs[i].count);

			assert_int_equal(eq, refs[i].got == refs[j].got);
			if (eq && j < i)
				first = false;
		}
		distinct += first;
	}
	assert_int_equal(p->n, distinct);
}

static void random_gets_and_puts(void **state)
{
	struct brt_lnh_pool p;
	const struct brt_nexthop *none = (const void *)1;
	unsigned step;

	(void)state;
	assert_int_equal(os_lnh_init(&p), 0);
	assert_int_equal(os_lnh_get(&p, NULL, 0, &none), 0);
	assert_null(none);	/* no next hops: no block */
	os_lnh_put(&p, NULL);
	for (step = 0; step < 20000; step++) {
		if (n_refs < MAXREF && (n_refs == 0 || rnd(100) < 55)) {
			struct ref *r = &refs[n_refs];

			draw(r);
			assert_int_equal(os_lnh_get(&p, r->nh, r->count, &r->got), 0);
			n_refs++;
		} else {
			size_t i = rnd((unsigned)n_refs);

			os_lnh_put(&p, refs[i].got);
			refs[i] = refs[--n_refs];
		}
		if (step % 97 == 0)
			check(&p);
	}
	check(&p);
	while (n_refs)
		os_lnh_put(&p, refs[--n_refs].got);
	assert_int_equal(p.n, 0);
	os_lnh_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(random_gets_and_puts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
