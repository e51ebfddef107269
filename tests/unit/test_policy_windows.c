/*
 * test_policy_windows.c - what the Windows policy answers: route choice by
 * prefix and route + interface metric, links that are down, interface
 * restrictions and strong host, source selection (RFC 6724 as Windows
 * applies it), error routes, explain verdicts and Windows' derivations.
 */
#include <stdio.h>
#include <string.h>

#include "model/model.h"
#include "testutil.h"

/* Two links, two defaults of equal route metric (eth0's interface metric
 * is lower), and the derived loopback. */
#define T_BASE                                                                 \
	"policy windows\n"                                                     \
	"link eth0 index 2 metric 25\n"                                        \
	"link wlan0 index 3 metric 50\n"                                       \
	"addr 192.168.1.10/24 dev eth0\n"                                      \
	"addr 10.0.0.5/16 dev wlan0\n"                                         \
	"route default via 192.168.1.1 dev eth0 metric 0\n"                    \
	"route default via 10.0.0.1 dev wlan0 metric 0\n"

#define T_LINKS                                                                \
	"policy windows\n"                                                     \
	"link eth0 index 2 metric 25\n"                                        \
	"link wlan0 index 3 metric 50\n"                                       \
	"addr 192.168.1.10/24 dev eth0\n"                                      \
	"addr 10.0.0.5/16 dev wlan0\n"

#define T_V6                                                                   \
	"policy windows\n"                                                     \
	"link eth0 index 2 metric 25\n"                                        \
	"link wlan0 index 3 metric 50\n"                                       \
	"addr fe80::10/64 dev eth0\n"                                          \
	"addr 2001:db8:1::10/64 dev eth0\n"                                    \
	"addr fe80::20/64 dev wlan0\n"                                         \
	"route default via fe80::1 dev eth0 metric 0\n"

#define T_V6_ETH                                                               \
	"policy windows\n"                                                     \
	"link eth0 index 2 metric 25\n"                                        \
	"addr fe80::10/64 dev eth0\n"                                          \
	"route default via fe80::1 dev eth0 metric 0\n"

struct wcase {
	const char *name;
	const char *table;
	const char *query;
	int status;
	int type;
	const char *prefix;	/* "" when the answer has none */
	uint32_t metric, eff;
	const char *gw;		/* "" when on-link */
	const char *dev;	/* "" for none */
	const char *src;	/* "" for none */
	const char *src_zone;	/* link named by the source's zone, "" for 0 */
};

#define OK BRT_ROUTE_OK
#define UNI BRT_RT_UNICAST

