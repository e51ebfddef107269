/*
 * test_huge_inputs.c - inputs at and past the built-in limits get a clear
 * error or a correct answer, in bounded time and memory, never a hang:
 * a million-line table, 1 MiB lines and words, routes of 4096 and 10,000
 * next hops, long rule goto chains, big and deeply nested `ip -j` JSON.
 * (The 50 MB `ip -j` route dump is test_huge_json, labelled slow.)
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "model/model.h"
#include "testutil.h"

/* The bound for our own memory; ThreadSanitizer's shadow memory adds
 * several times the application's, so a TSan build gets twice the room. */
#if defined(__SANITIZE_THREAD__)
#define MAX_RSS_MB 4096L
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MAX_RSS_MB 4096L
#endif
#endif
#ifndef MAX_RSS_MB
#define MAX_RSS_MB 2048L
#endif

static char err[512];

static long peak_rss_mb(void)
{
	struct rusage u;

	getrusage(RUSAGE_SELF, &u);
	return u.ru_maxrss / 1024;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A growing text buffer. */
struct buf {
	char *p;
	size_t n, cap;
};

static void put(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!b->p) {
		b->cap = 1 << 16;
		b->p = malloc(b->cap);
		assert_non_null(b->p);
	}
	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p + b->n, b->cap - b->n, fmt, ap);
		va_end(ap);
		assert_true(n >= 0);
		if ((size_t)n < b->cap - b->n)
			break;
		b->cap *= 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	b->n += (size_t)n;
}

static const char head[] = "link eth0 index 2\n"
			   "address 192.0.2.10/24 dev eth0\n"
			   "route 10.0.0.0/8 via 192.0.2.2 dev eth0\n";

/* Load @text (the file name "huge.table" in messages); 0 or the error. */
static int load(const char *text, size_t len, brt_table **out)
{
	brt_builder *b = brt_builder_create();
	int rc;

	assert_non_null(b);
	*out = NULL;
	err[0] = 0;
	rc = brt_builder_load_text(b, "huge.table", text, len, err, sizeof(err));
	if (!rc) {
		rc = brt_builder_finish(b, out);
		if (rc)
			snprintf(err, sizeof(err), "%s", brt_builder_error(b));
	}
	brt_builder_destroy(b);
	return rc;
}

static void lookup(const brt_table *t, const char *dst, struct brt_result *r)
{
	struct brt_query q;

	brt_query_init(&q);
	assert_int_equal(brt_addr_parse(dst, &q.dst), 0);
	assert_int_equal(brt_table_lookup(t, &q, r), 0);
}

static void expect_gateway(const struct brt_result *r, unsigned plen,
			   const char *gw)
{
	char a[BRT_ADDRSTRLEN];

	assert_int_equal(r->status, BRT_ROUTE_OK);
	assert_int_equal(r->prefix.len, plen);
	assert_string_equal(tu_addr(&r->gateway, a), gw);
}

/* 1,000,000 /32 routes: every other address of 10.0.0.0-10.30.132.126. */
static void million_line_table(void **state)
{
	struct buf b = {0};
	brt_table *t;
	struct brt_result r;
	char dst[32];
	double t0, secs;
	uint32_t i, j;

	(void)state;
	put(&b, "%s", head);
	for (i = 0; i < 1000000; i++) {
		j = 2 * i;
		put(&b, "route 10.%u.%u.%u/32 via 192.0.2.1 dev eth0\n",
		    j >> 16 & 255, j >> 8 & 255, j & 255);
	}
	t0 = now();
	assert_int_equal(load(b.p, b.n, &t), 0);
	secs = now() - t0;
	free(b.p);
	print_message("1,000,000 routes loaded in %.1f s, peak RSS %ld MB\n",
		      secs, peak_rss_mb());
	assert_true(brt_table_route_count(t) >= 1000001);
	for (i = 0; i < 1000000; i += 9973) {	/* a spread of them */
		j = 2 * i;
		snprintf(dst, sizeof(dst), "10.%u.%u.%u", j >> 16 & 255,
			 j >> 8 & 255, j & 255);
		lookup(t, dst, &r);
		expect_gateway(&r, 32, "192.0.2.1");
		j++;	/* its neighbour has no /32: the /8 answers */
		snprintf(dst, sizeof(dst), "10.%u.%u.%u", j >> 16 & 255,
			 j >> 8 & 255, j & 255);
		lookup(t, dst, &r);
		expect_gateway(&r, 8, "192.0.2.2");
	}
	lookup(t, "10.30.132.126", &r);		/* the last one */
	expect_gateway(&r, 32, "192.0.2.1");
	lookup(t, "10.30.132.128", &r);		/* past the last one */
	expect_gateway(&r, 8, "192.0.2.2");
	brt_table_destroy(t);
	assert_true(peak_rss_mb() < MAX_RSS_MB);
}

