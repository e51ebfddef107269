/*
 * test_policy_linux.c - the Linux policy, case by case (what
 * `ip route get` answers; the same behaviours are checked against the
 * running kernel by tests/live/diff_harness.py).
 */
#include <string.h>

#include "testutil.h"

static const char *host =
	"link lo index 1 type loopback\n"
	"link eth0 index 2\n"
	"link eth1 index 3\n"
	"link wg0 index 4 type tunnel\n"
	"link nocar index 5 nocarrier\n"
	"link off index 6 down\n"
	"addr 127.0.0.1/8 dev lo\n"
	"addr 192.168.1.10/24 dev eth0\n"
	"addr 192.168.1.11/24 dev eth0\n"
	"addr 10.1.0.5/16 dev eth1\n"
	"addr 10.1.0.6/16 dev eth1\n"
	"addr 10.8.0.2/24 dev wg0\n"
	"addr 172.20.0.1/24 dev nocar\n"
	"addr 172.30.0.1/24 dev off\n"
	"addr 2001:db8:1::10/64 dev eth0\n"
	"addr 2001:db8:1::20/64 dev eth0 deprecated\n"
	"addr fe80::10/64 dev eth0\n"
	"addr 2001:db8:2::5/64 dev eth1\n"
	"addr fd00:8::2/64 dev wg0\n"
	"route default via 192.168.1.1 dev eth0 metric 100\n"
	"route default via 10.1.0.1 dev eth1 metric 200\n"
	"route 10.0.0.0/8 via 10.1.0.254 dev eth1\n"
	"route 10.0.0.0/8 via 10.1.0.253 dev eth1\n"
	"route 10.2.0.0/16 via 172.20.0.254 dev nocar\n"
	"route 10.3.0.0/16 via 172.30.0.254 dev off\n"
	"route 10.4.0.0/16 via 10.1.0.1 dev eth1 src 10.1.0.6\n"
	"route 10.5.0.0/16 via 192.168.1.1 dev eth0 tos 0x10\n"
	"route 10.5.0.0/16 via 10.1.0.1 dev eth1\n"
	"route blackhole 192.0.2.0/24\n"
	"route unreachable 198.51.100.0/24\n"
	"route prohibit 203.0.113.0/24\n"
	"route 100.64.0.0/10 nexthop via 192.168.1.2 dev eth0 weight 3 nexthop via 10.1.0.2 dev eth1\n"
	"route 0.0.0.0/0 via 10.8.0.1 dev wg0 table 51820\n"
	"route throw 10.0.0.0/8 table 51820\n"
	"route 198.18.0.0/15 via 10.1.0.9 dev eth1 table 200\n"
	"route unreachable default table 300\n"
	"route default via 2001:db8:1::1 dev eth0 metric 1024\n"
	"route 2001:db8:99::/48 via 2001:db8:2::1 dev eth1\n"
	"route 2001:db8:98::/48 via 2001:db8:2::1 dev eth1 metric 100\n"
	"route 2001:db8:98::/48 via 2001:db8:1::1 dev eth0 metric 50\n"
	"route default via fd00:8::1 dev wg0 table 51820\n"
	"rule pref 100 fwmark 0xca6c lookup main\n"
	"rule pref 110 not fwmark 0xca6c lookup 51820\n"
	"rule -6 pref 110 not fwmark 0xca6c lookup 51820\n"
	"rule -6 pref 105 to 2001:db8:99::/48 lookup main\n"
	"rule pref 50 to 198.18.0.0/15 lookup 200\n"
	"rule pref 45 from 10.1.0.6 to 198.19.0.0/16 prohibit\n"
	"rule pref 70 uidrange 1000-1999 to 192.0.2.128/25 lookup 300\n"
	"rule pref 80 ipproto udp dport 53 to 9.9.9.9 goto 90\n"
	"rule pref 90 to 9.9.9.9 lookup 200\n"
	"rule pref 95 oif eth1 to 9.9.9.9 blackhole\n"
	"rule pref 96 iif lo to 9.9.9.10 unreachable\n"
	"rule pref 97 to 9.9.9.11 nop\n"
	"rule pref 99 lookup main suppress_prefixlength 0\n";

