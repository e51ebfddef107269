/*
 * bench_answers.c - the "answers" section of make bench: what a user of
 * the library gets per second, against DPDK's rte_fib/rte_fib6 lookups
 * in the same run.
 *
 * Tables: the full IPv4 and IPv6 sets as routes of one realistic host
 * (lo, eth0, eth1; the routes via a gateway on eth0, every fourth via
 * one on eth1; a default route), read under Linux policy with the
 * default three rules plus a `from` rule (from the eth1 subnet, lookup
 * 100) and a `fwmark` rule (fwmark 0x1, lookup 200) into small tables
 * of their own, and the same host under Windows policy.
 * Shapes: plain destinations (uniform and inside the table), `from`
 * (half the queries from the eth1 address, which the rule sends to table
 * 100, half from the eth0 one), `mark` (half with mark 1, half 2),
 * Windows plain and `from`, and GetBestRoute2. Single = one
 * brt_table_lookup per answer; bulk = brt_table_lookup_bulk in calls of
 * BENCH_BURST. Every shape's answers are compared field by field with
 * the interpretive policy (core_table_lookup_ref) on 2^20 queries.
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "bestroute/bestroute.h"
#include "bestroute/compat/iphlpapi.h"
#include "bestroute/compat/netioapi.h"
#include "compat.h"
#include "lpm/lpm.h"
#include "policy/policy.h"

#define MIN_S 0.25
#define ROUNDS 3

/* ------------------------------------------------------------ tables */

static void add_link(brt_builder *b, const char *name, uint32_t idx,
		     uint8_t type, uint32_t metric)
{
	struct brt_link l;

	brt_link_init(&l);
	snprintf(l.name, sizeof(l.name), "%s", name);
	l.index = idx;
	l.type = type;
	l.mtu = 1500;
	l.metric = metric;
	l.flags = BRT_LINK_F_UP | BRT_LINK_F_CARRIER;
	brt_builder_add_link(b, &l);
}

static void add_addr(brt_builder *b, const char *text, unsigned plen,
		     uint32_t ifindex, uint8_t scope)
{
	struct brt_address a;

	brt_address_init(&a);
	brt_addr_parse(text, &a.addr);
	a.plen = (uint8_t)plen;
	a.ifindex = ifindex;
	a.scope = scope;
	brt_builder_add_address(b, &a);
}

static void add_route(brt_builder *b, int v6, const uint8_t *bytes,
		      unsigned len, uint32_t table, const char *gw,
		      uint32_t ifindex)
{
	struct brt_route r;
	struct brt_nexthop nh;

	brt_route_init(&r);
	brt_nexthop_init(&nh);
	r.family = v6 ? BRT_AF_INET6 : BRT_AF_INET;
	r.dst.addr.family = r.family;
	memcpy(r.dst.addr.bytes, bytes, v6 ? 16 : 4);
	r.dst.len = (uint8_t)len;
	r.table = table;
	r.metric = v6 ? 1024 : 0;
	r.protocol = BRT_PROTO_BGP;
	brt_addr_parse(gw, &nh.gw);
	nh.ifindex = ifindex;
	r.nh = &nh;
	r.nh_count = 1;
	brt_builder_add_route(b, &r);
}

static void add_rule(brt_builder *b, uint8_t family, uint32_t prio,
		     uint32_t table, const char *from, uint32_t mark)
{
	struct brt_rule r;

	brt_rule_init(&r);
	r.family = family;
	r.priority = prio;
	r.action = BRT_RULE_LOOKUP;
	r.table = table;
	if (from)
		brt_prefix_parse(from, family, 0, &r.src);
	if (mark) {
		r.flags |= BRT_RULE_F_FWMARK;
		r.fwmark = mark;
		r.fwmask = 0xffffffffu;
	}
	brt_builder_add_rule(b, &r);
}

