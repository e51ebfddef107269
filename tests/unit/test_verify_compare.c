/*
 * test_verify_compare.c - the comparison behind `bestroute verify`
 * (tools/verify_compare.c): crafted kernel answers next to real answers
 * of the engine, so that each rule can be seen to accept and to reject.
 */
#include <string.h>

#include "testutil.h"
#include "verify_compare.h"

static const char *host =
	"link lo index 1 type loopback\n"
	"link eth0 index 2\n"
	"link eth1 index 3\n"
	"addr 127.0.0.1/8 dev lo\n"
	"addr 192.168.1.10/24 dev eth0\n"
	"addr 10.1.0.5/16 dev eth1\n"
	"route default via 192.168.1.1 dev eth0\n"
	"route 100.64.0.0/10 nexthop via 192.168.1.2 dev eth0 nexthop via 10.1.0.2 dev eth1\n"
	"route 10.9.0.0/16 via 10.1.0.5 dev eth1\n"
	"route blackhole 192.0.2.0/24\n"
	"route 198.18.0.0/15 via 10.1.0.9 dev eth1 table 200\n"
	"rule pref 50 to 198.18.0.0/15 lookup 200\n";

static brt_table *tab;

static int setup(void **state)
{
	(void)state;
	tab = tu_table(host);
	return tab ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	brt_table_destroy(tab);
	return 0;
}

/* Our answer for @words, and a kernel answer that says the same. */
static void answer(const char *words, struct brt_query *q, struct brt_result *o,
		   struct brt_result *k)
{
	tu_query(tab, words, q);
	assert_int_equal(brt_table_lookup(tab, q, o), 0);
	*k = *o;
	k->route = NULL;	/* the kernel reports one hop, no route record */
	k->nh = NULL;
	k->nh_count = 0;
	k->nh_chosen = 0;
}

static int differs(const struct brt_query *q, const struct brt_result *o,
		   const struct brt_result *k, const char *word)
{
	char why[512];
	int d = verify_compare(tab, q, o, k, why, sizeof(why));

	if (d && word && !strstr(why, word))
		fail_msg("difference '%s' does not name '%s'", why, word);
	return d;
}

static void test_same_answer_agrees(void **state)
{
	struct brt_query q;
	struct brt_result o, k;

	(void)state;
	answer("8.8.8.8", &q, &o, &k);
	assert_int_equal(differs(&q, &o, &k, NULL), 0);
	answer("198.18.1.1", &q, &o, &k);
	assert_int_equal(differs(&q, &o, &k, NULL), 0);
}

static void test_each_field_can_disagree(void **state)
{
	struct brt_query q;
	struct brt_result o, k;

	(void)state;
	answer("8.8.8.8", &q, &o, &k);
	brt_addr_parse("192.168.1.254", &k.gateway);
	assert_int_equal(differs(&q, &o, &k, "gateway"), 1);
	answer("8.8.8.8", &q, &o, &k);
	k.ifindex = 3;
	assert_int_equal(differs(&q, &o, &k, "interface"), 1);
	answer("8.8.8.8", &q, &o, &k);
	brt_addr_parse("10.1.0.5", &k.source);
	assert_int_equal(differs(&q, &o, &k, "source"), 1);
	answer("8.8.8.8", &q, &o, &k);
	k.type = BRT_RT_LOCAL;
	assert_int_equal(differs(&q, &o, &k, "type"), 1);
	answer("8.8.8.8", &q, &o, &k);
	k.prefix.len = 1;
	assert_int_equal(differs(&q, &o, &k, "prefix"), 1);
	answer("8.8.8.8", &q, &o, &k);
	k.has_prefix = 0;	/* the kernel routed without a FIB entry */
	assert_int_equal(differs(&q, &o, &k, "prefix"), 1);
	answer("198.18.1.1", &q, &o, &k);
	k.table = BRT_TABLE_MAIN;
	assert_int_equal(differs(&q, &o, &k, "table"), 1);
}

static void test_error_kinds(void **state)
{
	struct brt_query q;
	struct brt_result o, k;

	(void)state;
	answer("192.0.2.1", &q, &o, &k);
	assert_int_equal(o.status, BRT_ROUTE_BLACKHOLE);
	assert_int_equal(differs(&q, &o, &k, NULL), 0);
	/* --kernel tells a blackhole route from a refused query (issue 22) */
	k.status = BRT_ROUTE_INVALID;
	assert_int_equal(differs(&q, &o, &k, "invalid"), 1);
	k.status = BRT_ROUTE_UNREACHABLE;
	assert_int_equal(differs(&q, &o, &k, "unreachable"), 1);
	answer("8.8.8.8", &q, &o, &k);
	k.status = BRT_ROUTE_NO_ROUTE;
	assert_int_equal(differs(&q, &o, &k, "no-route"), 1);
}

static void test_multipath_any_hop_with_its_source(void **state)
{
	struct brt_query q;
	struct brt_result o, k;

	(void)state;
	answer("100.64.1.1", &q, &o, &k);
	assert_int_equal(o.nh_count, 2);
	assert_int_equal(differs(&q, &o, &k, NULL), 0);
	/* the kernel's hash picked the second hop, with eth1's source */
	brt_addr_parse("10.1.0.2", &k.gateway);
	k.ifindex = 3;
	brt_addr_parse("10.1.0.5", &k.source);
	assert_int_equal(differs(&q, &o, &k, NULL), 0);
	/* the second hop with the first hop's source is not one of ours */
	brt_addr_parse("192.168.1.10", &k.source);
	assert_int_equal(differs(&q, &o, &k, "next hop"), 1);
	/* nor a gateway none of the hops has */
	brt_addr_parse("10.1.0.3", &k.gateway);
	brt_addr_parse("10.1.0.5", &k.source);
	assert_int_equal(differs(&q, &o, &k, "next hop"), 1);
}

static void test_own_address_gateway_printed_or_not(void **state)
{
	struct brt_query q;
	struct brt_result o, k;

	(void)state;
	answer("10.9.1.1", &q, &o, &k);
	assert_int_equal(o.gateway.family, 0);	/* ours leaves it out */
	brt_addr_parse("10.1.0.5", &k.gateway);	/* the kernel prints it */
	assert_int_equal(differs(&q, &o, &k, NULL), 0);
	/* a gateway that is not ours is not optional */
	answer("8.8.8.8", &q, &o, &k);
	memset(&k.gateway, 0, sizeof(k.gateway));
	assert_int_equal(differs(&q, &o, &k, "gateway"), 1);
}

static void test_from_compares_source_and_prefsrc(void **state)
{
	struct brt_query q;
	struct brt_result o, k;

	(void)state;
	answer("8.8.8.8 from 10.1.0.5", &q, &o, &k);
	/* IPv4 with from: source is the given one, no prefsrc, both sides */
	assert_int_equal(o.prefsrc.family, 0);
	assert_int_equal(differs(&q, &o, &k, NULL), 0);
	brt_addr_parse("192.168.1.10", &k.prefsrc);
	assert_int_equal(differs(&q, &o, &k, "prefsrc"), 1);
	memset(&k.prefsrc, 0, sizeof(k.prefsrc));
	brt_addr_parse("192.168.1.10", &k.source);
	assert_int_equal(differs(&q, &o, &k, "source"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_answer_agrees),
		cmocka_unit_test(test_each_field_can_disagree),
		cmocka_unit_test(test_error_kinds),
		cmocka_unit_test(test_multipath_any_hop_with_its_source),
		cmocka_unit_test(test_own_address_gateway_printed_or_not),
		cmocka_unit_test(test_from_compares_source_and_prefsrc),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