struct lcase {
	const char *query;
	int status;
	const char *type, *prefix;
	uint32_t table;
	const char *gw, *dev, *src;
};

#define OK BRT_ROUTE_OK
static const struct lcase cases[] = {
	/* rules: the VPN pattern (suppress_prefixlength, not fwmark, table) */
	{"8.8.8.8", OK, "unicast", "0.0.0.0/0", 51820, "10.8.0.1", "wg0", "10.8.0.2"},
	{"8.8.8.8 mark 0xca6c", OK, "unicast", "0.0.0.0/0", 254, "192.168.1.1", "eth0", "192.168.1.10"},
	{"10.77.0.1", OK, "unicast", "10.0.0.0/8", 254, "10.1.0.254", "eth1", "10.1.0.5"},
	{"192.168.1.77", OK, "unicast", "192.168.1.0/24", 254, "", "eth0", "192.168.1.10"},
	/* throw in 51820 falls through to main for 10/8 */
	{"10.77.0.1 mark 1", OK, "unicast", "10.0.0.0/8", 254, "10.1.0.254", "eth1", "10.1.0.5"},
	/* local and broadcast from the local table (merged into main) */
	{"192.168.1.11", OK, "local", "192.168.1.11/32", 255, "", "lo", "192.168.1.10"},
	{"192.168.1.255", OK, "broadcast", "192.168.1.255/32", 255, "", "eth0", "192.168.1.10"},
	{"127.9.9.9", OK, "local", "127.0.0.0/8", 255, "", "lo", "127.0.0.1"},
	{"255.255.255.255 mark 0xca6c", OK, "broadcast", "0.0.0.0/0", 254, "", "eth0", "192.168.1.10"},
	/* route types */
	{"192.0.2.1 mark 0xca6c", BRT_ROUTE_BLACKHOLE, NULL, NULL, 0, NULL, NULL, NULL},
	{"198.51.100.1 mark 0xca6c", BRT_ROUTE_UNREACHABLE, NULL, NULL, 0, NULL, NULL, NULL},
	{"203.0.113.1 mark 0xca6c", BRT_ROUTE_PROHIBIT, NULL, NULL, 0, NULL, NULL, NULL},
	/* oif given: next hops elsewhere are skipped, then the on-link guess */
	{"8.8.8.8 mark 0xca6c oif eth1", OK, "unicast", "0.0.0.0/0", 254, "10.1.0.1", "eth1", "10.1.0.5"},
	{"192.0.2.1 mark 0xca6c oif eth1", OK, "unicast", "", 0, "", "eth1", "10.1.0.5"},
	{"8.8.8.8 oif off", BRT_ROUTE_NO_ROUTE, NULL, NULL, 0, NULL, NULL, NULL},
	/* link state: linkdown routes still count, admin-down ones are dead */
	{"10.2.3.4 mark 0xca6c", OK, "unicast", "10.2.0.0/16", 254, "172.20.0.254", "nocar", "172.20.0.1"},
	{"10.3.3.4 mark 0xca6c", OK, "unicast", "10.0.0.0/8", 254, "10.1.0.254", "eth1", "10.1.0.5"},
	/* preferred source, tos-specific route, source from the gateway's subnet */
	{"10.4.1.1 mark 0xca6c", OK, "unicast", "10.4.0.0/16", 254, "10.1.0.1", "eth1", "10.1.0.6"},
	{"10.5.1.1 mark 0xca6c tos 0x10", OK, "unicast", "10.5.0.0/16", 254, "192.168.1.1", "eth0", "192.168.1.10"},
	{"10.5.1.1 mark 0xca6c", OK, "unicast", "10.5.0.0/16", 254, "10.1.0.1", "eth1", "10.1.0.5"},
	/* multipath: first usable reported; with oif the one on it */
	{"100.64.1.1 mark 0xca6c", OK, "unicast", "100.64.0.0/10", 254, "192.168.1.2", "eth0", "192.168.1.10"},
	{"100.64.1.1 mark 0xca6c oif eth1", OK, "unicast", "100.64.0.0/10", 254, "10.1.0.2", "eth1", "10.1.0.5"},
	/* selectors: to, from + prohibit, uidrange, ipproto/dport + goto, oif, iif lo, nop */
	{"198.18.1.1", OK, "unicast", "198.18.0.0/15", 200, "10.1.0.9", "eth1", "10.1.0.5"},
	{"198.19.1.1 from 10.1.0.6", BRT_ROUTE_PROHIBIT, NULL, NULL, 0, NULL, NULL, NULL},
	{"198.19.1.1 from 10.1.0.5", OK, "unicast", "198.18.0.0/15", 200, "10.1.0.9", "eth1", "10.1.0.5"},
	{"192.0.2.200 uid 1500", BRT_ROUTE_UNREACHABLE, NULL, NULL, 0, NULL, NULL, NULL},
	{"192.0.2.200 uid 2500 mark 0xca6c", BRT_ROUTE_BLACKHOLE, NULL, NULL, 0, NULL, NULL, NULL},
	/* goto 90 -> table 200 has nothing -> main suppressed -> the VPN */
	{"9.9.9.9 ipproto udp dport 53", OK, "unicast", "0.0.0.0/0", 51820, "10.8.0.1", "wg0", "10.8.0.2"},
	{"9.9.9.9 mark 0xca6c", OK, "unicast", "0.0.0.0/0", 254, "192.168.1.1", "eth0", "192.168.1.10"},
	{"9.9.9.9 mark 0xca6c oif eth1", OK, "unicast", "", 0, "", "eth1", "10.1.0.5"},
	{"9.9.9.10 mark 0xca6c", BRT_ROUTE_NO_ROUTE, NULL, NULL, 0, NULL, NULL, NULL},
	{"9.9.9.11 mark 0xca6c", OK, "unicast", "0.0.0.0/0", 254, "192.168.1.1", "eth0", "192.168.1.10"},
	/* source constraints */
	{"8.8.8.8 from 1.2.3.4", BRT_ROUTE_NO_ROUTE, NULL, NULL, 0, NULL, NULL, NULL},
	{"8.8.8.8 mark 0xca6c from 10.1.0.6", OK, "unicast", "0.0.0.0/0", 254, "192.168.1.1", "eth0", "10.1.0.6"},
	/* IPv6: metric order, rules, deprecated source avoided, link-local scope */
	{"2001:4860::1 mark 0xca6c", OK, "unicast", "::/0", 254, "2001:db8:1::1", "eth0", "2001:db8:1::10"},
	{"2001:4860::1", OK, "unicast", "::/0", 51820, "fd00:8::1", "wg0", "fd00:8::2"},
	{"2001:db8:99::1", OK, "unicast", "2001:db8:99::/48", 254, "2001:db8:2::1", "eth1", "2001:db8:2::5"},
	{"2001:db8:98::1 mark 0xca6c", OK, "unicast", "2001:db8:98::/48", 254, "2001:db8:1::1", "eth0", "2001:db8:1::10"},
	{"2001:db8:98::1 mark 0xca6c oif eth1", OK, "unicast", "2001:db8:98::/48", 254, "2001:db8:2::1", "eth1", "2001:db8:2::5"},
	{"2001:db8:1::20", OK, "local", "2001:db8:1::20/128", 255, "", "lo", "2001:db8:1::20"},
	{"fe80::99%eth0", OK, "unicast", "fe80::/64", 254, "", "eth0", "fe80::10"},
	{"fe80::99 oif eth1", OK, "unicast", "fe80::/64", 254, "", "eth1", "2001:db8:2::5"},
	{"2001:db8:7::1 mark 0xca6c oif wg0", BRT_ROUTE_NO_ROUTE, NULL, NULL, 0, NULL, NULL, NULL},
};

