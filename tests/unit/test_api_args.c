/*
 * test_api_args.c - every public function of bestroute.h and live.h, given
 * NULL pointers and out-of-range values, returns its documented error (and
 * never crashes); destroy(NULL) is a no-op.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const char base_text[] =
	"link eth0 index 2\n"
	"address 192.0.2.10/24 dev eth0\n"
	"route default via 192.0.2.1 dev eth0\n"
	"sysctl net.ipv4.conf.all.rp_filter = 1\n";

static brt_table *base_table(void)
{
	return tu_table(base_text);
}

static void v4(struct brt_addr *a, const char *text)
{
	assert_int_equal(brt_addr_parse(text, a), 0);
}

static void destroy_null_is_noop(void **state)
{
	(void)state;
	brt_builder_destroy(NULL);
	brt_table_destroy(NULL);
	brt_explain_destroy(NULL);
	brt_live_monitor_stop(NULL);
	/* init functions on NULL: nothing to initialise, no crash */
	brt_link_init(NULL);
	brt_address_init(NULL);
	brt_route_init(NULL);
	brt_nexthop_init(NULL);
	brt_rule_init(NULL);
	brt_nhobj_init(NULL);
	brt_query_init(NULL);
}

static void names_of_unknown_values(void **state)
{
	(void)state;
	assert_string_equal(brt_strerror(-999), "unknown error");
	assert_string_equal(brt_strerror(1), "unknown error");
	assert_non_null(brt_strerror(BRT_ENOSTACK));
	assert_string_equal(brt_status_name((enum brt_status)99), "invalid");
	assert_string_equal(brt_status_name((enum brt_status)-1), "invalid");
	assert_int_equal(brt_status_errno((enum brt_status)99), 22 /* EINVAL */);
	assert_string_equal(brt_verdict_name((enum brt_verdict)-1), "unknown");
	assert_string_equal(brt_verdict_name((enum brt_verdict)1000), "unknown");
}

static void addresses(void **state)
{
	struct brt_addr a, b;
	char buf[BRT_ADDRSTRLEN];

	(void)state;
	assert_int_equal(brt_addr_parse(NULL, &a), BRT_EINVAL);
	assert_int_equal(brt_addr_parse("1.2.3.4", NULL), BRT_EINVAL);
	assert_int_equal(brt_addr_parse("1.2.3.4/8", &a), BRT_EPARSE);
	assert_int_equal(brt_addr_parse("fe80::1%99999999999", &a), BRT_ENOENT);
	v4(&a, "192.0.2.1");
	assert_int_equal(brt_addr_format(NULL, buf, sizeof(buf)), BRT_EINVAL);
	assert_int_equal(brt_addr_format(&a, NULL, 10), BRT_EINVAL);
	assert_int_equal(brt_addr_format(&a, buf, 0), BRT_ERANGE);
	assert_int_equal(brt_addr_format(&a, buf, 9), BRT_ERANGE);
	assert_int_equal(brt_addr_format(&a, buf, 10), 9);
	b = a;
	b.family = 7;
	assert_int_equal(brt_addr_format(&b, buf, sizeof(buf)), BRT_EINVAL);
	b.family = BRT_AF_UNSPEC;
	assert_int_equal(brt_addr_format(&b, buf, sizeof(buf)), BRT_EINVAL);
	assert_int_equal(brt_addr_equal(NULL, &a), 0);
	assert_int_equal(brt_addr_equal(&a, NULL), 0);
	assert_int_equal(brt_addr_equal(&a, &b), 0);
}

