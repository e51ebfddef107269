/*
 * test_live_handle.c - brt_live_open against a real kernel, in a network
 * namespace of its own ("livehandle-<pid>"): after random route changes,
 * a burst that overflows a tiny event queue, and each change the kernel
 * makes without telling (link down, carrier loss, last address of a
 * subnet deleted, nexthop object deleted), the handle's table must equal
 * a fresh dump; a soak runs 4 reader threads against a writer and checks
 * every answer against the version its reader used. BRT_SOAK_CHANGES
 * sets the soak's number of changes (make soak: 200000). Skips (77) when
 * not root or when namespaces do not work.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fib/table_edit.h"
#include "testutil.h"

static char ns[64];
static unsigned seed = 1;

static unsigned rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

/* ------------------------------------------------------ table comparison */

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The table's text as sorted lines (the order of entries is not state). */
static char **sorted_lines(const brt_table *t, size_t *n, char **text)
{
	char **v = NULL, *p, *save = NULL;
	size_t cap = 0;

	*n = 0;
	assert_int_equal(brt_table_write_text(t, 0, text), 0);
	for (p = strtok_r(*text, "\n", &save); p; p = strtok_r(NULL, "\n", &save)) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 256;
			v = realloc(v, cap * sizeof(*v));
			assert_non_null(v);
		}
		v[(*n)++] = p;
	}
	qsort(v, *n, sizeof(*v), cmp_line);
	return v;
}

/* Whether @a and @b hold the same entries; prints a few differences. */
static bool tables_equal(const brt_table *a, const brt_table *b, bool verbose)
{
	char *ta, *tb, **la, **lb;
	size_t na, nb, i = 0, j = 0, shown = 0;
	bool eq;

	la = sorted_lines(a, &na, &ta);
	lb = sorted_lines(b, &nb, &tb);
	while (i < na || j < nb) {
		int c = i == na ? 1 : j == nb ? -1 : strcmp(la[i], lb[j]);

		if (!c) {
			i++, j++;
			continue;
		}
		if (verbose && shown < 8)
			fprintf(stderr, "  %s %s\n", c < 0 ? "handle:" : "kernel:",
				c < 0 ? la[i] : lb[j]);
		shown++;
		if (c < 0)
			i++;
		else
			j++;
	}
	eq = !shown;
	free(la), free(lb), free(ta), free(tb);
	return eq;
}

static void random_query(struct brt_query *q, unsigned *s);

/* Lookups on the handle's table (edited in place, version by version)
 * answer as a whole table compiled from a dump of the same state. */
static void assert_same_answers(const brt_table *a, const brt_table *b)
{
	struct brt_result x, y;
	struct brt_query q;
	unsigned i, s = 99;

	for (i = 0; i < 3000; i++) {
		random_query(&q, &s);
		assert_int_equal(brt_table_lookup(a, &q, &x), 0);
		assert_int_equal(brt_table_lookup(b, &q, &y), 0);
		tu_assert_same_answer(&x, &y);
	}
}

/* Wait (at most 10 s) until the handle's newest table equals a dump. */
static void assert_converges(brt_live *h, brt_live_reader *rd)
{
	int tries;

	for (tries = 0; tries < 500; tries++) {
		char err[256];
		brt_table *k;
		bool eq;

		assert_int_equal(brt_live_snapshot(&k, err, sizeof(err)), 0);
		eq = tables_equal(brt_live_acquire(rd, NULL), k, tries == 499);
		if (eq)
			assert_same_answers(brt_live_reader_table(rd), k);
		brt_table_destroy(k);
		if (eq) {
			brt_live_reader_quiescent(rd);
			return;
		}
		usleep(20000);
	}
	(void)h;
	fail_msg("the handle's table never became equal to the kernel's");
}

/* --------------------------------------------------------------- changes */