static int run_case(const brt_table *t, const struct lcase *c)
{
	struct brt_query q;
	struct brt_result r;
	char buf[BRT_ADDRSTRLEN], pfx[BRT_PREFIXSTRLEN] = "";

	tu_query(t, c->query, &q);
	if (q.dst.zone && !q.oif)
		q.oif = q.dst.zone;
	assert_int_equal(brt_table_lookup(t, &q, &r), 0);
	if (r.status != c->status)
		return print_error("%s: status %d (%s), want %d\n", c->query, r.status,
			 r.message ? r.message : "", c->status), 1;
	if (c->status != OK)
		return 0;
	if (r.has_prefix)
		brt_prefix_format(&r.prefix, pfx, sizeof(pfx));
	if (strcmp(pfx, c->prefix) || (r.has_prefix && r.table != c->table))
		return print_error("%s: prefix %s table %u\n", c->query, pfx, r.table), 1;
	if (strcmp(tu_addr(&r.gateway, buf), c->gw))
		return print_error("%s: gateway %s\n", c->query, buf), 1;
	if (strcmp(tu_ifname(t, r.ifindex), c->dev))
		return print_error("%s: dev %s\n", c->query, tu_ifname(t, r.ifindex)), 1;
	if (strcmp(tu_addr(&r.source, buf), c->src))
		return print_error("%s: source %s\n", c->query, buf), 1;
	if (r.type != (strcmp(c->type, "local") == 0 ? BRT_RT_LOCAL :
		       strcmp(c->type, "broadcast") == 0 ? BRT_RT_BROADCAST : BRT_RT_UNICAST))
		return print_error("%s: type %u\n", c->query, r.type), 1;
	return 0;
}