/* A buffer of @head, then a line of @n bytes of @c, then a route. */
static char *with_long_line(size_t n, const char *prefix, char c, size_t *len)
{
	size_t hl = strlen(head), pl = strlen(prefix);
	const char *tail = "\nroute 172.16.0.0/12 via 192.0.2.3 dev eth0\n";
	char *p = malloc(hl + n + strlen(tail) + 1);

	assert_non_null(p);
	memcpy(p, head, hl);
	memcpy(p + hl, prefix, pl);
	memset(p + hl + pl, c, n - pl);
	strcpy(p + hl + n, tail);
	*len = hl + n + strlen(tail);
	return p;
}

static void one_mib_lines(void **state)
{
	brt_table *t;
	struct brt_result r;
	size_t len;
	char *p;

	(void)state;
	/* a comment line just under 1 MiB is read and skipped */
	p = with_long_line((1u << 20) - 1, "# ", 'c', &len);
	assert_int_equal(load(p, len, &t), 0);
	lookup(t, "172.16.5.5", &r);
	expect_gateway(&r, 12, "192.0.2.3");
	brt_table_destroy(t);
	free(p);
	/* one byte more than 1 MiB: an error naming file and line */
	p = with_long_line((1u << 20) + 1, "# ", 'c', &len);
	assert_int_equal(load(p, len, &t), BRT_ELIMIT);
	assert_null(t);
	assert_string_equal(err, "huge.table:4:1: line longer than 1048576 bytes");
	free(p);
	/* a 1 MB word inside a statement */
	p = with_long_line(1000000, "route ", '7', &len);
	assert_int_equal(load(p, len, &t), BRT_ELIMIT);
	assert_string_equal(err, "huge.table:4:7: word longer than 65536 bytes");
	free(p);
	/* 1 MB of words: 333,333 three-byte words, past the word limit */
	p = with_long_line(999999, "route", ' ', &len);
	for (size_t i = strlen(head) + 5; i + 3 <= strlen(head) + 999999; i += 3)
		memcpy(p + i, " ab", 3);
	assert_int_equal(load(p, len, &t), BRT_ELIMIT);
	assert_non_null(strstr(err, "huge.table:4:"));
	assert_non_null(strstr(err, "more than 65536 words in one statement"));
	free(p);
}

/* route 10.0.0.0/8 with @n next hops via 192.0.0.2..., as text, with a
 * weight each when @weights. */
static char *multipath_text(unsigned n, bool weights, size_t *len)
{
	struct buf b = {0};
	unsigned i;

	put(&b, "link eth0 index 2\naddress 192.0.0.1/16 dev eth0\n"
		"route 10.0.0.0/8");
	for (i = 0; i < n; i++)
		if (weights)
			put(&b, "\n\tnexthop via 192.0.%u.%u dev eth0 weight %u",
			    (i + 2) >> 8, (i + 2) & 255, i % 256 + 1);
		else
			put(&b, "\n\tnexthop via 192.0.%u.%u dev eth0",
			    (i + 2) >> 8, (i + 2) & 255);
	put(&b, "\n");
	*len = b.n;
	return b.p;
}

static void many_next_hops(void **state)
{
	brt_table *t, *t2;
	struct brt_result r;
	struct brt_query q;
	struct brt_addr src;
	char *p, *text;
	size_t len;

	(void)state;
	/* the limit itself: 4096 next hops load, answer and read back */
	p = multipath_text(BRT_MAX_NEXTHOPS, true, &len);
	assert_int_equal(load(p, len, &t), 0);
	free(p);
	lookup(t, "10.9.9.9", &r);
	assert_int_equal(r.status, BRT_ROUTE_OK);
	assert_int_equal(r.nh_count, BRT_MAX_NEXTHOPS);
	assert_int_equal(r.nh[BRT_MAX_NEXTHOPS - 1].weight, 4095 % 256 + 1);
	brt_query_init(&q);
	q.dst = r.route->dst.addr;
	lookup(t, "10.9.9.9", &r);
	assert_int_equal(brt_table_nexthop_source(t, &q, &r,
						  BRT_MAX_NEXTHOPS - 1, &src), 0);
	assert_int_equal(brt_table_write_text(t, 0, &text), 0);
	assert_int_equal(load(text, strlen(text), &t2), 0);
	free(text);
	lookup(t2, "10.9.9.9", &r);
	assert_int_equal(r.nh_count, BRT_MAX_NEXTHOPS);
	brt_table_destroy(t2);
	brt_table_destroy(t);
	/* 10,000: a clear error at the 4097th next hop */
	p = multipath_text(10000, false, &len);
	assert_int_equal(load(p, len, &t), BRT_ELIMIT);
	free(p);
	assert_null(t);
	assert_string_equal(err, "huge.table:4100:2: too many next hops at 'nexthop'");
	/* with weights (7 words a next hop) the statement limit comes first */
	p = multipath_text(10000, true, &len);
	assert_int_equal(load(p, len, &t), BRT_ELIMIT);
	free(p);
	assert_non_null(strstr(err, "more than 65536 words in one statement"));
}

