/* test_text_write.c - the table text format writer and round trips. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "testutil.h"

static char *write_text(const brt_table *t, unsigned flags)
{
	char *s = NULL;

	assert_int_equal(brt_table_write_text(t, flags, &s), 0);
	assert_non_null(s);
	return s;
}

/* Flags but the DERIVED bits: written with BRT_WRITE_ALL, derived entries
 * read back as given ones. */
static unsigned given_bits(unsigned f, unsigned derived)
{
	return f & ~derived;
}

static void same_route(const struct brt_route *a, const struct brt_route *b)
{
	/* a derived route's metric was not "given" but is written */
	unsigned mask = BRT_ROUTE_F_DERIVED |
			(a->flags & BRT_ROUTE_F_DERIVED ? BRT_ROUTE_F_HAS_METRIC : 0);

	assert_int_equal(a->family, b->family);
	assert_int_equal(a->type, b->type);
	assert_true(core_prefix_equal(&a->dst, &b->dst));
	assert_true(core_prefix_equal(&a->src, &b->src));
	assert_memory_equal(&a->prefsrc, &b->prefsrc, sizeof(a->prefsrc));
	assert_int_equal(a->table, b->table);
	assert_int_equal(a->metric, b->metric);
	assert_int_equal(given_bits(a->flags, mask), given_bits(b->flags, mask));
	assert_int_equal(a->nh_id, b->nh_id);
	assert_int_equal(a->mtu, b->mtu);
	assert_int_equal(a->expires, b->expires);
	assert_int_equal(a->tos, b->tos);
	assert_int_equal(a->protocol, b->protocol);
	assert_int_equal(a->scope, b->scope);
	assert_int_equal(a->pref, b->pref);
	assert_int_equal(a->nh_count, b->nh_count);
	if (a->nh_count)
		assert_memory_equal(a->nh, b->nh, a->nh_count * sizeof(*a->nh));
}

static void same_nhobj(const struct brt_nhobj *a, const struct brt_nhobj *b)
{
	assert_int_equal(a->id, b->id);
	assert_int_equal(a->flags, b->flags);
	assert_memory_equal(&a->gw, &b->gw, sizeof(a->gw));
	assert_int_equal(a->ifindex, b->ifindex);
	assert_int_equal(a->family, b->family);
	assert_int_equal(a->protocol, b->protocol);
	assert_int_equal(a->group_count, b->group_count);
	if (a->group_count)
		assert_memory_equal(a->group, b->group,
				    a->group_count * sizeof(*a->group));
}

#define SAME_GIVEN(type, x, y, bit)                                      \
	do {                                                             \
		type a_ = *(x), b_ = *(y);                               \
		a_.flags &= ~(uint32_t)(bit);                            \
		b_.flags &= ~(uint32_t)(bit);                            \
		assert_memory_equal(&a_, &b_, sizeof(a_));               \
	} while (0)

/* Every entry of @a equals the one at the same place in @b. */
static void same_tables(const brt_table *a, const brt_table *b)
{
	size_t i;

	assert_int_equal(brt_table_policy(a), brt_table_policy(b));
	assert_int_equal(brt_table_link_count(a), brt_table_link_count(b));
	for (i = 0; i < brt_table_link_count(a); i++)
		SAME_GIVEN(struct brt_link, brt_table_link(a, i),
			   brt_table_link(b, i), BRT_LINK_F_DERIVED);
	assert_int_equal(brt_table_address_count(a), brt_table_address_count(b));
	for (i = 0; i < brt_table_address_count(a); i++)
		SAME_GIVEN(struct brt_address, brt_table_address(a, i),
			   brt_table_address(b, i), BRT_ADDR_F_DERIVED);
	assert_int_equal(brt_table_route_count(a), brt_table_route_count(b));
	for (i = 0; i < brt_table_route_count(a); i++)
		same_route(brt_table_route(a, i), brt_table_route(b, i));
	assert_int_equal(brt_table_rule_count(a), brt_table_rule_count(b));
	for (i = 0; i < brt_table_rule_count(a); i++)
		SAME_GIVEN(struct brt_rule, brt_table_rule(a, i),
			   brt_table_rule(b, i), BRT_RULE_F_DERIVED);
	assert_int_equal(brt_table_nhobj_count(a), brt_table_nhobj_count(b));
	for (i = 0; i < brt_table_nhobj_count(a); i++)
		same_nhobj(brt_table_nhobj(a, i), brt_table_nhobj(b, i));
	assert_int_equal(brt_table_addrlabel_count(a), brt_table_addrlabel_count(b));
	for (i = 0; i < brt_table_addrlabel_count(a); i++)
		SAME_GIVEN(struct brt_addrlabel, brt_table_addrlabel(a, i),
			   brt_table_addrlabel(b, i), BRT_LABEL_F_DERIVED);
	assert_int_equal(brt_table_sysctl_count(a), brt_table_sysctl_count(b));
}

