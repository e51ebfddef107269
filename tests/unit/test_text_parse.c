/* test_text_parse.c - the table text format reader. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "testutil.h"

static char err[512];

static int load(brt_builder *b, const char *name, const char *text)
{
	err[0] = 0;
	return brt_builder_load_text(b, name, text, strlen(text), err,
				     sizeof(err));
}

/* Loading @text fails with @rc and exactly @msg. */
static void expect_error(const char *text, int rc, const char *msg)
{
	brt_builder *b = brt_builder_create();

	assert_int_equal(load(b, "t.table", text), rc);
	assert_string_equal(err, msg);
	brt_builder_destroy(b);
}


static const char links[] =
	"link lo index 1 type loopback\n"
	"link eth0 index 2\n"
	"link eth1 index 3 mtu 9000\n";

static brt_table *finish_ok(brt_builder *b)
{
	brt_table *t = NULL;

	if (brt_builder_finish(b, &t))
		fail_msg("finish: %s", brt_builder_error(b));
	brt_builder_destroy(b);
	return t;
}

/* A file of tests/data/ip-text as statements. */
static char *text_fixture(const char *file, const char *prefix)
{
	char rel[256];

	snprintf(rel, sizeof(rel), "tests/data/ip-text/%s", file);
	return tu_prefixed_file(rel, prefix);
}

static void links_and_addresses(void **state)
{
	brt_table *t;
	const struct brt_link *l;
	const struct brt_address *a;
	char buf[BRT_ADDRSTRLEN];

	(void)state;
	t = tu_table("policy windows\n"
		     "link br0 index 9 type other down nocarrier mtu 1400 metric 25"
		     " group 3 weak-host-send noipv4 noipv6\n"
		     "link eth0 index 2 master br0 # a comment\n"
		     "link lo index 1 type loopback\n"
		     "addr 10.0.0.5/24 dev eth0 brd 10.0.0.255 scope link label eth0:1"
		     " valid_lft 300sec preferred_lft 100 metric 7 secondary"
		     " deprecated tentative temporary skip-as-source noprefixroute"
		     " optimistic dadfailed home mngtmpaddr nodad permanent\n"
		     "addr 10.4.0.1 peer 10.4.0.2/30 dev eth0 dynamic\n");
	assert_int_equal(brt_table_policy(t), BRT_POLICY_WINDOWS);
	l = brt_table_link_by_name(t, "br0");
	assert_non_null(l);
	assert_int_equal(l->index, 9);
	assert_int_equal(l->type, BRT_LINK_OTHER);
	assert_int_equal(l->mtu, 1400);
	assert_int_equal(l->metric, 25);
	assert_int_equal(l->group, 3);
	assert_int_equal(l->flags, BRT_LINK_F_WEAK_HOST_SEND | BRT_LINK_F_NO_IPV4 |
					   BRT_LINK_F_NO_IPV6);
	assert_int_equal(brt_table_link_by_name(t, "eth0")->master, 9);
	assert_int_equal(brt_table_link_by_name(t, "lo")->mtu, 65536);
	a = brt_table_address(t, 0);
	assert_string_equal(tu_addr(&a->addr, buf), "10.0.0.5");
	assert_int_equal(a->plen, 24);
	assert_int_equal(a->ifindex, 2);
	assert_string_equal(tu_addr(&a->broadcast, buf), "10.0.0.255");
	assert_int_equal(a->scope, BRT_SCOPE_LINK);
	assert_string_equal(a->label, "eth0:1");
	assert_int_equal(a->valid_lft, 300);
	assert_int_equal(a->preferred_lft, 100);
	assert_int_equal(a->metric, 7);
	assert_int_equal(a->flags, 0x0fff);
	a = brt_table_address(t, 1);
	assert_string_equal(tu_addr(&a->peer, buf), "10.4.0.2");
	assert_int_equal(a->plen, 30);
	assert_int_equal(a->valid_lft, BRT_LIFETIME_FOREVER);
	brt_table_destroy(t);
}

