/*
 * test_live_ns.c - the live backend against a real kernel, in a network
 * namespace of its own ("netlink-<pid>"): the snapshot must hold what
 * `ip -j` reports, and brt_live_kernel_lookup must answer as `ip route
 * get`. Skips (77) when not root or when namespaces do not work.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "model/model.h"
#include "testutil.h"

static char ns[64];
static brt_table *snap;

/* The JSON output of an `ip -j` command run in the namespace. */
static json_object *ipj(const char *args)
{
	char cmd[256], *data = NULL;
	size_t len = 0, n;
	char chunk[4096];
	json_object *j;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "ip -n %s -j %s 2>/dev/null", ns, args);
	f = popen(cmd, "r");
	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		data = realloc(data, len + n + 1);
		memcpy(data + len, chunk, n);
		len += n;
	}
	pclose(f);
	if (!data)
		return NULL;
	data[len] = 0;
	j = json_tokener_parse(data);
	free(data);
	return j;
}

static size_t ipj_count(const char *args)
{
	json_object *j = ipj(args);
	size_t n = j ? json_object_array_length(j) : 0;

	json_object_put(j);
	return n;
}

static const char *const setup_cmds[] = {
	"link set lo up",
	"link add va type veth peer name vb",
	"link add vc type veth peer name vd",
	"link set va up", "link set vb up", "link set vc up",
	"addr add 10.1.0.1/24 dev va",
	"addr add 10.1.0.5/24 dev va",
	"addr add 10.2.0.1/24 dev vc",
	"addr add 2001:db8:1::1/64 dev va nodad",
	"route add 192.0.2.0/24 via 10.1.0.254 dev va metric 10",
	("route add 198.51.100.0/24 table 100 nexthop via 10.1.0.254 weight 2 "
	 "nexthop via 10.1.0.253 weight 1"),
	"route add blackhole 203.0.113.0/24 table 100",
	"route add unreachable 203.0.113.128/25",
	"route add prohibit 203.0.113.64/26",
	"route add 10.50.0.0/16 dev vc",
	"nexthop add id 1 via 10.1.0.254 dev va",
	"nexthop add id 2 via 10.1.0.253 dev va",
	"nexthop add id 10 group 1/2,3",
	"route add 100.64.0.0/16 nhid 10",
	"-6 route add 2001:db8:99::/48 via 2001:db8:1::fe dev va",
	"rule add from 10.1.0.5 table 100 pref 100",
	"rule add fwmark 7 table 100 pref 200",
	"-6 rule add to 2001:db8:99::/48 table 200 pref 300",
};

static int setup(void **state)
{
	char err[512];
	int e;

	(void)state;
	if (tu_netns_setup("netlink", ns, sizeof(ns), setup_cmds,
			   sizeof(setup_cmds) / sizeof(setup_cmds[0])))
		return -1;
	/* inside the namespace now: /proc/sys/net is its own */
	if (tu_sh("sh -c 'echo 1 > /proc/sys/net/ipv6/conf/vc/disable_ipv6;"
		  " echo 2 > /proc/sys/net/ipv6/conf/va/use_tempaddr'"))
		return -1;
	e = brt_live_snapshot(&snap, err, sizeof(err));
	if (e)
		fprintf(stderr, "snapshot: %s\n", err);
	return e;
}

static int teardown(void **state)
{
	(void)state;
	brt_table_destroy(snap);
	tu_netns_destroy(ns);
	return 0;
}

static size_t given_routes(void)
{
	size_t i, n = 0;

	for (i = 0; i < brt_table_route_count(snap); i++)
		n += !(brt_table_route(snap, i)->flags & BRT_ROUTE_F_DERIVED);
	return n;
}

static size_t ip_addr_count(void)
{
	json_object *j = ipj("addr show"), *info;
	size_t i, n = 0;

	for (i = 0; j && i < json_object_array_length(j); i++)
		if (json_object_object_get_ex(json_object_array_get_idx(j, i),
					      "addr_info", &info))
			n += json_object_array_length(info);
	json_object_put(j);
	return n;
}

