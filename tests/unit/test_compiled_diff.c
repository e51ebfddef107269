/*
 * test_compiled_diff.c - compiled answers against the interpretive
 * policy, field by field.
 *
 * brt_table_lookup (compiled decisions, policy/compiled.h) and
 * brt_table_lookup_bulk must give exactly what the interpretive walk
 * (core_table_lookup_ref: explain without records) gives, for every
 * query shape: plain destinations (random, inside routes, special ones),
 * `from` (host addresses, foreign and zero ones), oif, zones, mark, uid,
 * tos, iif, ports; under both policies; on the examples, the compat and
 * ip -j fixtures, random tables with random rules, and a dump edited in
 * place at random (core_table_edit_*), checked after every edit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "fib/table_edit.h"
#include "policy/compiled.h"
#include "policy/policy.h"
#include "testutil.h"

static unsigned seed = 4242;

static unsigned rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return n ? (seed >> 8) % n : 0;
}

static uint32_t rnd32(void)
{
	return (uint32_t)rnd(1u << 16) << 16 | rnd(1u << 16);
}

/* ------------------------------------------------------------ queries */

static void random_addr(const brt_table *t, uint8_t family, struct brt_addr *a)
{
	size_t nr = brt_table_route_count(t), na = brt_table_address_count(t);
	unsigned i, bytes = family == BRT_AF_INET ? 4 : 16, k = rnd(10);

	memset(a, 0, sizeof(*a));
	a->family = family;
	for (i = 0; i < bytes; i++)
		a->bytes[i] = (uint8_t)rnd(256);
	if (k < 5 && nr) {	/* inside a route of the family */
		const struct brt_route *r = brt_table_route(t, rnd((unsigned)nr));

		if (r && r->family == family)
			for (i = 0; i < r->dst.len; i++) {
				uint8_t m = (uint8_t)(0x80 >> (i % 8));

				a->bytes[i / 8] = (uint8_t)((a->bytes[i / 8] & ~m) |
							    (r->dst.addr.bytes[i / 8] & m));
			}
	} else if (k == 5 && na) {	/* one of ours */
		const struct brt_address *x = brt_table_address(t, rnd((unsigned)na));

		if (x->addr.family == family)
			*a = x->addr;
		a->zone = 0;
	} else if (k == 6) {	/* special: zero, broadcast, multicast... */
		static const char *const v4[] = {"0.0.0.0", "255.255.255.255",
			"224.0.0.1", "239.1.2.3", "127.0.0.1", "0.1.2.3"};
		static const char *const v6[] = {"::", "ff02::1", "ff0e::2",
			"fe80::1", "::1", "::ffff:1.2.3.4"};

		brt_addr_parse(family == BRT_AF_INET ? v4[rnd(6)] : v6[rnd(6)], a);
	}
}

static uint32_t random_link(const brt_table *t)
{
	size_t n = brt_table_link_count(t);

	if (!n || rnd(8) == 0)
		return 0;
	return brt_table_link(t, rnd((unsigned)n))->index;
}

/* A query of a random shape: each selector on with some probability. */
static void random_query(const brt_table *t, struct brt_query *q)
{
	uint8_t family = rnd(2) ? BRT_AF_INET : BRT_AF_INET6;
	size_t nr = brt_table_rule_count(t);

	brt_query_init(q);
	random_addr(t, family, &q->dst);
	if (family == BRT_AF_INET6 && !rnd(8))
		q->dst.zone = random_link(t);
	if (!rnd(3)) {
		random_addr(t, rnd(20) ? family : (uint8_t)(BRT_AF_INET6 + BRT_AF_INET - family),
			    &q->src);
		if (!rnd(10))
			memset(q->src.bytes, 0, sizeof(q->src.bytes));
	}
	if (!rnd(6))
		q->oif = random_link(t);
	if (!rnd(12))
		q->iif = random_link(t);
	if (!rnd(3)) {
		const struct brt_rule *r = nr ? brt_table_rule(t, rnd((unsigned)nr)) : NULL;

		q->mark = r && rnd(2) ? r->fwmark : rnd(4);
		q->flags |= BRT_QUERY_F_MARK;
	}
	if (!rnd(5)) {
		q->uid = rnd(3) ? rnd(2000) : rnd32();
		q->flags |= BRT_QUERY_F_UID;
	}
	if (!rnd(5))
		q->tos = (uint8_t)(rnd(8) << 2);
	if (!rnd(8)) {
		q->ipproto = (uint8_t)(rnd(2) ? 6 : 17);
		q->sport = (uint16_t)rnd(65536);
		q->dport = (uint16_t)rnd(65536);
		q->flags |= BRT_QUERY_F_IPPROTO | BRT_QUERY_F_SPORT | BRT_QUERY_F_DPORT;
	}
}

