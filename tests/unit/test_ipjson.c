/* test_ipjson.c - importing `ip -j` dumps (tests/data/ipj, made by gen.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder/builder_impl.h"
#include "model/model.h"
#include "testutil.h"

/* A spec ("[inet:|inet6:]NAME") for a fixture of tests/data/ipj. */
static const char *fixture(const char *spec, char *buf, size_t len)
{
	const char *colon = strchr(spec, ':');
	char path[512], rel[256];
	size_t pre = colon ? (size_t)(colon - spec + 1) : 0;

	snprintf(rel, sizeof(rel), "tests/data/ipj/%s", spec + pre);
	tu_src_path(rel, path, sizeof(path));
	snprintf(buf, len, "%.*s%s", (int)pre, spec, path);
	return buf;
}

/* A table from fixtures; fails the test with the loader's message. */
static brt_table *load_fixtures(const char *const *specs, size_t n)
{
	char err[600] = "", bufs[8][600];
	const char *full[8];
	brt_table *t = NULL;
	size_t i;

	assert_true(n <= 8);
	for (i = 0; i < n; i++)
		full[i] = fixture(specs[i], bufs[i], sizeof(bufs[i]));
	if (brt_table_load(full, n, -1, &t, err, sizeof(err)))
		fail_msg("load: %s", err);
	return t;
}

static brt_table *ns1(void)
{
	static const char *const specs[] = {
		"ns1-link.json", "ns1-addr.json", "inet:ns1-route4.json",
		"ns1-nexthop.json", "ns1-rule4.json", "ns1-rule6.json",
		"ns1-addrlabel.json",
	};

	return load_fixtures(specs, sizeof(specs) / sizeof(specs[0]));
}

/* Load @json (inline) into @b; returns the code, message in @err. */
static int load_str(brt_builder *b, int family, const char *json, char *err,
		    size_t len)
{
	return brt_builder_load_ipjson(b, "t.json", family, json, strlen(json),
				       err, len);
}

/* Expect @json to be refused with a message containing @needle. */
static void expect_error(const char *json, int family, int code,
			 const char *needle)
{
	brt_builder *b = brt_builder_create();
	char err[600] = "";
	int rc = load_str(b, family, json, err, sizeof(err));

	if (rc != code || !strstr(err, needle))
		fail_msg("%s: got %d \"%s\", want %d with \"%s\"", json, rc, err,
			 code, needle);
	brt_builder_destroy(b);
}

/* A table from inline dumps (one per argument, NULL ends). */
static brt_table *table_of(int family, const char *json, const char *json2)
{
	brt_builder *b = brt_builder_create();
	brt_table *t = NULL;
	char err[600] = "";

	if (load_str(b, family, json, err, sizeof(err)) ||
	    (json2 && load_str(b, family, json2, err, sizeof(err))))
		fail_msg("load: %s", err);
	if (brt_builder_finish(b, &t))
		fail_msg("finish: %s", brt_builder_error(b));
	brt_builder_destroy(b);
	return t;
}

static const struct brt_route *find_route(const brt_table *t, int family,
					  uint32_t table, uint8_t type,
					  const char *dst)
{
	struct brt_prefix p;
	size_t i;

	assert_int_equal(brt_prefix_parse(dst, family, 0, &p), 0);
	for (i = 0; i < brt_table_route_count(t); i++) {
		const struct brt_route *r = brt_table_route(t, i);

		if (r->family == family && r->table == table &&
		    r->type == type && r->dst.len == p.len &&
		    brt_addr_equal(&r->dst.addr, &p.addr))
			return r;
	}
	fail_msg("no route %s in table %u", dst, table);
	return NULL;
}

static const struct brt_address *find_addr(const brt_table *t,
					   const char *text)
{
	struct brt_addr a;
	size_t i;

	assert_int_equal(brt_addr_parse(text, &a), 0);
	for (i = 0; i < brt_table_address_count(t); i++)
		if (brt_addr_equal(&brt_table_address(t, i)->addr, &a))
			return brt_table_address(t, i);
	fail_msg("no address %s", text);
	return NULL;
}


static const char *addr_text(const struct brt_addr *a)
{
	static char buf[BRT_ADDRSTRLEN];

	return tu_addr(a, buf);
}

static uint32_t ifindex(const brt_table *t, const char *name)
{
	const struct brt_link *l = brt_table_link_by_name(t, name);

	assert_non_null(l);
	return l->index;
}

static void every_fixture_loads(void **state)
{
	static const char *const kinds[] = {
		"link", "link-d", "link-s", "addr", "route4", "route6",
		"route4-main", "rule4", "rule6", "nexthop", "addrlabel",
	};
	static const char *const hosts[] = {"ns1", "ns2", "host"};
	char name[64], spec[600], err[600];
	size_t h, k;

	(void)state;
	for (h = 0; h < 3; h++)
		for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
			brt_builder *b = brt_builder_create();
			/* rule dumps of default rules only and route dumps with
			 * an unreachable default do not show their family */
			const char *mark = !strncmp(kinds[k], "rule6", 5) ?
					   "inet6:" : !strncmp(kinds[k], "r", 1) ?
					   "inet:" : "";

			snprintf(name, sizeof(name), "%s%s-%s.json", mark,
				 hosts[h], kinds[k]);
			if (brt_builder_load_file(b, fixture(name, spec,
							     sizeof(spec)),
						  err, sizeof(err)))
				fail_msg("%s", err);
			brt_builder_destroy(b);
		}
}