static void counts_match_ip(void **state)
{
	size_t i, rules = 0;

	(void)state;
	assert_int_equal(brt_table_link_count(snap), ipj_count("link show"));
	assert_int_equal(brt_table_address_count(snap), ip_addr_count());
	assert_int_equal(given_routes(), ipj_count("-4 route show table all") +
					 ipj_count("-6 route show table all"));
	for (i = 0; i < brt_table_rule_count(snap); i++)
		rules += !(brt_table_rule(snap, i)->flags & BRT_RULE_F_DERIVED);
	assert_int_equal(rules, ipj_count("-4 rule show") + ipj_count("-6 rule show"));
	assert_int_equal(brt_table_nhobj_count(snap), ipj_count("nexthop show"));
	assert_int_equal(brt_table_addrlabel_count(snap), ipj_count("addrlabel show"));
}

static const struct brt_route *find_route(const char *prefix, uint32_t table)
{
	struct brt_prefix p;
	size_t i;

	assert_int_equal(brt_prefix_parse(prefix, 0, 0, &p), 0);
	for (i = 0; i < brt_table_route_count(snap); i++) {
		const struct brt_route *r = brt_table_route(snap, i);

		if (r->table == table && core_prefix_equal(&r->dst, &p))
			return r;
	}
	fail_msg("no route %s in table %u", prefix, table);
	return NULL;
}

static void fields_match(void **state)
{
	const struct brt_link *va = brt_table_link_by_name(snap, "va");
	const struct brt_link *vc = brt_table_link_by_name(snap, "vc");
	const struct brt_route *r;
	const struct brt_nhobj *g = NULL;
	const char *k, *v;
	char buf[BRT_ADDRSTRLEN];
	size_t i;
	int found = 0;

	(void)state;
	assert_non_null(va);
	assert_non_null(vc);
	assert_true(va->flags & BRT_LINK_F_CARRIER);
	assert_false(vc->flags & BRT_LINK_F_CARRIER);	/* peer vd is down */
	assert_true(vc->flags & BRT_LINK_F_NO_IPV6);
	r = find_route("198.51.100.0/24", 100);
	assert_int_equal(r->nh_count, 2);
	assert_int_equal(r->nh[0].weight, 2);
	assert_int_equal(r->nh[1].weight, 1);
	assert_string_equal(tu_addr(&r->nh[1].gw, buf), "10.1.0.253");
	assert_int_equal(r->nh[0].ifindex, va->index);
	r = find_route("192.0.2.0/24", BRT_TABLE_MAIN);
	assert_int_equal(r->metric, 10);
	r = find_route("10.50.0.0/16", BRT_TABLE_MAIN);
	assert_true(r->flags & BRT_NH_F_LINKDOWN);
	assert_int_equal(find_route("203.0.113.0/24", 100)->type, BRT_RT_BLACKHOLE);
	assert_int_equal(find_route("100.64.0.0/16", BRT_TABLE_MAIN)->nh_id, 10);
	for (i = 0; i < brt_table_nhobj_count(snap); i++)
		if (brt_table_nhobj(snap, i)->id == 10)
			g = brt_table_nhobj(snap, i);
	assert_non_null(g);
	assert_int_equal(g->group_count, 2);
	assert_int_equal(g->group[1].id, 2);
	assert_int_equal(g->group[1].weight, 3);
	for (i = 0; i < brt_table_address_count(snap); i++) {
		const struct brt_address *a = brt_table_address(snap, i);

		if (!strcmp(tu_addr(&a->addr, buf), "10.1.0.5")) {
			assert_true(a->flags & BRT_ADDR_F_SECONDARY);
			found = 1;
		}
	}
	assert_true(found);
	for (i = 0, found = 0; i < brt_table_sysctl_count(snap); i++) {
		brt_table_sysctl(snap, i, &k, &v);
		if (!strcmp(k, "net.ipv6.conf.va.use_tempaddr")) {
			assert_string_equal(v, "2");
			found = 1;
		}
	}
	assert_true(found);
}

