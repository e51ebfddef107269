/*
 * answer_instr.c - a fixed workload for counting the instructions of one
 * answer (not timed: timings on a shared machine move, instruction counts
 * do not). Run it under callgrind, counting only inside the library's
 * entry points:
 *
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
 *     --toggle-collect=brt_table_lookup --toggle-collect=brt_table_lookup_bulk \
 *     build/bench_answer_instr SHAPE
 *
 * and divide the "I refs" by the answers it prints. The table: a host
 * with lo, eth0 and eth1, the rules of bench_answers.c (0 local, 100 from
 * the eth1 subnet lookup 100, 200 fwmark 0x1 lookup 200, main, default),
 * 20,000 IPv4 /24 and 20,000 IPv6 /48 routes via two gateways, and IPv4
 * and IPv6 defaults.
 * Shapes: plain, bulk (plain, brt_table_lookup_bulk of 64), mark, from,
 * bulk-mark, bulk-from, v6default (IPv6 destinations the default route
 * answers, so the source is chosen per query), v6 and bulk-v6 (IPv6
 * destinations inside the /48s). ANSWER_INSTR_POLICY=windows: the same
 * host under the Windows policy (no rules; the rule-free shapes), and
 * gbr2: GetBestRoute2 for the plain IPv4 destinations, on that table
 * written out and read back as the compat layer's BESTROUTE_TABLE
 * (count with --toggle-collect=GetBestRoute2).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "bestroute/bestroute.h"
#include "bestroute/compat/iphlpapi.h"
#include "bestroute/compat/netioapi.h"

#define N_ROUTES 20000u
#define ANSWERS 64000u

static void link_add(brt_builder *b, const char *name, uint32_t idx, uint8_t type)
{
	struct brt_link l;

	brt_link_init(&l);
	snprintf(l.name, sizeof(l.name), "%s", name);
	l.index = idx;
	l.type = type;
	l.flags = BRT_LINK_F_UP | BRT_LINK_F_CARRIER;
	brt_builder_add_link(b, &l);
}

static void addr_add(brt_builder *b, const char *text, unsigned plen, uint32_t dev)
{
	struct brt_address a;

	brt_address_init(&a);
	brt_addr_parse(text, &a.addr);
	a.plen = (uint8_t)plen;
	a.ifindex = dev;
	a.scope = dev == 1 ? BRT_SCOPE_HOST : BRT_SCOPE_UNIVERSE;
	brt_builder_add_address(b, &a);
}

static void route_add(brt_builder *b, const char *dst, uint32_t table,
		      const char *gw, uint32_t dev)
{
	struct brt_route r;
	struct brt_nexthop nh;

	brt_route_init(&r);
	brt_nexthop_init(&nh);
	brt_prefix_parse(dst, 0, 0, &r.dst);
	r.family = r.dst.addr.family;
	r.table = table;
	brt_addr_parse(gw, &nh.gw);
	nh.ifindex = dev;
	r.nh = &nh;
	r.nh_count = 1;
	brt_builder_add_route(b, &r);
}

static void rule_add(brt_builder *b, uint32_t prio, uint32_t table,
		     const char *from, uint32_t mark)
{
	struct brt_rule r;

	brt_rule_init(&r);
	r.family = BRT_AF_INET;
	r.priority = prio;
	r.action = BRT_RULE_LOOKUP;
	r.table = table;
	if (from)
		brt_prefix_parse(from, BRT_AF_INET, 0, &r.src);
	if (mark) {
		r.flags |= BRT_RULE_F_FWMARK;
		r.fwmark = mark;
		r.fwmask = 0xffffffffu;
	}
	brt_builder_add_rule(b, &r);
}

/* The i-th /24 of the table (distinct, spread over 1.0.0.0-222.255.255.0). */
static uint32_t net_of(uint32_t i)
{
	return (1u + i % 222u) << 24 | ((i / 222u) * 2654435761u & 0xffffu) << 8;
}