static const struct wcase cases[] = {
	/* longest prefix, metric sums, ties */
	{"default route, lower interface metric", T_BASE, "8.8.8.8", OK, UNI,
	 "0.0.0.0/0", 0, 25, "192.168.1.1", "eth0", "192.168.1.10", ""},
	{"on-link subnet beats default", T_BASE, "10.0.3.4", OK, UNI,
	 "10.0.0.0/16", 256, 306, "", "wlan0", "10.0.0.5", ""},
	{"longest prefix wins over lower metric",
	 T_BASE "route 8.8.0.0/16 via 10.0.0.1 dev wlan0 metric 900\n", "8.8.8.8",
	 OK, UNI, "8.8.0.0/16", 900, 950, "10.0.0.1", "wlan0", "10.0.0.5", ""},
	{"route metric + interface metric reorders", T_LINKS
	 "route default via 192.168.1.1 dev eth0 metric 100\n"
	 "route default via 10.0.0.1 dev wlan0 metric 10\n", "8.8.8.8", OK, UNI,
	 "0.0.0.0/0", 10, 60, "10.0.0.1", "wlan0", "10.0.0.5", ""},
	{"higher route metric, lower sum wins", T_LINKS
	 "route default via 10.0.0.1 dev wlan0 metric 0\n"
	 "route default via 192.168.1.1 dev eth0 metric 20\n", "8.8.8.8", OK, UNI,
	 "0.0.0.0/0", 20, 45, "192.168.1.1", "eth0", "192.168.1.10", ""},
	{"exact tie: first defined wins", T_LINKS
	 "route default via 192.168.1.1 dev eth0 metric 25\n"
	 "route default via 10.0.0.1 dev wlan0 metric 0\n", "8.8.8.8", OK, UNI,
	 "0.0.0.0/0", 25, 50, "192.168.1.1", "eth0", "192.168.1.10", ""},
	{"exact tie, other order", T_LINKS
	 "route default via 10.0.0.1 dev wlan0 metric 0\n"
	 "route default via 192.168.1.1 dev eth0 metric 25\n", "8.8.8.8", OK, UNI,
	 "0.0.0.0/0", 0, 50, "10.0.0.1", "wlan0", "10.0.0.5", ""},
	{"destination 0.0.0.0 takes the default", T_BASE, "0.0.0.0", OK, UNI,
	 "0.0.0.0/0", 0, 25, "192.168.1.1", "eth0", "192.168.1.10", ""},
	/* links that are down */
	{"link down: its default does not count",
	 "policy windows\nlink eth0 index 2 metric 25 down\n"
	 "link wlan0 index 3 metric 50\naddr 192.168.1.10/24 dev eth0\n"
	 "addr 10.0.0.5/16 dev wlan0\n"
	 "route default via 192.168.1.1 dev eth0 metric 0\n"
	 "route default via 10.0.0.1 dev wlan0 metric 0\n", "8.8.8.8", OK, UNI,
	 "0.0.0.0/0", 0, 50, "10.0.0.1", "wlan0", "10.0.0.5", ""},
	{"no carrier: fall back to a shorter prefix",
	 "policy windows\nlink eth0 index 2 metric 25 nocarrier\n"
	 "link wlan0 index 3 metric 50\naddr 192.168.1.10/24 dev eth0\n"
	 "addr 10.0.0.5/16 dev wlan0\n"
	 "route 172.16.0.0/12 via 192.168.1.2 dev eth0 metric 0\n"
	 "route default via 10.0.0.1 dev wlan0 metric 5\n", "172.16.1.1", OK, UNI,
	 "0.0.0.0/0", 5, 55, "10.0.0.1", "wlan0", "10.0.0.5", ""},
	{"subnet on a down link falls back to default",
	 "policy windows\nlink eth0 index 2 metric 25 down\n"
	 "link wlan0 index 3 metric 50\naddr 192.168.1.10/24 dev eth0\n"
	 "addr 10.0.0.5/16 dev wlan0\n"
	 "route default via 10.0.0.1 dev wlan0 metric 0\n", "192.168.1.77", OK,
	 UNI, "0.0.0.0/0", 0, 50, "10.0.0.1", "wlan0", "10.0.0.5", ""},
	/* interface restriction and strong host */
	{"oif restricts the choice", T_BASE, "8.8.8.8 oif wlan0", OK, UNI,
	 "0.0.0.0/0", 0, 50, "10.0.0.1", "wlan0", "10.0.0.5", ""},
	{"oif skips a longer prefix on another link", T_BASE,
	 "192.168.1.77 oif wlan0", OK, UNI, "0.0.0.0/0", 0, 50, "10.0.0.1",
	 "wlan0", "10.0.0.5", ""},
	{"strong host: source pins its interface", T_BASE, "8.8.8.8 from 10.0.0.5",
	 OK, UNI, "0.0.0.0/0", 0, 50, "10.0.0.1", "wlan0", "10.0.0.5", ""},
	{"strong host: source wins over oif", T_BASE,
	 "8.8.8.8 from 10.0.0.5 oif eth0", OK, UNI, "0.0.0.0/0", 0, 50,
	 "10.0.0.1", "wlan0", "10.0.0.5", ""},
	{"weak host send lifts the restriction",
	 "policy windows\nlink eth0 index 2 metric 25\n"
	 "link wlan0 index 3 metric 50 weak-host-send\n"
	 "addr 192.168.1.10/24 dev eth0\naddr 10.0.0.5/16 dev wlan0\n"
	 "route default via 192.168.1.1 dev eth0 metric 0\n"
	 "route default via 10.0.0.1 dev wlan0 metric 0\n",
	 "8.8.8.8 from 10.0.0.5", OK, UNI, "0.0.0.0/0", 0, 25, "192.168.1.1",
	 "eth0", "10.0.0.5", ""},
	{"source that is not local", T_BASE, "8.8.8.8 from 1.2.3.4",
	 BRT_ROUTE_INVALID, 0, "", 0, 0, "", "", "", ""},
	{"all-zero source is ignored", T_BASE, "8.8.8.8 from 0.0.0.0", OK, UNI,
	 "0.0.0.0/0", 0, 25, "192.168.1.1", "eth0", "192.168.1.10", ""},
	{"loopback source, global destination", T_BASE, "8.8.8.8 from 127.0.0.1",
	 BRT_ROUTE_NO_ROUTE, 0, "", 0, 0, "", "", "", ""},
	/* loopback and own addresses */
	{"127.0.0.1 is local on loopback", T_BASE, "127.0.0.1", OK, BRT_RT_LOCAL,
	 "127.0.0.1/32", 256, 331, "", "lo", "127.0.0.1", ""},
	{"other 127/8 addresses go to loopback", T_BASE, "127.1.2.3", OK, UNI,
	 "127.0.0.0/8", 256, 331, "", "lo", "127.0.0.1", ""},
	{"loopback destination on another interface", T_BASE,
	 "127.0.0.1 oif eth0", BRT_ROUTE_INVALID, 0, "", 0, 0, "", "", "", ""},
	{"::1 is local, source ::1", T_V6, "::1", OK, BRT_RT_LOCAL, "::1/128", 256,
	 331, "", "lo", "::1", ""},
	{"own address is local on its link", T_BASE, "192.168.1.10", OK,
	 BRT_RT_LOCAL, "192.168.1.10/32", 256, 281, "", "eth0", "192.168.1.10",
	 ""},
	{"own IPv6 address is local", T_V6, "2001:db8:1::10", OK, BRT_RT_LOCAL,
	 "2001:db8:1::10/128", 256, 281, "", "eth0", "2001:db8:1::10", ""},
	{"subnet broadcast", T_BASE, "192.168.1.255", OK, BRT_RT_BROADCAST,
	 "192.168.1.255/32", 256, 281, "", "eth0", "192.168.1.10", ""},
	{"limited broadcast on the cheapest link", T_BASE, "255.255.255.255", OK,
	 BRT_RT_BROADCAST, "255.255.255.255/32", 256, 281, "", "eth0",
	 "192.168.1.10", ""},
	{"multicast on the cheapest link", T_BASE, "224.0.0.251", OK,
	 BRT_RT_MULTICAST, "224.0.0.0/4", 256, 281, "", "eth0", "192.168.1.10",
	 ""},
	/* IPv6 */
	{"IPv6 default, global source", T_V6, "2001:db8:2::1", OK, UNI, "::/0", 0,
	 25, "fe80::1", "eth0", "2001:db8:1::10", ""},
	{"IPv6 on-link prefix", T_V6, "2001:db8:1::99", OK, UNI,
	 "2001:db8:1::/64", 256, 281, "", "eth0", "2001:db8:1::10", ""},
	{"link-local destination, zone names the link", T_V6, "fe80::99%wlan0",
	 OK, UNI, "fe80::/64", 256, 306, "", "wlan0", "fe80::20", "wlan0"},
	{"link-local destination, zone eth0", T_V6, "fe80::99%eth0", OK, UNI,
	 "fe80::/64", 256, 281, "", "eth0", "fe80::10", "eth0"},
	{"link-local destination without zone", T_V6, "fe80::99", OK, UNI,
	 "fe80::/64", 256, 281, "", "eth0", "fe80::10", "eth0"},
	{"zone and oif disagree", T_V6, "fe80::99%eth0 oif wlan0",
	 BRT_ROUTE_INVALID, 0, "", 0, 0, "", "", "", ""},
	{"link-local source carries its zone", T_V6, "2001:db8:2::1 from fe80::10",
	 OK, UNI, "::/0", 0, 25, "fe80::1", "eth0", "fe80::10", "eth0"},
	{"only a link-local address: it is the source", T_V6_ETH,
	 "2001:db8:2::1", OK, UNI, "::/0", 0, 25, "fe80::1", "eth0", "fe80::10",
	 "eth0"},
	/* source selection */
	{"IPv4: longest match with the next hop",
	 "policy windows\nlink eth0 index 2 metric 25\n"
	 "addr 192.168.1.10/24 dev eth0\naddr 192.168.1.200/24 dev eth0\n"
	 "route default via 192.168.1.254 dev eth0 metric 0\n", "8.8.8.8", OK, UNI,
	 "0.0.0.0/0", 0, 25, "192.168.1.254", "eth0", "192.168.1.200", ""},
	{"IPv4: on-link, longest match with the destination",
	 "policy windows\nlink eth0 index 2 metric 25\n"
	 "addr 192.168.1.200/24 dev eth0\naddr 192.168.1.10/24 dev eth0\n",
	 "192.168.1.9", OK, UNI, "192.168.1.0/24", 256, 281, "", "eth0",
	 "192.168.1.10", ""},
	{"IPv4: deprecated avoided",
	 "policy windows\nlink eth0 index 2 metric 25\n"
	 "addr 192.168.1.10/24 dev eth0 deprecated\n"
	 "addr 192.168.1.200/24 dev eth0\n", "192.168.1.9", OK, UNI,
	 "192.168.1.0/24", 256, 281, "", "eth0", "192.168.1.200", ""},
	{"IPv4: skip-as-source never chosen",
	 "policy windows\nlink eth0 index 2 metric 25\n"
	 "addr 192.168.1.10/24 dev eth0 skip-as-source\n"
	 "addr 192.168.1.200/24 dev eth0\n", "192.168.1.9", OK, UNI,
	 "192.168.1.0/24", 256, 281, "", "eth0", "192.168.1.200", ""},
	{"IPv6: deprecated avoided", T_V6_ETH
	 "addr 2001:db8:1::10/64 dev eth0 deprecated\n"
	 "addr 2001:db8:1::11/64 dev eth0\n", "2001:db8:5::1", OK, UNI, "::/0",
	 0, 25, "fe80::1", "eth0", "2001:db8:1::11", ""},
	{"IPv6: deprecated used when nothing else", T_V6_ETH
	 "addr 2001:db8:1::10/64 dev eth0 skip-as-source\n"
	 "addr 2001:db8:1::11/64 dev eth0 deprecated\n", "2001:db8:5::1", OK, UNI,
	 "::/0", 0, 25, "fe80::1", "eth0", "2001:db8:1::11", ""},
	{"IPv6: tentative never chosen", T_V6_ETH
	 "addr 2001:db8:1::10/64 dev eth0 tentative\n"
	 "addr 2001:db8:1::11/64 dev eth0\n", "2001:db8:5::1", OK, UNI, "::/0",
	 0, 25, "fe80::1", "eth0", "2001:db8:1::11", ""},
	{"IPv6: longest matching prefix", T_V6_ETH
	 "addr 2001:db8:1::10/64 dev eth0\naddr 2001:db8:2::10/64 dev eth0\n",
	 "2001:db8:3::1", OK, UNI, "::/0", 0, 25, "fe80::1", "eth0",
	 "2001:db8:2::10", ""},
	{"IPv6: matching label beats longer match", T_V6_ETH
	 "addr 2001:db8:8::10/64 dev eth0\naddr 3fff::10/64 dev eth0\n"
	 "addrlabel ::/0 label 1\naddrlabel 2001:db8:9::/48 label 7\n"
	 "addrlabel 3fff::/16 label 7\n", "2001:db8:9::1", OK, UNI, "::/0", 0, 25,
	 "fe80::1", "eth0", "3fff::10", ""},
	{"IPv6: default labels, 6to4 source for a 6to4 destination", T_V6_ETH
	 "addr 2001:db8:1::10/64 dev eth0\naddr 2002:c000:202::1/64 dev eth0\n",
	 "2002:c633:6401::1", OK, UNI, "::/0", 0, 25, "fe80::1", "eth0",
	 "2002:c000:202::1", ""},
	{"IPv6: temporary preferred", T_V6_ETH
	 "addr 2001:db8:1::10/64 dev eth0\n"
	 "addr 2001:db8:1::77/64 dev eth0 temporary\n", "2001:db8:5::1", OK, UNI,
	 "::/0", 0, 25, "fe80::1", "eth0", "2001:db8:1::77", ""},
	/* error routes and no route */
	{"blackhole route", T_BASE "route blackhole 203.0.113.0/24\n",
	 "203.0.113.9", BRT_ROUTE_BLACKHOLE, BRT_RT_BLACKHOLE, "203.0.113.0/24", 0,
	 0, "", "", "", ""},
	{"unreachable route", T_BASE "route unreachable 203.0.113.0/24 metric 7\n",
	 "203.0.113.9", BRT_ROUTE_UNREACHABLE, BRT_RT_UNREACHABLE,
	 "203.0.113.0/24", 7, 7, "", "", "", ""},
	{"prohibit route", T_BASE "route prohibit 203.0.113.0/24\n",
	 "203.0.113.9", BRT_ROUTE_PROHIBIT, BRT_RT_PROHIBIT, "203.0.113.0/24", 0,
	 0, "", "", "", ""},
	{"unicast beats a costlier blackhole",
	 T_BASE "route blackhole 198.51.100.0/24 metric 500\n"
	 "route 198.51.100.0/24 via 192.168.1.3 dev eth0 metric 10\n",
	 "198.51.100.1", OK, UNI, "198.51.100.0/24", 10, 35, "192.168.1.3", "eth0",
	 "192.168.1.10", ""},
	{"no route", T_LINKS, "8.8.8.8", BRT_ROUTE_NO_ROUTE, 0, "", 0, 0, "", "",
	 "", ""},
	{"given route replaces the derived one",
	 T_BASE "route 192.168.1.0/24 dev eth0 metric 5\n", "192.168.1.77", OK, UNI,
	 "192.168.1.0/24", 5, 30, "", "eth0", "192.168.1.10", ""},
	{"routes of every table id count",
	 T_LINKS "route default via 192.168.1.1 dev eth0 table 100 metric 0\n",
	 "8.8.8.8", OK, UNI, "0.0.0.0/0", 0, 25, "192.168.1.1", "eth0",
	 "192.168.1.10", ""},
};