static void prefixes(void **state)
{
	struct brt_prefix p;
	struct brt_addr a;
	char buf[BRT_PREFIXSTRLEN];

	(void)state;
	assert_int_equal(brt_prefix_parse(NULL, 0, 0, &p), BRT_EINVAL);
	assert_int_equal(brt_prefix_parse("10.0.0.0/8", 0, 0, NULL), BRT_EINVAL);
	assert_int_equal(brt_prefix_parse("10.0.0.0/33", 0, 0, &p), BRT_EPARSE);
	assert_int_equal(brt_prefix_parse("2001:db8::/129", 0, 0, &p), BRT_EPARSE);
	assert_int_equal(brt_prefix_parse("10.0.0.1/8", 0, 0, &p), BRT_EPARSE);
	assert_int_equal(brt_prefix_parse("10.0.0.0/99999999999999999999", 0,
					  0, &p), BRT_EPARSE);
	assert_int_equal(brt_prefix_parse("fe80::/10%2", 0, 0, &p), BRT_EPARSE);
	assert_int_equal(brt_prefix_format(NULL, buf, sizeof(buf)), BRT_EINVAL);
	assert_int_equal(brt_prefix_parse("10.0.0.0/8", 0, 0, &p), 0);
	assert_int_equal(brt_prefix_format(&p, NULL, 4), BRT_EINVAL);
	assert_int_equal(brt_prefix_format(&p, buf, 4), BRT_ERANGE);
	/* a length beyond the family is not a prefix */
	p.len = 33;
	assert_int_equal(brt_prefix_format(&p, buf, sizeof(buf)), BRT_EINVAL);
	v4(&a, "10.1.2.3");
	assert_int_equal(brt_prefix_contains(&p, &a), 0);
	p.len = 200;
	assert_int_equal(brt_prefix_contains(&p, &a), 0);
	p.len = 8;
	assert_int_equal(brt_prefix_contains(&p, &a), 1);
	assert_int_equal(brt_prefix_contains(NULL, &a), 0);
	assert_int_equal(brt_prefix_contains(&p, NULL), 0);
	assert_int_equal(brt_prefix_parse("2001:db8::/32", 0, 0, &p), 0);
	p.len = 129;
	assert_int_equal(brt_prefix_format(&p, buf, sizeof(buf)), BRT_EINVAL);
	assert_int_equal(brt_prefix_contains(&p, &p.addr), 0);
}

static void builder_setup(void **state)
{
	brt_builder *b = brt_builder_create();

	(void)state;
	assert_non_null(b);
	assert_int_equal(brt_builder_set_origin(NULL, "x", 1), BRT_EINVAL);
	assert_int_equal(brt_builder_set_origin(b, NULL, 1), BRT_EINVAL);
	assert_int_equal(brt_builder_set_policy(NULL, BRT_POLICY_LINUX), BRT_EINVAL);
	assert_int_equal(brt_builder_set_policy(b, (enum brt_policy)2), BRT_EINVAL);
	assert_int_equal(brt_builder_set_policy(b, (enum brt_policy)-1), BRT_EINVAL);
	assert_int_equal(brt_builder_force_policy(NULL, BRT_POLICY_LINUX), BRT_EINVAL);
	assert_int_equal(brt_builder_force_policy(b, (enum brt_policy)7), BRT_EINVAL);
	assert_int_equal(brt_builder_ifref(NULL, "eth0"), 0);
	assert_int_equal(brt_builder_ifref(b, NULL), 0);
	assert_int_equal(brt_builder_ifref(b, ""), 0);
	assert_int_equal(brt_builder_ifref(b, "a-name-of-16-chr"), 0);
	assert_string_equal(brt_builder_error(NULL), "");
	assert_int_equal(brt_builder_set_sysctl(NULL, "k", "v"), BRT_EINVAL);
	assert_int_equal(brt_builder_set_sysctl(b, NULL, "v"), BRT_EINVAL);
	assert_int_equal(brt_builder_set_sysctl(b, "k", NULL), BRT_EINVAL);
	assert_int_equal(brt_builder_set_sysctl(b, "", "v"), BRT_EINVAL);
	assert_null(brt_builder_from_table(NULL));
	brt_builder_destroy(b);
}