static void table_driven(void **state)
{
	brt_table *t = tu_table(host);
	size_t i;
	int bad = 0;

	(void)state;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		bad += run_case(t, &cases[i]);
	brt_table_destroy(t);
	assert_int_equal(bad, 0);
}

/* Among equal keys the first defined wins; the order of different keys
 * does not matter. */
static void first_defined_wins(void **state)
{
	brt_table *a = tu_table("link eth0 index 2\naddr 10.0.0.1/24 dev eth0\n"
				"route 10.9.0.0/16 via 10.0.0.3 dev eth0\n"
				"route 10.9.0.0/16 via 10.0.0.2 dev eth0\n"
				"route 10.9.0.0/24 via 10.0.0.4 dev eth0 metric 5\n");
	brt_table *b = tu_table("link eth0 index 2\naddr 10.0.0.1/24 dev eth0\n"
				"route 10.9.0.0/24 via 10.0.0.4 dev eth0 metric 5\n"
				"route 10.9.0.0/16 via 10.0.0.3 dev eth0\n"
				"route 10.9.0.0/16 via 10.0.0.2 dev eth0\n");
	struct brt_query q;
	struct brt_result r;
	char buf[BRT_ADDRSTRLEN];

	(void)state;
	tu_query(a, "10.9.1.1", &q);
	brt_table_lookup(a, &q, &r);
	assert_string_equal(tu_addr(&r.gateway, buf), "10.0.0.3");
	brt_table_lookup(b, &q, &r);
	assert_string_equal(tu_addr(&r.gateway, buf), "10.0.0.3");
	tu_query(a, "10.9.0.1", &q);
	brt_table_lookup(a, &q, &r);
	assert_string_equal(tu_addr(&r.gateway, buf), "10.0.0.4");
	brt_table_destroy(a);
	brt_table_destroy(b);
}

/* ignore_routes_with_linkdown turns linkdown routes off. */
static void ignore_linkdown(void **state)
{
	brt_table *t = tu_table("link eth0 index 2\nlink eth1 index 3 nocarrier\n"
				"addr 10.0.0.1/24 dev eth0\naddr 10.1.0.1/24 dev eth1\n"
				"route 10.9.0.0/16 via 10.1.0.2 dev eth1\n"
				"route 10.0.0.0/8 via 10.0.0.2 dev eth0\n"
				"sysctl net.ipv4.conf.all.ignore_routes_with_linkdown = 1\n");
	struct brt_query q;
	struct brt_result r;
	char buf[BRT_ADDRSTRLEN];

	(void)state;
	tu_query(t, "10.9.1.1", &q);
	brt_table_lookup(t, &q, &r);
	assert_string_equal(tu_addr(&r.gateway, buf), "10.0.0.2");
	brt_table_destroy(t);
}

/* IPv6 source selection: temporary addresses preferred with use_tempaddr=2,
 * tentative ones never used. */