static void add_set(brt_builder *b, const struct bset *s)
{
	static const uint8_t zero[16];
	size_t i;

	for (i = 0; i < s->n; i++) {
		uint8_t k[16];
		int other = i % 4 == 3;

		bkey_bytes(s->key[i], k);
		if (s->v6)
			add_route(b, 1, k, s->len[i], BRT_TABLE_MAIN,
				  other ? "2001:db8:2::1" : "2001:db8:1::1",
				  other ? 3 : 2);
		else
			add_route(b, 0, k, s->len[i], BRT_TABLE_MAIN,
				  other ? "198.51.100.1" : "192.0.2.1",
				  other ? 3 : 2);
	}
	add_route(b, s->v6, zero, 0, BRT_TABLE_MAIN,
		  s->v6 ? "2001:db8:1::1" : "192.0.2.1", 2);
	add_route(b, s->v6, zero, 0, 100,
		  s->v6 ? "2001:db8:2::1" : "198.51.100.1", 3);
	add_route(b, s->v6, zero, 0, 200,
		  s->v6 ? "2001:db8:2::1" : "198.51.100.1", 3);
}

/* The host: both sets; Linux: the rules of a host with a second uplink. */
static brt_table *host(const struct bset *v4, const struct bset *v6,
		       enum brt_policy policy)
{
	brt_builder *b = brt_builder_create();
	brt_table *t = NULL;
	uint8_t f;

	brt_builder_set_policy(b, policy);
	add_link(b, "lo", 1, BRT_LINK_LOOPBACK, 75);
	add_link(b, "eth0", 2, BRT_LINK_ETHERNET, 25);
	add_link(b, "eth1", 3, BRT_LINK_ETHERNET, 35);
	add_addr(b, "127.0.0.1", 8, 1, BRT_SCOPE_HOST);
	add_addr(b, "::1", 128, 1, BRT_SCOPE_HOST);
	add_addr(b, "192.0.2.10", 24, 2, BRT_SCOPE_UNIVERSE);
	add_addr(b, "198.51.100.10", 24, 3, BRT_SCOPE_UNIVERSE);
	add_addr(b, "2001:db8:1::10", 64, 2, BRT_SCOPE_UNIVERSE);
	add_addr(b, "fe80::10", 64, 2, BRT_SCOPE_LINK);
	add_addr(b, "2001:db8:2::10", 64, 3, BRT_SCOPE_UNIVERSE);
	add_addr(b, "fe80::11", 64, 3, BRT_SCOPE_LINK);
	if (policy == BRT_POLICY_LINUX)
		for (f = BRT_AF_INET; f; f = f == BRT_AF_INET ? BRT_AF_INET6 : 0) {
			add_rule(b, f, 0, BRT_TABLE_LOCAL, NULL, 0);
			add_rule(b, f, 100, 100, f == BRT_AF_INET ? "198.51.100.0/24"
					: "2001:db8:2::/64", 0);
			add_rule(b, f, 200, 200, NULL, 1);
			add_rule(b, f, 32766, BRT_TABLE_MAIN, NULL, 0);
			add_rule(b, f, 32767, BRT_TABLE_DEFAULT, NULL, 0);
		}
	add_set(b, v4);
	add_set(b, v6);
	if (brt_builder_finish(b, &t))
		fprintf(stderr, "bench answers: %s\n", brt_builder_error(b));
	brt_builder_destroy(b);
	return t;
}

/* ------------------------------------------------------------ shapes */

enum shape { SH_PLAIN, SH_FROM, SH_MARK };

struct qset {
	const struct bset *s;
	int inside;		/* destinations inside prefixes */
	enum shape shape;
};

/* The `from` addresses, parsed once: a caller holds its source as an
 * address, so the timed loop must not measure text parsing. */
static const struct brt_addr *from_addr(int v6, int odd)
{
	static const char *const text[2][2] = {
		{"192.0.2.10", "198.51.100.10"},
		{"2001:db8:1::10", "2001:db8:2::10"},
	};
	static struct brt_addr a[2][2];
	static int done;
	int f, k;

	if (!done) {
		for (f = 0; f < 2; f++)
			for (k = 0; k < 2; k++)
				brt_addr_parse(text[f][k], &a[f][k]);
		done = 1;
	}
	return &a[v6][odd];
}

static void make_query(const struct qset *qs, size_t i, struct brt_query *q)
{
	const struct bset *s = qs->s;
	int v6 = s->v6;

	memset(q, 0, sizeof(*q));
	q->dst.family = v6 ? BRT_AF_INET6 : BRT_AF_INET;
	if (v6)
		memcpy(q->dst.bytes, s->d6[qs->inside][i], 16);
	else {
		uint32_t a = s->d4[qs->inside][i];

		q->dst.bytes[0] = (uint8_t)(a >> 24);
		q->dst.bytes[1] = (uint8_t)(a >> 16);
		q->dst.bytes[2] = (uint8_t)(a >> 8);
		q->dst.bytes[3] = (uint8_t)a;
	}
	if (qs->shape == SH_FROM)
		q->src = *from_addr(v6, (int)(i % 2));
	if (qs->shape == SH_MARK) {
		q->mark = i % 2 ? 1 : 2;
		q->flags = BRT_QUERY_F_MARK;
	}
}