static void whole_namespaces_finish(void **state)
{
	static const char *const host[] = {
		"host-link-d.json", "host-addr.json", "inet:host-route4.json",
		"host-route6.json", "host-nexthop.json", "inet:host-rule4.json",
		"inet6:host-rule6.json", "host-addrlabel.json",
	};
	static const char *const ns2[] = {
		"ns2-link-s.json", "ns2-addr.json", "ns2-route6.json",
		"inet:ns2-rule4.json", "inet6:ns2-rule6.json",
	};
	brt_table *t;

	(void)state;
	t = ns1();
	assert_int_equal(brt_table_link_count(t), 5);
	assert_int_equal(brt_table_nhobj_count(t), 8);
	brt_table_destroy(t);
	t = load_fixtures(host, sizeof(host) / sizeof(host[0]));
	assert_non_null(brt_table_link_by_name(t, "lo"));
	brt_table_destroy(t);
	t = load_fixtures(ns2, sizeof(ns2) / sizeof(ns2[0]));
	assert_non_null(brt_table_link_by_name(t, "p3"));
	brt_table_destroy(t);
}

static void links(void **state)
{
	brt_table *t = ns1();
	const struct brt_link *l;

	(void)state;
	l = brt_table_link_by_name(t, "v1");
	assert_non_null(l);
	assert_int_equal(l->index, 2);
	assert_int_equal(l->mtu, 1400);
	assert_int_equal(l->group, 7);
	assert_int_equal(l->type, BRT_LINK_ETHERNET);
	assert_int_equal(l->flags, BRT_LINK_F_UP | BRT_LINK_F_CARRIER);
	assert_int_equal(l->master, 0);
	l = brt_table_link_by_name(t, "v3");
	assert_int_equal(l->flags, BRT_LINK_F_UP);	/* NO-CARRIER */
	l = brt_table_link_by_name(t, "v2");
	assert_int_equal(l->master, ifindex(t, "br0"));
	assert_int_equal(l->group, 0);
	l = brt_table_link_by_name(t, "lo");
	assert_int_equal(l->type, BRT_LINK_LOOPBACK);
	assert_int_equal(l->mtu, 65536);
	brt_table_destroy(t);
}

static void link_types_and_flags(void **state)
{
	brt_table *t = table_of(BRT_AF_INET,
		"[{\"ifindex\":7,\"ifname\":\"tun0\",\"flags\":[\"POINTOPOINT\","
		"\"UP\",\"LOWER_UP\"],\"mtu\":1420,\"link_type\":\"none\"},"
		"{\"ifindex\":8,\"ifname\":\"ppp0\",\"flags\":[],\"mtu\":1492,"
		"\"link_type\":\"ppp\",\"group\":\"default\"},"
		"{\"ifindex\":9,\"ifname\":\"wg0\",\"link_type\":\"ether\","
		"\"linkinfo\":{\"info_kind\":\"wireguard\"}},"
		"{\"ifindex\":10,\"ifname\":\"ib0\",\"link_type\":\"infiniband\"},"
		"{\"ifindex\":11,\"ifname\":\"tap0\",\"link_type\":\"ether\","
		"\"linkinfo\":{\"info_kind\":\"tun\",\"info_data\":{\"type\":"
		"\"tap\"}}}]",
		"[{\"priority\":7,\"src\":\"all\",\"ipproto\":\"ipproto-200\","
		"\"tos\":\"EF\",\"table\":\"main\"}]");

	(void)state;
	assert_int_equal(brt_table_link_by_name(t, "tun0")->type,
			 BRT_LINK_TUNNEL);
	assert_int_equal(brt_table_link_by_name(t, "ppp0")->type, BRT_LINK_PPP);
	assert_int_equal(brt_table_link_by_name(t, "ppp0")->flags, 0);
	assert_int_equal(brt_table_link_by_name(t, "ppp0")->mtu, 1492);
	assert_int_equal(brt_table_link_by_name(t, "wg0")->type,
			 BRT_LINK_TUNNEL);
	assert_int_equal(brt_table_link_by_name(t, "ib0")->type, BRT_LINK_OTHER);
	assert_int_equal(brt_table_link_by_name(t, "tap0")->type,
			 BRT_LINK_ETHERNET);
	/* names ip prints for numbers it has no word for, or a DSCP */
	assert_int_equal(tu_rule(t, BRT_AF_INET, 7)->ipproto, 200);
	assert_int_equal(tu_rule(t, BRT_AF_INET, 7)->tos, 0xb8);
	brt_table_destroy(t);
}

static void addresses(void **state)
{
	brt_table *t = ns1();
	const struct brt_address *a;

	(void)state;
	a = find_addr(t, "10.1.0.1");
	assert_int_equal(a->ifindex, ifindex(t, "v1"));
	assert_int_equal(a->plen, 24);
	assert_int_equal(a->flags, BRT_ADDR_F_PERMANENT);
	assert_int_equal(a->scope, BRT_SCOPE_UNIVERSE);
	assert_int_equal(a->valid_lft, BRT_LIFETIME_FOREVER);
	assert_string_equal(a->label, "v1");
	a = find_addr(t, "10.1.0.2");
	assert_int_equal(a->flags, BRT_ADDR_F_PERMANENT | BRT_ADDR_F_SECONDARY);
	a = find_addr(t, "10.1.5.1");
	assert_string_equal(a->label, "v1:x");
	assert_int_equal(a->metric, 50);
	assert_true(a->flags & BRT_ADDR_F_NOPREFIXROUTE);
	a = find_addr(t, "10.9.0.1");
	assert_string_equal(addr_text(&a->peer), "10.9.0.2");
	assert_int_equal(a->plen, 32);
	assert_int_equal(a->ifindex, ifindex(t, "v3"));
	a = find_addr(t, "10.2.0.1");
	assert_string_equal(addr_text(&a->broadcast), "10.2.0.255");
	assert_int_equal(a->peer.family, 0);
	a = find_addr(t, "2001:db8:1::2");
	assert_int_equal(a->flags, BRT_ADDR_F_NODAD | BRT_ADDR_F_NOPREFIXROUTE);
	assert_true(a->valid_lft <= 3600 && a->valid_lft > 3000);
	assert_true(a->preferred_lft <= 1800 && a->preferred_lft > 1200);
	a = find_addr(t, "2001:db8:2::1");
	assert_int_equal(a->flags, BRT_ADDR_F_NODAD | BRT_ADDR_F_HOMEADDRESS |
				   BRT_ADDR_F_PERMANENT);
	assert_int_equal(a->ifindex, ifindex(t, "br0"));
	a = find_addr(t, "::1");
	assert_int_equal(a->scope, BRT_SCOPE_HOST);
	assert_int_equal(a->plen, 128);
	brt_table_destroy(t);
}