/* Our kernel lookup against `ip -j route get` for a destination. */
static void compare_get(const char *dst, const char *extra)
{
	struct brt_query q;
	struct brt_result r;
	char err[256], args[128], buf[BRT_ADDRSTRLEN];
	json_object *j, *o, *f;
	const struct brt_link *l;

	brt_query_init(&q);
	assert_int_equal(brt_addr_parse(dst, &q.dst), 0);
	if (extra && !strncmp(extra, "mark ", 5)) {
		q.mark = (uint32_t)atoi(extra + 5);
		q.flags |= BRT_QUERY_F_MARK;
	}
	assert_int_equal(brt_live_kernel_lookup(&q, &r, err, sizeof(err)), 0);
	assert_int_equal(r.status, BRT_ROUTE_OK);
	snprintf(args, sizeof(args), "route get %s %s", dst, extra ? extra : "");
	j = ipj(args);
	assert_non_null(j);
	o = json_object_array_get_idx(j, 0);
	assert_true(json_object_object_get_ex(o, "dev", &f));
	l = brt_table_link_by_index(snap, r.ifindex);
	assert_non_null(l);
	assert_string_equal(l->name, json_object_get_string(f));
	if (json_object_object_get_ex(o, "gateway", &f))
		assert_string_equal(tu_addr(&r.gateway, buf), json_object_get_string(f));
	else
		assert_int_equal(r.gateway.family, 0);
	if (json_object_object_get_ex(o, "prefsrc", &f))
		assert_string_equal(tu_addr(&r.source, buf), json_object_get_string(f));
	json_object_put(j);
}

static int kernel_status(const char *dst, uint32_t mark)
{
	struct brt_query q;
	struct brt_result r;
	char err[256];

	brt_query_init(&q);
	assert_int_equal(brt_addr_parse(dst, &q.dst), 0);
	if (mark) {
		q.mark = mark;
		q.flags |= BRT_QUERY_F_MARK;
	}
	assert_int_equal(brt_live_kernel_lookup(&q, &r, err, sizeof(err)), 0);
	return r.status;
}

static void kernel_lookup_like_ip_get(void **state)
{
	struct brt_query q;
	struct brt_result r;
	char err[256], buf[BRT_PREFIXSTRLEN];

	(void)state;
	compare_get("192.0.2.7", NULL);
	compare_get("10.1.0.77", NULL);
	compare_get("198.51.100.1", "mark 7");
	compare_get("2001:db8:99::1", NULL);
	assert_int_equal(kernel_status("203.0.113.130", 0), BRT_ROUTE_UNREACHABLE);
	assert_int_equal(kernel_status("203.0.113.65", 0), BRT_ROUTE_PROHIBIT);
	assert_int_equal(kernel_status("203.0.113.5", 7), BRT_ROUTE_BLACKHOLE);
	assert_int_equal(kernel_status("8.8.8.8", 0), BRT_ROUTE_NO_ROUTE);
	assert_int_equal(kernel_status("2001:db8:77::1", 0), BRT_ROUTE_NO_ROUTE);
	/* the fib match gives the prefix, table and metric */
	brt_query_init(&q);
	brt_addr_parse("192.0.2.7", &q.dst);
	assert_int_equal(brt_live_kernel_lookup(&q, &r, err, sizeof(err)), 0);
	assert_true(r.has_prefix);
	brt_prefix_format(&r.prefix, buf, sizeof(buf));
	assert_string_equal(buf, "192.0.2.0/24");
	assert_int_equal(r.table, BRT_TABLE_MAIN);
	assert_int_equal(r.metric, 10);
	brt_addr_parse("198.51.100.1", &q.dst);
	q.mark = 7;
	q.flags = BRT_QUERY_F_MARK;
	assert_int_equal(brt_live_kernel_lookup(&q, &r, err, sizeof(err)), 0);
	assert_int_equal(r.table, 100);
	/* IPv4 with an output link and no route assumes on-link: no FIB entry */
	brt_query_init(&q);
	brt_addr_parse("8.8.8.8", &q.dst);
	q.oif = brt_table_link_by_name(snap, "va")->index;
	assert_int_equal(brt_live_kernel_lookup(&q, &r, err, sizeof(err)), 0);
	assert_int_equal(r.status, BRT_ROUTE_OK);
	assert_int_equal(r.ifindex, q.oif);
	assert_false(r.has_prefix);
	/* a request the kernel itself refuses is an error, not a blackhole */
	brt_query_init(&q);
	brt_addr_parse("192.0.2.7", &q.dst);
	brt_addr_parse("2001:db8::1", &q.src);
	assert_int_equal(brt_live_kernel_lookup(&q, &r, err, sizeof(err)), BRT_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_match_ip),
		cmocka_unit_test(fields_match),
		cmocka_unit_test(kernel_lookup_like_ip_get),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
