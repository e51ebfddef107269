/*
 * test_table_edit.c - a table edited in place, route by route, against a
 * table compiled afresh from the same routes (the oracle): after random
 * adds, prepends, appends, deletes and replacements in IPv4 and IPv6,
 * several tables, nested prefixes and the default route, every fib
 * passes core_fib_audit() (parents against a scan, route order, the lpm's
 * own check), the route lists hold the same routes, and lookups (with
 * oif, source and tos) give the same answers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "fib/table_edit.h"
#include "testutil.h"

static const char base[] =
	"link lo index 1 type loopback\n"
	"link eno1 index 2\n"
	"link eno2 index 3\n"
	"addr 127.0.0.1/8 dev lo\n"
	"addr 203.0.113.10/24 dev eno1\n"
	"addr 198.51.100.20/24 dev eno2\n"
	"addr 2001:db8:10::10/64 dev eno1\n"
	"addr 2001:db8:20::20/64 dev eno2\n"
	"route 203.0.113.0/24 dev eno1 proto kernel scope link src 203.0.113.10\n"
	"route 198.51.100.0/24 dev eno2 proto kernel scope link src 198.51.100.20\n"
	"route local 203.0.113.10 dev eno1 table local proto kernel scope host src 203.0.113.10\n"
	"route local 198.51.100.20 dev eno2 table local proto kernel scope host src 198.51.100.20\n"
	"route 2001:db8:10::/64 dev eno1 proto kernel metric 256\n"
	"route 2001:db8:20::/64 dev eno2 proto kernel metric 256\n"
	"nexthop id 5 via 203.0.113.1 dev eno1\n"
	"nexthop id 6 via 198.51.100.1 dev eno2\n"
	"nexthop id 7 group 5,2/6\n"
	"nexthop id 8 blackhole\n"
	"rule pref 0 lookup local\n"
	"rule pref 1000 from 198.51.100.20 lookup 200\n"
	"rule pref 32766 lookup main\n"
	"rule -6 pref 0 lookup local\n"
	"rule -6 pref 1000 from 2001:db8:20::20 lookup 200\n"
	"rule -6 pref 32766 lookup main\n";

#define MAX_ROUTES 400

struct mroute {
	struct brt_route r;
	struct brt_nexthop nh[2];
};

static struct mroute model[MAX_ROUTES];
static size_t n_model;
static unsigned seed = 12345;

static unsigned rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

static void set_nh(struct brt_route *r, struct brt_nexthop *nh, unsigned i)
{
	bool v4 = r->family == BRT_AF_INET;
	unsigned link = 2 + rnd(2);

	brt_nexthop_init(&nh[i]);
	nh[i].ifindex = link;
	if (rnd(3)) {
		char gw[64];

		snprintf(gw, sizeof(gw), v4 ? (link == 2 ? "203.0.113.%u" : "198.51.100.%u")
					    : (link == 2 ? "2001:db8:10::%x" : "2001:db8:20::%x"),
			 1 + rnd(4));
		assert_int_equal(brt_addr_parse(gw, &nh[i].gw), 0);
	}
}

/* A random route around a few nested spots of each family. */
static void random_route(struct mroute *m)
{
	static const char *const v4[] = { "10.0.0.0", "10.1.0.0", "10.1.128.0",
					  "10.1.128.64", "0.0.0.0", "192.0.2.0" };
	static const char *const v6[] = { "2001:db8:100::", "2001:db8:100:8000::",
					  "::", "2001:db8:100:8000::40" };
	static const unsigned l4[] = { 0, 8, 12, 16, 17, 24, 26, 32 };
	static const unsigned l6[] = { 0, 32, 48, 49, 64, 120, 128 };
	struct brt_route *r = &m->r;
	bool is4 = rnd(4) != 0;
	struct brt_addr a;
	unsigned len;

	brt_route_init(r);
	r->family = is4 ? BRT_AF_INET : BRT_AF_INET6;
	assert_int_equal(brt_addr_parse(is4 ? v4[rnd(6)] : v6[rnd(4)], &a), 0);
	len = is4 ? l4[rnd(8)] : l6[rnd(7)];
	core_prefix_make(&r->dst, &a, len);
	r->table = rnd(3) ? BRT_TABLE_MAIN : 200;
	r->metric = is4 ? 100 * rnd(3) : 1024 + 100 * rnd(2);
	r->tos = is4 && !rnd(5) ? 8 : 0;
	r->protocol = BRT_PROTO_STATIC;
	r->scope = BRT_SCOPE_UNIVERSE;
	r->type = rnd(10) < 8 ? BRT_RT_UNICAST : rnd(2) ? BRT_RT_BLACKHOLE
							 : BRT_RT_UNREACHABLE;
	r->nh = m->nh;
	r->nh_count = 0;
	if (r->type == BRT_RT_UNICAST && is4 && !rnd(6)) {
		r->nh_id = 5 + rnd(4);	/* a nexthop object */
		return;
	}
	if (r->type == BRT_RT_UNICAST) {
		r->nh_count = is4 && !rnd(8) ? 2 : 1;
		set_nh(r, m->nh, 0);
		if (r->nh_count == 2)
			set_nh(r, m->nh, 1);
		if (!m->nh[0].gw.family)
			r->scope = BRT_SCOPE_LINK;
	}
}