static void check_case(const struct wcase *c)
{
	brt_table *t = tu_table(c->table);
	const struct brt_link *zl;
	struct brt_query q;
	struct brt_result r;
	char buf[BRT_ADDRSTRLEN], pbuf[BRT_PREFIXSTRLEN] = "";

	tu_query(t, c->query, &q);
	assert_int_equal(brt_table_lookup(t, &q, &r), 0);
	print_message("case: %s\n", c->name);
	assert_int_equal(r.status, c->status);
	assert_int_equal(r.type, c->type);
	if (r.has_prefix)
		brt_prefix_format(&r.prefix, pbuf, sizeof(pbuf));
	assert_string_equal(pbuf, c->prefix);
	assert_int_equal(r.metric, c->metric);
	assert_int_equal(r.effective_metric, c->eff);
	assert_string_equal(tu_addr(&r.gateway, buf), c->gw);
	assert_string_equal(tu_ifname(t, r.ifindex), c->dev);
	assert_string_equal(tu_addr(&r.source, buf), c->src);
	zl = c->src_zone[0] ? brt_table_link_by_name(t, c->src_zone) : NULL;
	assert_int_equal(r.source.zone, zl ? zl->index : 0);
	if (c->status == BRT_ROUTE_OK) {
		assert_non_null(r.route);
		assert_true(core_prefix_equal(&r.route->dst, &r.prefix));
		assert_true(r.nh_chosen < r.nh_count);
		assert_int_equal(r.nh[r.nh_chosen].ifindex, r.ifindex);
	}
	if (c->status == BRT_ROUTE_INVALID)
		assert_non_null(r.message);
	brt_table_destroy(t);
}