/* write, read back, write again: same text, same entries. */
static void round_trip(const brt_table *t, unsigned flags)
{
	char *s1 = write_text(t, flags), *s2;
	brt_table *t2 = tu_table(s1);

	s2 = write_text(t2, flags);
	assert_string_equal(s1, s2);
	same_tables(t, t2);
	free(s1);
	free(s2);
	brt_table_destroy(t2);
}

static const char rich[] =
	"policy linux\n"
	"link lo index 1 type loopback\n"
	"link eth0 index 2 mtu 9000 group 4\n"
	"link eth1 index 3 nocarrier master br0\n"
	"link br0 index 4 type other metric 10\n"
	"link wg0 index 5 type tunnel down noipv6\n"
	"link ppp0 index 6 type ppp weak-host-send noipv4\n"
	"addr 192.0.2.10/24 dev eth0 brd 192.0.2.255 label eth0:a metric 20\n"
	"addr 192.0.2.11/24 dev eth0 secondary\n"
	"addr 10.4.0.1 peer 10.4.0.2/32 dev eth1\n"
	"addr 2001:db8::10/64 dev eth0 valid_lft 3600 preferred_lft 1800"
	" temporary dynamic mngtmpaddr noprefixroute\n"
	"addr fe80::1/64 dev eth0 scope link nodad tentative optimistic\n"
	"nexthop id 1 via 192.0.2.1 dev eth0\n"
	"nexthop id 2 via 192.0.2.2 dev eth0 onlink proto static\n"
	"nexthop id 3 -6 dev eth0\n"
	"nexthop id 4 blackhole\n"
	"nexthop id 10 group 1,5/2 type resilient\n"
	"route default via 192.0.2.1 dev eth0 metric 100 proto dhcp src 192.0.2.10\n"
	"route -6 default dev eth0 pref high\n"
	"route default via 2001:db8::1 dev eth0 expires 60sec\n"
	"route 2001:db8:9::/48 from 2001:db8:1::/48 via fe80::9 dev eth0 mtu 1280\n"
	"route 10.0.0.0/8 nhid 10 table 7 tos 0x10\n"
	"route 10.1.0.0/16 dead onlink\n"
	"\tnexthop via 192.0.2.1 dev eth0 weight 3\n"
	"\tnexthop via 10.4.0.2 dev eth1 linkdown\n"
	"route unreachable 10.2.0.0/16 metric 0\n"
	"route prohibit 2001:db8:dead::/48 table 9 proto 77\n"
	"route throw 10.3.0.0/16 table 7\n"
	"route blackhole 10.5.0.0/16 scope host\n"
	"route local 10.6.0.1 dev eth0 table main\n"
	"route broadcast 10.7.255.255 dev eth0\n"
	"route multicast 239.0.0.0/8 dev eth0 scope 9\n"
	"route anycast 2001:db8::/64 dev eth0 proto kernel\n"
	"route 10.8.0.0/16 dev eth0 scope global\n"
	"rule 100: not from 10.0.0.0/8 to 172.16.0.0/12 tos 0x08 fwmark 0x10/0xf0"
	" iif eth0 oif eth1 uidrange 1000-1999 ipproto udp sport 53 dport 1024-2047"
	" lookup 7 suppress_prefixlength 0 suppress_ifgroup 3 proto 99\n"
	"rule 200: goto 300\n"
	"rule 300: l3mdev nop\n"
	"rule 400: blackhole\n"
	"rule -6 100: from 2001:db8::/32 unreachable\n"
	"rule -6 pref 200 prohibit\n"
	"rule -6 lookup 9\n"
	"addrlabel prefix 2001:db8::/32 dev eth0 label 9\n"
	"addrlabel 2001:db9::/32 label 10\n"
	"sysctl net.ipv6.conf.eth0.use_tempaddr = 2\n"
	"sysctl net.ipv4.fib_multipath_hash_policy = 1\n";

static void rich_table_round_trips(void **state)
{
	brt_table *t = tu_table(rich);

	(void)state;
	round_trip(t, 0);
	round_trip(t, BRT_WRITE_ALL);
	brt_table_destroy(t);
}

static void rich_table_text(void **state)
{
	brt_table *t = tu_table(rich);
	char *s = write_text(t, 0);

	(void)state;
	assert_non_null(strstr(s, "policy linux\n"));
	assert_non_null(strstr(s, "link eth1 index 3 nocarrier master br0\n"));
	assert_non_null(strstr(s, "addr 10.4.0.1/32 dev eth1 peer 10.4.0.2\n"));
	assert_non_null(strstr(s, "nexthop id 10 group 1,5/2 type resilient\n"));
	assert_non_null(strstr(s, "route default via 192.0.2.1 dev eth0 proto dhcp"
				  " metric 100 src 192.0.2.10\n"));
	assert_non_null(strstr(s, "route -6 default dev eth0 pref high\n"));
	assert_non_null(strstr(s, "route 10.1.0.0/16 onlink dead\n"
				  "\tnexthop via 192.0.2.1 dev eth0 weight 3\n"
				  "\tnexthop via 10.4.0.2 dev eth1 linkdown\n"));
	assert_non_null(strstr(s, "route 10.0.0.0/8 tos 0x10 nhid 10 table 7\n"));
	assert_non_null(strstr(s, "route local 10.6.0.1 dev eth0 table main\n"));
	assert_non_null(strstr(s, "rule -6 99: from all lookup 9\n"));
	assert_non_null(strstr(s, "sysctl net.ipv4.fib_multipath_hash_policy = 1\n"));
	free(s);
	brt_table_destroy(t);
}