/* ------------------------------------------------------------ the model */

static void model_insert(size_t at, const struct mroute *m)
{
	memmove(&model[at + 1], &model[at], (n_model - at) * sizeof(model[0]));
	model[at] = *m;
	n_model++;
	for (at = 0; at < n_model; at++)	/* the copies moved */
		model[at].r.nh = model[at].nh;
}

static void model_remove(size_t at)
{
	memmove(&model[at], &model[at + 1], (n_model - at - 1) * sizeof(model[0]));
	n_model--;
	for (at = 0; at < n_model; at++)
		model[at].r.nh = model[at].nh;
}

static ptrdiff_t model_find(const struct brt_route *r, bool key_only,
			    size_t *count)
{
	ptrdiff_t first = -1;
	size_t i;

	*count = 0;
	for (i = 0; i < n_model; i++)
		if (key_only ? core_route_same_key(&model[i].r, r)
			     : core_route_same(&model[i].r, r)) {
			(*count)++;
			if (first < 0)
				first = (ptrdiff_t)i;
		}
	return first;
}

static brt_table *compile_model(void)
{
	brt_builder *b = brt_builder_create();
	brt_table *t;
	size_t i;

	assert_non_null(b);
	assert_int_equal(brt_builder_load_text(b, "base", base, strlen(base), NULL, 0), 0);
	for (i = 0; i < n_model; i++)
		assert_int_equal(brt_builder_add_route(b, &model[i].r), 0);
	if (brt_builder_finish(b, &t))
		fail_msg("finish: %s", brt_builder_error(b));
	brt_builder_destroy(b);
	return t;
}

/* ---------------------------------------------------------- operations */

/* What the live model does with a new route (live_routes.c): a new key
 * or an append goes last, an IPv4 add to an existing key before it. */
static void op_add(brt_table *t)
{
	struct mroute m;
	size_t keyed, same;
	ptrdiff_t first;
	bool prepend;

	if (n_model >= MAX_ROUTES)
		return;
	random_route(&m);
	m.r.nh = m.nh;
	if (model_find(&m.r, false, &same) >= 0)
		return;	/* already held: the model ignores it */
	first = model_find(&m.r, true, &keyed);
	if (keyed && m.r.family == BRT_AF_INET6)
		return;	/* IPv6 merges next hops: the live model re-dumps */
	prepend = keyed && rnd(2);
	assert_int_equal(core_table_edit_add(t, &m.r, prepend), 0);
	model_insert(prepend ? (size_t)first : n_model, &m);
}