/* Run @n random route changes through `ip -batch` (failures allowed). */
static void random_batch(unsigned n, bool with_links)
{
	static const char *const gw4[] = {"10.1.0.254", "10.2.0.254"};
	static const char *const gw6[] = {"2001:db8:1::fe", "2001:db8:2::fe"};
	static const char *const tables[] = {"main", "100"};
	static const char *const verbs[] = {"add", "replace", "del", "replace",
					    "append", "del"};
	char path[96];
	unsigned i, p;
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/%s.batch", ns);
	f = fopen(path, "w");
	assert_non_null(f);
	for (i = 0; i < n; i++) {
		const char *verb = verbs[rnd(6)], *table = tables[rnd(2)];
		unsigned metric = 10 * rnd(3), g = rnd(2);

		p = rnd(4000);
		if (with_links && rnd(500) == 0) {
			fprintf(f, "link set vc down\nlink set vc up\n");
			continue;
		}
		if (with_links && rnd(300) == 0) {
			fprintf(f, "addr %s 10.5.%u.1/24 dev vc\n",
				rnd(2) ? "add" : "del", rnd(4));
			continue;
		}
		if (rnd(4) == 0)
			fprintf(f, "-6 route %s 2001:db8:%x::/48 via %s table %s metric %u\n",
				verb, 0x100 + p % 1000, gw6[g], table, metric);
		else
			fprintf(f, "route %s 10.%u.%u.0/24 via %s table %s metric %u\n",
				verb, 100 + p / 256, p % 256, gw4[g], table, metric);
	}
	fclose(f);
	tu_sh("ip -n %s -force -batch %s >/dev/null 2>&1", ns, path);
	unlink(path);
}

/* A few of our own writes (brt_live_route_*), each allowed to fail. */
static void own_writes(unsigned n)
{
	struct brt_nexthop nh;
	struct brt_route r;
	char err[256], dst[32];
	unsigned i;

	for (i = 0; i < n; i++) {
		brt_route_init(&r);
		brt_nexthop_init(&nh);
		snprintf(dst, sizeof(dst), "10.%u.%u.0/24", 120 + rnd(4), rnd(256));
		assert_int_equal(brt_prefix_parse(dst, BRT_AF_INET, 0, &r.dst), 0);
		r.family = BRT_AF_INET;
		r.metric = 10 * rnd(3);
		assert_int_equal(brt_addr_parse(rnd(2) ? "10.1.0.254" : "10.2.0.254",
						&nh.gw), 0);
		r.nh = &nh;
		r.nh_count = 1;
		if (rnd(3))
			(void)brt_live_route_replace(&r, err, sizeof(err));
		else
			(void)brt_live_route_del(&r, err, sizeof(err));
	}
}

/* ---------------------------------------------------------------- tests */

struct fixture {
	brt_live *h;
	brt_live_reader *rd;
};

static struct fixture open_handle(unsigned flags)
{
	struct fixture fx;
	char err[256];

	assert_int_equal(brt_live_open(&fx.h, flags, err, sizeof(err)), 0);
	assert_int_equal(brt_live_reader_register(fx.h, &fx.rd), 0);
	return fx;
}

static void close_handle(struct fixture *fx)
{
	brt_live_reader_unregister(fx->rd);
	brt_live_close(fx->h);
}

static void test_converges_after_random_changes(void **state)
{
	struct fixture fx = open_handle(0);
	struct brt_live_stats st;

	(void)state;
	assert_converges(fx.h, fx.rd);
	random_batch(3000, false);
	own_writes(200);
	assert_converges(fx.h, fx.rd);
	brt_live_stats_get(fx.h, &st);
	assert_true(st.applied > 1000);	/* in place, not by dumps */
	assert_true(st.version > 1);
	tu_sh("ip -n %s route flush table 100; ip -n %s -6 route flush table 100 2>/dev/null",
	   ns, ns);
	assert_converges(fx.h, fx.rd);
	close_handle(&fx);
}

/* Changes made at once after open, while the thread still loads the
 * model from open's dump and builds the second table (os_live_prepare),
 * queue in the socket and are all applied then. */
static void test_changes_right_after_open(void **state)
{
	struct fixture fx = open_handle(0);
	struct brt_live_stats st;

	(void)state;
	own_writes(100);
	random_batch(1000, false);
	assert_converges(fx.h, fx.rd);
	brt_live_stats_get(fx.h, &st);
	assert_true(st.applied > 100);	/* in place, not by dumps */
	/* (whether a version was edited or built whole depends on timing:
	 * under a sanitizer the reader may hold the spare past 100 ms) */
	assert_true(st.version > 1);
	close_handle(&fx);
}

/* Whether this process may put a thread in SCHED_FIFO (what the handle's
 * thread tries): asked of a thread of the test's own. */