/* Field by field: whether two answers are the same. */
static int same(const struct brt_result *a, const struct brt_result *b)
{
	return a->status == b->status && a->family == b->family &&
	       a->type == b->type && a->has_prefix == b->has_prefix &&
	       a->scope == b->scope &&
	       !memcmp(&a->prefix, &b->prefix, sizeof(a->prefix)) &&
	       a->table == b->table && a->metric == b->metric &&
	       a->effective_metric == b->effective_metric &&
	       a->rule_priority == b->rule_priority &&
	       !memcmp(&a->gateway, &b->gateway, sizeof(a->gateway)) &&
	       a->ifindex == b->ifindex &&
	       !memcmp(&a->source, &b->source, sizeof(a->source)) &&
	       !memcmp(&a->prefsrc, &b->prefsrc, sizeof(a->prefsrc)) &&
	       a->route == b->route && a->nh_count == b->nh_count &&
	       a->nh_chosen == b->nh_chosen && a->nh == b->nh &&
	       a->message == b->message;
}

/* Mismatches of the compiled answers, single and bulk, on all queries. */
static long check(const brt_table *t, const struct qset *qs)
{
	struct brt_query q[BENCH_BURST];
	struct brt_result ref, one, bulk[BENCH_BURST];
	size_t i, j, n = qs->s->nd;
	long bad = 0;

	for (i = 0; i < n; i += BENCH_BURST) {
		size_t k = n - i < BENCH_BURST ? n - i : BENCH_BURST;

		for (j = 0; j < k; j++)
			make_query(qs, i + j, &q[j]);
		brt_table_lookup_bulk(t, q, k, bulk);
		for (j = 0; j < k; j++) {
			core_table_lookup_ref(t, &q[j], &ref);
			brt_table_lookup(t, &q[j], &one);
			bad += !same(&ref, &one) || !same(&ref, &bulk[j]);
		}
	}
	return bad;
}

static volatile uint32_t sink;

/* Answers per second (millions), single or bulk, best of ROUNDS
 * (BENCH_ROUNDS=N: N, so that a profile of one row is mostly answers). */
static double rate(const brt_table *t, const struct qset *qs, int bulk)
{
	struct brt_query q[BENCH_BURST];
	struct brt_result r[BENCH_BURST];
	double best = 0;
	size_t n = qs->s->nd, done, i, j;
	const char *env = getenv("BENCH_ROUNDS");
	int round, rounds = env ? atoi(env) : ROUNDS;

	for (round = 0; round < rounds; round++) {
		double t0 = bench_now(), dt;

		done = 0;
		do {
			for (i = 0; i + BENCH_BURST <= n; i += BENCH_BURST) {
				for (j = 0; j < BENCH_BURST; j++)
					make_query(qs, i + j, &q[j]);
				if (bulk)
					brt_table_lookup_bulk(t, q, BENCH_BURST, r);
				else
					for (j = 0; j < BENCH_BURST; j++)
						brt_table_lookup(t, &q[j], &r[j]);
				sink += r[0].ifindex;
			}
			done += i;
			dt = bench_now() - t0;
		} while (dt < MIN_S);
		if (done / dt > best)
			best = (double)done / dt;
	}
	return best / 1e6;
}

#ifdef BENCH_HAVE_DPDK
/* A DPDK peer's best rate over ROUNDS rounds of the same destinations
 * (built only with DPDK: without it nothing calls it, and -Werror would
 * stop a fresh machine's build). */
static double peer_rate(const struct engine_ops *o, void *e,
			const struct bset *s, int inside, int bulk)
{
	static uint32_t buf[1u << 20];
	double best = 0;
	int round;

	for (round = 0; round < ROUNDS; round++) {
		double t0 = bench_now(), dt;
		size_t done = 0;

		do {
			o->run(e, s, inside, bulk, 0, s->nd, buf);
			done += s->nd;
			dt = bench_now() - t0;
		} while (dt < MIN_S);
		if (done / dt > best)
			best = (double)done / dt;
	}
	return best / 1e6;
}
#endif