static void op_del(brt_table *t)
{
	size_t i;
	struct mroute m;

	if (!n_model)
		return;
	i = rnd((unsigned)n_model);
	m = model[i];
	m.r.nh = m.nh;
	model_remove(i);
	assert_int_equal(core_table_edit_del(t, &m.r), 0);
	assert_int_equal(core_table_edit_del(t, &m.r), BRT_ENOENT);
}

/* A replace of the only route of a key (what the model applies). */
static void op_replace(brt_table *t)
{
	struct mroute m, old;
	size_t i, keyed, same;

	if (!n_model)
		return;
	i = rnd((unsigned)n_model);
	old = model[i];
	old.r.nh = old.nh;
	do
		random_route(&m);
	while (m.r.family != old.r.family);
	m.r.dst = old.r.dst, m.r.table = old.r.table;
	m.r.tos = old.r.tos, m.r.metric = old.r.metric;
	m.r.nh = m.nh;
	model_find(&old.r, true, &keyed);
	if (keyed != 1 || model_find(&m.r, false, &same) >= 0)
		return;
	assert_int_equal(core_table_edit_replace(t, &old.r, &m.r), 0);
	model[i] = m;
	model[i].r.nh = model[i].nh;
}

/* -------------------------------------------------------------- checks */

static void audit(const brt_table *t)
{
	char msg[256];
	size_t i;

	for (i = 0; i < t->n_fibs; i++)
		if (core_fib_audit(&t->fibs[i], msg, sizeof(msg)))
			fail_msg("fib %u/%u: %s", t->fibs[i].family, t->fibs[i].id, msg);
}

/* Both tables list the same routes (as multisets). */
static void same_routes(const brt_table *a, const brt_table *b)
{
	size_t n = brt_table_route_count(a), i, j;
	bool *used = calloc(n + 1, 1);

	assert_int_equal(n, brt_table_route_count(b));
	for (i = 0; i < n; i++) {
		const struct brt_route *r = brt_table_route(a, i);

		assert_non_null(r);
		for (j = 0; j < n; j++)
			if (!used[j] && core_route_identical(r, brt_table_route(b, j)))
				break;
		if (j == n)
			fail_msg("route %zu of the edited table is not in the compiled one", i);
		used[j] = true;
	}
	free(used);
}

static void random_query(struct brt_query *q)
{
	static const char *const d4[] = { "10.1.128.65", "10.1.128.200", "10.1.3.4",
					  "10.200.0.1", "192.0.2.9", "8.8.8.8" };
	static const char *const d6[] = { "2001:db8:100:8000::41", "2001:db8:100::1",
					  "2001:db8:100:8000::1:0:1", "2001:db8:ffff::1" };
	bool is4 = rnd(4) != 0;

	brt_query_init(q);
	assert_int_equal(brt_addr_parse(is4 ? d4[rnd(6)] : d6[rnd(4)], &q->dst), 0);
	if (!rnd(4))
		q->oif = 2 + rnd(2);
	if (!rnd(4))
		assert_int_equal(brt_addr_parse(is4 ? "198.51.100.20" : "2001:db8:20::20",
						&q->src), 0);
	if (is4 && !rnd(4))
		q->tos = 8;
}

static void same_answers(const brt_table *a, const brt_table *b)
{
	struct brt_result x, y;
	struct brt_query q;
	unsigned i;

	for (i = 0; i < 200; i++) {
		random_query(&q);
		assert_int_equal(brt_table_lookup(a, &q, &x), 0);
		assert_int_equal(brt_table_lookup(b, &q, &y), 0);
		tu_assert_same_answer(&x, &y);
	}
}

static void check_against_compiled(const brt_table *t)
{
	brt_table *ref = compile_model();

	same_routes(t, ref);
	same_answers(t, ref);
	brt_table_destroy(ref);
}

/* @prepare: core_table_edit_prepare first (what the live handle does
 * to every whole table), which must change no answer and no invariant. */
