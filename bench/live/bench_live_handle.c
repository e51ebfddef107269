/*
 * bench_live_handle.c - how current brt_live keeps its table (run inside
 * a namespace by bench/live/run.sh, or by hand in a scratch namespace).
 *
 *   bench_live_handle GW4 [CHANGES] [SAMPLES]
 *
 * Readiness: brt_live_open returns after the first table and its thread
 * builds the second; one untimed change (added and deleted) waits for
 * that, and the handle's memory is read then, with both tables.
 * Freshness: SAMPLES times (default 1000), a new /32 route via GW4 is
 * added with brt_live_route_add; from the moment the kernel has accepted
 * it (the call returned) one reader looks it up until the answer reflects
 * it. The routes are deleted again afterwards.
 * Sustained rate: CHANGES route adds, then as many deletes, through one
 * `ip -batch`: the kernel's time to accept them, and the time until the
 * handle reflects the last one. Prints "key value" lines.
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bestroute/bestroute.h"
#include "bench_live_util.h"


static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* 198.18.0.0/15 host @i as a query and a /32 route. */
static void host(unsigned i, struct brt_addr *a)
{
	memset(a, 0, sizeof(*a));
	a->family = BRT_AF_INET;
	a->bytes[0] = 198;
	a->bytes[1] = (unsigned char)(18 + (i >> 16));
	a->bytes[2] = (unsigned char)(i >> 8);
	a->bytes[3] = (unsigned char)i;
}

/* Look @a up until the answer is (@present) or is not a /32; seconds. */
static double wait_for(brt_live_reader *rd, const struct brt_addr *a,
		       int present, double t0)
{
	struct brt_query q;
	struct brt_result r;

	brt_query_init(&q);
	q.dst = *a;
	for (;;) {
		int has = !brt_live_lookup(rd, &q, &r, NULL) && r.has_prefix &&
			  r.prefix.len == 32;

		if (has == present)
			return now() - t0;
		if (now() - t0 > 120)
			return -1;
	}
}

/* @r (a /32 via the gateway) added or deleted by the kernel, then the
 * seconds until the reader's answer reflects it (-1: failed). */
static double change(brt_live_reader *rd, const struct brt_route *r, int add)
{
	char err[256];
	double t0;
	int e = add ? brt_live_route_add(r, err, sizeof(err))
		    : brt_live_route_del(r, err, sizeof(err));

	if (e) {
		fprintf(stderr, "route %s: %s\n", add ? "add" : "del", err);
		return -1;
	}
	t0 = now();
	return wait_for(rd, &r->dst.addr, add, t0);
}

/* A /32 via @gw for host @i (@nh: its one next hop). */
static int host_route(const char *gw, unsigned i, struct brt_route *r,
		      struct brt_nexthop *nh)
{
	brt_route_init(r);
	brt_nexthop_init(nh);
	if (brt_addr_parse(gw, &nh->gw))
		return -1;
	r->family = BRT_AF_INET;
	r->nh = nh, r->nh_count = 1;
	r->dst.len = 32;
	host(i, &r->dst.addr);
	return 0;
}

/* The first change after open, untimed as freshness: it waits for the
 * thread to build the second table (brt_live_open returns after the
 * first). Seconds from @t_open until it is visible, or -1. */
static double warm_up(brt_live_reader *rd, const char *gw, double t_open)
{
	struct brt_nexthop nh;
	struct brt_route r;

	if (host_route(gw, 99999, &r, &nh) || change(rd, &r, 1) < 0)
		return -1;
	if (change(rd, &r, 0) < 0)
		return -1;
	return now() - t_open;
}

/* @n single route adds, one at a time, each timed from the kernel's
 * acceptance to the reader's answer reflecting it; then deleted again. */
static int freshness(brt_live_reader *rd, const char *gw, unsigned n)
{
	struct brt_nexthop nh;
	struct brt_route r;
	double *d = calloc(n, sizeof(*d));
	unsigned i, slow = 0;
	int e = 0;

	for (i = 0; d && !e && i < n; i++) {
		e = host_route(gw, 100000 + i, &r, &nh);
		if (!e && (d[i] = change(rd, &r, 1)) < 0)
			e = -1;
		slow += !e && d[i] > 1e-3;
		usleep(2000);	/* one change at a time, not a burst */
	}
	for (i = 0; d && i < n; i++)	/* what was added goes again */
		if (!host_route(gw, 100000 + i, &r, &nh))
			(void)brt_live_route_del(&r, NULL, 0);
	if (!d || e) {
		free(d);
		return 1;
	}
	qsort(d, n, sizeof(*d), cmp_double);
	printf("fresh_samples %u\nfresh_median_ms %.3f\nfresh_p99_ms %.3f\n"
	       "fresh_max_ms %.3f\nfresh_over_1ms %u\n", n, d[n / 2] * 1e3,
	       d[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1] * 1e3,
	       d[n - 1] * 1e3, slow);
	free(d);
	return 0;
}