static void ipv6_sources(void **state)
{
	brt_table *t = tu_table("link eth0 index 2\n"
				"addr 2001:db8::5/64 dev eth0 tentative\n"
				"addr 2001:db8::6/64 dev eth0\n"
				"addr 2001:db8::7/64 dev eth0 temporary\n"
				"route default via 2001:db8::1 dev eth0\n");
	brt_table *u = tu_table("link eth0 index 2\n"
				"addr 2001:db8::6/64 dev eth0\n"
				"addr 2001:db8::7/64 dev eth0 temporary\n"
				"route default via 2001:db8::1 dev eth0\n"
				"sysctl net.ipv6.conf.eth0.use_tempaddr = 2\n");
	struct brt_query q;
	struct brt_result r;
	char buf[BRT_ADDRSTRLEN];

	(void)state;
	tu_query(t, "2001:4860::1", &q);
	brt_table_lookup(t, &q, &r);
	assert_string_equal(tu_addr(&r.source, buf), "2001:db8::6");
	brt_table_lookup(u, &q, &r);
	assert_string_equal(tu_addr(&r.source, buf), "2001:db8::7");
	brt_table_destroy(t);
	brt_table_destroy(u);
}

/* A gateway without dev gets the link of the subnet that holds it; a next
 * hop with neither is refused (found by fuzz_text); a route without any
 * next hop carries no traffic. */
static void next_hops_without_dev(void **state)
{
	brt_table *t = tu_table("link eth0 index 2\naddr 192.168.1.10/24 dev eth0\n"
				"route default via 192.168.1.1\n"
				"route 10.9.0.0/16 proto static\n");
	const char *bad = "link eth0 index 2\nroute 10.9.0.0/16 metric 20\n\tnexthop weight 2\n";
	const char *far = "link eth0 index 2\nroute default via 172.16.0.1\n";
	struct brt_query q;
	struct brt_result r;
	char buf[BRT_ADDRSTRLEN], err[256];
	brt_builder *b;
	brt_table *x = NULL;

	(void)state;
	tu_query(t, "8.8.8.8", &q);
	brt_table_lookup(t, &q, &r);
	assert_string_equal(tu_ifname(t, r.ifindex), "eth0");
	assert_string_equal(tu_addr(&r.gateway, buf), "192.168.1.1");
	tu_query(t, "10.9.1.1", &q);
	brt_table_lookup(t, &q, &r);
	assert_string_equal(tu_addr(&r.gateway, buf), "192.168.1.1");	/* the default */
	brt_table_destroy(t);
	b = brt_builder_create();
	assert_int_equal(brt_builder_load_text(b, "bad", bad, strlen(bad), err, sizeof(err)), 0);
	assert_int_equal(brt_builder_finish(b, &x), BRT_EINVAL);
	assert_null(x);
	assert_non_null(strstr(brt_builder_error(b), "bad:2: route 10.9.0.0/16: a next hop has neither dev nor via"));
	brt_builder_destroy(b);
	b = brt_builder_create();
	assert_int_equal(brt_builder_load_text(b, "far", far, strlen(far), err, sizeof(err)), 0);
	assert_int_equal(brt_builder_finish(b, &x), BRT_EINVAL);
	assert_non_null(strstr(brt_builder_error(b), "on no link's subnet"));
	brt_builder_destroy(b);
}

/* Unknown family, NULL arguments: a clear error, never a crash. */
static void bad_arguments(void **state)
{
	brt_table *t = tu_table("link eth0 index 2\n");
	struct brt_query q;
	struct brt_result r;

	(void)state;
	brt_query_init(&q);
	assert_int_equal(brt_table_lookup(t, &q, &r), BRT_EINVAL);
	assert_int_equal(r.status, BRT_ROUTE_INVALID);
	assert_int_equal(brt_table_lookup(NULL, &q, &r), BRT_EINVAL);
	assert_int_equal(brt_table_lookup(t, NULL, &r), BRT_EINVAL);
	assert_int_equal(brt_table_lookup(t, &q, NULL), BRT_EINVAL);
	brt_table_destroy(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table_driven),
		cmocka_unit_test(first_defined_wins),
		cmocka_unit_test(ignore_linkdown),
		cmocka_unit_test(ipv6_sources),
		cmocka_unit_test(next_hops_without_dev),
		cmocka_unit_test(bad_arguments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