static void run(unsigned ops, unsigned start_routes, bool prepare)
{
	brt_table *t;
	unsigned i;

	n_model = 0;
	for (i = 0; i < start_routes; i++) {
		struct mroute m;
		size_t same;

		random_route(&m);
		m.r.nh = m.nh;
		if (model_find(&m.r, false, &same) < 0)
			model_insert(n_model, &m);
	}
	t = compile_model();
	if (prepare) {
		assert_int_equal(core_table_edit_prepare(t), 0);
		assert_int_equal(core_table_edit_prepare(t), 0);	/* twice: no-op */
		audit(t);
		check_against_compiled(t);
	}
	for (i = 0; i < ops; i++) {
		unsigned k = rnd(10);

		if (k < 5)
			op_add(t);
		else if (k < 8)
			op_del(t);
		else
			op_replace(t);
		audit(t);
		if (i % 25 == 24)
			check_against_compiled(t);
	}
	check_against_compiled(t);
	brt_table_destroy(t);
}

static void edits_from_empty(void **state)
{
	(void)state;
	run(1500, 0, false);
}

static void edits_of_a_compiled_table(void **state)
{
	(void)state;
	run(1500, 150, false);
}

static void edits_of_a_prepared_table(void **state)
{
	(void)state;
	run(1500, 150, true);
	run(300, 0, true);
}

static void drained_and_refilled(void **state)
{
	brt_table *t;

	(void)state;
	run(0, 100, false);
	t = compile_model();
	while (n_model) {
		op_del(t);
		audit(t);
	}
	check_against_compiled(t);
	assert_null(core_table_fib(t, BRT_AF_INET, 200));
	while (n_model < 60)
		op_add(t);
	audit(t);
	check_against_compiled(t);
	brt_table_destroy(t);
}

/* What is refused is refused before anything changes. */
static void refusals(void **state)
{
	struct mroute m;
	brt_table *t;

	(void)state;
	n_model = 0;
	t = compile_model();
	do
		random_route(&m);
	while (m.r.type != BRT_RT_UNICAST);
	m.r.nh = m.nh;
	m.nh[0].ifindex = 99;	/* no such link */
	assert_int_equal(core_table_edit_add(t, &m.r, false), BRT_ENOTSUP);
	m.nh[0].ifindex = 2;
	m.r.nh_id = 99;		/* no such nexthop object */
	assert_int_equal(core_table_edit_add(t, &m.r, false), BRT_ENOTSUP);
	m.r.nh_id = 0;
	assert_int_equal(core_table_edit_del(t, &m.r), BRT_ENOENT);
	check_against_compiled(t);
	brt_table_destroy(t);
}

/* A fib compiled small and edited large asks to be compiled afresh. */
static void outgrown(void **state)
{
	struct mroute m;
	brt_table *t;
	uint32_t i;

	(void)state;
	n_model = 0;
	t = compile_model();
	do
		random_route(&m);
	while (m.r.family != BRT_AF_INET || m.r.type != BRT_RT_UNICAST ||
	       m.r.nh_id);
	m.r.nh = m.nh;
	m.r.dst.len = 32;
	for (i = 0; i < 40000; i++) {
		core_addr_set_v4(&m.r.dst.addr, 0x0a000000u + i);
		assert_int_equal(core_table_edit_add(t, &m.r, false), 0);
		if (i == 30000)
			assert_false(core_table_edit_outgrown(t));
	}
	assert_true(core_table_edit_outgrown(t));
	assert_int_equal(brt_table_route_count(t), 40000 + 6);
	brt_table_destroy(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edits_from_empty),
		cmocka_unit_test(edits_of_a_compiled_table),
		cmocka_unit_test(edits_of_a_prepared_table),
		cmocka_unit_test(drained_and_refilled),
		cmocka_unit_test(refusals),
		cmocka_unit_test(outgrown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