static void many_next_hops_api(void **state)
{
	brt_builder *b = brt_builder_create();
	struct brt_nexthop *nh = calloc(10000, sizeof(*nh));
	struct brt_route r;
	unsigned i;

	(void)state;
	assert_non_null(nh);
	brt_route_init(&r);
	r.family = BRT_AF_INET;
	assert_int_equal(brt_prefix_parse("10.0.0.0/8", 0, 0, &r.dst), 0);
	for (i = 0; i < 10000; i++) {
		brt_nexthop_init(&nh[i]);
		core_addr_set_v4(&nh[i].gw, 0xc0000000u + i + 2);
		nh[i].ifindex = 2;
	}
	r.nh = nh;
	r.nh_count = 10000;
	assert_int_equal(brt_builder_add_route(b, &r), BRT_ELIMIT);
	assert_string_equal(brt_builder_error(b),
			    "route has 10000 next hops (at most 4096)");
	r.nh_count = BRT_MAX_NEXTHOPS;
	assert_int_equal(brt_builder_add_route(b, &r), 0);
	free(nh);
	brt_builder_destroy(b);
}

/* @n rules at priorities @first, @first + 1, ..., each a `goto` to the
 * next, the last one a lookup in table 100 (a default route). */
static brt_table *goto_chain(unsigned n, uint32_t first)
{
	brt_builder *b = brt_builder_create();
	struct brt_route rt;
	struct brt_nexthop nh;
	struct brt_rule ru;
	brt_table *t;
	unsigned i;

	assert_int_equal(brt_builder_load_text(b, "chain", head, strlen(head),
					       err, sizeof(err)), 0);
	brt_route_init(&rt);
	brt_nexthop_init(&nh);
	rt.family = BRT_AF_INET;
	rt.dst.addr.family = BRT_AF_INET;	/* default */
	rt.table = 100;
	assert_int_equal(brt_addr_parse("192.0.2.9", &nh.gw), 0);
	nh.ifindex = 2;
	rt.nh = &nh;
	rt.nh_count = 1;
	assert_int_equal(brt_builder_add_route(b, &rt), 0);
	for (i = 0; i < n; i++) {
		brt_rule_init(&ru);
		ru.family = BRT_AF_INET;
		ru.priority = first + i;
		ru.action = i + 1 < n ? BRT_RULE_GOTO : BRT_RULE_LOOKUP;
		ru.goto_target = first + i + 1;
		ru.table = 100;
		assert_int_equal(brt_builder_add_rule(b, &ru), 0);
	}
	assert_int_equal(brt_builder_finish(b, &t), 0);
	brt_builder_destroy(b);
	return t;
}

static void long_goto_chains(void **state)
{
	brt_table *t;
	struct brt_result r;
	struct brt_query q;
	brt_explain *e;
	double t0;

	(void)state;
	/* 30,000 rules, each a goto to the next: answered by the last */
	t = goto_chain(30000, 1000);
	t0 = now();
	lookup(t, "198.51.100.1", &r);
	print_message("30,000-rule goto chain: %.3f s per lookup\n", now() - t0);
	expect_gateway(&r, 0, "192.0.2.9");
	assert_int_equal(r.rule_priority, 1000 + 29999);
	assert_int_equal(r.table, 100);
	brt_query_init(&q);
	assert_int_equal(brt_addr_parse("198.51.100.1", &q.dst), 0);
	assert_int_equal(brt_table_explain(t, &q, &r, &e), 0);
	assert_true(brt_explain_count(e) >= 30000);
	brt_explain_destroy(e);
	brt_table_destroy(t);

	/* a walk longer than BRT_MAX_RULE_STEPS ends with a clear answer
	 * (after main and default, at priorities above them) */
	t = goto_chain(BRT_MAX_RULE_STEPS + 10, 40000);
	lookup(t, "198.51.100.1", &r);
	assert_int_equal(r.status, BRT_ROUTE_UNSUPPORTED);
	assert_string_equal(r.message, "rule walk too long");
	brt_table_destroy(t);
}