/* -------------------------------------------------------- GetBestRoute2 */

static void sockaddr_of(const struct qset *qs, size_t i, SOCKADDR_INET *sa)
{
	struct brt_query q;

	make_query(qs, i, &q);
	memset(sa, 0, sizeof(*sa));
	if (q.dst.family == BRT_AF_INET) {
		sa->Ipv4.sin_family = AF_INET;
		memcpy(&sa->Ipv4.sin_addr, q.dst.bytes, 4);
	} else {
		sa->Ipv6.sin6_family = AF_INET6;
		memcpy(&sa->Ipv6.sin6_addr, q.dst.bytes, 16);
	}
}

static double gbr2_rate(const struct qset *qs, long *errors)
{
	SOCKADDR_INET dst[BENCH_BURST], best_src;
	MIB_IPFORWARD_ROW2 row;
	double best = 0;
	size_t n = qs->s->nd, i, j;
	const char *env = getenv("BENCH_ROUNDS");
	int round, rounds = env ? atoi(env) : ROUNDS;

	*errors = 0;
	for (round = 0; round < rounds; round++) {
		double t0 = bench_now(), dt;
		size_t done = 0;

		do {
			for (i = 0; i + BENCH_BURST <= n; i += BENCH_BURST) {
				for (j = 0; j < BENCH_BURST; j++)
					sockaddr_of(qs, i + j, &dst[j]);
				for (j = 0; j < BENCH_BURST; j++)
					*errors += GetBestRoute2(NULL, 0, NULL, &dst[j], 0,
								 &row, &best_src) != NO_ERROR;
			}
			done += i;
			dt = bench_now() - t0;
		} while (dt < MIN_S);
		if (done / dt > best)
			best = (double)done / dt;
	}
	return best / 1e6;
}

/* The compat layer answers for a table file; a one-line one makes it a
 * table source, then compat_swap puts the big table in its place (as an
 * edit through the compat API does). */
static int use_small_table(void)
{
	char path[] = "/tmp/brt_bench_XXXXXX";
	int fd = mkstemp(path), rc;
	static const char text[] = "policy windows\n";

	if (fd < 0)
		return -1;
	rc = write(fd, text, sizeof(text) - 1) == (ssize_t)sizeof(text) - 1 ? 0 : -1;
	close(fd);
	if (!rc)
		rc = brt_compat_use_table(path);
	unlink(path);
	return rc;
}

/* ------------------------------------------------------------ section */

struct row {
	const char *policy;
	const char *what;
	struct qset qs;
	double single, bulk;
	long bad;
};

static void measure_row(const brt_table *t, struct row *r)
{
	const char *only = getenv("BENCH_ROW");	/* "policy what" (profiling) */
	char name[128];

	snprintf(name, sizeof(name), "%s %s", r->policy, r->what);
	if (only && strcmp(only, name))
		return;
	r->single = rate(t, &r->qs, 0);
	r->bulk = rate(t, &r->qs, 1);
	/* (BENCH_NO_CHECK=1: rates only, for profiling) */
	r->bad = getenv("BENCH_NO_CHECK") ? 0 : check(t, &r->qs);
}

/* Heap in use plus what the engine's page provider has mapped (engine
 * arenas, compiled decisions): the memory a table holds. */
static size_t heap_now(void)
{
	struct mallinfo2 m = mallinfo2();

	return m.uordblks + m.hblkhd + lpm_pages_mapped();
}

static long total_bad;

static void print_rows(struct row *rows, size_t n, double peer_single,
		       double peer_bulk, const char *peer)
{
	size_t i;

	bench_out("| policy | queries | single M/s | bulk M/s | single / %s | "
		  "bulk / %s | mismatches (of %u) |\n|---|---|---|---|---|---|---|\n",
		  peer, peer, 1u << 20);
	for (i = 0; i < n; i++) {
		bench_out("| %s | %s | %.2f | %.2f | %.3f | %.3f | %ld |\n",
			  rows[i].policy, rows[i].what, rows[i].single,
			  rows[i].bulk, rows[i].single / peer_single,
			  rows[i].bulk / peer_bulk, rows[i].bad);
		total_bad += rows[i].bad;
	}
}