static const struct brt_route *find_route(const brt_table *t, const char *dst,
					  uint32_t table)
{
	char buf[BRT_PREFIXSTRLEN];
	size_t i;

	for (i = 0; i < brt_table_route_count(t); i++) {
		const struct brt_route *r = brt_table_route(t, i);

		brt_prefix_format(&r->dst, buf, sizeof(buf));
		if (!strcmp(buf, dst) && r->table == table &&
		    !(r->flags & BRT_ROUTE_F_DERIVED))
			return r;
	}
	fail_msg("no route %s", dst);
	return NULL;
}

static void routes_every_option(void **state)
{
	char text[2048], buf[BRT_ADDRSTRLEN];
	const struct brt_route *r;
	brt_table *t;

	(void)state;
	snprintf(text, sizeof(text), "%s%s", links,
		 "route 10.1.0.0/16 via 192.0.2.1 dev eth0 table 100 metric 5"
		 " proto static scope site src 192.0.2.9 tos 0x10 onlink mtu lock 1400"
		 " expires 30sec advmss 1300 rtt 1ms features ecn realms 1/2\n"
		 "route -6 default via fe80::1 dev eth1\n"
		 "route default via 2001:db8::1 dev eth0 pref high\n"
		 "route 2001:db8:5::/48 from 2001:db8:99::/48 dev eth0 proto kernel\n"
		 "route 2001:db8:6::/48 dev eth0 preference 7 expires 60\n"
		 "route unreachable 2001:db8:12::/48 dev lo metric 1024 error -113 pref low\n"
		 "route local 10.9.9.9 dev eth0\n"
		 "route 10.9.0.0/16 linkdown\n"
		 "\tnexthop via 192.0.2.1 dev eth0 weight 2 dead\n"
		 "\tnexthop via 192.0.2.2 dev eth1 onlink\n"
		 "route 10.8.0.0/16 nhid 7 via 192.0.2.1 dev eth0\n"
		 "nexthop id 7 via 192.0.2.1 dev eth0\n");
	t = tu_table(text);
	r = find_route(t, "10.1.0.0/16", 100);
	assert_int_equal(r->metric, 5);
	assert_true(r->flags & BRT_ROUTE_F_HAS_METRIC);
	assert_int_equal(r->protocol, BRT_PROTO_STATIC);
	assert_int_equal(r->scope, BRT_SCOPE_SITE);
	assert_string_equal(tu_addr(&r->prefsrc, buf), "192.0.2.9");
	assert_int_equal(r->tos, 0x10);
	assert_int_equal(r->mtu, 1400);
	assert_int_equal(r->expires, 30);
	assert_int_equal(r->nh_count, 1);
	assert_string_equal(tu_addr(&r->nh[0].gw, buf), "192.0.2.1");
	assert_int_equal(r->nh[0].ifindex, 2);
	assert_int_equal(r->nh[0].flags, BRT_NH_F_ONLINK);
	r = find_route(t, "::/0", BRT_TABLE_MAIN);
	assert_int_equal(r->family, BRT_AF_INET6);
	assert_int_equal(r->metric, 1024);
	assert_false(r->flags & BRT_ROUTE_F_HAS_METRIC);
	r = find_route(t, "2001:db8:5::/48", BRT_TABLE_MAIN);
	assert_int_equal(r->metric, 256);
	assert_int_equal(r->src.len, 48);
	assert_int_equal(find_route(t, "2001:db8:6::/48", BRT_TABLE_MAIN)->metric, 7);
	r = find_route(t, "2001:db8:12::/48", BRT_TABLE_MAIN);
	assert_int_equal(r->type, BRT_RT_UNREACHABLE);
	assert_int_equal(r->nh_count, 0);	/* "dev lo" is ip's echo */
	assert_int_equal(r->pref, BRT_PREF_LOW);
	r = find_route(t, "10.9.9.9/32", BRT_TABLE_LOCAL);
	assert_int_equal(r->type, BRT_RT_LOCAL);
	assert_int_equal(r->scope, BRT_SCOPE_HOST);
	r = find_route(t, "10.9.0.0/16", BRT_TABLE_MAIN);
	assert_int_equal(r->nh_count, 2);
	assert_int_equal(r->flags & 0xff, BRT_NH_F_LINKDOWN);
	assert_int_equal(r->nh[0].weight, 2);
	assert_int_equal(r->nh[0].flags, BRT_NH_F_DEAD);
	assert_int_equal(r->nh[1].ifindex, 3);
	assert_int_equal(r->nh[1].flags, BRT_NH_F_ONLINK);
	r = find_route(t, "10.8.0.0/16", BRT_TABLE_MAIN);
	assert_int_equal(r->nh_id, 7);
	assert_int_equal(r->nh_count, 0);	/* the object's, not the route's */
	brt_table_destroy(t);
}