static void builder_links_addresses(void **state)
{
	brt_builder *b = brt_builder_create();
	struct brt_link l;
	struct brt_address a;

	(void)state;
	assert_int_equal(brt_builder_add_link(NULL, &l), BRT_EINVAL);
	assert_int_equal(brt_builder_add_link(b, NULL), BRT_EINVAL);
	brt_link_init(&l);
	strcpy(l.name, "eth0");
	l.index = 0;		/* index 0 */
	assert_int_equal(brt_builder_add_link(b, &l), BRT_EINVAL);
	assert_string_not_equal(brt_builder_error(b), "");
	l.index = 2;
	l.type = 200;		/* unknown link type */
	assert_int_equal(brt_builder_add_link(b, &l), BRT_EINVAL);
	l.type = BRT_LINK_ETHERNET;
	memset(l.name, 'x', sizeof(l.name));	/* not NUL-terminated */
	assert_int_equal(brt_builder_add_link(b, &l), BRT_EINVAL);
	l.name[0] = 0;		/* empty name */
	assert_int_equal(brt_builder_add_link(b, &l), BRT_EINVAL);
	strcpy(l.name, "eth0");
	assert_int_equal(brt_builder_add_link(b, &l), 0);
	l.index = 3;		/* same name, other index */
	assert_int_equal(brt_builder_add_link(b, &l), BRT_ECONFLICT);

	assert_int_equal(brt_builder_add_address(NULL, &a), BRT_EINVAL);
	assert_int_equal(brt_builder_add_address(b, NULL), BRT_EINVAL);
	brt_address_init(&a);
	v4(&a.addr, "192.0.2.10");
	a.ifindex = 2;
	a.plen = 33;
	assert_int_equal(brt_builder_add_address(b, &a), BRT_EINVAL);
	a.plen = 24;
	a.ifindex = 0;
	assert_int_equal(brt_builder_add_address(b, &a), BRT_EINVAL);
	a.ifindex = 2;
	a.addr.family = 99;
	assert_int_equal(brt_builder_add_address(b, &a), BRT_EINVAL);
	a.addr.family = BRT_AF_UNSPEC;
	assert_int_equal(brt_builder_add_address(b, &a), BRT_EINVAL);
	v4(&a.addr, "192.0.2.10");
	a.peer.family = 3;
	assert_int_equal(brt_builder_add_address(b, &a), BRT_EINVAL);
	a.peer.family = 0;
	memset(a.label, 'l', sizeof(a.label));
	assert_int_equal(brt_builder_add_address(b, &a), BRT_EINVAL);
	a.label[0] = 0;
	assert_int_equal(brt_builder_add_address(b, &a), 0);
	brt_builder_destroy(b);
}

/* A valid route to 10.0.0.0/8 via 192.0.2.1 on link 2. */
static void good_route(struct brt_route *r, struct brt_nexthop *nh)
{
	brt_route_init(r);
	brt_nexthop_init(nh);
	assert_int_equal(brt_prefix_parse("10.0.0.0/8", 0, 0, &r->dst), 0);
	r->family = BRT_AF_INET;
	v4(&nh->gw, "192.0.2.1");
	nh->ifindex = 2;
	r->nh = nh;
	r->nh_count = 1;
}

static void builder_routes(void **state)
{
	brt_builder *b = brt_builder_create();
	struct brt_route r;
	struct brt_nexthop nh;

	(void)state;
	assert_int_equal(brt_builder_add_route(NULL, &r), BRT_EINVAL);
	assert_int_equal(brt_builder_add_route(b, NULL), BRT_EINVAL);
	good_route(&r, &nh);
	r.family = 1;				/* bad family */
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	good_route(&r, &nh);
	r.dst.len = 33;				/* prefix length 33 */
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	good_route(&r, &nh);
	r.dst.addr.bytes[3] = 1;		/* host bits set */
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	good_route(&r, &nh);
	r.family = BRT_AF_INET6;		/* dst family differs */
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	assert_int_equal(brt_prefix_parse("2001:db8::/32", 0, 0, &r.dst), 0);
	r.dst.len = 129;			/* prefix length 129 */
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	good_route(&r, &nh);
	r.type = 0;				/* unknown route types */
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	r.type = 42;
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	good_route(&r, &nh);
	r.table = 0;
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	good_route(&r, &nh);
	r.nh = NULL;				/* count without array */
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	good_route(&r, &nh);
	r.nh_count = 0x7fffffff;		/* huge count */
	assert_int_equal(brt_builder_add_route(b, &r), BRT_ELIMIT);
	good_route(&r, &nh);
	nh.weight = 0;
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	nh.weight = 257;
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	good_route(&r, &nh);
	nh.gw.family = 4;
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	good_route(&r, &nh);
	r.prefsrc.family = 200;
	assert_int_equal(brt_builder_add_route(b, &r), BRT_EINVAL);
	good_route(&r, &nh);
	assert_int_equal(brt_builder_add_route(b, &r), 0);
	assert_int_equal(brt_builder_del_route(NULL, &r), BRT_EINVAL);
	assert_int_equal(brt_builder_del_route(b, NULL), BRT_EINVAL);
	assert_int_equal(brt_builder_del_route(b, &r), 0);
	assert_int_equal(brt_builder_del_route(b, &r), BRT_ENOENT);
	brt_builder_destroy(b);
}