static void table_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_case(&cases[i]);
}

static void source_not_local_message(void **state)
{
	brt_table *t = tu_table(T_BASE);
	struct brt_query q;
	struct brt_result r;

	(void)state;
	tu_query(t, "8.8.8.8 from 192.168.1.11", &q);
	assert_int_equal(brt_table_lookup(t, &q, &r), 0);
	assert_int_equal(r.status, BRT_ROUTE_INVALID);
	assert_string_equal(r.message, "source address is not local");
	assert_int_equal(r.ifindex, 0);
	assert_int_equal(r.source.family, 0);
	brt_table_destroy(t);
}

/* ---------------------------------------------------------------- explain */

struct want {
	const char *prefix;
	const char *gw;
	int verdict;
};

static void check_explain(const char *table, const char *query, int status,
			  const struct want *w, size_t n)
{
	brt_table *t = tu_table(table);
	brt_explain *e = NULL;
	struct brt_query q;
	struct brt_result r;
	size_t i;

	tu_query(t, query, &q);
	assert_int_equal(brt_table_explain(t, &q, &r, &e), 0);
	assert_int_equal(r.status, status);
	assert_int_equal(brt_explain_count(e), n);
	for (i = 0; i < n; i++) {
		const struct brt_candidate *c = brt_explain_get(e, i);
		char p[BRT_PREFIXSTRLEN], g[BRT_ADDRSTRLEN];
		const struct brt_nexthop *nh = c->route->nh;

		assert_int_equal(c->kind, BRT_CAND_ROUTE);
		assert_non_null(c->reason);
		brt_prefix_format(&c->route->dst, p, sizeof(p));
		assert_string_equal(p, w[i].prefix);
		assert_string_equal(c->route->nh_count ? tu_addr(&nh->gw, g) : "",
				    w[i].gw);
		assert_int_equal(c->verdict, w[i].verdict);
	}
	brt_explain_destroy(e);
	brt_table_destroy(t);
}