static const char *fmt(const struct brt_addr *a, char *buf)
{
	if (!a->family)
		return "-";
	brt_addr_format(a, buf, BRT_ADDRSTRLEN);
	return buf;
}

static void assert_same(const char *where, const struct brt_query *q,
			const struct brt_result *a, const struct brt_result *b)
{
	char d[BRT_ADDRSTRLEN], s[BRT_ADDRSTRLEN];
	const char *field = NULL;

	if (a->status != b->status) field = "status";
	else if (a->family != b->family) field = "family";
	else if (a->type != b->type) field = "type";
	else if (a->has_prefix != b->has_prefix) field = "has_prefix";
	else if (a->scope != b->scope) field = "scope";
	else if (memcmp(&a->prefix, &b->prefix, sizeof(a->prefix))) field = "prefix";
	else if (a->table != b->table) field = "table";
	else if (a->metric != b->metric) field = "metric";
	else if (a->effective_metric != b->effective_metric) field = "effective_metric";
	else if (a->rule_priority != b->rule_priority) field = "rule_priority";
	else if (memcmp(&a->gateway, &b->gateway, sizeof(a->gateway))) field = "gateway";
	else if (a->ifindex != b->ifindex) field = "ifindex";
	else if (memcmp(&a->source, &b->source, sizeof(a->source))) field = "source";
	else if (memcmp(&a->prefsrc, &b->prefsrc, sizeof(a->prefsrc))) field = "prefsrc";
	else if (a->route != b->route) field = "route";
	else if (a->nh_count != b->nh_count) field = "nh_count";
	else if (a->nh_chosen != b->nh_chosen) field = "nh_chosen";
	else if (a->nh != b->nh) field = "nh";
	else if (a->message != b->message) field = "message";
	if (field)
		fail_msg("%s: compiled and interpretive differ in %s for dst %s "
			 "(zone %u) from %s oif %u iif %u mark %u/%u uid %u tos %u "
			 "(status %d/%d)", where, field, fmt(&q->dst, d), q->dst.zone,
			 fmt(&q->src, s), q->oif, q->iif, q->mark, q->flags, q->uid,
			 q->tos, a->status, b->status);
}

#define BATCH 32

/* @n random queries: single and bulk answers against the reference. */
static void check_table(const char *where, const brt_table *t, unsigned n)
{
	struct brt_query q[BATCH];
	struct brt_result ref, one, bulk[BATCH];
	unsigned i, j;

	for (i = 0; i < n; i += BATCH) {
		for (j = 0; j < BATCH; j++)
			random_query(t, &q[j]);
		assert_int_equal(brt_table_lookup_bulk(t, q, BATCH, bulk), 0);
		for (j = 0; j < BATCH; j++) {
			int e1 = core_table_lookup_ref(t, &q[j], &ref);
			int e2 = brt_table_lookup(t, &q[j], &one);

			assert_int_equal(e1, e2);
			assert_same(where, &q[j], &one, &ref);
			assert_same(where, &q[j], &bulk[j], &ref);
		}
	}
}

static brt_table *load(const char *const *rel, size_t n, int policy)
{
	char paths[10][512], *specs[10], err[512];
	brt_table *t;
	size_t i;

	for (i = 0; i < n; i++) {
		const char *colon = strchr(rel[i], ':');
		char buf[400];

		if (colon)
			snprintf(paths[i], sizeof(paths[i]), "%.*s%s", (int)(colon - rel[i] + 1),
				 rel[i], tu_src_path(colon + 1, buf, sizeof(buf)));
		else
			snprintf(paths[i], sizeof(paths[i]), "%s",
				 tu_src_path(rel[i], buf, sizeof(buf)));
		specs[i] = paths[i];
	}
	if (brt_table_load((const char *const *)specs, n, policy, &t, err, sizeof(err)))
		fail_msg("load %s: %s", rel[0], err);
	return t;
}

/* ----------------------------------------------------------- fixtures */