static void builder_rules_nhobjs_labels(void **state)
{
	brt_builder *b = brt_builder_create();
	struct brt_rule ru;
	struct brt_nhobj n;
	struct brt_nhgrp_member m[2] = {{1, 1}, {2, 1}};
	struct brt_addrlabel al;

	(void)state;
	assert_int_equal(brt_builder_add_rule(NULL, &ru), BRT_EINVAL);
	assert_int_equal(brt_builder_add_rule(b, NULL), BRT_EINVAL);
	brt_rule_init(&ru);
	ru.family = 0;
	assert_int_equal(brt_builder_add_rule(b, &ru), BRT_EINVAL);
	brt_rule_init(&ru);
	ru.family = BRT_AF_INET;
	ru.action = 99;				/* unknown action */
	assert_int_equal(brt_builder_add_rule(b, &ru), BRT_EINVAL);
	ru.action = BRT_RULE_LOOKUP;
	ru.table = 0;
	assert_int_equal(brt_builder_add_rule(b, &ru), BRT_EINVAL);
	ru.table = BRT_TABLE_MAIN;
	assert_int_equal(brt_prefix_parse("10.0.0.0/8", 0, 1, &ru.dst), 0);
	ru.dst.addr.bytes[2] = 1;		/* host bits */
	assert_int_equal(brt_builder_add_rule(b, &ru), BRT_EINVAL);
	memset(&ru.dst, 0, sizeof(ru.dst));
	memset(ru.iif, 'i', sizeof(ru.iif));	/* unterminated name */
	assert_int_equal(brt_builder_add_rule(b, &ru), BRT_EINVAL);
	ru.iif[0] = 0;
	ru.action = BRT_RULE_GOTO;		/* goto backwards: a loop */
	ru.priority = 100;
	ru.goto_target = 100;
	assert_int_equal(brt_builder_add_rule(b, &ru), BRT_EINVAL);
	ru.goto_target = 50;
	assert_int_equal(brt_builder_add_rule(b, &ru), BRT_EINVAL);
	ru.goto_target = 200;
	assert_int_equal(brt_builder_add_rule(b, &ru), 0);

	assert_int_equal(brt_builder_add_nhobj(NULL, &n), BRT_EINVAL);
	assert_int_equal(brt_builder_add_nhobj(b, NULL), BRT_EINVAL);
	brt_nhobj_init(&n);
	n.id = 0;				/* id 0 */
	assert_int_equal(brt_builder_add_nhobj(b, &n), BRT_EINVAL);
	n.id = 10;
	n.group_count = 2;			/* count without array */
	assert_int_equal(brt_builder_add_nhobj(b, &n), BRT_EINVAL);
	n.group = m;
	n.group_count = 0x10000000;		/* huge count */
	assert_int_equal(brt_builder_add_nhobj(b, &n), BRT_ELIMIT);
	n.group_count = 2;
	m[1].weight = 0;			/* weight out of 1..256 */
	assert_int_equal(brt_builder_add_nhobj(b, &n), BRT_EINVAL);
	m[1].weight = 257;
	assert_int_equal(brt_builder_add_nhobj(b, &n), BRT_EINVAL);
	m[1].weight = 1;
	m[1].id = 0;				/* member id 0 */
	assert_int_equal(brt_builder_add_nhobj(b, &n), BRT_EINVAL);
	m[1].id = 2;
	assert_int_equal(brt_builder_add_nhobj(b, &n), 0);
	assert_int_equal(brt_builder_add_nhobj(b, &n), BRT_EEXIST);

	assert_int_equal(brt_builder_add_addrlabel(NULL, &al), BRT_EINVAL);
	assert_int_equal(brt_builder_add_addrlabel(b, NULL), BRT_EINVAL);
	memset(&al, 0, sizeof(al));
	assert_int_equal(brt_prefix_parse("10.0.0.0/8", 0, 0, &al.prefix), 0);
	assert_int_equal(brt_builder_add_addrlabel(b, &al), BRT_EINVAL);
	assert_int_equal(brt_prefix_parse("2001:db8::/32", 0, 0, &al.prefix), 0);
	al.prefix.len = 129;
	assert_int_equal(brt_builder_add_addrlabel(b, &al), BRT_EINVAL);
	al.prefix.len = 32;
	assert_int_equal(brt_builder_add_addrlabel(b, &al), 0);
	brt_builder_destroy(b);
}