static void routes_v4(void **state)
{
	brt_table *t = ns1();
	const struct brt_route *r;
	uint32_t v1 = ifindex(t, "v1"), br0 = ifindex(t, "br0");

	(void)state;
	r = find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_UNICAST, "0.0.0.0/0");
	assert_int_equal(r->metric, 100);
	assert_true(r->flags & BRT_ROUTE_F_HAS_METRIC);
	assert_int_equal(r->protocol, BRT_PROTO_STATIC);
	assert_int_equal(r->nh_count, 1);
	assert_string_equal(addr_text(&r->nh[0].gw), "10.1.0.254");
	assert_int_equal(r->nh[0].ifindex, v1);
	r = find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_UNICAST,
		       "10.20.0.0/16");
	assert_int_equal(r->protocol, 42);
	assert_int_equal(r->nh[0].flags, BRT_NH_F_ONLINK);
	assert_string_equal(addr_text(&r->prefsrc), "10.1.0.1");
	assert_false(r->flags & BRT_ROUTE_F_HAS_METRIC);
	r = find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_UNICAST,
		       "10.21.0.0/16");	/* "tos": "0x10" */
	assert_int_equal(r->tos, 0x10);
	assert_int_equal(r->scope, BRT_SCOPE_LINK);
	assert_int_equal(r->protocol, BRT_PROTO_DHCP);
	assert_int_equal(r->nh[0].gw.family, 0);
	assert_int_equal(r->nh[0].ifindex, br0);
	r = find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_UNICAST,
		       "10.22.0.0/16");
	assert_int_equal(r->nh_count, 2);
	assert_int_equal(r->nh[0].weight, 3);
	assert_int_equal(r->nh[1].weight, 1);
	assert_int_equal(r->nh[1].ifindex, br0);
	assert_int_equal(r->protocol, BRT_PROTO_BOOT);
	r = find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_BLACKHOLE,
		       "10.23.0.0/16");
	assert_int_equal(r->nh_count, 0);
	r = find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_UNREACHABLE,
		       "10.24.0.0/16");
	assert_int_equal(r->metric, 5);
	find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_PROHIBIT, "10.25.0.0/16");
	find_route(t, BRT_AF_INET, 100, BRT_RT_THROW, "10.26.0.0/16");
	r = find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_UNICAST,
		       "10.27.0.1/32");
	assert_int_equal(r->flags & BRT_NH_F_LINKDOWN, BRT_NH_F_LINKDOWN);
	assert_int_equal(r->nh[0].flags, BRT_NH_F_LINKDOWN);
	r = find_route(t, BRT_AF_INET, 100, BRT_RT_UNICAST, "10.28.0.0/16");
	assert_int_equal(r->mtu, 1300);
	/* the unreachable default route takes the family of the inet: mark */
	find_route(t, BRT_AF_INET, 201, BRT_RT_UNREACHABLE, "0.0.0.0/0");
	r = find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_UNICAST,
		       "10.30.0.0/16");
	assert_string_equal(addr_text(&r->nh[0].gw), "2001:db8:1::fe");
	r = find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_UNICAST,
		       "10.50.0.0/16");
	/* the object's paths, not those ip printed, once finished */
	assert_int_equal(r->nh_id, 10);
	assert_int_equal(r->nh_count, 0);
	r = find_route(t, BRT_AF_INET, 100, BRT_RT_MULTICAST, "224.1.0.0/16");
	assert_int_equal(r->protocol, BRT_PROTO_STATIC);
	r = find_route(t, BRT_AF_INET, BRT_TABLE_LOCAL, BRT_RT_BROADCAST,
		       "10.1.0.255/32");
	assert_int_equal(r->protocol, BRT_PROTO_KERNEL);
	assert_int_equal(r->scope, BRT_SCOPE_LINK);
	find_route(t, BRT_AF_INET, 100, BRT_RT_LOCAL, "10.29.0.1/32");
	brt_table_destroy(t);
}

/* A route through a nexthop group gets the group's paths. */
static void nhid_route_resolves(void **state)
{
	static const char *const specs[] = {
		"ns1-link.json", "inet:ns1-route4.json", "ns1-nexthop.json",
	};
	brt_table *t = load_fixtures(specs, 3);
	const struct brt_route *r;
	const struct brt_nexthop *nh;
	uint32_t n = 0;
	bool blackhole = true;

	(void)state;
	r = find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_UNICAST,
		       "10.50.0.0/16");
	nh = core_route_nexthops(t, r, &n, &blackhole);
	assert_int_equal(n, 2);		/* group 10 = 1/2 */
	assert_false(blackhole);
	assert_string_equal(addr_text(&nh[0].gw), "10.1.0.254");
	assert_int_equal(nh[0].ifindex, ifindex(t, "v1"));
	assert_string_equal(addr_text(&nh[1].gw), "10.2.0.254");
	assert_int_equal(nh[1].ifindex, ifindex(t, "br0"));
	brt_table_destroy(t);
}