static void fixtures(void **state)
{
	static const char *const files[] = {
		"examples/laptop.table", "examples/server.table",
		"examples/windows.table", "tests/data/compat/linux.table",
		"tests/data/compat/nov6.table", "tests/data/compat/win.table",
		"tests/data/ip-text/links.table",
	};
	size_t i;
	int p;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		for (p = 0; p < 2; p++) {
			brt_table *t = load(&files[i], 1, p);

			assert_true(core_dec_ready(t));
			check_table(files[i], t, 4000);
			brt_table_destroy(t);
		}
}

static void dumps(void **state)
{
	static const char *const host[] = {
		"tests/data/ipj/host-link-d.json", "tests/data/ipj/host-addr.json",
		"inet:tests/data/ipj/host-route4.json", "tests/data/ipj/host-route6.json",
		"tests/data/ipj/host-nexthop.json", "inet:tests/data/ipj/host-rule4.json",
		"inet6:tests/data/ipj/host-rule6.json", "tests/data/ipj/host-addrlabel.json",
	};
	static const char *const ns1[] = {
		"tests/data/ipj/ns1-link.json", "tests/data/ipj/ns1-addr.json",
		"inet:tests/data/ipj/ns1-route4.json", "tests/data/ipj/ns1-nexthop.json",
		"tests/data/ipj/ns1-rule4.json", "tests/data/ipj/ns1-rule6.json",
		"tests/data/ipj/ns1-addrlabel.json",
	};
	int p;

	(void)state;
	for (p = 0; p < 2; p++) {
		brt_table *t = load(host, 8, p);

		check_table("host dump", t, 6000);
		brt_table_destroy(t);
		t = load(ns1, 7, p);
		check_table("ns1 dump", t, 6000);
		brt_table_destroy(t);
	}
}

/* ------------------------------------------------------ random tables */

static const char base[] =
	"link lo index 1 type loopback\n"
	"link eno1 index 2 metric 10\n"
	"link eno2 index 3 metric 20\n"
	"link wl0 index 4 type wireless metric 5\n"
	"addr 127.0.0.1/8 dev lo\n"
	"addr ::1/128 dev lo\n"
	"addr 203.0.113.10/24 dev eno1\n"
	"addr 203.0.113.11/24 dev eno1\n"
	"addr 198.51.100.20/24 dev eno2\n"
	"addr 10.9.0.2/16 dev wl0\n"
	"addr 2001:db8:10::10/64 dev eno1\n"
	"addr fe80::10/64 dev eno1\n"
	"addr 2001:db8:20::20/64 dev eno2\n"
	"addr fd00::5/64 dev wl0\n"
	"route 203.0.113.0/24 dev eno1 proto kernel scope link src 203.0.113.10\n"
	"route 198.51.100.0/24 dev eno2 proto kernel scope link src 198.51.100.20\n"
	"route 10.9.0.0/16 dev wl0 proto kernel scope link src 10.9.0.2\n"
	"route local 203.0.113.10 dev eno1 table local proto kernel scope host src 203.0.113.10\n"
	"route local 203.0.113.11 dev eno1 table local proto kernel scope host src 203.0.113.10\n"
	"route local 198.51.100.20 dev eno2 table local proto kernel scope host src 198.51.100.20\n"
	"route local 10.9.0.2 dev wl0 table local proto kernel scope host src 10.9.0.2\n"
	"route local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1\n"
	"route 2001:db8:10::/64 dev eno1 proto kernel metric 256\n"
	"route 2001:db8:20::/64 dev eno2 proto kernel metric 256\n"
	"route fd00::/64 dev wl0 proto kernel metric 256\n"
	"route fe80::/64 dev eno1 proto kernel metric 256\n"
	"nexthop id 5 via 203.0.113.1 dev eno1\n"
	"nexthop id 6 via 198.51.100.1 dev eno2\n"
	"nexthop id 7 group 5,2/6\n"
	"nexthop id 8 blackhole\n";