static void *try_fifo(void *arg)
{
	struct sched_param sp = {.sched_priority = sched_get_priority_min(SCHED_FIFO)};

	*(bool *)arg = pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp) == 0;
	return NULL;
}

static bool fifo_allowed(void)
{
	pthread_t t;
	bool ok = false;

	assert_int_equal(pthread_create(&t, NULL, try_fifo, &ok), 0);
	pthread_join(t, NULL);
	return ok;
}

/* The update thread's class (live_sched.c): real-time when the process
 * may, never with BRT_LIVE_F_NO_REALTIME; following changes either way.
 * Unknown flags are refused. */
static void test_realtime_class(void **state)
{
	struct fixture fx = open_handle(BRT_LIVE_F_NO_REALTIME);
	struct brt_live_stats st;
	brt_live *h = NULL;
	char err[256];
	int tries;

	(void)state;
	assert_int_equal(brt_live_open(&h, 0x80, err, sizeof(err)), BRT_EINVAL);
	assert_null(h);
	random_batch(300, false);
	assert_converges(fx.h, fx.rd);
	brt_live_stats_get(fx.h, &st);
	assert_int_equal(st.realtime, 0);
	close_handle(&fx);

	fx = open_handle(0);
	for (tries = 0; tries < 200; tries++) {	/* set by the thread */
		brt_live_stats_get(fx.h, &st);
		if (st.realtime)
			break;
		usleep(10000);
	}
	assert_int_equal(st.realtime, fifo_allowed() ? 1 : 0);
	random_batch(300, false);
	assert_converges(fx.h, fx.rd);
	close_handle(&fx);
}

static void test_overflow_converges(void **state)
{
	struct fixture fx = open_handle(BRT_LIVE_F_SMALL_RCVBUF);
	struct brt_live_stats st;
	int tries;

	(void)state;
	for (tries = 0; tries < 5; tries++) {
		random_batch(20000, false);
		brt_live_stats_get(fx.h, &st);
		if (st.overflows)
			break;
	}
	assert_true(st.overflows > 0);
	assert_converges(fx.h, fx.rd);
	brt_live_stats_get(fx.h, &st);
	assert_true(st.full_resyncs > 0);
	close_handle(&fx);
}

/* The routes of the handle's newest table to @dst (main table): how many,
 * and in *@flags the next hop flags they carry. */
static size_t routes_to(brt_live_reader *rd, const char *dst, uint32_t *flags)
{
	const brt_table *t = brt_live_acquire(rd, NULL);
	struct brt_prefix p;
	size_t i, n = 0;
	uint32_t j, f = 0;

	assert_int_equal(brt_prefix_parse(dst, 0, 0, &p), 0);
	for (i = 0; i < brt_table_route_count(t); i++) {
		const struct brt_route *r = brt_table_route(t, i);

		if (r->table != BRT_TABLE_MAIN || r->dst.len != p.len ||
		    !brt_addr_equal(&r->dst.addr, &p.addr))
			continue;
		n++;
		f |= r->flags;
		for (j = 0; j < r->nh_count; j++)
			f |= r->nh[j].flags;
	}
	brt_live_reader_quiescent(rd);
	if (flags)
		*flags = f;
	return n;
}

static void test_silent_link_down_and_carrier(void **state)
{
	struct fixture fx = open_handle(0);
	uint32_t f;

	(void)state;
	assert_int_equal(tu_sh("ip -n %s route add 10.77.0.0/16 via 10.2.0.254", ns), 0);
	assert_converges(fx.h, fx.rd);
	assert_int_equal(routes_to(fx.rd, "10.77.0.0/16", &f), 1);
	assert_false(f & BRT_NH_F_LINKDOWN);
	/* the peer goes down: vc loses carrier, the route turns linkdown */
	assert_int_equal(tu_sh("ip -n %s link set vd down", ns), 0);
	assert_converges(fx.h, fx.rd);
	assert_int_equal(routes_to(fx.rd, "10.77.0.0/16", &f), 1);
	assert_true(f & BRT_NH_F_LINKDOWN);
	assert_int_equal(tu_sh("ip -n %s link set vd up", ns), 0);
	assert_converges(fx.h, fx.rd);
	assert_int_equal(routes_to(fx.rd, "10.77.0.0/16", &f), 1);
	assert_false(f & BRT_NH_F_LINKDOWN);
	/* vc itself goes down: the kernel flushes the route silently */
	assert_int_equal(tu_sh("ip -n %s link set vc down", ns), 0);
	assert_converges(fx.h, fx.rd);
	assert_int_equal(routes_to(fx.rd, "10.77.0.0/16", NULL), 0);
	assert_int_equal(tu_sh("ip -n %s link set vc up", ns), 0);
	assert_converges(fx.h, fx.rd);
	close_handle(&fx);
}