static void rules_every_selector(void **state)
{
	const struct brt_rule *r;
	brt_table *t;

	(void)state;
	t = tu_table("rule 100: not from 10.0.0.0/8 to 192.168.0.0/16 tos 0x10"
		     " fwmark 0x1/0xff iif eth0 oif eth1 uidrange 100-200 ipproto tcp"
		     " sport 1000-2000 dport 80 proto 99 lookup 7 suppress_prefixlength 0"
		     " suppress_ifgroup 5\n"
		     "rule pref 200 fwmark 7 goto 300\n"
		     "rule priority 300 l3mdev nop\n"
		     "rule -6 order 400 from 2001:db8::/32 blackhole\n"
		     "rule -6 500:\tfrom all lookup [l3mdev-table]\n"
		     "rule unreachable\n"
		     "rule prohibit\n"
		     "rule -6 table main\n");
	r = tu_rule(t, BRT_AF_INET, 100);
	assert_int_equal(r->flags, BRT_RULE_F_INVERT | BRT_RULE_F_FWMARK |
					   BRT_RULE_F_UIDRANGE | BRT_RULE_F_IPPROTO |
					   BRT_RULE_F_SPORT | BRT_RULE_F_DPORT);
	assert_int_equal(r->src.len, 8);
	assert_int_equal(r->dst.len, 16);
	assert_int_equal(r->tos, 0x10);
	assert_int_equal(r->fwmark, 1);
	assert_int_equal(r->fwmask, 0xff);
	assert_string_equal(r->iif, "eth0");
	assert_string_equal(r->oif, "eth1");
	assert_int_equal(r->uid_start, 100);
	assert_int_equal(r->uid_end, 200);
	assert_int_equal(r->ipproto, 6);
	assert_int_equal(r->sport_lo, 1000);
	assert_int_equal(r->sport_hi, 2000);
	assert_int_equal(r->dport_lo, 80);
	assert_int_equal(r->dport_hi, 80);
	assert_int_equal(r->protocol, 99);
	assert_int_equal(r->table, 7);
	assert_int_equal(r->suppress_prefixlen, 0);
	assert_int_equal(r->suppress_ifgroup, 5);
	r = tu_rule(t, BRT_AF_INET, 200);
	assert_int_equal(r->action, BRT_RULE_GOTO);
	assert_int_equal(r->goto_target, 300);
	assert_int_equal(r->fwmask, 0xffffffffu);
	assert_int_equal(tu_rule(t, BRT_AF_INET, 300)->action, BRT_RULE_NOP);
	assert_true(tu_rule(t, BRT_AF_INET, 300)->flags & BRT_RULE_F_L3MDEV);
	assert_int_equal(tu_rule(t, BRT_AF_INET6, 400)->action, BRT_RULE_BLACKHOLE);
	assert_true(tu_rule(t, BRT_AF_INET6, 500)->flags & BRT_RULE_F_L3MDEV);
	/* automatic priorities: one below the lowest nonzero of the family */
	assert_int_equal(tu_rule(t, BRT_AF_INET, 99)->action, BRT_RULE_UNREACHABLE);
	assert_int_equal(tu_rule(t, BRT_AF_INET, 98)->action, BRT_RULE_PROHIBIT);
	assert_int_equal(tu_rule(t, BRT_AF_INET6, 399)->table, BRT_TABLE_MAIN);
	brt_table_destroy(t);
}

static void rule_priority_starts_at_32765(void **state)
{
	brt_table *t;

	(void)state;
	t = tu_table("rule lookup 5\nrule lookup 6\nrule -6 lookup 7\n");
	assert_int_equal(tu_rule(t, BRT_AF_INET, 32765)->table, 5);
	assert_int_equal(tu_rule(t, BRT_AF_INET, 32764)->table, 6);
	assert_int_equal(tu_rule(t, BRT_AF_INET6, 32765)->table, 7);
	brt_table_destroy(t);
}