static const char *const rules[] = {
	"rule pref 0 lookup local\n",
	"rule pref 100 from 198.51.100.20 lookup 200\n",
	"rule pref 110 not from 203.0.113.0/24 lookup 300\n",
	"rule pref 120 fwmark 0x2 lookup 200\n",
	"rule pref 125 fwmark 0x10/0xf0 goto 1000\n",
	"rule pref 130 uidrange 1000-1999 lookup 300\n",
	"rule pref 140 to 10.0.0.0/8 lookup 200\n",
	"rule pref 150 tos 0x08 lookup 300\n",
	"rule pref 160 lookup main suppress_prefixlength 0\n",
	"rule pref 170 oif eno2 lookup 200\n",
	"rule pref 180 iif lo lookup 300\n",
	"rule pref 190 fwmark 0x3 prohibit\n",
	"rule pref 195 ipproto tcp dport 443 lookup 200\n",
	"rule pref 1000 lookup 300\n",
	"rule pref 32766 lookup main\n",
	"rule pref 32767 lookup default\n",
	"rule -6 pref 0 lookup local\n",
	"rule -6 pref 100 from 2001:db8:20::20 lookup 200\n",
	"rule -6 pref 120 fwmark 0x2 lookup 200\n",
	"rule -6 pref 125 tos 0x08 lookup 300\n",
	"rule -6 pref 130 to 2001:db8:100::/40 lookup 300\n",
	"rule -6 pref 32766 lookup main\n",
};

/* A route statement around a few nested spots, of any type and shape. */
static void random_route_text(char *buf, size_t len)
{
	static const char *const v4[] = {"default", "10.0.0.0/8", "10.1.0.0/16",
		"10.1.128.0/17", "10.1.128.64/26", "192.0.2.0/24", "192.0.2.7/32",
		"203.0.113.0/25", "224.0.0.0/4"};
	static const char *const v6[] = {"default", "2001:db8:100::/40",
		"2001:db8:100:8000::/49", "2001:db8:100:8000::40/122", "fd00::/8"};
	static const char *const gw4[] = {"via 203.0.113.1 dev eno1",
		"via 198.51.100.1 dev eno2", "via 10.9.0.1 dev wl0", "dev eno2",
		"via 203.0.113.11 dev eno1", "nhid 5", "nhid 7", "nhid 8",
		"nexthop via 203.0.113.1 dev eno1 nexthop via 198.51.100.1 dev eno2"};
	static const char *const gw6[] = {"via 2001:db8:10::1 dev eno1",
		"via 2001:db8:20::1 dev eno2", "dev wl0", "via fe80::1 dev eno1"};
	static const char *const types[] = {"", "", "", "", "blackhole ",
		"unreachable ", "prohibit ", "throw "};
	static const char *const tables[] = {"", "table 200 ", "table 300 ", ""};
	bool is4 = rnd(3) != 0;
	const char *type = types[rnd(8)];
	int n;

	n = snprintf(buf, len, "route %s%s%s %s", is4 ? "" : "-6 ", type,
		     is4 ? v4[rnd(9)] : v6[rnd(5)], tables[rnd(4)]);
	if (!type[0])
		n += snprintf(buf + n, len - (size_t)n, "%s ",
			      is4 ? gw4[rnd(9)] : gw6[rnd(4)]);
	n += snprintf(buf + n, len - (size_t)n, "metric %u", is4 ? 10 * rnd(3)
							 : 1024 + 100 * rnd(2));
	if (is4 && !rnd(8))
		n += snprintf(buf + n, len - (size_t)n, " tos 0x08");
	if (!is4 && !rnd(8))
		n += snprintf(buf + n, len - (size_t)n, " from 2001:db8:20::/64");
	if (!rnd(6))
		n += snprintf(buf + n, len - (size_t)n, is4 ? " src 10.9.0.2"
							  : " src 2001:db8:10::10");
	snprintf(buf + n, len - (size_t)n, "\n");
}

static brt_table *random_table(int policy)
{
	size_t cap = 1 << 16, n;
	char *text = malloc(cap), err[512];
	brt_builder *b = brt_builder_create();
	brt_table *t = NULL;
	unsigned i, nroutes = 10 + rnd(40);

	assert_non_null(text);
	n = (size_t)snprintf(text, cap, "%s", base);
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rnd(2) || strstr(rules[i], "lookup main") || strstr(rules[i], "pref 0 "))
			n += (size_t)snprintf(text + n, cap - n, "%s", rules[i]);
	for (i = 0; i < nroutes; i++)
		random_route_text(text + n, cap - n), n += strlen(text + n);
	if (brt_builder_load_text(b, "random", text, n, err, sizeof(err)))
		fail_msg("%s\n%s", err, text);
	brt_builder_force_policy(b, (enum brt_policy)policy);
	/* a route the random mix made invalid (a gateway no link reaches)
	 * is the builder's to refuse: then try another table */
	if (brt_builder_finish(b, &t))
		t = NULL;
	brt_builder_destroy(b);
	free(text);
	return t;
}