void bench_answers(const struct bset *v4, const struct bset *v6, int dpdk)
{
	size_t h0 = heap_now(), h1, pages0 = lpm_pages_mapped();
	double t0 = bench_now(), build_s, fib_s[2][2] = {{0}}, fib6_s[2][2] = {{0}};
	brt_table *lx = host(v4, v6, BRT_POLICY_LINUX), *win;
	size_t routes = lx ? brt_table_route_count(lx) : 0;
	struct row r4[6], r6[4], w[5];
	double g2;
	long g2err = 0;
	unsigned k;

	build_s = bench_now() - t0;
	h1 = heap_now();
	bench_out("\n## Answers\n\nOne host holding both full sets (%zu routes with "
		  "the derived ones), built in %.2f s, %.1f MiB (%.1f bytes per "
		  "route: malloc heap plus the pages the engine and the decisions map). Linux rules: 0 local, 100 from the eth1 subnet lookup 100, "
		  "200 fwmark 0x1 lookup 200, 32766 main, 32767 default. "
		  "`from`: half from the eth1 address (table 100), half from eth0 "
		  "(main); `mark`: half 1 (table 200), half 2 (main). "
		  "Rates in millions of answers per second, one thread, best of %d "
		  "rounds of %.2f s; bulk = brt_table_lookup_bulk calls of %u. "
		  "Mismatches: answers (single and bulk) that differ in any field "
		  "from the interpretive policy's.\n\n", routes, build_s,
		  (double)(h1 - h0) / 1048576.0,
		  routes ? (double)(h1 - h0) / (double)routes : 0, ROUNDS, MIN_S,
		  BENCH_BURST);
	if (!lx)
		return;
	bench_value("snapshot-bytes-per-route",
		    routes ? (double)(h1 - h0) / (double)routes : 0);
	/* BENCH_MEM_ONLY=1: stop after the host table is built, so that a
	 * heap profiler (valgrind --tool=massif) sees only its bytes */
	if (getenv("BENCH_MEM_ONLY")) {
		fprintf(stderr, "snapshot: %zu bytes, of them %zu mapped by "
			"the engine's page provider (engine arenas, "
			"decisions), the rest malloc heap\n", h1 - h0,
			lpm_pages_mapped() - pages0);
		brt_table_destroy(lx);
		return;
	}
#ifdef BENCH_HAVE_DPDK
	if (dpdk) {
		void *e = bench_rte_fib.build(v4), *e6;

		for (k = 0; e && k < 4; k++)
			fib_s[k / 2][k % 2] = peer_rate(&bench_rte_fib, e, v4, k / 2, k % 2);
		if (e)
			bench_rte_fib.destroy(e);
		e6 = bench_rte_fib6.build(v6);
		for (k = 0; e6 && k < 4; k++)
			fib6_s[k / 2][k % 2] = peer_rate(&bench_rte_fib6, e6, v6, k / 2, k % 2);
		if (e6)
			bench_rte_fib6.destroy(e6);
	}
#else
	(void)dpdk;
#endif
	bench_out("rte_fib (same run): uniform %.1f single / %.1f bulk, inside %.1f / "
		  "%.1f M/s; rte_fib6: uniform %.1f / %.1f, inside %.1f / %.1f M/s\n\n",
		  fib_s[0][0], fib_s[0][1], fib_s[1][0], fib_s[1][1],
		  fib6_s[0][0], fib6_s[0][1], fib6_s[1][0], fib6_s[1][1]);
	r4[0] = (struct row){"linux", "IPv4 plain, uniform", {v4, 0, SH_PLAIN}, 0, 0, 0};
	r4[1] = (struct row){"linux", "IPv4 plain, inside", {v4, 1, SH_PLAIN}, 0, 0, 0};
	r4[2] = (struct row){"linux", "IPv4 from, inside", {v4, 1, SH_FROM}, 0, 0, 0};
	r4[3] = (struct row){"linux", "IPv4 mark, inside", {v4, 1, SH_MARK}, 0, 0, 0};
	r4[4] = (struct row){"linux", "IPv4 from, uniform", {v4, 0, SH_FROM}, 0, 0, 0};
	r4[5] = (struct row){"linux", "IPv4 mark, uniform", {v4, 0, SH_MARK}, 0, 0, 0};
	r6[0] = (struct row){"linux", "IPv6 plain, uniform", {v6, 0, SH_PLAIN}, 0, 0, 0};
	r6[1] = (struct row){"linux", "IPv6 plain, inside", {v6, 1, SH_PLAIN}, 0, 0, 0};
	r6[2] = (struct row){"linux", "IPv6 from, inside", {v6, 1, SH_FROM}, 0, 0, 0};
	r6[3] = (struct row){"linux", "IPv6 mark, inside", {v6, 1, SH_MARK}, 0, 0, 0};
	for (k = 0; k < 6; k++)
		measure_row(lx, &r4[k]);
	for (k = 0; k < 4; k++)
		measure_row(lx, &r6[k]);
	brt_table_destroy(lx);
	win = host(v4, v6, BRT_POLICY_WINDOWS);
	if (!win)
		return;
	w[0] = (struct row){"windows", "IPv4 plain, uniform", {v4, 0, SH_PLAIN}, 0, 0, 0};
	w[1] = (struct row){"windows", "IPv4 plain, inside", {v4, 1, SH_PLAIN}, 0, 0, 0};
	w[2] = (struct row){"windows", "IPv4 from, inside", {v4, 1, SH_FROM}, 0, 0, 0};
	w[3] = (struct row){"windows", "IPv6 plain, uniform", {v6, 0, SH_PLAIN}, 0, 0, 0};
	w[4] = (struct row){"windows", "IPv6 plain, inside", {v6, 1, SH_PLAIN}, 0, 0, 0};
	for (k = 0; k < 5; k++)
		measure_row(win, &w[k]);
	bench_out("### IPv4 against rte_fib (inside destinations' rates for inside "
		  "rows, uniform for uniform)\n\n");
	print_rows(r4, 6, fib_s[1][0], fib_s[1][1], "rte_fib");
	bench_out("\n### IPv6 against rte_fib6\n\n");
	print_rows(r6, 4, fib6_s[1][0], fib6_s[1][1], "rte_fib6");
	bench_out("\n### Windows policy (IPv4 rows against rte_fib, IPv6 against "
		  "rte_fib6, inside rates)\n\n");
	print_rows(w, 5, fib_s[1][0], fib_s[1][1], "peer");
	/* GetBestRoute2 answers for the Windows table: the compat layer
	 * takes it over (a table source as BESTROUTE_TABLE sets one). */
	if (use_small_table() == 0 && compat_swap(win) == 0) {
		g2 = gbr2_rate(&(struct qset){v4, 1, SH_PLAIN}, &g2err);
		brt_compat_use_table(NULL);
	} else {
		g2 = 0;
		brt_table_destroy(win);
	}
	bench_out("\nGetBestRoute2 (Windows table, IPv4 inside destinations, one call "
		  "per answer): %.2f M/s, %.3f x rte_fib single; %ld calls failed\n",
		  g2, fib_s[1][0] > 0 ? g2 / fib_s[1][0] : 0, g2err);
	bench_out("\nMismatches in all: %ld\n", total_bad);
	bench_ratio("answer-ipv4-single-vs-rte_fib", r4[1].single, fib_s[1][0]);
	bench_ratio("answer-ipv4-bulk-vs-rte_fib", r4[1].bulk, fib_s[1][1]);
	bench_ratio("answer-ipv4-uniform-single-vs-rte_fib", r4[0].single, fib_s[0][0]);
	bench_ratio("answer-ipv4-uniform-bulk-vs-rte_fib", r4[0].bulk, fib_s[0][1]);
	bench_ratio("answer-ipv6-bulk-vs-rte_fib6", r6[1].bulk, fib6_s[1][1]);
	bench_ratio("answer-windows-ipv4-single-vs-rte_fib", w[1].single, fib_s[1][0]);
	bench_ratio("getbestroute2-vs-rte_fib-single", g2, fib_s[1][0]);
	bench_value("answer-from-ipv4-single-per-second", r4[2].single * 1e6);
	bench_value("answer-mark-ipv4-single-per-second", r4[3].single * 1e6);
	bench_value("answer-mismatches", (double)total_bad);
	/* the live handle's size and freshness need a namespace holding the
	 * full table (root, minutes): `make bench-live` measures them */
	bench_ratio("live-handle-bytes-per-route", 0, 0);
	bench_ratio("freshness-p99-ms", 0, 0);
}