static void nexthops_labels_sysctls(void **state)
{
	const struct brt_nhobj *n;
	const struct brt_addrlabel *l = NULL;
	const char *k, *v;
	char text[1024];
	brt_table *t;
	size_t i;

	(void)state;
	snprintf(text, sizeof(text), "%s%s", links,
		 "nexthop id 1 via 192.0.2.1 dev eth0 scope link onlink proto openr\n"
		 "nexthop id 2 -6 dev eth1\n"
		 "nexthop id 3 blackhole\n"
		 "nexthop id 4 group 1,3/2 type resilient buckets 8 idle_timer 60"
		 " unbalanced_timer 120 unbalanced_time 0\n"
		 "nexthop id 5 via 192.0.2.2 dev eth1 fdb dead linkdown\n"
		 "addrlabel prefix 2001:db8::/32 dev eth0 label 99\n"
		 "addrlabel 2001:db9::/32 label 98\n"
		 "sysctl net.ipv6.conf.all.use_tempaddr = 2\n");
	t = tu_table(text);
	n = brt_table_nhobj(t, 0);
	assert_int_equal(n->id, 1);
	assert_int_equal(n->family, BRT_AF_INET);
	assert_int_equal(n->ifindex, 2);
	assert_int_equal(n->flags, BRT_NHOBJ_F_ONLINK);
	assert_int_equal(n->protocol, 99);
	assert_int_equal(brt_table_nhobj(t, 1)->family, BRT_AF_INET6);
	assert_int_equal(brt_table_nhobj(t, 2)->flags, BRT_NHOBJ_F_BLACKHOLE);
	n = brt_table_nhobj(t, 3);
	assert_int_equal(n->group_count, 2);
	assert_int_equal(n->group[0].id, 1);
	assert_int_equal(n->group[0].weight, 3);
	assert_int_equal(n->group[1].weight, 1);
	assert_int_equal(n->flags, BRT_NHOBJ_F_RESILIENT);
	assert_int_equal(brt_table_nhobj(t, 4)->flags,
			 BRT_NHOBJ_F_FDB | BRT_NHOBJ_F_DEAD | BRT_NHOBJ_F_LINKDOWN);
	for (i = 0; i < brt_table_addrlabel_count(t); i++)
		if (brt_table_addrlabel(t, i)->label == 99)
			l = brt_table_addrlabel(t, i);
	assert_non_null(l);
	assert_int_equal(l->ifindex, 2);
	assert_int_equal(l->prefix.len, 32);
	assert_int_equal(brt_table_sysctl_count(t), 1);
	assert_int_equal(brt_table_sysctl(t, 0, &k, &v), 0);
	assert_string_equal(k, "net.ipv6.conf.all.use_tempaddr");
	assert_string_equal(v, "2");
	brt_table_destroy(t);
}

/* Every line ip printed on a namespace with every kind of entry. */
static void ip_fixtures_parse(void **state)
{
	static const char *const files[][2] = {
		{"route4.txt", "route "}, {"route6.txt", "route "},
		{"route4-detail.txt", "route "}, {"route6-detail.txt", "route "},
		{"rule4.txt", "rule "}, {"rule6.txt", "rule -6 "},
		{"nexthop.txt", "nexthop "}, {"addrlabel.txt", "addrlabel "},
	};
	brt_builder *b = brt_builder_create();
	char *text = tu_prefixed_file("tests/data/ip-text/links.table", "");
	brt_table *t;
	size_t i;

	(void)state;
	assert_int_equal(load(b, "links.table", text), 0);
	free(text);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		text = text_fixture(files[i][0], files[i][1]);
		if (load(b, files[i][0], text))
			fail_msg("%s", err);
		free(text);
	}
	t = finish_ok(b);
	assert_int_equal(brt_table_nhobj_count(t), 10);
	assert_int_equal(find_route(t, "10.9.0.0/16", BRT_TABLE_MAIN)->nh_count, 2);
	assert_int_equal(tu_rule(t, BRT_AF_INET, 1001)->fwmask, 0xff);
	assert_int_equal(tu_rule(t, BRT_AF_INET6, 1101)->table, 200);
	brt_table_destroy(t);
}

