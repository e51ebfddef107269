/*
 * test_huge_json.c - a 50 MB `ip -j route` dump (about 600,000 routes)
 * loads and answers correctly, with the peak RSS under 2 GB.
 *
 * Labelled "slow" and "nosan" (CMakeLists.txt): json-c holds the whole
 * dump as a tree of objects, about 20 bytes of memory per byte of input
 * (1 GB here), which takes seconds, and twice the memory under a
 * sanitizer's allocator; the sanitizer passes run the smaller JSON cases
 * of test_huge_inputs instead.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "testutil.h"

#define DUMP_BYTES (50u << 20)

static long peak_rss_mb(void)
{
	struct rusage u;

	getrusage(RUSAGE_SELF, &u);
	return u.ru_maxrss / 1024;
}

/* Route i of the dump: 10.(i>>16).(i>>8).(i)/32, gateway .1 or .2 of
 * 192.0.2.0/24 by parity, metric i % 7. */
static size_t route_json(char *p, uint32_t i)
{
	return (size_t)sprintf(p, "%s{\"type\":\"unicast\",\"dst\":\"10.%u.%u.%u\","
			       "\"gateway\":\"192.0.2.%u\",\"dev\":\"eth0\","
			       "\"protocol\":\"static\",\"metric\":%u,\"flags\":[]}",
			       i ? "," : "", i >> 16 & 255, i >> 8 & 255,
			       i & 255, 1 + (i & 1), i % 7);
}

static void fifty_mb_route_dump(void **state)
{
	static const char links[] = "link eth0 index 2\n"
				    "address 192.0.2.10/24 dev eth0\n";
	char *p = malloc(DUMP_BYTES + 256), err[512] = "", dst[32], gw[BRT_ADDRSTRLEN];
	brt_builder *b = brt_builder_create();
	brt_table *t;
	struct brt_query q;
	struct brt_result r;
	size_t len = 0;
	uint32_t n = 0, i;
	struct timespec t0, t1;

	(void)state;
	assert_non_null(p);
	p[len++] = '[';
	while (len < DUMP_BYTES)
		len += route_json(p + len, n++);
	p[len++] = ']';
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(brt_builder_load_text(b, "links", links, strlen(links),
					       err, sizeof(err)), 0);
	if (brt_builder_load_ipjson(b, "routes.json", BRT_AF_INET, p, len, err,
				    sizeof(err)))
		fail_msg("load: %s", err);
	free(p);
	assert_int_equal(brt_builder_finish(b, &t), 0);
	brt_builder_destroy(b);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	print_message("%u routes (%zu MB of JSON) in %.1f s, peak RSS %ld MB\n",
		      n, len >> 20, (double)(t1.tv_sec - t0.tv_sec) +
		      (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, peak_rss_mb());
	assert_true(n > 400000);
	for (i = 0; i < n; i += 4999) {
		brt_query_init(&q);
		snprintf(dst, sizeof(dst), "10.%u.%u.%u", i >> 16 & 255,
			 i >> 8 & 255, i & 255);
		assert_int_equal(brt_addr_parse(dst, &q.dst), 0);
		assert_int_equal(brt_table_lookup(t, &q, &r), 0);
		assert_int_equal(r.status, BRT_ROUTE_OK);
		assert_int_equal(r.prefix.len, 32);
		assert_int_equal(r.metric, i % 7);
		assert_string_equal(tu_addr(&r.gateway, gw),
				    i & 1 ? "192.0.2.2" : "192.0.2.1");
	}
	brt_table_destroy(t);
	assert_true(peak_rss_mb() < 2048);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fifty_mb_route_dump),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
