/*
 * test_compat_fastpath.c - the compat layer's fast paths against their
 * references, and its table source under concurrent edits.
 *
 *  - compat_best_route (plain calls go straight to the lookup, with the
 *    LUIDs precomputed per table) against compat_best_route_general
 *    (every rule, LUIDs computed per call): the same code and every byte
 *    of both outputs, on the tables of tests/data/compat and many shapes
 *    of call (destinations inside routes, the host's own, special ones;
 *    sources, LUIDs and indexes that count or do not);
 *  - compat_ref_luid against compat_luid_of for every small index (and,
 *    through the rows compared above, the rows written from an answer
 *    and the table's route classes against those read from the route);
 *  - GetBestRoute2 from several threads (each started again and again,
 *    so per-thread references are dropped at thread exit) while another
 *    thread creates and deletes a route and swaps whole tables in: every
 *    answer is one of the two the table can give, and once the edits are
 *    over every thread sees the last table (ASan: no leak, no use after
 *    free of the tables swapped out).
 */
#include <pthread.h>
#include <stdatomic.h>

#include "compat_testutil.h"
#include "compat.h"

static uint32_t seed = 12345;

static uint32_t rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

static brt_table *load(const char *name)
{
	char rel[128], path[512], err[256];
	const char *spec;
	brt_table *t = NULL;

	snprintf(rel, sizeof(rel), "tests/data/compat/%s.table", name);
	spec = tu_src_path(rel, path, sizeof(path));
	assert_int_equal(brt_table_load(&spec, 1, -1, &t, err, sizeof(err)), 0);
	return t;
}

/* A destination: inside a route of @t, one of its addresses, a special
 * one, or random; of either family. */
static SOCKADDR_INET pick_dst(const brt_table *t)
{
	static const char *const special[] = {
		"0.0.0.0", "127.0.0.1", "127.9.9.9", "::", "::1", "fe80::1",
		"fe80::1%2", "fe80::1%3", "ff02::1", "ff05::1", "ff0e::1",
		"2001:db8::1%2", "255.255.255.255", "224.0.0.1", "::ffff:10.0.0.1"};
	struct brt_addr a;
	SOCKADDR_INET s;
	size_t n, i;
	unsigned k = rnd() % 4;

	memset(&a, 0, sizeof(a));
	if (k == 0 && (n = brt_table_route_count(t))) {
		const struct brt_route *r = brt_table_route(t, rnd() % n);

		a = r->dst.addr;
		for (i = r->dst.len; i < core_family_bits(a.family); i++)
			if (rnd() & 1)
				a.bytes[i / 8] |= (uint8_t)(0x80 >> i % 8);
	} else if (k == 1 && (n = brt_table_address_count(t))) {
		a = brt_table_address(t, rnd() % n)->addr;
		if (a.family == BRT_AF_INET6 && (rnd() & 1))
			a.zone = rnd() % 4;
	} else if (k == 2) {
		return ct_sa(special[rnd() % (sizeof(special) / sizeof(*special))]);
	} else {
		a.family = rnd() & 1 ? BRT_AF_INET6 : BRT_AF_INET;
		for (i = 0; i < 16; i++)
			a.bytes[i] = (uint8_t)rnd();
	}
	compat_inet_from_addr(&a, &s);
	return s;
}

/* A source: none, zeros of either family, one of @t's addresses. */
static const SOCKADDR_INET *pick_src(const brt_table *t, SOCKADDR_INET *s)
{
	size_t n = brt_table_address_count(t);

	switch (rnd() % 5) {
	case 0:
	case 1:
		return NULL;
	case 2:
		*s = ct_sa(rnd() & 1 ? "0.0.0.0" : "::");
		return s;
	case 3:
		*s = ct_sa("af:99");
		return s;
	default:
		if (!n)
			return NULL;
		compat_inet_from_addr(&brt_table_address(t, rnd() % n)->addr, s);
		return s;
	}
}

static void compare_on(const char *name)
{
	brt_table *t = load(name);
	struct compat_links links;
	struct brt_compat_ref fast = {0}, ref = {0};
	int i;
	uint32_t k;

	compat_links_build(t, &links, true);
	assert_non_null(links.route_class);
	fast.t = ref.t = t;
	fast.links = &links;
	for (k = 0; k < 300; k++)
		assert_true(compat_ref_luid(&fast, k) == compat_luid_of(t, k));
	for (i = 0; i < 20000; i++) {
		SOCKADDR_INET dst = pick_dst(t), srcbuf, b1, b2;
		const SOCKADDR_INET *src = pick_src(t, &srcbuf);
		MIB_IPFORWARD_ROW2 r1, r2;
		struct brt_result x1, x2;
		NET_LUID luid = {0}, *lp = NULL;
		NET_IFINDEX index = 0;
		DWORD c1, c2;

		if (rnd() % 4 == 0) {
			luid.Value = compat_luid_of(t, rnd() % 8);
			lp = &luid;
		}
		if (rnd() % 4 == 0)
			index = rnd() % 8;
		memset(&r1, 0x33, sizeof(r1));
		memset(&r2, 0x44, sizeof(r2));
		memset(&b1, 0x33, sizeof(b1));
		memset(&b2, 0x44, sizeof(b2));
		c1 = compat_best_route(&fast, lp, index, src, &dst, &r1, &b1, &x1);
		c2 = compat_best_route_general(&ref, lp, index, src, &dst, &r2,
					       &b2, &x2);
		if (c1 != c2 || memcmp(&r1, &r2, sizeof(r1)) ||
		    memcmp(&b1, &b2, sizeof(b1)))
			fail_msg("%s: call %d differs (codes %lu, %lu)", name, i,
				 (unsigned long)c1, (unsigned long)c2);
	}
	compat_links_free(&links);
	brt_table_destroy(t);
}