static void explain_longer_prefix(void **state)
{
	const struct want w[] = {
		{"192.168.1.0/24", "", BRT_V_CHOSEN},
		{"0.0.0.0/0", "192.168.1.1", BRT_V_LONGER_PREFIX_WON},
		{"0.0.0.0/0", "10.0.0.1", BRT_V_LONGER_PREFIX_WON},
	};

	(void)state;
	check_explain(T_BASE, "192.168.1.77", BRT_ROUTE_OK, w, 3);
}

static void explain_metric_and_link_down(void **state)
{
	const char *table =
		"policy windows\nlink eth0 index 2 metric 25 down\n"
		"link wlan0 index 3 metric 50\naddr 192.168.1.10/24 dev eth0\n"
		"addr 10.0.0.5/16 dev wlan0\n"
		"route default via 192.168.1.1 dev eth0 metric 0\n"
		"route default via 10.0.0.1 dev wlan0 metric 10\n"
		"route default via 10.0.0.2 dev wlan0 metric 10\n"
		"route default via 10.0.0.3 dev wlan0 metric 20\n";
	const struct want w[] = {
		{"0.0.0.0/0", "192.168.1.1", BRT_V_LINK_DOWN},
		{"0.0.0.0/0", "10.0.0.1", BRT_V_CHOSEN},
		{"0.0.0.0/0", "10.0.0.2", BRT_V_LATER_DEFINED},
		{"0.0.0.0/0", "10.0.0.3", BRT_V_HIGHER_METRIC},
	};

	(void)state;
	check_explain(table, "8.8.8.8", BRT_ROUTE_OK, w, 4);
}