static void test_silent_address_deleted(void **state)
{
	struct fixture fx = open_handle(0);

	(void)state;
	/* a route using the address as its source goes with the address */
	assert_int_equal(tu_sh("ip -n %s addr add 10.3.0.1/24 dev va", ns), 0);
	assert_int_equal(tu_sh("ip -n %s route add 10.78.0.0/16 via 10.3.0.254 src 10.3.0.1", ns), 0);
	assert_converges(fx.h, fx.rd);
	assert_int_equal(routes_to(fx.rd, "10.78.0.0/16", NULL), 1);
	assert_int_equal(tu_sh("ip -n %s addr del 10.3.0.1/24 dev va", ns), 0);
	assert_converges(fx.h, fx.rd);
	assert_int_equal(routes_to(fx.rd, "10.78.0.0/16", NULL), 0);
	/* the last IPv4 address of a link: every IPv4 route through it goes */
	assert_int_equal(tu_sh("ip -n %s route add 10.76.0.0/16 via 10.2.0.254", ns), 0);
	assert_converges(fx.h, fx.rd);
	assert_int_equal(routes_to(fx.rd, "10.76.0.0/16", NULL), 1);
	assert_int_equal(tu_sh("ip -n %s addr flush dev vc scope global to 10.0.0.0/8", ns), 0);
	assert_converges(fx.h, fx.rd);
	assert_int_equal(routes_to(fx.rd, "10.76.0.0/16", NULL), 0);
	assert_int_equal(tu_sh("ip -n %s addr add 10.2.0.1/24 dev vc", ns), 0);
	assert_converges(fx.h, fx.rd);
	close_handle(&fx);
}

static void test_silent_nexthop_deleted(void **state)
{
	struct fixture fx = open_handle(0);

	(void)state;
	if (tu_sh("ip -n %s nexthop add id 77 via 10.1.0.254 dev va 2>/dev/null", ns)) {
		close_handle(&fx);
		skip();	/* no nexthop objects in this kernel */
	}
	assert_int_equal(tu_sh("ip -n %s route add 10.79.0.0/16 nhid 77", ns), 0);
	assert_converges(fx.h, fx.rd);
	assert_int_equal(routes_to(fx.rd, "10.79.0.0/16", NULL), 1);
	assert_int_equal(tu_sh("ip -n %s nexthop del id 77", ns), 0);
	assert_converges(fx.h, fx.rd);
	assert_int_equal(routes_to(fx.rd, "10.79.0.0/16", NULL), 0);
	close_handle(&fx);
}

/* ----------------------------------------------------------------- soak */

struct soak_reader {
	pthread_t thread;
	brt_live *h;
	atomic_bool *stop;
	unsigned seed;
	uint64_t lookups, mismatches, backwards;
};

static bool same_answer(const struct brt_result *a, const struct brt_result *b)
{
	return a->status == b->status && a->route == b->route &&
	       a->ifindex == b->ifindex && a->nh == b->nh &&
	       a->nh_chosen == b->nh_chosen && a->table == b->table &&
	       brt_addr_equal(&a->gateway, &b->gateway) &&
	       brt_addr_equal(&a->source, &b->source);
}

static void random_query(struct brt_query *q, unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	brt_query_init(q);
	if ((*s >> 4) % 4 == 0) {
		q->dst.family = BRT_AF_INET6;
		q->dst.bytes[0] = 0x20, q->dst.bytes[1] = 0x01;
		q->dst.bytes[2] = 0x0d, q->dst.bytes[3] = 0xb8;
		q->dst.bytes[4] = (uint8_t)(1 + (*s >> 8) % 4);
		q->dst.bytes[5] = (uint8_t)(*s >> 12);
		q->dst.bytes[15] = 1;
	} else {
		q->dst.family = BRT_AF_INET;
		q->dst.bytes[0] = 10;
		q->dst.bytes[1] = (uint8_t)(100 + (*s >> 8) % 28);
		q->dst.bytes[2] = (uint8_t)(*s >> 16);
		q->dst.bytes[3] = 7;
	}
}