static void routes_v6(void **state)
{
	brt_table *t = ns1();
	const struct brt_route *r;

	(void)state;
	r = find_route(t, BRT_AF_INET6, BRT_TABLE_MAIN, BRT_RT_UNICAST,
		       "2001:db8:10::/48");
	assert_int_equal(r->pref, BRT_PREF_HIGH);
	assert_int_equal(r->protocol, BRT_PROTO_RA);
	assert_int_equal(r->metric, 256);
	r = find_route(t, BRT_AF_INET6, BRT_TABLE_MAIN, BRT_RT_UNICAST,
		       "2001:db8:11::/48");
	assert_true(r->expires > 0 && r->expires <= 600);
	assert_int_equal(r->pref, BRT_PREF_MEDIUM);
	r = find_route(t, BRT_AF_INET6, BRT_TABLE_MAIN, BRT_RT_UNICAST,
		       "2001:db8:15::/48");
	assert_int_equal(r->src.len, 64);
	assert_string_equal(addr_text(&r->src.addr), "2001:db8:1::");
	r = find_route(t, BRT_AF_INET6, BRT_TABLE_MAIN, BRT_RT_UNICAST,
		       "2001:db8:14::/48");
	assert_int_equal(r->nh_count, 2);
	assert_int_equal(r->nh[0].weight, 2);
	/* no address, but "pref" tells it is IPv6 */
	r = find_route(t, BRT_AF_INET6, 201, BRT_RT_BLACKHOLE, "::/0");
	assert_int_equal(r->nh_count, 0);	/* "dev lo" is no path */
	r = find_route(t, BRT_AF_INET6, 200, BRT_RT_UNICAST, "::/0");
	assert_string_equal(addr_text(&r->nh[0].gw), "fe80::1");
	find_route(t, BRT_AF_INET6, 100, BRT_RT_UNICAST, "2001:db8:12::1/128");
	find_route(t, BRT_AF_INET6, BRT_TABLE_MAIN, BRT_RT_UNREACHABLE,
		   "2001:db8:13::/48");
	brt_table_destroy(t);
}

static void rules(void **state)
{
	brt_table *t = ns1();
	const struct brt_rule *r;

	(void)state;
	r = tu_rule(t, BRT_AF_INET, 100);
	assert_int_equal(r->src.len, 24);
	assert_string_equal(addr_text(&r->src.addr), "10.1.0.0");
	assert_int_equal(r->action, BRT_RULE_LOOKUP);
	assert_int_equal(r->table, 100);
	r = tu_rule(t, BRT_AF_INET, 110);
	assert_int_equal(r->flags, BRT_RULE_F_INVERT);
	assert_int_equal(r->dst.len, 16);
	assert_int_equal(r->tos, 0x10);
	assert_int_equal(r->table, 200);
	r = tu_rule(t, BRT_AF_INET, 120);
	assert_int_equal(r->flags, BRT_RULE_F_FWMARK);
	assert_int_equal(r->fwmark, 0x10);
	assert_int_equal(r->fwmask, 0xff);
	assert_string_equal(r->iif, "v1");
	assert_string_equal(r->oif, "br0");
	assert_int_equal(r->table, BRT_TABLE_MAIN);
	r = tu_rule(t, BRT_AF_INET, 130);
	assert_int_equal(r->flags, BRT_RULE_F_UIDRANGE | BRT_RULE_F_IPPROTO |
				   BRT_RULE_F_SPORT | BRT_RULE_F_DPORT);
	assert_int_equal(r->uid_start, 1000);
	assert_int_equal(r->uid_end, 2000);
	assert_int_equal(r->ipproto, 6);
	assert_int_equal(r->sport_lo, 1000);
	assert_int_equal(r->sport_hi, 2000);
	assert_int_equal(r->dport_lo, 80);
	assert_int_equal(r->dport_hi, 80);
	r = tu_rule(t, BRT_AF_INET, 140);
	assert_int_equal(r->flags, BRT_RULE_F_L3MDEV);
	assert_int_equal(r->protocol, BRT_PROTO_STATIC);
	r = tu_rule(t, BRT_AF_INET, 150);
	assert_int_equal(r->action, BRT_RULE_GOTO);
	assert_int_equal(r->goto_target, 200);
	assert_int_equal(tu_rule(t, BRT_AF_INET, 160)->action,
			 BRT_RULE_PROHIBIT);
	assert_int_equal(tu_rule(t, BRT_AF_INET, 170)->action,
			 BRT_RULE_UNREACHABLE);
	assert_int_equal(tu_rule(t, BRT_AF_INET, 180)->action,
			 BRT_RULE_BLACKHOLE);
	assert_int_equal(tu_rule(t, BRT_AF_INET, 190)->action, BRT_RULE_NOP);
	r = tu_rule(t, BRT_AF_INET, 200);
	assert_int_equal(r->suppress_prefixlen, 0);
	assert_int_equal(r->suppress_ifgroup, BRT_RULE_NO_SUPPRESS);
	r = tu_rule(t, BRT_AF_INET, 210);
	assert_int_equal(r->suppress_ifgroup, 7);
	assert_int_equal(r->suppress_prefixlen, BRT_RULE_NO_SUPPRESS);
	r = tu_rule(t, BRT_AF_INET, 220);
	assert_int_equal(r->fwmark, 5);
	assert_int_equal(r->fwmask, 0xffffffffu);
	/* default rules of the IPv4 dump take the family its rules show */
	r = tu_rule(t, BRT_AF_INET, 0);
	assert_int_equal(r->table, BRT_TABLE_LOCAL);
	r = tu_rule(t, BRT_AF_INET6, 110);
	assert_int_equal(r->dst.len, 48);
	assert_int_equal(r->ipproto, 17);
	assert_int_equal(r->dport_lo, 443);
	r = tu_rule(t, BRT_AF_INET6, 120);
	assert_int_equal(r->flags, BRT_RULE_F_INVERT);
	assert_string_equal(r->iif, "v1");
	assert_int_equal(tu_rule(t, BRT_AF_INET6, 32766)->table,
			 BRT_TABLE_MAIN);
	brt_table_destroy(t);
}

