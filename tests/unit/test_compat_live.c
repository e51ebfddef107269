/*
 * test_compat_live.c - the Windows API on the live host, which answers
 * from one process-wide live handle (a reader per thread) instead of a
 * snapshot per call, in a network namespace of its own
 * ("compatlive-<pid>"):
 *  - this process's own Create/Set/DeleteIpForwardEntry2 are seen by the
 *    very next GetBestRoute2 of the same thread, round after round (the
 *    handle may not have heard of them yet: those calls read snapshots);
 *  - a change made by another program (`ip route`) reaches the answers
 *    once the handle has followed it;
 *  - threads that come and go answer too (each registers a reader, which
 *    ends with the thread) while the main thread edits.
 * Skips (77) when not root or when namespaces do not work.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include <net/if.h>

#include "compat_testutil.h"

static char ns[64];
static uint32_t va_index;

/* GetBestRoute2 for @dst: its code, the row in *@row. */
static DWORD best(const char *dst, MIB_IPFORWARD_ROW2 *row)
{
	SOCKADDR_INET d = ct_sa(dst), b;

	return GetBestRoute2(NULL, 0, NULL, &d, 0, row, &b);
}

static void own_writes_seen_at_once(void **state)
{
	MIB_IPFORWARD_ROW2 got;
	char dst[32], hit[32];
	int i;

	(void)state;
	assert_int_equal(brt_compat_use_table(""), 0);
	for (i = 0; i < 100; i++) {
		MIB_IPFORWARD_ROW2 row;

		snprintf(dst, sizeof(dst), "10.40.%d.0", i);
		snprintf(hit, sizeof(hit), "10.40.%d.5", i);
		row = ct_row(dst, 24, "10.9.0.2", va_index, 7);
		assert_int_equal(best(hit, &got), ERROR_NETWORK_UNREACHABLE);
		assert_int_equal(CreateIpForwardEntry2(&row), NO_ERROR);
		assert_int_equal(best(hit, &got), NO_ERROR);
		assert_int_equal(got.DestinationPrefix.PrefixLength, 24);
		assert_int_equal(got.InterfaceIndex, va_index);
		assert_int_equal(got.Metric, 7);
		row.Metric = 9;
		assert_int_equal(SetIpForwardEntry2(&row), NO_ERROR);
		assert_int_equal(best(hit, &got), NO_ERROR);
		assert_int_equal(got.Metric, 9);
		assert_int_equal(DeleteIpForwardEntry2(&row), NO_ERROR);
		assert_int_equal(best(hit, &got), ERROR_NETWORK_UNREACHABLE);
	}
	brt_compat_use_table(NULL);
}

static void follows_other_programs(void **state)
{
	MIB_IPFORWARD_ROW2 got;
	int i;

	(void)state;
	assert_int_equal(brt_compat_use_table(""), 0);
	assert_int_equal(best("10.41.1.1", &got), ERROR_NETWORK_UNREACHABLE);
	assert_int_equal(tu_sh("ip route add 10.41.0.0/16 via 10.9.0.2"), 0);
	for (i = 0; i < 300 && best("10.41.1.1", &got) != NO_ERROR; i++)
		usleep(10000);
	assert_int_equal(best("10.41.1.1", &got), NO_ERROR);
	assert_int_equal(got.DestinationPrefix.PrefixLength, 16);
	assert_int_equal(tu_sh("ip route del 10.41.0.0/16"), 0);
	for (i = 0; i < 300 && best("10.41.1.1", &got) == NO_ERROR; i++)
		usleep(10000);
	assert_int_equal(best("10.41.1.1", &got), ERROR_NETWORK_UNREACHABLE);
	brt_compat_use_table(NULL);
}

static atomic_int stop;
static atomic_long bad;

/* 10.9.0.7 is on va's subnet whatever the main thread edits. */
static void *reader(void *arg)
{
	MIB_IPFORWARD_ROW2 got;
	int i;

	(void)arg;
	for (i = 0; i < 100; i++)
		if (best("10.9.0.7", &got) != NO_ERROR ||
		    got.InterfaceIndex != va_index)
			atomic_fetch_add(&bad, 1);
	return NULL;
}

static void *spawner(void *arg)
{
	pthread_t th;

	(void)arg;
	while (!atomic_load(&stop)) {
		if (pthread_create(&th, NULL, reader, NULL)) {
			atomic_fetch_add(&bad, 1);
			break;
		}
		pthread_join(th, NULL);
	}
	return NULL;
}

static void readers_come_and_go(void **state)
{
	MIB_IPFORWARD_ROW2 row = ct_row("10.42.0.0", 16, "10.9.0.2", va_index, 5);
	pthread_t th[2];
	int i;

	(void)state;
	assert_int_equal(brt_compat_use_table(""), 0);
	atomic_store(&stop, 0);
	for (i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&th[i], NULL, spawner, NULL), 0);
	for (i = 0; i < 50; i++) {
		assert_int_equal(CreateIpForwardEntry2(&row), NO_ERROR);
		assert_int_equal(DeleteIpForwardEntry2(&row), NO_ERROR);
	}
	atomic_store(&stop, 1);
	for (i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	assert_int_equal(atomic_load(&bad), 0);
	brt_compat_use_table(NULL);
}

static int setup(void **state)
{
	(void)state;
	return tu_netns_setup_veth("compatlive", ns, sizeof(ns), false, &va_index);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(own_writes_seen_at_once),
		cmocka_unit_test(follows_other_programs),
		cmocka_unit_test(readers_come_and_go),
	};

	return cmocka_run_group_tests(tests, setup, tu_netns_teardown);
}