static void random_tables(void **state)
{
	unsigned k, made = 0;

	(void)state;
	for (k = 0; k < 120; k++) {
		brt_table *t = random_table((int)(k % 2));

		if (!t)
			continue;
		made++;
		check_table("random table", t, 600);
		brt_table_destroy(t);
	}
	assert_true(made >= 60);
}

/* --------------------------------------------------------------- edits */

static void random_edit_route(struct brt_route *r, struct brt_nexthop *nh)
{
	static const char *const v4[] = {"10.0.0.0", "10.1.0.0", "10.1.128.0",
		"10.1.128.64", "0.0.0.0", "192.0.2.0", "203.0.113.128"};
	static const unsigned l4[] = {0, 8, 12, 16, 17, 24, 26, 32};
	static const char *const v6[] = {"2001:db8:100::", "::", "2001:db8:100:8000::"};
	static const unsigned l6[] = {0, 32, 48, 49, 64, 128};
	bool is4 = rnd(4) != 0;
	struct brt_addr a;

	brt_route_init(r);
	brt_nexthop_init(nh);
	r->family = is4 ? BRT_AF_INET : BRT_AF_INET6;
	brt_addr_parse(is4 ? v4[rnd(7)] : v6[rnd(3)], &a);
	core_prefix_make(&r->dst, &a, is4 ? l4[rnd(8)] : l6[rnd(6)]);
	r->table = rnd(3) ? BRT_TABLE_MAIN : 200;
	r->metric = is4 ? 10 * rnd(3) : 1024 + 100 * rnd(2);
	r->tos = is4 && !rnd(6) ? 8 : 0;
	r->protocol = BRT_PROTO_STATIC;
	r->type = rnd(10) < 8 ? BRT_RT_UNICAST : rnd(2) ? BRT_RT_BLACKHOLE : BRT_RT_THROW;
	if (r->type != BRT_RT_UNICAST)
		return;
	nh->ifindex = 2 + rnd(2);
	if (rnd(4))
		brt_addr_parse(is4 ? (nh->ifindex == 2 ? "203.0.113.1" : "198.51.100.1")
			       : (nh->ifindex == 2 ? "2001:db8:10::1" : "2001:db8:20::1"),
			       &nh->gw);
	else
		r->scope = BRT_SCOPE_LINK;	/* a resolving route: recompiles all */
	r->nh = nh;
	r->nh_count = 1;
}

static void edits(void **state)
{
	static const char dump_rules[] =
		"rule pref 0 lookup local\n"
		"rule pref 100 from 198.51.100.20 lookup 200\n"
		"rule pref 120 fwmark 0x2 lookup 200\n"
		"rule pref 32766 lookup main\n"
		"rule -6 pref 0 lookup local\n"
		"rule -6 pref 100 from 2001:db8:20::20 lookup 200\n"
		"rule -6 pref 32766 lookup main\n";
	char *text = malloc(sizeof(base) + sizeof(dump_rules));
	brt_table *t;
	unsigned k, done = 0;

	(void)state;
	assert_non_null(text);
	snprintf(text, sizeof(base) + sizeof(dump_rules), "%s%s", base, dump_rules);
	t = tu_table(text);
	free(text);
	assert_true(t->ops->edit_in_place(t));
	for (k = 0; k < 600; k++) {
		struct brt_route r;
		struct brt_nexthop nh;
		int err;

		random_edit_route(&r, &nh);
		if (rnd(3)) {
			err = core_table_edit_add(t, &r, r.family == BRT_AF_INET && rnd(2));
		} else {
			size_t n = brt_table_route_count(t);
			const struct brt_route *x = n ? brt_table_route(t, rnd((unsigned)n)) : NULL;
			struct brt_route like;

			if (!x || (x->flags & BRT_ROUTE_F_DERIVED))
				continue;
			like = *x;
			err = core_table_edit_del(t, &like);
		}
		assert_true(err == 0 || err == BRT_ENOTSUP || err == BRT_ENOENT);
		done += err == 0;
		assert_true(core_dec_ready(t));
		check_table("edited dump", t, 64);
	}
	assert_true(done > 200);
	check_table("edited dump", t, 4000);
	brt_table_destroy(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixtures),
		cmocka_unit_test(dumps),
		cmocka_unit_test(random_tables),
		cmocka_unit_test(edits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