static const struct brt_nhobj *nhobj(const brt_table *t, uint32_t id)
{
	size_t i;

	for (i = 0; i < brt_table_nhobj_count(t); i++)
		if (brt_table_nhobj(t, i)->id == id)
			return brt_table_nhobj(t, i);
	fail_msg("no nexthop %u", id);
	return NULL;
}

static void nexthops_and_labels(void **state)
{
	brt_table *t = ns1();
	const struct brt_nhobj *n;
	const struct brt_addrlabel *l = NULL;
	size_t i;

	(void)state;
	n = nhobj(t, 1);
	assert_string_equal(addr_text(&n->gw), "10.1.0.254");
	assert_int_equal(n->ifindex, ifindex(t, "v1"));
	assert_int_equal(n->family, BRT_AF_INET);
	assert_int_equal(nhobj(t, 2)->protocol, BRT_PROTO_STATIC);
	assert_int_equal(nhobj(t, 3)->family, BRT_AF_INET6);
	assert_int_equal(nhobj(t, 4)->flags, BRT_NHOBJ_F_BLACKHOLE);
	assert_int_equal(nhobj(t, 4)->family, 0);
	assert_int_equal(nhobj(t, 5)->flags, BRT_NHOBJ_F_ONLINK);
	assert_int_equal(nhobj(t, 12)->flags, BRT_NHOBJ_F_FDB);
	n = nhobj(t, 11);
	assert_int_equal(n->group_count, 2);
	assert_int_equal(n->group[0].id, 1);
	assert_int_equal(n->group[0].weight, 3);
	assert_int_equal(n->group[1].id, 2);
	assert_int_equal(n->group[1].weight, 1);
	for (i = 0; i < brt_table_addrlabel_count(t); i++)
		if (brt_table_addrlabel(t, i)->label == 42)
			l = brt_table_addrlabel(t, i);
	assert_non_null(l);
	assert_int_equal(l->prefix.len, 64);
	assert_string_equal(addr_text(&l->prefix.addr), "2001:db8:1::");
	assert_int_equal(l->ifindex, ifindex(t, "v1"));
	brt_table_destroy(t);
}

static const char *const link_a =
	"[{\"ifindex\":3,\"ifname\":\"a\",\"flags\":[\"UP\",\"LOWER_UP\"]}]";

static void family_detection(void **state)
{
	brt_table *t;
	char spec[600], err[600];
	brt_builder *b;

	(void)state;
	/* the gateway, "pref", prefsrc tell the family */
	t = table_of(0, link_a,
		     "[{\"dst\":\"default\",\"gateway\":\"fe80::1\",\"dev\":\"a\"},"
		     "{\"type\":\"blackhole\",\"dst\":\"default\",\"table\":\"9\","
		     "\"pref\":\"medium\"},"
		     "{\"dst\":\"default\",\"dev\":\"a\",\"prefsrc\":\"192.0.2.1\","
		     "\"table\":\"7\"}]");
	find_route(t, BRT_AF_INET6, BRT_TABLE_MAIN, BRT_RT_UNICAST, "::/0");
	find_route(t, BRT_AF_INET6, 9, BRT_RT_BLACKHOLE, "::/0");
	find_route(t, BRT_AF_INET, 7, BRT_RT_UNICAST, "0.0.0.0/0");
	brt_table_destroy(t);
	/* nothing tells: an error asking for the mark */
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"dev\":\"a\"},"
		     "{\"type\":\"unreachable\",\"dst\":\"default\"}]", 0,
		     BRT_EPARSE, "t.json: record 2: the route to default does "
		     "not show its address family; mark the file inet:t.json "
		     "or inet6:t.json");
	/* the mark gives it; records that show their family keep it */
	t = table_of(BRT_AF_INET6, link_a,
		     "[{\"type\":\"unreachable\",\"dst\":\"default\"},"
		     "{\"dst\":\"10.0.0.0/8\",\"dev\":\"a\"}]");
	find_route(t, BRT_AF_INET6, BRT_TABLE_MAIN, BRT_RT_UNREACHABLE, "::/0");
	find_route(t, BRT_AF_INET, BRT_TABLE_MAIN, BRT_RT_UNICAST, "10.0.0.0/8");
	brt_table_destroy(t);
	/* rules: default rules alone need the mark (a real host dump) */
	b = brt_builder_create();
	assert_int_equal(brt_builder_load_file(b, fixture("host-rule4.json", spec,
							  sizeof(spec)),
					       err, sizeof(err)), BRT_EPARSE);
	assert_non_null(strstr(err, "record 1: the rule with priority 0 does "
			       "not show its address family; mark the file "
			       "inet:"));
	assert_int_equal(brt_builder_load_file(b, fixture("inet6:host-rule4.json",
							  spec, sizeof(spec)),
					       err, sizeof(err)), 0);
	brt_builder_destroy(b);
	/* one rule showing IPv6 gives the dump its family */
	t = table_of(0, "[{\"priority\":5,\"src\":\"all\",\"table\":\"main\"},"
		     "{\"priority\":6,\"src\":\"2001:db8::\",\"srclen\":32,"
		     "\"table\":\"9\"}]", NULL);
	assert_int_equal(tu_rule(t, BRT_AF_INET6, 5)->table, BRT_TABLE_MAIN);
	assert_int_equal(tu_rule(t, BRT_AF_INET6, 6)->src.len, 32);
	brt_table_destroy(t);
	expect_error("[{\"priority\":5,\"src\":\"10.0.0.0\",\"srclen\":8,"
		     "\"table\":\"main\"},{\"priority\":6,\"dst\":\"2001:db8::\","
		     "\"dstlen\":32,\"table\":\"9\"}]", 0, BRT_EPARSE,
		     "record 2: the rule dump mixes IPv4 and IPv6");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"gateway\":\"2001:db8::1\"}]", 0,
		     BRT_EPARSE, "record 1: \"gateway\": 2001:db8::1 is IPv6 but "
		     "the record is IPv4");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"pref\":\"high\"}]", 0,
		     BRT_EPARSE, "\"pref\" on an IPv4 route");
}