static void builder_finish(void **state)
{
	brt_builder *b = brt_builder_create();
	brt_table *t = (brt_table *)b;	/* must be overwritten */

	(void)state;
	assert_int_equal(brt_builder_finish(b, NULL), BRT_EINVAL);
	assert_int_equal(brt_builder_finish(NULL, &t), BRT_EINVAL);
	assert_null(t);
	/* a route naming a link that is never defined */
	assert_int_equal(brt_builder_load_text(b, "x", "route 10.0.0.0/8 dev nope\n",
					       26, NULL, 0), 0);
	t = (brt_table *)b;
	assert_int_equal(brt_builder_finish(b, &t), BRT_ENOENT);
	assert_null(t);
	assert_string_not_equal(brt_builder_error(b), "");
	brt_builder_destroy(b);
}

static void table_accessors(void **state)
{
	brt_table *t = base_table();
	const char *k = NULL, *v = NULL;
	size_t n;

	(void)state;
	assert_int_equal(brt_table_policy(NULL), BRT_POLICY_LINUX);
	assert_int_equal(brt_table_link_count(NULL), 0);
	assert_int_equal(brt_table_address_count(NULL), 0);
	assert_int_equal(brt_table_route_count(NULL), 0);
	assert_int_equal(brt_table_rule_count(NULL), 0);
	assert_int_equal(brt_table_nhobj_count(NULL), 0);
	assert_int_equal(brt_table_addrlabel_count(NULL), 0);
	assert_int_equal(brt_table_sysctl_count(NULL), 0);
	assert_null(brt_table_link(NULL, 0));
	assert_null(brt_table_address(NULL, 0));
	assert_null(brt_table_route(NULL, 0));
	assert_null(brt_table_rule(NULL, 0));
	assert_null(brt_table_nhobj(NULL, 0));
	assert_null(brt_table_addrlabel(NULL, 0));
	/* i >= count, and a huge i */
	n = brt_table_link_count(t);
	assert_true(n > 0);
	assert_non_null(brt_table_link(t, n - 1));
	assert_null(brt_table_link(t, n));
	assert_null(brt_table_link(t, (size_t)-1));
	assert_null(brt_table_address(t, brt_table_address_count(t)));
	assert_null(brt_table_route(t, brt_table_route_count(t)));
	assert_null(brt_table_rule(t, brt_table_rule_count(t)));
	assert_null(brt_table_nhobj(t, brt_table_nhobj_count(t)));
	assert_null(brt_table_addrlabel(t, brt_table_addrlabel_count(t)));
	n = brt_table_sysctl_count(t);
	assert_int_equal(n, 1);
	assert_int_equal(brt_table_sysctl(t, 0, &k, &v), 0);
	assert_string_equal(k, "net.ipv4.conf.all.rp_filter");
	assert_int_equal(brt_table_sysctl(t, n, &k, &v), BRT_EINVAL);
	assert_int_equal(brt_table_sysctl(NULL, 0, &k, &v), BRT_EINVAL);
	assert_int_equal(brt_table_sysctl(t, 0, NULL, &v), BRT_EINVAL);
	assert_int_equal(brt_table_sysctl(t, 0, &k, NULL), BRT_EINVAL);
	assert_null(brt_table_link_by_index(NULL, 2));
	assert_null(brt_table_link_by_index(t, 0));
	assert_null(brt_table_link_by_index(t, 0xffffffffu));
	assert_null(brt_table_link_by_name(NULL, "eth0"));
	assert_null(brt_table_link_by_name(t, NULL));
	assert_null(brt_table_link_by_name(t, "no-such-link"));
	brt_table_destroy(t);
}