static void goto_missing_target(void **state)
{
	static const char text[] =
		"link eth0 index 2\n"
		"address 192.0.2.10/24 dev eth0\n"
		"route default via 192.0.2.8 dev eth0 table 100\n"
		"route default via 192.0.2.9 dev eth0 table 200\n"
		"rule pref 500 goto 600\n"	/* nothing at 600 */
		"rule pref 700 lookup 200\n"
		"rule pref 800 goto 900\n"
		"rule pref 900 lookup 100\n";
	brt_table *t = tu_table(text);
	struct brt_result r;
	struct brt_query q;
	brt_explain *e;
	size_t i;
	bool skipped = false;

	(void)state;
	lookup(t, "198.51.100.1", &r);
	expect_gateway(&r, 0, "192.0.2.9");
	assert_int_equal(r.rule_priority, 700);
	brt_query_init(&q);
	assert_int_equal(brt_addr_parse("198.51.100.1", &q.dst), 0);
	assert_int_equal(brt_table_explain(t, &q, &r, &e), 0);
	for (i = 0; i < brt_explain_count(e); i++) {
		const struct brt_candidate *c = brt_explain_get(e, i);

		if (c->kind == BRT_CAND_RULE && c->rule->priority == 500) {
			assert_string_equal(c->reason, "goto target missing: skipped");
			skipped = true;
		}
	}
	assert_true(skipped);
	brt_explain_destroy(e);
	brt_table_destroy(t);
}

static int load_json(const char *data, size_t len, int family)
{
	brt_builder *b = brt_builder_create();
	int rc;

	err[0] = 0;
	rc = brt_builder_load_ipjson(b, "dump.json", family, data, len, err,
				     sizeof(err));
	brt_builder_destroy(b);
	return rc;
}

static void nested_json(void **state)
{
	size_t n = 100000, i;
	char *p = malloc(2 * n + 64);
	size_t len;

	(void)state;
	assert_non_null(p);
	/* 100,000 open brackets */
	memset(p, '[', n);
	assert_int_equal(load_json(p, n, 0), BRT_EPARSE);
	assert_non_null(strstr(err, "dump.json:1:"));
	assert_non_null(strstr(err, "invalid JSON"));
	/* a record with a deeply nested value, closed properly */
	len = (size_t)sprintf(p, "[{\"dst\":\"10.0.0.0/8\",\"x\":");
	for (i = 0; i < n; i++)
		p[len++] = '[';
	for (i = 0; i < n; i++)
		p[len++] = ']';
	p[len++] = '}';
	p[len++] = ']';
	assert_int_equal(load_json(p, len, BRT_AF_INET), BRT_EPARSE);
	assert_non_null(strstr(err, "invalid JSON"));
	free(p);
}

/* A 50 MB array of 1 MB strings: parsed, then refused as not records. */
static void big_json_of_strings(void **state)
{
	size_t n = 50, each = 1 << 20, len = 0, i;
	char *p = malloc(n * (each + 3) + 2);

	(void)state;
	assert_non_null(p);
	p[len++] = '[';
	for (i = 0; i < n; i++) {
		if (i)
			p[len++] = ',';
		p[len++] = '"';
		memset(p + len, 'a', each);
		len += each;
		p[len++] = '"';
	}
	p[len++] = ']';
	assert_int_equal(load_json(p, len, BRT_AF_INET), BRT_EPARSE);
	assert_non_null(strstr(err, "dump.json"));
	free(p);
	assert_true(peak_rss_mb() < MAX_RSS_MB);
}

/* `ip -j route` with a route of 10,000 next hops. */
static void json_many_next_hops(void **state)
{
	struct buf b = {0};
	unsigned i;

	(void)state;
	put(&b, "[{\"dst\":\"10.0.0.0/8\",\"flags\":[],\"nexthops\":[");
	for (i = 0; i < 10000; i++)
		put(&b, "%s{\"gateway\":\"192.0.%u.%u\",\"dev\":\"eth0\","
			"\"weight\":1,\"flags\":[]}", i ? "," : "",
		    (i + 2) >> 8, (i + 2) & 255);
	put(&b, "]}]");
	assert_int_equal(load_json(b.p, b.n, BRT_AF_INET), BRT_ELIMIT);
	assert_non_null(strstr(err, "dump.json"));
	assert_non_null(strstr(err, "4096"));
	free(b.p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(million_line_table),
		cmocka_unit_test(one_mib_lines),
		cmocka_unit_test(many_next_hops),
		cmocka_unit_test(many_next_hops_api),
		cmocka_unit_test(long_goto_chains),
		cmocka_unit_test(goto_missing_target),
		cmocka_unit_test(nested_json),
		cmocka_unit_test(big_json_of_strings),
		cmocka_unit_test(json_many_next_hops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