static void links_and_routes_tie_by_name(void **state)
{
	static const char *const before[] = {"inet:ns2-route4.json",
					     "ns2-link.json"};
	static const char *const after[] = {"ns2-link.json",
					    "inet:ns2-route4.json"};
	const char *const *sets[] = {before, after};
	char spec[2][600], err[600];
	const char *full[2];
	brt_table *t;
	size_t s;

	(void)state;
	for (s = 0; s < 2; s++) {
		const struct brt_route *r;

		t = load_fixtures(sets[s], 2);
		r = find_route(t, BRT_AF_INET6, BRT_TABLE_MAIN, BRT_RT_UNICAST,
			       "fe80::/64");
		assert_int_equal(r->nh[0].ifindex, ifindex(t, "p1"));
		assert_string_equal(tu_ifname(t, r->nh[0].ifindex), "p1");
		assert_int_equal(ifindex(t, "p1"), 2);
		brt_table_destroy(t);
	}
	/* a route dump of ns1 names links ns2 does not have */
	full[0] = fixture("ns2-link.json", spec[0], sizeof(spec[0]));
	full[1] = fixture("ns1-route4-main.json", spec[1], sizeof(spec[1]));
	assert_int_equal(brt_table_load(full, 2, -1, &t, err, sizeof(err)),
			 BRT_ENOENT);
	assert_null(t);
	assert_non_null(strstr(err, "ns1-route4-main.json:1: unknown link 'v1'"));
}