static void explain_strong_host_and_oif(void **state)
{
	const struct want src[] = {
		{"0.0.0.0/0", "192.168.1.1", BRT_V_SOURCE_NOT_ON_INTERFACE},
		{"0.0.0.0/0", "10.0.0.1", BRT_V_CHOSEN},
	};
	const struct want oif[] = {
		{"192.168.1.0/24", "", BRT_V_WRONG_INTERFACE},
		{"0.0.0.0/0", "192.168.1.1", BRT_V_WRONG_INTERFACE},
		{"0.0.0.0/0", "10.0.0.1", BRT_V_CHOSEN},
	};

	(void)state;
	check_explain(T_BASE, "8.8.8.8 from 10.0.0.5", BRT_ROUTE_OK, src, 2);
	check_explain(T_BASE, "192.168.1.77 oif wlan0", BRT_ROUTE_OK, oif, 3);
}

static void explain_error_route_and_no_route(void **state)
{
	const struct want bh[] = {
		{"203.0.113.0/24", "", BRT_V_ERROR_ROUTE},
		{"0.0.0.0/0", "192.168.1.1", BRT_V_LONGER_PREFIX_WON},
		{"0.0.0.0/0", "10.0.0.1", BRT_V_LONGER_PREFIX_WON},
	};
	const struct want down[] = {
		{"0.0.0.0/0", "192.168.1.1", BRT_V_LINK_DOWN},
	};

	(void)state;
	check_explain(T_BASE "route blackhole 203.0.113.0/24\n", "203.0.113.9",
		      BRT_ROUTE_BLACKHOLE, bh, 3);
	check_explain("policy windows\nlink eth0 index 2 nocarrier\n"
		      "addr 192.168.1.10/24 dev eth0\n"
		      "route default via 192.168.1.1 dev eth0\n",
		      "8.8.8.8", BRT_ROUTE_NO_ROUTE, down, 1);
}

/* -------------------------------------------------------------- derivation */