/* Derived entries (loopback, connected and local routes, default rules
 * and labels) are written only with BRT_WRITE_ALL, each marked with the
 * comment "# derived". */
static void derived_only_with_all(void **state)
{
	brt_table *t = tu_table("link eth0 index 2\naddr 192.0.2.10/24 dev eth0\n");
	char *given = write_text(t, 0), *all = write_text(t, BRT_WRITE_ALL);
	brt_table *t2;

	(void)state;
	assert_string_equal(given, "policy linux\nlink eth0 index 2\n"
				   "addr 192.0.2.10/24 dev eth0\n");
	assert_non_null(strstr(all, "link lo index 1 type loopback # derived\n"));
	assert_non_null(strstr(all, "route 192.0.2.0/24 dev eth0 proto kernel"
				    " src 192.0.2.10 # derived\n"));
	assert_non_null(strstr(all, "route local 192.0.2.10 dev eth0 proto kernel"));
	assert_non_null(strstr(all, "rule 32766: from all lookup main # derived\n"));
	assert_non_null(strstr(all, "addrlabel prefix ::/0 label 1 # derived\n"));
	assert_null(strstr(all, "link eth0 index 2 # derived"));
	/* read back, the derived entries are given and not derived twice */
	t2 = tu_table(all);
	assert_int_equal(brt_table_route_count(t2), brt_table_route_count(t));
	assert_int_equal(brt_table_rule_count(t2), brt_table_rule_count(t));
	assert_int_equal(brt_table_addrlabel_count(t2), brt_table_addrlabel_count(t));
	free(given);
	free(all);
	brt_table_destroy(t2);
	brt_table_destroy(t);
}


/* A file of tests/data/ip-text as statements. */
static char *text_fixture(const char *file, const char *prefix)
{
	char rel[256];

	snprintf(rel, sizeof(rel), "tests/data/ip-text/%s", file);
	return tu_prefixed_file(rel, prefix);
}

static void fixtures_round_trip(void **state)
{
	static const char *const files[][2] = {
		{"links.table", ""}, {"route4.txt", "route "},
		{"route6.txt", "route "}, {"rule4.txt", "rule "},
		{"rule6.txt", "rule -6 "}, {"nexthop.txt", "nexthop "},
		{"addrlabel.txt", "addrlabel "},
	};
	brt_builder *b = brt_builder_create();
	char err[512];
	brt_table *t = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *text = text_fixture(files[i][0], files[i][1]);

		if (brt_builder_load_text(b, files[i][0], text, strlen(text), err,
					  sizeof(err)))
			fail_msg("%s", err);
		free(text);
	}
	assert_int_equal(brt_builder_finish(b, &t), 0);
	round_trip(t, 0);
	round_trip(t, BRT_WRITE_ALL);
	brt_table_destroy(t);
	brt_builder_destroy(b);
}

/* A table made through the API, with values the reader would not pick
 * by default, still reads back the same. */
static void api_table_round_trips(void **state)
{
	brt_builder *b = brt_builder_create();
	struct brt_link l;
	struct brt_route r;
	struct brt_nexthop nh;
	brt_table *t = NULL;
	char *s;

	(void)state;
	brt_link_init(&l);
	strcpy(l.name, "eth0");
	l.index = 2;
	assert_int_equal(brt_builder_add_link(b, &l), 0);
	brt_route_init(&r);
	r.family = BRT_AF_INET6;
	r.dst.addr.family = BRT_AF_INET6;
	r.metric = 5;
	brt_nexthop_init(&nh);
	nh.ifindex = 2;
	r.nh = &nh;
	r.nh_count = 1;
	assert_int_equal(brt_builder_add_route(b, &r), 0);
	assert_int_equal(brt_builder_finish(b, &t), 0);
	s = write_text(t, 0);
	assert_non_null(strstr(s, "route -6 default dev eth0 metric 5\n"));
	free(s);
	brt_table_destroy(t);
	brt_builder_destroy(b);
	assert_int_equal(brt_table_write_text(NULL, 0, &s), BRT_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rich_table_round_trips),
		cmocka_unit_test(rich_table_text),
		cmocka_unit_test(derived_only_with_all),
		cmocka_unit_test(fixtures_round_trip),
		cmocka_unit_test(api_table_round_trips),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
