/*
 * bench_live.c - the live host backend at Internet scale (make bench-live).
 * Run inside a namespace that bench/live/run.sh loaded with the full IPv4
 * and IPv6 prefix sets. Measures, in one run:
 *  - brt_live_snapshot: wall time and memory (RSS growth, and the heap in
 *    use as mallinfo2 counts it) for the whole table;
 *  - lookups per second from the snapshot (brt_table_lookup, one thread);
 *  - lookups per second asking the kernel (brt_live_kernel_lookup: a
 *    netlink socket and two RTM_GETROUTE round trips per query, as
 *    `ip route get` plus `fibmatch`).
 * Both answer the same destinations: random addresses inside random
 * routes of the snapshot, so every lookup walks a real prefix, IPv4 and
 * IPv6 in the table's own proportion.
 * Output: "key value" lines that run.sh turns into bench/RESULTS.md.
 *
 * Usage: bench_live [LOOKUP_SECONDS] [KERNEL_QUERIES]
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bestroute/bestroute.h"
#include "bench_live_util.h"

#define NDEST (1u << 20)	/* destinations, reused round robin */

static uint64_t rng_state = 0x243f6a8885a308d3ull;

static uint64_t rnd(void)
{
	uint64_t x = rng_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545f4914f6cdd1dull;
}



/* A random address inside @p (host bits random). */
static void inside(const struct brt_prefix *p, struct brt_addr *out)
{
	unsigned bits = p->addr.family == BRT_AF_INET ? 32 : 128, i;
	uint64_t r = 0;

	*out = p->addr;
	for (i = p->len; i < bits; i++) {
		if ((i - p->len) % 64 == 0)
			r = rnd();
		if (r & 1)
			out->bytes[i / 8] |= (uint8_t)(0x80u >> (i % 8));
		r >>= 1;
	}
}

static struct brt_query *make_queries(const brt_table *t)
{
	size_t n = brt_table_route_count(t), i;
	struct brt_query *q = calloc(NDEST, sizeof(*q));

	if (!q || !n) {
		free(q);
		return NULL;
	}
	for (i = 0; i < NDEST; i++) {
		const struct brt_route *r = brt_table_route(t, rnd() % n);

		brt_query_init(&q[i]);
		inside(&r->dst, &q[i].dst);
		if (r->type == BRT_RT_MULTICAST || q[i].dst.bytes[0] == 0xff ||
		    (r->family == BRT_AF_INET && (q[i].dst.bytes[0] & 0xf0) == 0xe0))
			i--;	/* not a unicast destination: draw again */
	}
	return q;
}

static int snapshot(brt_table **t)
{
	struct mallinfo2 m0 = mallinfo2(), m1;
	long r0 = rss_kib(), r1;
	char err[512];
	double t0 = now(), t1;

	if (brt_live_snapshot(t, err, sizeof(err))) {
		fprintf(stderr, "bench_live: snapshot failed: %s\n", err);
		return -1;
	}
	t1 = now();
	m1 = mallinfo2();
	r1 = rss_kib();
	printf("routes %zu\n", brt_table_route_count(*t));
	printf("snapshot_seconds %.3f\n", t1 - t0);
	printf("snapshot_rss_mib %.1f\n", (double)(r1 - r0) / 1024.0);
	printf("snapshot_heap_mib %.1f\n", ((double)m1.uordblks + (double)m1.hblkhd -
					    (double)m0.uordblks - (double)m0.hblkhd) / 1048576.0);
	return 0;
}

/* Lookups per second from the snapshot, for about @seconds. */
static double engine_rate(const brt_table *t, const struct brt_query *q, double seconds,
			  unsigned long *unanswered)
{
	struct brt_result r;
	unsigned long n = 0;
	double t0 = now(), el;

	*unanswered = 0;
	do {
		unsigned i;

		for (i = 0; i < 65536; i++, n++) {
			brt_table_lookup(t, &q[n % NDEST], &r);
			*unanswered += r.status != BRT_ROUTE_OK;
		}
		el = now() - t0;
	} while (el < seconds);
	return (double)n / el;
}

static double kernel_rate(const struct brt_query *q, unsigned long count)
{
	struct brt_result r;
	char err[256];
	unsigned long i;
	double t0 = now();

	for (i = 0; i < count; i++)
		if (brt_live_kernel_lookup(&q[i % NDEST], &r, err, sizeof(err))) {
			fprintf(stderr, "bench_live: kernel lookup failed: %s\n", err);
			return -1;
		}
	return (double)count / (now() - t0);
}

int main(int argc, char **argv)
{
	double secs = argc > 1 ? atof(argv[1]) : 3.0, er, kr;
	unsigned long kq = argc > 2 ? strtoul(argv[2], NULL, 0) : 20000, miss;
	struct brt_query *q;
	brt_table *t = NULL;

	if (snapshot(&t))
		return 1;
	q = make_queries(t);
	if (!q) {
		fprintf(stderr, "bench_live: no routes to draw destinations from\n");
		brt_table_destroy(t);
		return 1;
	}
	er = engine_rate(t, q, secs, &miss);
	kr = kernel_rate(q, kq);
	printf("engine_lookups_per_second %.0f\n", er);
	printf("engine_error_answers %lu\n", miss);
	printf("kernel_lookups_per_second %.0f\n", kr);
	printf("kernel_queries %lu\n", kq);
	if (kr > 0)
		printf("ratio %.1f\n", er / kr);
	free(q);
	brt_table_destroy(t);
	return kr > 0 ? 0 : 1;
}