static void broken_inputs(void **state)
{
	(void)state;
	expect_error("link eth0 index 2\nroute 10.0.0.0/8 dev eth0 metrik 5\n",
		     BRT_EPARSE, "t.table:2:27: unknown word 'metrik'");
	expect_error("route 10.0.0.0/8 dev eth0 metric\n", BRT_EPARSE,
		     "t.table:1:27: missing value after 'metric'");
	expect_error("route 10.0.0.300/8 dev eth0\n", BRT_EPARSE,
		     "t.table:1:7: bad address '10.0.0.300/8'");
	expect_error("\n  route 10.0.0.1/8 dev eth0\n", BRT_EPARSE,
		     "t.table:2:9: host bits set in prefix '10.0.0.1/8'");
	expect_error("route 10.0.0.0/33 dev eth0\n", BRT_EPARSE,
		     "t.table:1:7: prefix length too long '10.0.0.0/33'");
	expect_error("rule from 2001:db8::/129 lookup 5\n", BRT_EPARSE,
		     "t.table:1:11: prefix length too long '2001:db8::/129'");
	expect_error("rule 5: fwmark 0xzz lookup 5\n", BRT_EPARSE,
		     "t.table:1:16: bad mark '0xzz'");
	expect_error("route 10.0.0.0/8 weight 0 dev eth0\n", BRT_EPARSE,
		     "t.table:1:25: weight must be 1..256 '0'");
	expect_error("addr 10.0.0.1/8\n", BRT_EPARSE,
		     "t.table:1:6: address without 'dev' '10.0.0.1/8'");
	expect_error("link eth0\n", BRT_EPARSE,
		     "t.table:1:6: link without index 'eth0'");
	expect_error("frobnicate 1\n", BRT_EPARSE,
		     "t.table:1:1: unknown word 'frobnicate'");
	expect_error("policy bsd\n", BRT_EPARSE, "t.table:1:8: unknown word 'bsd'");
	expect_error("sysctl a b c\n", BRT_EPARSE,
		     "t.table:1:10: expected '=' instead of 'b'");
	expect_error("nexthop via 10.0.0.1 dev eth0\n", BRT_EPARSE,
		     "t.table:1:1: nexthop without 'id' 'nexthop'");
	expect_error("route -6 10.0.0.0/8 dev eth0\n", BRT_EPARSE,
		     "t.table:1:10: address family differs from -6 '10.0.0.0/8'");
	expect_error("route 10.0.0.0/8 table x\n", BRT_EPARSE,
		     "t.table:1:24: bad table 'x'");
	/* the builder's own checks, placed at the statement */
	expect_error("\n rule 5: goto 3\n", BRT_EINVAL,
		     "t.table:2:2: goto must point to a later rule");
	expect_error("nexthop id 4 blackhole\nnexthop id 4 blackhole\n", BRT_EEXIST,
		     "t.table:2:1: nexthop id 4 defined twice");
	expect_error("route 10.0.0.0/8\n\tnexthop dev eth0\n\tnexthop via 10.0.0.1 frob\n",
		     BRT_EPARSE, "t.table:3:23: unknown word 'frob'");
	expect_error("rule 5: uidrange 9-3 lookup 1\n", BRT_EPARSE,
		     "t.table:1:18: range out of order or above 4294967295 '9-3'");
}

/* Unknown links are found at finish and named with file:line. */
static void unknown_link_at_finish(void **state)
{
	brt_builder *b = brt_builder_create();
	brt_table *t = NULL;

	(void)state;
	assert_int_equal(load(b, "a.table", "link eth0 index 2\n\n"
					    "route 10.0.0.0/8 dev eth9\n"), 0);
	assert_int_equal(brt_builder_finish(b, &t), BRT_ENOENT);
	assert_null(t);
	assert_string_equal(brt_builder_error(b), "a.table:3: unknown link 'eth9'");
	brt_builder_destroy(b);
}

