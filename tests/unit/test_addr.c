/* test_addr.c - addresses and prefixes: parsing, printing, matching. */
#include <string.h>

#include "model/model.h"
#include "testutil.h"

static void parse_v4_and_v6(void **state)
{
	struct brt_addr a;
	char buf[BRT_ADDRSTRLEN];

	(void)state;
	assert_int_equal(brt_addr_parse("192.0.2.1", &a), 0);
	assert_int_equal(a.family, BRT_AF_INET);
	assert_int_equal(core_addr_v4(&a), 0xc0000201u);
	assert_int_equal(brt_addr_parse("2001:db8::1", &a), 0);
	assert_int_equal(a.family, BRT_AF_INET6);
	assert_int_equal(a.bytes[15], 1);
	assert_int_equal(brt_addr_parse("fe80::1%7", &a), 0);
	assert_int_equal(a.zone, 7);
	assert_int_equal(brt_addr_format(&a, buf, sizeof(buf)), 9);
	assert_string_equal(buf, "fe80::1%7");
	assert_int_equal(brt_addr_parse("fe80::1%eth0", &a), BRT_ENOENT);
}

static void parse_rejects_junk(void **state)
{
	struct brt_addr a;
	const char *bad[] = {"", "1.2.3", "1.2.3.4.5", "1.2.3.256", "::g",
			     "1.2.3.4%1", "fe80::1%", " 1.2.3.4", "1.2.3.4 ",
			     "01.2.3.4x", "::1::2"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(brt_addr_parse(bad[i], &a), BRT_EPARSE);
	assert_int_equal(brt_addr_parse(NULL, &a), BRT_EINVAL);
	assert_int_equal(brt_addr_parse("1.2.3.4", NULL), BRT_EINVAL);
}

static void prefixes(void **state)
{
	struct brt_prefix p;
	struct brt_addr a;
	char buf[BRT_PREFIXSTRLEN];

	(void)state;
	assert_int_equal(brt_prefix_parse("10.0.0.0/8", 0, 0, &p), 0);
	assert_int_equal(p.len, 8);
	assert_int_equal(brt_prefix_parse("10.0.0.1/8", 0, 0, &p), BRT_EPARSE);
	assert_int_equal(brt_prefix_parse("10.0.0.1/8", 0, 1, &p), 0);
	assert_int_equal(core_addr_v4(&p.addr), 0x0a000000u);
	assert_int_equal(brt_prefix_parse("10.0.0.0/33", 0, 0, &p), BRT_EPARSE);
	assert_int_equal(brt_prefix_parse("10.0.0.0/", 0, 0, &p), BRT_EPARSE);
	assert_int_equal(brt_prefix_parse("10.0.0.0/-1", 0, 0, &p), BRT_EPARSE);
	assert_int_equal(brt_prefix_parse("default", BRT_AF_INET6, 0, &p), 0);
	assert_int_equal(p.addr.family, BRT_AF_INET6);
	assert_int_equal(p.len, 0);
	assert_int_equal(brt_prefix_parse("2001:db8::/32", 0, 0, &p), 0);
	brt_prefix_format(&p, buf, sizeof(buf));
	assert_string_equal(buf, "2001:db8::/32");
	brt_addr_parse("2001:db8:ffff::1", &a);
	assert_true(brt_prefix_contains(&p, &a));
	brt_addr_parse("2001:db9::1", &a);
	assert_false(brt_prefix_contains(&p, &a));
	brt_addr_parse("10.1.2.3", &a);
	assert_false(brt_prefix_contains(&p, &a));
}

static void bits(void **state)
{
	uint8_t a[16] = {0xff, 0x00}, b[16] = {0xfe, 0x00};

	(void)state;
	assert_int_equal(core_common_bits(a, b, 128), 7);
	assert_int_equal(core_common_bits(a, a, 32), 32);
	assert_true(core_bits_match(a, b, 7));
	assert_false(core_bits_match(a, b, 8));
	core_bits_mask(a, 16, 4);
	assert_int_equal(a[0], 0xf0);
}

static void scopes(void **state)
{
	struct brt_addr a;

	(void)state;
	brt_addr_parse("fe80::1", &a);
	assert_int_equal(core_addr6_scope(&a), 2);
	brt_addr_parse("::1", &a);
	assert_int_equal(core_addr6_scope(&a), 2);
	brt_addr_parse("ff05::1", &a);
	assert_int_equal(core_addr6_scope(&a), 5);
	brt_addr_parse("2001:db8::1", &a);
	assert_int_equal(core_addr6_scope(&a), 14);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_v4_and_v6),
		cmocka_unit_test(parse_rejects_junk),
		cmocka_unit_test(prefixes),
		cmocka_unit_test(bits),
		cmocka_unit_test(scopes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