static void table_names_and_zones(void **state)
{
	brt_table *t = base_table();
	struct brt_addr a;
	char buf[16];
	uint32_t id;

	(void)state;
	assert_int_equal(brt_table_addr_parse(NULL, "1.2.3.4", &a), BRT_EINVAL);
	assert_int_equal(brt_table_addr_parse(t, NULL, &a), BRT_EINVAL);
	assert_int_equal(brt_table_addr_parse(t, "1.2.3.4", NULL), BRT_EINVAL);
	assert_int_equal(brt_table_addr_parse(t, "fe80::1%nope", &a), BRT_ENOENT);
	assert_int_equal(brt_table_addr_parse(t, "fe80::1%eth0", &a), 0);
	assert_int_equal(a.zone, 2);
	assert_int_equal(brt_table_id_format(BRT_TABLE_MAIN, NULL, 8), BRT_EINVAL);
	assert_int_equal(brt_table_id_format(BRT_TABLE_MAIN, buf, 4), BRT_ERANGE);
	assert_int_equal(brt_table_id_format(0xffffffffu, buf, sizeof(buf)), 10);
	assert_int_equal(brt_table_id_parse(NULL, &id), BRT_EINVAL);
	assert_int_equal(brt_table_id_parse("main", NULL), BRT_EINVAL);
	assert_int_equal(brt_table_id_parse("0", &id), BRT_EPARSE);
	assert_int_equal(brt_table_id_parse("4294967296", &id), BRT_EPARSE);
	assert_int_equal(brt_table_id_parse("-1", &id), BRT_EPARSE);
	assert_int_equal(brt_table_id_parse("12x", &id), BRT_EPARSE);
	assert_int_equal(brt_table_id_parse("4294967295", &id), 0);
	assert_int_equal(id, 0xffffffffu);
	brt_table_destroy(t);
}

static void lookups(void **state)
{
	brt_table *t = base_table();
	struct brt_query q;
	struct brt_result r;
	struct brt_addr src;
	brt_explain *e = (brt_explain *)t;

	(void)state;
	tu_query(t, "198.51.100.1", &q);
	assert_int_equal(brt_table_lookup(NULL, &q, &r), BRT_EINVAL);
	assert_int_equal(r.status, BRT_ROUTE_INVALID);
	assert_int_equal(brt_table_lookup(t, NULL, &r), BRT_EINVAL);
	assert_int_equal(r.status, BRT_ROUTE_INVALID);
	assert_int_equal(brt_table_lookup(t, &q, NULL), BRT_EINVAL);
	q.dst.family = 3;			/* not IPv4 or IPv6 */
	assert_int_equal(brt_table_lookup(t, &q, &r), BRT_EINVAL);
	assert_int_equal(r.status, BRT_ROUTE_INVALID);
	q.dst.family = BRT_AF_UNSPEC;
	assert_int_equal(brt_table_lookup(t, &q, &r), BRT_EINVAL);
	tu_query(t, "198.51.100.1", &q);
	q.oif = 77;				/* no such link: answered */
	assert_int_equal(brt_table_lookup(t, &q, &r), 0);
	assert_int_equal(r.status, BRT_ROUTE_INVALID);
	tu_query(t, "198.51.100.1", &q);
	assert_int_equal(brt_addr_parse("2001:db8::1", &q.src), 0);
	assert_int_equal(brt_table_lookup(t, &q, &r), 0);
	assert_int_equal(r.status, BRT_ROUTE_INVALID);

	/* explain: errors leave no object behind */
	assert_int_equal(brt_table_explain(t, &q, &r, NULL), BRT_EINVAL);
	assert_int_equal(brt_table_explain(NULL, &q, &r, &e), BRT_EINVAL);
	assert_null(e);
	assert_int_equal(brt_explain_count(NULL), 0);
	assert_null(brt_explain_get(NULL, 0));
	tu_query(t, "198.51.100.1", &q);
	assert_int_equal(brt_table_explain(t, &q, &r, &e), 0);
	assert_int_equal(r.status, BRT_ROUTE_OK);
	assert_true(brt_explain_count(e) > 0);
	assert_null(brt_explain_get(e, brt_explain_count(e)));
	assert_null(brt_explain_get(e, (size_t)-1));
	brt_explain_destroy(e);

	/* nexthop_source: i >= nh_count, error answers, NULLs */
	assert_int_equal(brt_table_lookup(t, &q, &r), 0);
	assert_int_equal(r.nh_count, 1);
	assert_int_equal(brt_table_nexthop_source(t, &q, &r, 0, &src), 0);
	assert_int_equal(brt_table_nexthop_source(t, &q, &r, 1, &src), BRT_EINVAL);
	assert_int_equal(brt_table_nexthop_source(t, &q, &r, 0xffffffffu, &src),
			 BRT_EINVAL);
	assert_int_equal(brt_table_nexthop_source(NULL, &q, &r, 0, &src), BRT_EINVAL);
	assert_int_equal(brt_table_nexthop_source(t, NULL, &r, 0, &src), BRT_EINVAL);
	assert_int_equal(brt_table_nexthop_source(t, &q, NULL, 0, &src), BRT_EINVAL);
	assert_int_equal(brt_table_nexthop_source(t, &q, &r, 0, NULL), BRT_EINVAL);
	r.status = BRT_ROUTE_NO_ROUTE;
	assert_int_equal(brt_table_nexthop_source(t, &q, &r, 0, &src), BRT_EINVAL);
	brt_table_destroy(t);
}