/* A link defined later, in another file, is fine. */
static void link_in_later_file(void **state)
{
	brt_builder *b = brt_builder_create();
	brt_table *t;

	(void)state;
	assert_int_equal(load(b, "routes.table", "route default via 10.0.0.1 dev wan\n"), 0);
	assert_int_equal(load(b, "links.table", "link wan index 4\n"
						"addr 10.0.0.2/24 dev wan\n"), 0);
	t = finish_ok(b);
	assert_int_equal(find_route(t, "0.0.0.0/0", BRT_TABLE_MAIN)->nh[0].ifindex, 4);
	brt_table_destroy(t);
}

static void conflicts_name_both_files(void **state)
{
	brt_builder *b = brt_builder_create();

	(void)state;
	assert_int_equal(load(b, "a.table", "link eth0 index 2\n"), 0);
	assert_int_equal(load(b, "b.table", "\nlink eth0 index 3\n"), BRT_ECONFLICT);
	assert_string_equal(err, "b.table:2: link 'eth0' has index 3 here but 2 at a.table:1");
	assert_int_equal(load(b, "c.table", "link eth0 index 2 mtu 1400\n"), BRT_ECONFLICT);
	assert_string_equal(err, "c.table:1: link 'eth0' is defined differently at a.table:1");
	assert_int_equal(load(b, "a.table", "policy linux\n"), 0);
	assert_int_equal(load(b, "d.table", "# windows\npolicy windows\n"), BRT_ECONFLICT);
	assert_string_equal(err, "d.table:2: policy differs from the one at a.table:1");
	brt_builder_destroy(b);
}

static void limits(void **state)
{
	size_t n = (1u << 20) + 10, i;
	char *big = malloc(n + 1);

	(void)state;
	assert_non_null(big);
	memset(big, ' ', n);
	memcpy(big, "link", 4);
	big[n] = 0;
	expect_error(big, BRT_ELIMIT, "t.table:1:1: line longer than 1048576 bytes");
	/* 65537 words on one line */
	memcpy(big, "route", 5);
	for (i = 5; i + 2 <= 5 + 2 * 65537; i += 2)
		big[i] = ' ', big[i + 1] = 'x';
	big[5 + 2 * 65537] = 0;
	expect_error(big, BRT_ELIMIT,
		     "t.table:1:131077: more than 65536 words in one statement");
	/* a word of 65537 bytes */
	memset(big, 'x', 65537 + 6);
	memcpy(big, "route ", 6);
	big[65537 + 6] = 0;
	expect_error(big, BRT_ELIMIT,
		     "t.table:1:7: word longer than 65536 bytes");
	free(big);
	expect_error("link \x01\x02 index 3\0 junk", BRT_EPARSE,
		     "t.table:1:6: bad link name '\x01\x02'");
}

static void nul_and_empty(void **state)
{
	brt_builder *b = brt_builder_create();
	static const char text[] = "link eth0 index 2\0oops\n";

	(void)state;
	assert_int_equal(brt_builder_load_text(b, "n", text, sizeof(text) - 1, err,
					       sizeof(err)), BRT_EPARSE);
	assert_string_equal(err, "n:1:18: NUL byte in text");
	assert_int_equal(brt_builder_load_text(b, "n", "", 0, err, sizeof(err)), 0);
	assert_int_equal(brt_builder_load_text(b, "n", NULL, 0, err, sizeof(err)), 0);
	assert_int_equal(brt_builder_load_text(NULL, "n", "", 0, err, sizeof(err)),
			 BRT_EINVAL);
	brt_builder_destroy(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(links_and_addresses),
		cmocka_unit_test(routes_every_option),
		cmocka_unit_test(rules_every_selector),
		cmocka_unit_test(rule_priority_starts_at_32765),
		cmocka_unit_test(nexthops_labels_sysctls),
		cmocka_unit_test(ip_fixtures_parse),
		cmocka_unit_test(broken_inputs),
		cmocka_unit_test(unknown_link_at_finish),
		cmocka_unit_test(link_in_later_file),
		cmocka_unit_test(conflicts_name_both_files),
		cmocka_unit_test(limits),
		cmocka_unit_test(nul_and_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