static brt_table *host(void)
{
	brt_builder *b = brt_builder_create();
	const char *policy = getenv("ANSWER_INSTR_POLICY");
	bool win = policy && !strcmp(policy, "windows");
	brt_table *t = NULL;
	char dst[32];
	uint32_t i;

	if (win)
		brt_builder_set_policy(b, BRT_POLICY_WINDOWS);

	link_add(b, "lo", 1, BRT_LINK_LOOPBACK);
	link_add(b, "eth0", 2, BRT_LINK_ETHERNET);
	link_add(b, "eth1", 3, BRT_LINK_ETHERNET);
	addr_add(b, "127.0.0.1", 8, 1);
	addr_add(b, "192.0.2.10", 24, 2);
	addr_add(b, "198.51.100.10", 24, 3);
	addr_add(b, "2001:db8:1::10", 64, 2);
	addr_add(b, "2001:db8:2::10", 64, 3);
	if (!win) {
		rule_add(b, 0, BRT_TABLE_LOCAL, NULL, 0);
		rule_add(b, 100, 100, "198.51.100.0/24", 0);
		rule_add(b, 200, 200, NULL, 1);
		rule_add(b, 32766, BRT_TABLE_MAIN, NULL, 0);
		rule_add(b, 32767, BRT_TABLE_DEFAULT, NULL, 0);
	}
	route_add(b, "0.0.0.0/0", BRT_TABLE_MAIN, "192.0.2.1", 2);
	route_add(b, "0.0.0.0/0", 100, "198.51.100.1", 3);
	route_add(b, "0.0.0.0/0", 200, "198.51.100.1", 3);
	route_add(b, "::/0", BRT_TABLE_MAIN, "2001:db8:1::1", 2);
	for (i = 0; i < N_ROUTES; i++) {
		uint32_t a = net_of(i);

		snprintf(dst, sizeof(dst), "%u.%u.%u.0/24", a >> 24, a >> 16 & 255,
			 a >> 8 & 255);
		route_add(b, dst, BRT_TABLE_MAIN, i % 4 == 3 ? "198.51.100.1" : "192.0.2.1",
			  i % 4 == 3 ? 3 : 2);
		snprintf(dst, sizeof(dst), "2a%02x:%x:%x::/48", i % 256, a >> 16, a & 0xffff);
		route_add(b, dst, BRT_TABLE_MAIN, i % 4 == 3 ? "2001:db8:2::1" : "2001:db8:1::1",
			  i % 4 == 3 ? 3 : 2);
	}
	if (brt_builder_finish(b, &t))
		fprintf(stderr, "answer_instr: %s\n", brt_builder_error(b));
	brt_builder_destroy(b);
	return t;
}

enum shape { PLAIN, MARK, FROM, V6DEFAULT, V6, GBR2 };

static void query_of(enum shape s, uint32_t i, struct brt_query *q)
{
	uint32_t a = net_of((i * 7919u) % N_ROUTES) | 77u;

	brt_query_init(q);
	q->dst.family = BRT_AF_INET;
	q->dst.bytes[0] = (uint8_t)(a >> 24);
	q->dst.bytes[1] = (uint8_t)(a >> 16);
	q->dst.bytes[2] = (uint8_t)(a >> 8);
	q->dst.bytes[3] = (uint8_t)a;
	if (s == MARK) {
		q->mark = i & 1 ? 1 : 2;
		q->flags = BRT_QUERY_F_MARK;
	}
	if (s == FROM)
		brt_addr_parse(i & 1 ? "198.51.100.10" : "192.0.2.10", &q->src);
	if (s == V6DEFAULT) {
		uint32_t x = a * 2654435761u;

		q->dst.family = BRT_AF_INET6;
		memcpy(q->dst.bytes, &x, 4);
		memcpy(q->dst.bytes + 4, &a, 4);
		q->dst.bytes[0] = (uint8_t)(0x20 + (i & 0x1f));
	}
	if (s == V6) {		/* inside the /48 of route k */
		uint32_t k = (i * 7919u) % N_ROUTES, n = net_of(k);

		q->dst.family = BRT_AF_INET6;
		q->dst.bytes[0] = 0x2a;
		q->dst.bytes[1] = (uint8_t)(k % 256);
		q->dst.bytes[2] = (uint8_t)(n >> 24);
		q->dst.bytes[3] = (uint8_t)(n >> 16);
		q->dst.bytes[4] = (uint8_t)(n >> 8);
		q->dst.bytes[5] = (uint8_t)n;
		memset(q->dst.bytes + 6, 0x5a, 10);
	}
}