static void *soak_main(void *arg)
{
	struct soak_reader *sr = arg;
	struct brt_result r, ref;
	struct brt_query q;
	brt_live_reader *rd;
	uint64_t v, last = 0;

	if (brt_live_reader_register(sr->h, &rd))
		return NULL;
	while (!atomic_load(sr->stop)) {
		random_query(&q, &sr->seed);
		if (brt_live_lookup(rd, &q, &r, &v) ||
		    brt_table_lookup(brt_live_reader_table(rd), &q, &ref) ||
		    !same_answer(&r, &ref))
			sr->mismatches++;
		sr->backwards += v < last;
		last = v;
		sr->lookups++;
	}
	brt_live_reader_unregister(rd);
	return NULL;
}

static void test_soak(void **state)
{
	struct fixture fx = open_handle(0);
	struct soak_reader sr[4];
	atomic_bool stop = false;
	struct brt_live_stats st;
	const char *env = getenv("BRT_SOAK_CHANGES");
	unsigned total = env ? (unsigned)atoi(env) : 20000, done = 0, i;
	uint64_t lookups = 0;

	(void)state;
	for (i = 0; i < 4; i++) {
		memset(&sr[i], 0, sizeof(sr[i]));
		sr[i].h = fx.h, sr[i].stop = &stop, sr[i].seed = 7 * i + 1;
		assert_int_equal(pthread_create(&sr[i].thread, NULL, soak_main, &sr[i]), 0);
	}
	while (done < total) {
		random_batch(2000, true);
		own_writes(100);
		done += 2100;
		if (done % 21000 < 2100)	/* a checkpoint every ~20000 */
			assert_converges(fx.h, fx.rd);
	}
	assert_converges(fx.h, fx.rd);
	atomic_store(&stop, true);
	for (i = 0; i < 4; i++) {
		pthread_join(sr[i].thread, NULL);
		assert_int_equal(sr[i].mismatches, 0);
		assert_int_equal(sr[i].backwards, 0);
		assert_true(sr[i].lookups > 0);
		lookups += sr[i].lookups;
	}
	brt_live_stats_get(fx.h, &st);
	fprintf(stderr, "soak: %u changes, %llu lookups, %llu versions, "
		"%llu applied in place, %llu route dumps, %llu full dumps, "
		"%llu versions edited, %llu built whole\n",
		done, (unsigned long long)lookups, (unsigned long long)st.version,
		(unsigned long long)st.applied,
		(unsigned long long)st.route_resyncs,
		(unsigned long long)st.full_resyncs,
		(unsigned long long)st.edited, (unsigned long long)st.whole);
	close_handle(&fx);
}

/* ------------------------------------------------------------ namespace */

static const char *const setup_cmds[] = {
	"link set lo up",
	"link add va type veth peer name vb",
	"link add vc type veth peer name vd",
	"link set va up", "link set vb up", "link set vc up", "link set vd up",
	"addr add 10.1.0.1/24 dev va",
	"addr add 10.2.0.1/24 dev vc",
	"addr add 2001:db8:1::1/64 dev va nodad",
	"addr add 2001:db8:2::1/64 dev vc nodad",
	"rule add from 10.9.0.0/16 lookup 100 pref 100",
};

static int setup(void **state)
{
	(void)state;
	if (tu_netns_setup("livehandle", ns, sizeof(ns), setup_cmds,
			   sizeof(setup_cmds) / sizeof(setup_cmds[0])))
		return -1;
	seed = (unsigned)getpid();
	fprintf(stderr, "seed %u\n", seed);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_converges_after_random_changes),
		cmocka_unit_test(test_silent_link_down_and_carrier),
		cmocka_unit_test(test_silent_address_deleted),
		cmocka_unit_test(test_silent_nexthop_deleted),
		cmocka_unit_test(test_overflow_converges),
		cmocka_unit_test(test_realtime_class),
		cmocka_unit_test(test_changes_right_after_open),
		cmocka_unit_test(test_soak),
	};

	return cmocka_run_group_tests(tests, setup, tu_netns_teardown);
}