/* One `ip -batch` of @n adds (@del 0) or deletes; the kernel's seconds. */
static double batch(const char *gw, unsigned n, int del)
{
	char path[] = "/tmp/bench_live_handle.XXXXXX", cmd[256];
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	struct brt_addr a;
	char txt[BRT_ADDRSTRLEN];
	unsigned i;
	double t0;

	if (!f)
		return -1;
	for (i = 0; i < n; i++) {
		host(i, &a);
		brt_addr_format(&a, txt, sizeof(txt));
		fprintf(f, "route %s %s/32 via %s\n", del ? "del" : "add", txt, gw);
	}
	fclose(f);
	snprintf(cmd, sizeof(cmd), "ip -batch %s >/dev/null", path);
	t0 = now();
	if (system(cmd)) {
		unlink(path);
		return -1;
	}
	t0 = now() - t0;
	unlink(path);
	return t0;
}

/* @n adds then as many deletes, each in one `ip -batch`, and how fast the
 * handle follows. @quiesce: the reader goes quiescent while a batch runs
 * (as live.h asks of idle readers); else it keeps its version, which
 * makes the handle build one whole table per batch (live_build.c). */
static int rate(brt_live *h, brt_live_reader *rd, const char *gw, unsigned n,
		bool quiesce)
{
	const char *p = quiesce ? "rate" : "held";
	struct brt_live_stats s0, s1;
	struct brt_addr last;
	double t0 = now(), tk, th, tk2, th2;

	host(n - 1, &last);
	brt_live_stats_get(h, &s0);
	if (quiesce)
		brt_live_reader_quiescent(rd);
	tk = batch(gw, n, 0);
	th = wait_for(rd, &last, 1, t0);
	if (quiesce)
		brt_live_reader_quiescent(rd);
	t0 = now();
	tk2 = batch(gw, n, 1);
	th2 = wait_for(rd, &last, 0, t0);
	brt_live_stats_get(h, &s1);
	if (tk < 0 || tk2 < 0 || th < 0 || th2 < 0)
		return 1;
	printf("%s_changes %u\n%s_kernel_add_seconds %.3f\n%s_handle_add_seconds %.3f\n"
	       "%s_kernel_del_seconds %.3f\n%s_handle_del_seconds %.3f\n"
	       "%s_kernel_rate %.0f\n%s_handle_rate %.0f\n%s_versions %llu\n"
	       "%s_overflows %llu\n%s_route_dumps %llu\n%s_edited %llu\n%s_whole %llu\n",
	       p, n, p, tk, p, th, p, tk2, p, th2, p, 2 * n / (tk + tk2),
	       p, 2 * n / (th + th2), p,
	       (unsigned long long)(s1.version - s0.version), p,
	       (unsigned long long)(s1.overflows - s0.overflows), p,
	       (unsigned long long)(s1.route_resyncs - s0.route_resyncs), p,
	       (unsigned long long)(s1.edited - s0.edited), p,
	       (unsigned long long)(s1.whole - s0.whole));
	return 0;
}

int main(int argc, char **argv)
{
	const char *gw = argc > 1 ? argv[1] : NULL;
	unsigned changes = argc > 2 ? (unsigned)atoi(argv[2]) : 50000;
	unsigned samples = argc > 3 ? (unsigned)atoi(argv[3]) : 1000;
	brt_live_reader *rd;
	brt_live *h;
	char err[256];
	struct brt_live_stats st;
	double t0 = now(), ready;
	long r0 = rss_kib();
	struct mallinfo2 m0 = mallinfo2(), m1;
	size_t routes;
	int e;

	if (!gw || !changes || changes > 100000 || !samples) {
		fprintf(stderr, "usage: bench_live_handle GW4 [CHANGES<=100000] [SAMPLES]\n");
		return 2;
	}
	e = brt_live_open(&h, 0, err, sizeof(err));
	if (e) {
		fprintf(stderr, "brt_live_open: %s\n", err);
		return 1;
	}
	printf("handle_open_seconds %.3f\n", now() - t0);
	brt_live_reader_register(h, &rd);
	ready = warm_up(rd, gw, t0);
	if (ready < 0)
		return 1;
	brt_live_reader_quiescent(rd);
	m1 = mallinfo2();
	routes = brt_table_route_count(brt_live_acquire(rd, NULL));
	brt_live_stats_get(h, &st);
	/* the heap the handle holds once both tables exist (model, table
	 * versions, indexes) */
	printf("handle_ready_seconds %.3f\nhandle_realtime %d\nhandle_rss_mib %.1f\n"
	       "handle_routes %zu\nhandle_heap_mib %.1f\n"
	       "handle_heap_bytes_per_route %.1f\n", ready, (int)st.realtime,
	       (double)(rss_kib() - r0) / 1024.0, routes,
	       (double)(m1.uordblks + m1.hblkhd - m0.uordblks - m0.hblkhd) / 1048576.0,
	       routes ? (double)(m1.uordblks + m1.hblkhd - m0.uordblks - m0.hblkhd) /
			(double)routes : 0);
	e = freshness(rd, gw, samples) || rate(h, rd, gw, changes, true) ||
	    rate(h, rd, gw, changes, false);
	brt_live_reader_unregister(rd);
	brt_live_close(h);
	return e;
}