static void broken_inputs(void **state)
{
	char deep[3000];
	size_t i;

	(void)state;
	expect_error("[{\"dst\":", 0, BRT_EPARSE,
		     "t.json:1:9: invalid JSON: unexpected end of input");
	expect_error("[1,]\n", 0, BRT_EPARSE, "t.json:1:4: invalid JSON: ");
	expect_error("[]\n[]", 0, BRT_EPARSE,
		     "t.json:2:1: invalid JSON: ");
	expect_error("", 0, BRT_EPARSE, "invalid JSON");
	expect_error("{\"dst\":\"default\"}", 0, BRT_EPARSE,
		     "t.json: an `ip -j` dump is a JSON array, not object");
	expect_error("[17]", 0, BRT_EPARSE,
		     "record 1: not a record of any `ip -j` dump");
	expect_error("[{\"foo\":1}]", 0, BRT_EPARSE, "record 1: not a record");
	expect_error("[{\"ifindex\":\"x\",\"ifname\":\"a\"}]", 0, BRT_EPARSE,
		     "record 1: \"ifindex\": \"x\" is not a number in 0..");
	expect_error("[{\"ifindex\":1,\"ifname\":5}]", 0, BRT_EPARSE,
		     "\"ifname\": 5 is not a string");
	expect_error("[{\"ifindex\":1,\"ifname\":\"a\",\"flags\":\"UP\"}]", 0,
		     BRT_EPARSE, "\"flags\": \"UP\" is not an array of words");
	expect_error("[{\"ifindex\":1,\"ifname\":\"a\",\"mtu\":"
		     "99999999999999999999}]", 0, BRT_EPARSE, "\"mtu\": ");
	expect_error("[{\"ifindex\":1,\"ifname\":\"a\",\"mtu\":4294967296}]", 0,
		     BRT_EPARSE, "\"mtu\": 4294967296 is not a number in "
		     "0..4294967295");
	expect_error("[{\"ifindex\":1,\"ifname\":\"a\",\"mtu\":1.5}]", 0,
		     BRT_EPARSE, "\"mtu\": 1.5 is not a number");
	expect_error("[{\"ifindex\":1,\"ifname\":\"averyveryverylongname\"}]", 0,
		     BRT_EPARSE, "is not an interface name");
	expect_error("[{\"ifindex\":0,\"ifname\":\"a\"}]", 0, BRT_EPARSE,
		     "a link needs a nonzero \"ifindex\"");
	expect_error("[{\"ifindex\":1,\"ifname\":\"a\",\"group\":\"wan\"}]", 0,
		     BRT_EPARSE, "\"group\": unknown link group \"wan\"");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"metric\":-1}]", 0, BRT_EPARSE,
		     "record 1: \"metric\": -1 is not a number");
	expect_error("[{\"dst\":\"10.0.0.0/33\"}]", 0, BRT_EPARSE,
		     "\"dst\": \"10.0.0.0/33\" is not a prefix");
	expect_error("[{\"dst\":\"10.0.0.1/8\"}]", 0, BRT_EPARSE,
		     "\"dst\": \"10.0.0.1/8\" is not a prefix");
	expect_error("[{\"dst\":[]}]", 0, BRT_EPARSE, "\"dst\": [] is not a "
		     "string");
	expect_error("[{\"type\":\"nat\",\"dst\":\"10.0.0.0/8\"}]", 0,
		     BRT_EPARSE, "\"type\": unknown route type \"nat\"");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"protocol\":\"quagga\"}]", 0,
		     BRT_EPARSE, "\"protocol\": unknown protocol \"quagga\"");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"protocol\":256}]", 0,
		     BRT_EPARSE, "\"protocol\": 256 is not a number in 0..255");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"tos\":\"AF99\"}]", 0,
		     BRT_EPARSE, "\"tos\": unknown dsfield \"AF99\"");
	expect_error("[{\"priority\":1,\"src\":\"all\",\"ipproto\":"
		     "\"ipproto-300\"}]", BRT_AF_INET, BRT_EPARSE, "\"ipproto\": ");
	expect_error("[{\"priority\":1,\"src\":\"all\",\"ipproto\":\"xtp\"}]",
		     BRT_AF_INET, BRT_EPARSE,
		     "\"ipproto\": unknown IP protocol \"xtp\"");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"scope\":\"galaxy\"}]", 0,
		     BRT_EPARSE, "\"scope\": unknown scope \"galaxy\"");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"table\":\"0\"}]", 0,
		     BRT_EPARSE, "table 0 is not a table");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"nexthops\":[{\"gateway\":"
		     "\"10.0.0.1\",\"weight\":257}]}]", 0, BRT_EPARSE,
		     "\"weight\": 257 is not a number in 0..256");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"nexthops\":{}}]", 0,
		     BRT_EPARSE, "\"nexthops\" is not an array");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"via\":\"x\"}]", 0,
		     BRT_EPARSE, "\"via\" is not an object");
	expect_error("[{\"dst\":\"10.0.0.0/8\",\"metrics\":[{\"mtu\":\"x\"}]}]",
		     0, BRT_EPARSE, "\"mtu\": \"x\" is not a number");
	expect_error("[{\"priority\":1,\"src\":\"10.0.0.0\",\"srclen\":40}]", 0,
		     BRT_EPARSE, "\"srclen\": 40 is not a number in 0..32");
	expect_error("[{\"priority\":1,\"src\":\"10.0.0.1\",\"srclen\":8}]", 0,
		     BRT_EPARSE, "\"src\": 10.0.0.1/8 has host bits set");
	expect_error("[{\"priority\":1,\"src\":\"all\",\"action\":\"dance\"}]",
		     BRT_AF_INET, BRT_EPARSE, "unknown rule action \"dance\"");
	expect_error("[{\"priority\":1,\"src\":\"all\",\"sport_start\":9,"
		     "\"sport_end\":2}]", BRT_AF_INET, BRT_EPARSE,
		     "\"sport_end\" 2 is below \"sport_start\" 9");
	expect_error("[{\"priority\":1,\"src\":\"all\",\"fwmark\":\"0xzz\"}]",
		     BRT_AF_INET, BRT_EPARSE, "\"fwmark\": \"0xzz\" is not");
	expect_error("[{\"id\":1,\"group\":[{\"id\":0}]}]", 0, BRT_EPARSE,
		     "a \"group\" entry needs a nonzero \"id\"");
	expect_error("[{\"id\":-5}]", 0, BRT_EPARSE, "\"id\": -5 is not");
	expect_error("[{\"address\":\"2001:db8::\",\"prefixlen\":129,"
		     "\"label\":1}]", 0, BRT_EPARSE, "\"prefixlen\": 129");
	expect_error("[{\"ifindex\":1,\"ifname\":\"a\",\"addr_info\":[{\"family\":"
		     "\"inet\",\"local\":\"10.0.0.1\",\"prefixlen\":33}]}]", 0,
		     BRT_EPARSE, "\"prefixlen\": 33 is not a number in 0..32");
	expect_error("[{\"ifindex\":1,\"ifname\":\"a\",\"addr_info\":[{\"family\":"
		     "\"inet\",\"local\":\"2001:db8::1\",\"prefixlen\":3}]}]", 0,
		     BRT_EPARSE, "\"local\": 2001:db8::1 is IPv6 but the record "
		     "is IPv4");
	expect_error("[{\"ifindex\":1,\"ifname\":\"a\"},{\"dst\":\"default\"}]",
		     0, BRT_EPARSE, "record 2: an `ip -j route` record in an `ip -j "
		     "link` dump");
	expect_error("[{\"dst\":\"default\"},{\"foo\":1}]", BRT_AF_INET,
		     BRT_EPARSE, "record 2: not a record of an `ip -j route` "
		     "dump (it needs \"dst\")");
	for (i = 0; i < sizeof(deep) - 1; i++)
		deep[i] = i < sizeof(deep) / 2 ? '[' : ']';
	deep[sizeof(deep) - 1] = 0;
	expect_error(deep, 0, BRT_EPARSE, "invalid JSON: nesting too deep");
}