static void loading(void **state)
{
	brt_builder *b = brt_builder_create();
	const char *specs[1] = {"/nonexistent/bestroute.table"};
	brt_table *t = (brt_table *)b;
	char err[256];

	(void)state;
	assert_int_equal(brt_builder_load_file(NULL, "x", err, sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_builder_load_file(b, NULL, err, sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_builder_load_file(b, "x", NULL, 10), BRT_EINVAL);
	assert_int_equal(brt_builder_load_file(b, specs[0], err, sizeof(err)), BRT_EIO);
	assert_non_null(strstr(err, "/nonexistent/bestroute.table"));
	assert_int_equal(brt_builder_load_text(NULL, "x", "", 0, err, sizeof(err)),
			 BRT_EINVAL);
	assert_int_equal(brt_builder_load_text(b, NULL, "", 0, err, sizeof(err)),
			 BRT_EINVAL);
	assert_int_equal(brt_builder_load_text(b, "x", NULL, 5, err, sizeof(err)),
			 BRT_EINVAL);
	assert_int_equal(brt_builder_load_text(b, "x", "", 0, NULL, 5), BRT_EINVAL);
	assert_int_equal(brt_builder_load_text(b, "x", NULL, 0, err, sizeof(err)), 0);
	assert_int_equal(brt_builder_load_text(b, "x", "frobnicate\n", 11, err,
					       sizeof(err)), BRT_EPARSE);
	assert_non_null(strstr(err, "x:1"));
	assert_int_equal(brt_builder_load_ipjson(NULL, "x", 0, "[]", 2, err,
						 sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_builder_load_ipjson(b, NULL, 0, "[]", 2, err,
						 sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_builder_load_ipjson(b, "x", 0, NULL, 2, err,
						 sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_builder_load_ipjson(b, "x", 7, "[]", 2, err,
						 sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_builder_load_ipjson(b, "x", 0, "[]", 2, NULL, 9),
			 BRT_EINVAL);
	assert_int_equal(brt_builder_load_ipjson(b, "x", 0, "[", 1, err,
						 sizeof(err)), BRT_EPARSE);

	assert_int_equal(brt_table_load(specs, 1, -1, NULL, err, sizeof(err)),
			 BRT_EINVAL);
	assert_int_equal(brt_table_load(NULL, 1, -1, &t, err, sizeof(err)),
			 BRT_EINVAL);
	assert_int_equal(brt_table_load(specs, 1, -1, &t, NULL, 5), BRT_EINVAL);
	t = (brt_table *)b;
	assert_int_equal(brt_table_load(specs, 1, -1, &t, err, sizeof(err)), BRT_EIO);
	assert_null(t);
	t = (brt_table *)b;
	assert_int_equal(brt_table_load(specs, 0, 5, &t, err, sizeof(err)),
			 BRT_EINVAL);		/* unknown policy */
	assert_null(t);
	/* no files: an empty (derived-only) table */
	assert_int_equal(brt_table_load(NULL, 0, -1, &t, err, sizeof(err)), 0);
	assert_non_null(t);
	brt_table_destroy(t);
	brt_builder_destroy(b);
}

static void writing(void **state)
{
	brt_table *t = base_table();
	struct brt_route r = *brt_table_route(t, 0);
	char *out = (char *)t;

	(void)state;
	assert_int_equal(brt_table_write_text(NULL, 0, &out), BRT_EINVAL);
	assert_int_equal(brt_table_write_text(t, 0, NULL), BRT_EINVAL);
	assert_int_equal(brt_table_write_json(NULL, 0, &out), BRT_EINVAL);
	assert_int_equal(brt_table_write_json(t, 0, NULL), BRT_EINVAL);
	assert_int_equal(brt_route_write_text(NULL, &r, &out), BRT_EINVAL);
	assert_int_equal(brt_route_write_text(t, NULL, &out), BRT_EINVAL);
	assert_int_equal(brt_route_write_text(t, &r, NULL), BRT_EINVAL);
	r.nh = NULL;
	r.nh_count = 3;
	assert_int_equal(brt_route_write_text(t, &r, &out), BRT_EINVAL);
	/* unknown flag bits are ignored */
	assert_int_equal(brt_table_write_text(t, 0xff00u, &out), 0);
	assert_non_null(strstr(out, "192.0.2.1"));
	free(out);
	brt_table_destroy(t);
}

static void monitor_cb(void *ctx, int event, const struct brt_route *r)
{
	(void)ctx, (void)event, (void)r;
}

static void watch_cb(void *ctx, const struct brt_live_change *c)
{
	(void)ctx, (void)c;
}

/* live.h: argument checks come before any netlink traffic, so these run
 * unprivileged and change nothing. */
static void live_arguments(void **state)
{
	struct brt_route r;
	struct brt_nexthop nh;
	struct brt_query q;
	struct brt_result res;
	brt_live_monitor *m = (brt_live_monitor *)&r;
	char err[256];

	(void)state;
	assert_int_equal(brt_live_snapshot(NULL, err, sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_live_kernel_lookup(NULL, &res, err, sizeof(err)),
			 BRT_EINVAL);
	brt_query_init(&q);
	assert_int_equal(brt_live_kernel_lookup(&q, NULL, err, sizeof(err)),
			 BRT_EINVAL);
	assert_int_equal(brt_live_kernel_lookup(&q, &res, err, sizeof(err)),
			 BRT_EINVAL);		/* destination family 0 */
	assert_int_equal(brt_live_route_add(NULL, err, sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_live_route_change(NULL, err, sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_live_route_replace(NULL, err, sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_live_route_append(NULL, err, sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_live_route_del(NULL, err, sizeof(err)), BRT_EINVAL);
	good_route(&r, &nh);
	r.dst.len = 33;
	assert_int_equal(brt_live_route_add(&r, err, sizeof(err)), BRT_EINVAL);
	good_route(&r, &nh);
	r.family = 5;
	assert_int_equal(brt_live_route_replace(&r, err, sizeof(err)), BRT_EINVAL);
	good_route(&r, &nh);
	r.nh_count = 100000;			/* huge count */
	assert_int_equal(brt_live_route_add(&r, err, sizeof(err)), BRT_EINVAL);
	good_route(&r, &nh);
	r.nh = NULL;
	assert_int_equal(brt_live_route_del(&r, err, sizeof(err)), BRT_EINVAL);
	good_route(&r, &nh);
	r.type = 77;
	assert_int_equal(brt_live_route_append(&r, err, sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_live_monitor_start(NULL, monitor_cb, NULL, err,
						sizeof(err)), BRT_EINVAL);
	assert_int_equal(brt_live_monitor_start(&m, NULL, NULL, err, sizeof(err)),
			 BRT_EINVAL);
	assert_null(m);
	m = (brt_live_monitor *)&r;
	assert_int_equal(brt_live_watch_start(NULL, 0, watch_cb, NULL, err, sizeof(err)),
			 BRT_EINVAL);
	assert_int_equal(brt_live_watch_start(&m, 0, NULL, NULL, err, sizeof(err)),
			 BRT_EINVAL);
	assert_null(m);
	m = (brt_live_monitor *)&r;
	assert_int_equal(brt_live_watch_start(&m, 0x100, watch_cb, NULL, err, sizeof(err)),
			 BRT_EINVAL);		/* an unknown object bit */
	assert_null(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(destroy_null_is_noop),
		cmocka_unit_test(names_of_unknown_values),
		cmocka_unit_test(addresses),
		cmocka_unit_test(prefixes),
		cmocka_unit_test(builder_setup),
		cmocka_unit_test(builder_links_addresses),
		cmocka_unit_test(builder_routes),
		cmocka_unit_test(builder_rules_nhobjs_labels),
		cmocka_unit_test(builder_finish),
		cmocka_unit_test(table_accessors),
		cmocka_unit_test(table_names_and_zones),
		cmocka_unit_test(lookups),
		cmocka_unit_test(loading),
		cmocka_unit_test(writing),
		cmocka_unit_test(live_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