static int shape_of(const char *name, enum shape *s, int *bulk)
{
	static const struct { const char *name; enum shape s; int bulk; } k[] = {
		{"plain", PLAIN, 0}, {"bulk", PLAIN, 1}, {"mark", MARK, 0},
		{"from", FROM, 0}, {"bulk-mark", MARK, 1}, {"bulk-from", FROM, 1},
		{"v6default", V6DEFAULT, 0}, {"v6", V6, 0}, {"bulk-v6", V6, 1},
		{"gbr2", GBR2, 0},
	};
	size_t i;

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		if (!strcmp(name, k[i].name)) {
			*s = k[i].s;
			*bulk = k[i].bulk;
			return 0;
		}
	return -1;
}

/* The GetBestRoute2 workload: @t as the compat layer's table. */
static unsigned long gbr2(const brt_table *t)
{
	char path[] = "/tmp/brt_instr_XXXXXX", *text = NULL;
	int fd = mkstemp(path);
	unsigned long failed = 0;
	SOCKADDR_INET dst, src;
	MIB_IPFORWARD_ROW2 row;
	struct brt_query q;
	uint32_t i;

	if (fd < 0 || brt_table_write_text(t, 0, &text) ||
	    write(fd, text, strlen(text)) != (ssize_t)strlen(text) ||
	    brt_compat_use_table(path)) {
		fprintf(stderr, "answer_instr: cannot use the table as BESTROUTE_TABLE\n");
		return 1;
	}
	close(fd);
	for (i = 0; i < ANSWERS; i++) {
		query_of(PLAIN, i, &q);
		memset(&dst, 0, sizeof(dst));
		dst.Ipv4.sin_family = AF_INET;
		memcpy(&dst.Ipv4.sin_addr, q.dst.bytes, 4);
		failed += GetBestRoute2(NULL, 0, NULL, &dst, 0, &row, &src) != NO_ERROR;
	}
	printf("%u calls, %lu failed\n", ANSWERS, failed);
	unlink(path);
	free(text);
	return failed;
}

int main(int argc, char **argv)
{
	struct brt_query q[64];
	struct brt_result r[64];
	unsigned long failed = 0;
	brt_table *t;
	enum shape s;
	uint32_t i, j;
	int bulk;

	if (argc != 2 || shape_of(argv[1], &s, &bulk)) {
		fprintf(stderr, "usage: %s plain|bulk|mark|from|bulk-mark|bulk-from|v6default|v6|bulk-v6|gbr2\n",
			argv[0]);
		return 2;
	}
	t = host();
	if (!t)
		return 1;
	if (s == GBR2) {
		failed = gbr2(t);
		brt_table_destroy(t);
		return failed != 0;
	}
	for (i = 0; i < ANSWERS; i += 64) {
		for (j = 0; j < 64; j++)
			query_of(s, i + j, &q[j]);
		if (bulk)
			brt_table_lookup_bulk(t, q, 64, r);
		else
			for (j = 0; j < 64; j++)
				brt_table_lookup(t, &q[j], &r[j]);
		for (j = 0; j < 64; j++)
			failed += r[j].status != BRT_ROUTE_OK;
	}
	printf("%u answers, %lu not OK\n", ANSWERS, failed);
	brt_table_destroy(t);
	return failed != 0;
}
