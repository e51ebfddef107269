/*
 * test_lpm_fib.c - compiled tables answer through the fast structure
 * exactly as the reference scan does (every fib of a random table).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "testutil.h"
#include "xorshift.h"

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	return xorshift64(&rng);
}

/* Blackhole routes (they need no link) in three IPv4 and one IPv6 table. */
static brt_table *random_table(void)
{
	brt_builder *b = brt_builder_create();
	brt_table *t = NULL;
	unsigned i, k;

	assert_non_null(b);
	for (i = 0; i < 600; i++) {
		struct brt_route r;
		uint8_t a[16];

		memset(&r, 0, sizeof(r));
		for (k = 0; k < 16; k++)
			a[k] = (uint8_t)rnd();
		r.family = i % 2 ? BRT_AF_INET6 : BRT_AF_INET;
		r.type = BRT_RT_BLACKHOLE;
		r.table = r.family == BRT_AF_INET6 ? 5 : 5 + (unsigned)(rnd() % 3);
		r.metric = (uint32_t)(rnd() % 3);
		r.protocol = BRT_PROTO_STATIC;
		if (r.family == BRT_AF_INET6)
			memcpy(a, "\x20\x01\x0d\xb8", 4);
		a[1] &= 0x0f;
		memcpy(r.dst.addr.bytes, a, 16);
		r.dst.addr.family = r.family;
		core_prefix_make(&r.dst, &r.dst.addr, r.family == BRT_AF_INET6 ?
				(unsigned)(rnd() % 129) :
				i % 97 == 0 ? 0 : 8 + (unsigned)(rnd() % 25));
		r.dst.addr.family = r.family;
		assert_int_equal(brt_builder_add_route(b, &r), 0);
	}
	assert_int_equal(brt_builder_finish(b, &t), 0);
	brt_builder_destroy(b);
	return t;
}

static void fibs_match_reference(void **state)
{
	brt_table *t = random_table();
	size_t i, j, k;

	(void)state;
	assert_true(t->n_fibs >= 4);
	for (i = 0; i < t->n_fibs; i++) {
		const struct brt_fib *f = &t->fibs[i];

		assert_non_null(f->fast);
		for (j = 0; j < 4000; j++) {
			uint8_t a[16];

			for (k = 0; k < 16; k++)
				a[k] = (uint8_t)rnd();
			if (j % 2 && f->n_groups) {	/* inside a group */
				const struct brt_pgroup *g =
					&f->groups[rnd() % f->n_groups];

				memcpy(a, core_pgroup_dst(g)->addr.bytes,
				       g->len / 8);
			}
			if (f->family == BRT_AF_INET6 && j % 3 == 0)
				memcpy(a, "\x20\x01\x0d\xb8", 4);
			assert_ptr_equal(core_fib_lookup(f, a),
					 core_fib_lookup_ref(f, a));
		}
	}
	brt_table_destroy(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fibs_match_reference),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