static void failed_load_adds_nothing(void **state)
{
	brt_builder *b = brt_builder_create();
	brt_table *t = NULL;
	char err[600];

	(void)state;
	/* the first record is fine, the second is not: nothing is added */
	assert_int_equal(load_str(b, 0, "[{\"ifindex\":3,\"ifname\":\"a\"},"
				  "{\"ifindex\":4,\"ifname\":\"b\",\"mtu\":-1}]",
				  err, sizeof(err)), BRT_EPARSE);
	assert_int_equal(load_str(b, 0, "[]", err, sizeof(err)), 0);
	assert_int_equal(load_str(b, 0, " [ ]\n", err, sizeof(err)), 0);
	assert_int_equal(brt_builder_finish(b, &t), 0);
	assert_null(brt_table_link_by_name(t, "a"));
	brt_table_destroy(t);
	/* a link in a link dump and again in an addr dump is one link */
	assert_int_equal(load_str(b, 0, "[{\"ifindex\":3,\"ifname\":\"a\","
				  "\"master\":\"br\"},{\"ifindex\":4,\"ifname\":"
				  "\"br\"}]", err, sizeof(err)), 0);
	assert_int_equal(load_str(b, 0, "[{\"ifindex\":3,\"ifname\":\"a\","
				  "\"master\":\"br\",\"addr_info\":[]}]", err,
				  sizeof(err)), 0);
	/* an unknown device is an error when the table is finished */
	assert_int_equal(load_str(b, BRT_AF_INET, "[{\"dst\":\"10.0.0.0/8\","
				  "\"dev\":\"nosuch\"}]", err, sizeof(err)), 0);
	assert_int_equal(brt_builder_finish(b, &t), BRT_ENOENT);
	assert_non_null(strstr(brt_builder_error(b),
			       "t.json:1: unknown link 'nosuch'"));
	brt_builder_destroy(b);
}

/* A text fixture of tests/data/ipj with "route " before each statement. */
static char *route_text(const char *file)
{
	char rel[256];

	snprintf(rel, sizeof(rel), "tests/data/ipj/%s", file);
	return tu_prefixed_file(rel, "route ");
}

/* Equal routes, "expires" aside (the dumps were taken a moment apart). */
static bool same_route(const brt_builder *a, const struct bld_route *x,
		       const brt_builder *b, const struct bld_route *y)
{
	struct brt_route r1 = x->r, r2 = y->r;
	uint32_t i;

	if ((r1.expires == 0) != (r2.expires == 0))
		return false;
	r1.expires = r2.expires = 0;
	if (memcmp(&r1, &r2, sizeof(r1)))
		return false;
	for (i = 0; i < r1.nh_count; i++)
		if (memcmp(&a->nh.data[x->nh_off + i],
			   &b->nh.data[y->nh_off + i], sizeof(struct brt_nexthop)))
			return false;
	return true;
}

/* Every route of @a has its own equal route in @b, and as many. */
static void same_routes(const brt_builder *a, const brt_builder *b,
			const char *what)
{
	bool *used = calloc(b->routes.n + 1, 1);
	char dst[BRT_PREFIXSTRLEN];
	size_t i, k;

	assert_non_null(used);
	if (a->routes.n != b->routes.n)
		fail_msg("%s: %zu routes from JSON, %zu from text", what,
			 a->routes.n, b->routes.n);
	for (i = 0; i < a->routes.n; i++) {
		for (k = 0; k < b->routes.n; k++)
			if (!used[k] && same_route(a, &a->routes.data[i], b,
						   &b->routes.data[k]))
				break;
		if (k == b->routes.n) {
			brt_prefix_format(&a->routes.data[i].r.dst, dst,
					  sizeof(dst));
			fail_msg("%s: JSON route %zu (%s) not read from the text",
				 what, i + 1, dst);
		}
		used[k] = true;
	}
	free(used);
}

/* The same dump as JSON and as text gives the same routes. */
static void json_and_text_agree(void **state)
{
	static const char *const ns[] = {"ns1", "ns2", "host"};
	static const char *const fam[] = {"4", "6"};
	char name[64], spec[600], err[600];
	size_t i, f;

	(void)state;
	for (i = 0; i < 3; i++)
		for (f = 0; f < 2; f++) {
			brt_builder *a = brt_builder_create();
			brt_builder *b = brt_builder_create();
			char *text;

			snprintf(name, sizeof(name), "%s-link.json", ns[i]);
			fixture(name, spec, sizeof(spec));
			assert_int_equal(brt_builder_load_file(a, spec, err,
							       sizeof(err)), 0);
			assert_int_equal(brt_builder_load_file(b, spec, err,
							       sizeof(err)), 0);
			snprintf(name, sizeof(name), "inet:%s-route%s.json",
				 ns[i], fam[f]);
			if (brt_builder_load_file(a, fixture(name, spec,
							     sizeof(spec)),
						  err, sizeof(err)))
				fail_msg("%s", err);
			snprintf(name, sizeof(name), "%s-route%s.txt", ns[i],
				 fam[f]);
			text = route_text(name);
			if (brt_builder_load_text(b, name, text, strlen(text),
						  err, sizeof(err)))
				fail_msg("%s", err);
			free(text);
			same_routes(a, b, name);
			brt_builder_destroy(a);
			brt_builder_destroy(b);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_fixture_loads),
		cmocka_unit_test(whole_namespaces_finish),
		cmocka_unit_test(links),
		cmocka_unit_test(link_types_and_flags),
		cmocka_unit_test(addresses),
		cmocka_unit_test(routes_v4),
		cmocka_unit_test(nhid_route_resolves),
		cmocka_unit_test(routes_v6),
		cmocka_unit_test(rules),
		cmocka_unit_test(nexthops_and_labels),
		cmocka_unit_test(family_detection),
		cmocka_unit_test(links_and_routes_tie_by_name),
		cmocka_unit_test(broken_inputs),
		cmocka_unit_test(failed_load_adds_nothing),
		cmocka_unit_test(json_and_text_agree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