static void fast_path_matches_reference(void **state)
{
	(void)state;
	compare_on("win");
	compare_on("linux");
	compare_on("nov6");
}

/* ------------------------------------------------ concurrent edits */

#define ROUNDS 400

static atomic_int stop;
static atomic_long answers, wrong;

static void check_answer(void)
{
	SOCKADDR_INET dst = ct_sa("10.77.1.1"), best,
		      hop = ct_sa("192.168.1.1");
	MIB_IPFORWARD_ROW2 row;
	UINT8 len;

	if (GetBestRoute2(NULL, 0, NULL, &dst, 0, &row, &best) != NO_ERROR) {
		atomic_fetch_add(&wrong, 1);
		return;
	}
	len = row.DestinationPrefix.PrefixLength;
	/* the default route, or the one the editor creates */
	if (len != 0 && (len != 16 || row.InterfaceIndex != 2 ||
			 memcmp(&row.NextHop, &hop, sizeof(hop))))
		atomic_fetch_add(&wrong, 1);
	atomic_fetch_add(&answers, 1);
}

static void *reader(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 200 && !atomic_load(&stop); i++)
		check_answer();
	return NULL;
}

/* Readers that come and go: each thread's reference ends with it. */
static void *reader_spawner(void *arg)
{
	pthread_t th;

	(void)arg;
	while (!atomic_load(&stop)) {
		assert_int_equal(pthread_create(&th, NULL, reader, NULL), 0);
		pthread_join(th, NULL);
	}
	return NULL;
}

static void *long_reader(void *arg)
{
	(void)arg;
	while (!atomic_load(&stop))
		check_answer();
	return NULL;
}

static void editor(void)
{
	MIB_IPFORWARD_ROW2 row = ct_row("10.77.0.0", 16, "192.168.1.1", 2, 5);
	int i;

	for (i = 0; i < ROUNDS; i++) {
		assert_int_equal(CreateIpForwardEntry2(&row), NO_ERROR);
		if (i % 50 == 0) {
			/* a whole new table, as an edit makes one */
			compat_edit_lock();
			assert_int_equal(compat_swap(load("win")), 0);
			compat_edit_unlock();
			continue;	/* the route went with the old table */
		}
		assert_int_equal(DeleteIpForwardEntry2(&row), NO_ERROR);
	}
}

static void swaps_under_readers(void **state)
{
	SOCKADDR_INET dst = ct_sa("10.77.1.1"), best;
	MIB_IPFORWARD_ROW2 row = ct_row("10.77.0.0", 16, "192.168.1.1", 2, 5),
			   got;
	pthread_t th[3];
	int i;

	(void)state;
	ct_use("win");
	atomic_store(&stop, 0);
	assert_int_equal(pthread_create(&th[0], NULL, reader_spawner, NULL), 0);
	assert_int_equal(pthread_create(&th[1], NULL, reader_spawner, NULL), 0);
	assert_int_equal(pthread_create(&th[2], NULL, long_reader, NULL), 0);
	editor();
	atomic_store(&stop, 1);
	for (i = 0; i < 3; i++)
		pthread_join(th[i], NULL);
	assert_int_equal(atomic_load(&wrong), 0);
	assert_true(atomic_load(&answers) > 0);
	/* the calling thread sees its own edits at once */
	assert_int_equal(GetBestRoute2(NULL, 0, NULL, &dst, 0, &got, &best), 0);
	assert_int_equal(got.DestinationPrefix.PrefixLength, 0);
	assert_int_equal(CreateIpForwardEntry2(&row), NO_ERROR);
	assert_int_equal(GetBestRoute2(NULL, 0, NULL, &dst, 0, &got, &best), 0);
	assert_int_equal(got.DestinationPrefix.PrefixLength, 16);
	/* and a thread that used an older table sees the newest one */
	atomic_store(&stop, 0);
	atomic_store(&answers, 0);
	assert_int_equal(pthread_create(&th[0], NULL, reader, NULL), 0);
	pthread_join(th[0], NULL);
	assert_int_equal(atomic_load(&wrong), 0);
	assert_int_equal(DeleteIpForwardEntry2(&row), NO_ERROR);
	assert_int_equal(GetBestRoute2(NULL, 0, NULL, &dst, 0, &got, &best), 0);
	assert_int_equal(got.DestinationPrefix.PrefixLength, 0);
	brt_compat_use_table(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fast_path_matches_reference),
		cmocka_unit_test(swaps_under_readers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