static size_t count_routes(const brt_table *t, const char *prefix, int type,
			   const char *dev)
{
	const struct brt_link *l = brt_table_link_by_name(t, dev);
	size_t i, n = 0;

	assert_non_null(l);
	for (i = 0; i < brt_table_route_count(t); i++) {
		const struct brt_route *r = brt_table_route(t, i);
		char p[BRT_PREFIXSTRLEN];

		brt_prefix_format(&r->dst, p, sizeof(p));
		if (!strcmp(p, prefix) && r->type == type && r->nh_count &&
		    r->nh[0].ifindex == l->index) {
			assert_int_equal(r->table, BRT_TABLE_MAIN);
			n++;
		}
	}
	return n;
}

static void derived_entries(void **state)
{
	brt_table *t = tu_table(T_LINKS "addr 2001:db8:1::10/64 dev eth0\n"
				"route 10.0.0.0/16 dev wlan0 metric 3\n");
	static const struct {
		const char *prefix;
		int type;
		const char *dev;
		size_t n;
	} want[] = {
		{"192.168.1.0/24", BRT_RT_UNICAST, "eth0", 1},
		{"192.168.1.10/32", BRT_RT_LOCAL, "eth0", 1},
		{"192.168.1.255/32", BRT_RT_BROADCAST, "eth0", 1},
		{"10.0.0.0/16", BRT_RT_UNICAST, "wlan0", 1}, /* given only */
		{"10.0.255.255/32", BRT_RT_BROADCAST, "wlan0", 1},
		{"224.0.0.0/4", BRT_RT_MULTICAST, "eth0", 1},
		{"224.0.0.0/4", BRT_RT_MULTICAST, "lo", 1},
		{"255.255.255.255/32", BRT_RT_BROADCAST, "wlan0", 1},
		{"127.0.0.0/8", BRT_RT_UNICAST, "lo", 1},
		{"127.0.0.1/32", BRT_RT_LOCAL, "lo", 1},
		{"127.255.255.255/32", BRT_RT_BROADCAST, "lo", 1},
		{"::1/128", BRT_RT_LOCAL, "lo", 1},
		{"::1/128", BRT_RT_UNICAST, "lo", 0},
		{"2001:db8:1::/64", BRT_RT_UNICAST, "eth0", 1},
		{"2001:db8:1::10/128", BRT_RT_LOCAL, "eth0", 1},
		{"fe80::/64", BRT_RT_UNICAST, "wlan0", 1},
		{"fe80::/64", BRT_RT_UNICAST, "lo", 0},
		{"ff00::/8", BRT_RT_MULTICAST, "lo", 1},
		{"ff00::/8", BRT_RT_MULTICAST, "eth0", 1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		print_message("derived: %s\n", want[i].prefix);
		assert_int_equal(count_routes(t, want[i].prefix, want[i].type,
					      want[i].dev), want[i].n);
	}
	assert_int_equal(brt_table_rule_count(t), 0);
	assert_int_equal(brt_table_link_by_name(t, "lo")->metric, 75);
	brt_table_destroy(t);
}

static void derived_flags_and_disabled_family(void **state)
{
	brt_table *t = tu_table("policy windows\nlink eth0 index 2 noipv6\n"
				"addr 192.168.1.10/24 dev eth0\n");
	size_t i;

	(void)state;
	for (i = 0; i < brt_table_route_count(t); i++) {
		const struct brt_route *r = brt_table_route(t, i);

		assert_true(r->flags & BRT_ROUTE_F_DERIVED);
		assert_int_equal(r->protocol, BRT_PROTO_KERNEL);
		assert_int_equal(r->metric, 256);
		if (r->family == BRT_AF_INET6)
			assert_int_not_equal(r->nh[0].ifindex, 2);
	}
	assert_int_equal(count_routes(t, "fe80::/64", BRT_RT_UNICAST, "eth0"), 0);
	brt_table_destroy(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table_cases),
		cmocka_unit_test(source_not_local_message),
		cmocka_unit_test(explain_longer_prefix),
		cmocka_unit_test(explain_metric_and_link_down),
		cmocka_unit_test(explain_strong_host_and_oif),
		cmocka_unit_test(explain_error_route_and_no_route),
		cmocka_unit_test(derived_entries),
		cmocka_unit_test(derived_flags_and_disabled_family),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
