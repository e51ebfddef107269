/*
 * test_compat_forward.c - GetIpForwardTable2, GetIpForwardEntry2,
 * InitializeIpForwardEntry and Create/Set/DeleteIpForwardEntry2 on table
 * files: which rows are listed and how, every documented error code, the
 * edits' effect on later lookups, the live host's shape checks, and the
 * NTSTATUS forms.
 */
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compat_testutil.h"

/* The row of @tab for (prefix, next hop, ifindex), or NULL. */
static const MIB_IPFORWARD_ROW2 *find_row(const MIB_IPFORWARD_TABLE2 *tab,
					  const char *prefix, const char *hop,
					  uint32_t ifindex, const char *family)
{
	struct ct_row e = {ifindex, 6, prefix, hop, 0, 0, 0, 0};
	MIB_IPFORWARD_ROW2 x;
	ULONG i;

	(void)family;
	ct_build_row(&e, &x);
	for (i = 0; i < tab->NumEntries; i++) {
		const MIB_IPFORWARD_ROW2 *r = &tab->Table[i];

		if (r->InterfaceIndex == ifindex &&
		    !memcmp(&r->DestinationPrefix, &x.DestinationPrefix,
			    sizeof(x.DestinationPrefix)) &&
		    !memcmp(&r->NextHop, &x.NextHop, sizeof(x.NextHop)))
			return r;
	}
	return NULL;
}

static void forward_table_rows(void **state)
{
	PMIB_IPFORWARD_TABLE2 v4 = NULL, v6 = NULL, all = NULL;
	const MIB_IPFORWARD_ROW2 *r;
	struct ct_row mp = {3, 6, "10.9.0.0/16", "10.1.0.1", 20, NETMGMT_P, 0};
	ULONG i;

	(void)state;
	ct_use("linux");
	assert_int_equal(GetIpForwardTable2(AF_INET, &v4), 0);
	assert_int_equal(GetIpForwardTable2(AF_INET6, &v6), 0);
	assert_int_equal(GetIpForwardTable2(AF_UNSPEC, &all), 0);
	assert_int_equal(all->NumEntries, v4->NumEntries + v6->NumEntries);
	for (i = 0; i < v4->NumEntries; i++)
		assert_int_equal(v4->Table[i].DestinationPrefix.Prefix.si_family,
				 AF_INET);
	for (i = 0; i < v6->NumEntries; i++)
		assert_int_equal(v6->Table[i].DestinationPrefix.Prefix.si_family,
				 AF_INET6);
	/* IPv4 rows first, in the same order */
	assert_memory_equal(all->Table, v4->Table,
			    v4->NumEntries * sizeof(MIB_IPFORWARD_ROW2));
	/* one row per next hop of the multipath route, each whole */
	assert_non_null(find_row(v4, "10.9.0.0/16", "192.168.1.1", 2, "4"));
	r = find_row(v4, "10.9.0.0/16", "10.1.0.1", 3, "4");
	assert_non_null(r);
	ct_check_row(r, &mp);
	/* error routes have no interface; table 100 is not main or local */
	assert_null(find_row(v4, "10.66.0.0/16", "", 0, "4"));
	assert_null(find_row(v4, "10.68.0.0/16", "", 0, "4"));
	assert_null(find_row(v4, "10.70.0.0/16", "10.1.0.1", 3, "4"));
	/* the local table is listed: the host's own address, loopback */
	r = find_row(v4, "192.168.1.10/32", "", 2, "4");
	assert_non_null(r);
	assert_int_equal(r->Loopback, 1);
	assert_int_equal(r->Protocol, RouteProtocolLocal);
	assert_int_equal(r->Origin, NlroWellKnown);
	assert_non_null(find_row(v6, "2001:db8:1::/64", "", 2, "6"));
	FreeMibTable(v4);
	FreeMibTable(v6);
	FreeMibTable(all);
}

static void forward_table_windows(void **state)
{
	PMIB_IPFORWARD_TABLE2 t = NULL;
	struct ct_row bgp = {5, 131, "198.51.100.0/24", "172.16.0.1", 10, 14, 0, 0};

	(void)state;
	ct_use("win");
	assert_int_equal(GetIpForwardTable2(AF_INET, &t), 0);
	ct_check_row(find_row(t, "198.51.100.0/24", "172.16.0.1", 5, "4"), &bgp);
	/* the blackhole route has no row; the down link's route has one */
	assert_null(find_row(t, "198.18.0.0/15", "", 0, "4"));
	assert_non_null(find_row(t, "10.99.0.0/16", "10.200.0.254", 4, "4"));
	FreeMibTable(t);
}

static void forward_table_codes(void **state)
{
	PMIB_IPFORWARD_TABLE2 t = (PMIB_IPFORWARD_TABLE2)1;

	(void)state;
	ct_use("win");
	assert_int_equal(GetIpForwardTable2(AF_INET, NULL), ERROR_INVALID_PARAMETER);
	assert_int_equal(GetIpForwardTable2(99, &t), ERROR_INVALID_PARAMETER);
	assert_null(t);
	assert_int_equal(brt_kernel_GetIpForwardTable2(99, &t),
			 STATUS_INVALID_PARAMETER);
	assert_int_not_equal(brt_compat_use_table("/nonexistent/y.table"), 0);
	assert_int_equal(GetIpForwardTable2(AF_INET, &t), ERROR_CAN_NOT_COMPLETE);
	assert_null(t);
}

static void initialize_entry(void **state)
{
	MIB_IPFORWARD_ROW2 r;

	(void)state;
	memset(&r, 0x55, sizeof(r));
	InitializeIpForwardEntry(&r);
	assert_int_equal(r.ValidLifetime, 0xffffffffu);
	assert_int_equal(r.PreferredLifetime, 0xffffffffu);
	assert_int_equal(r.Loopback, 1);
	assert_int_equal(r.AutoconfigureAddress, 1);
	assert_int_equal(r.Publish, 1);
	assert_int_equal(r.Immortal, 1);
	assert_int_equal(r.SitePrefixLength, 255);
	assert_int_equal(r.Metric, 0xffffffffu);
	assert_int_equal((int)r.Protocol, -1);
	assert_int_equal(r.InterfaceLuid.Value, 0);
	assert_int_equal(r.InterfaceIndex, 0);
	assert_true(ct_all_zero(&r.DestinationPrefix, sizeof(r.DestinationPrefix)));
	assert_true(ct_all_zero(&r.NextHop, sizeof(r.NextHop)));
	assert_int_equal(r.Age, 0);
	assert_int_equal(r.Origin, 0);
}

/* A row as a caller builds one: Initialize, then prefix, hop, link. */
static void entry_codes(void **state)
{
	MIB_IPFORWARD_ROW2 r;

	(void)state;
	ct_use("win");
	assert_int_equal(CreateIpForwardEntry2(NULL), ERROR_INVALID_PARAMETER);
	assert_int_equal(SetIpForwardEntry2(NULL), ERROR_INVALID_PARAMETER);
	assert_int_equal(DeleteIpForwardEntry2(NULL), ERROR_INVALID_PARAMETER);
	assert_int_equal(GetIpForwardEntry2(NULL), ERROR_INVALID_PARAMETER);
	r = ct_row("", 24, "192.168.1.1", 2, 1);	/* no prefix family */
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
	r = ct_row("203.0.114.1", 24, "192.168.1.1", 2, 1);	/* host bits */
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
	r = ct_row("203.0.114.0", 33, "192.168.1.1", 2, 1);
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
	r = ct_row("2001:db8:5::", 129, "::", 2, 1);
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
	r = ct_row("203.0.114.0", 24, "", 2, 1);	/* next hop: no family */
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
	r = ct_row("203.0.114.0", 24, "192.168.1.1", 2, 1);
	r.ValidLifetime = 100;
	r.PreferredLifetime = 200;
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
	r = ct_row("203.0.114.0", 24, "192.168.1.1", 2, 1);
	r.SitePrefixLength = 25;
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
	r = ct_row("203.0.114.0", 24, "192.168.1.1", 0, 1);
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
	assert_int_equal(GetIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
	r = ct_row("203.0.114.0", 24, "192.168.1.1", 999, 1);
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_NOT_FOUND);
	assert_int_equal(brt_kernel_CreateIpForwardEntry2(&r), STATUS_NOT_FOUND);
	r = ct_row("203.0.114.0", 24, "192.168.1.1", 0, 1);
	r.InterfaceLuid.Value = CT_LUID(6, 99);
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_NOT_FOUND);
	r = ct_row("203.0.114.0", 24, "192.168.1.1", 2, 1);
	assert_int_equal(SetIpForwardEntry2(&r), ERROR_NOT_FOUND);
	assert_int_equal(DeleteIpForwardEntry2(&r), ERROR_NOT_FOUND);
	assert_int_equal(GetIpForwardEntry2(&r), ERROR_NOT_FOUND);
	assert_int_equal(brt_kernel_DeleteIpForwardEntry2(&r), STATUS_NOT_FOUND);
}

static ULONG best_metric_if(const char *dst, uint32_t *ifindex)
{
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET best, d = ct_sa(dst);
	DWORD rc = GetBestRoute2(NULL, 0, NULL, &d, 0, &row, &best);

	*ifindex = rc ? 0 : row.InterfaceIndex;
	return rc ? 0xffffffffu : row.Metric;
}

static void create_set_delete(void **state)
{
	MIB_IPFORWARD_ROW2 r, got;
	struct ct_row want = {3, 71, "203.0.114.0/24", "10.0.0.1", 9, NETMGMT_P, 0};
	uint32_t ifx;

	(void)state;
	ct_use("win");
	assert_int_equal(best_metric_if("203.0.114.5", &ifx), 0);
	assert_int_equal(ifx, 2);	/* the default route, before */
	r = ct_row("203.0.114.0", 24, "10.0.0.1", 3, 9);
	assert_int_equal(CreateIpForwardEntry2(&r), 0);
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_OBJECT_ALREADY_EXISTS);
	assert_int_equal(brt_kernel_CreateIpForwardEntry2(&r),
			 STATUS_DUPLICATE_OBJECTID);
	assert_int_equal(best_metric_if("203.0.114.5", &ifx), 9);
	assert_int_equal(ifx, 3);
	/* Get by index and by LUID: the whole row */
	got = ct_row("203.0.114.0", 24, "10.0.0.1", 3, 0);
	assert_int_equal(GetIpForwardEntry2(&got), 0);
	ct_check_row(&got, &want);
	got = ct_row("203.0.114.0", 24, "10.0.0.1", 0, 0);
	got.InterfaceLuid.Value = CT_LUID(71, 3);
	assert_int_equal(GetIpForwardEntry2(&got), 0);
	ct_check_row(&got, &want);
	/* Set changes the metric */
	r.Metric = 1;
	assert_int_equal(SetIpForwardEntry2(&r), 0);
	want.metric = 1;
	assert_int_equal(GetIpForwardEntry2(&got), 0);
	ct_check_row(&got, &want);
	assert_int_equal(best_metric_if("203.0.114.5", &ifx), 1);
	/* Delete: the default route answers again */
	assert_int_equal(DeleteIpForwardEntry2(&r), 0);
	assert_int_equal(DeleteIpForwardEntry2(&r), ERROR_NOT_FOUND);
	assert_int_equal(best_metric_if("203.0.114.5", &ifx), 0);
	assert_int_equal(ifx, 2);
	/* IPv6, on-link */
	r = ct_row("2001:db8:77::", 48, "::", 3, 3);
	assert_int_equal(CreateIpForwardEntry2(&r), 0);
	assert_int_equal(best_metric_if("2001:db8:77::1", &ifx), 3);
	assert_int_equal(ifx, 3);
}

static void delete_one_next_hop(void **state)
{
	MIB_IPFORWARD_ROW2 r;
	PMIB_IPFORWARD_TABLE2 t;

	(void)state;
	ct_use("linux");
	r = ct_row("10.9.0.0", 16, "10.1.0.1", 3, 20);
	assert_int_equal(DeleteIpForwardEntry2(&r), 0);
	assert_int_equal(GetIpForwardTable2(AF_INET, &t), 0);
	assert_null(find_row(t, "10.9.0.0/16", "10.1.0.1", 3, "4"));
	assert_non_null(find_row(t, "10.9.0.0/16", "192.168.1.1", 2, "4"));
	FreeMibTable(t);
}

/* Lookups racing with edits: each sees a whole table, old or new. */
static void *lookups(void *arg)
{
	int i, *bad = arg;

	for (i = 0; i < 300; i++) {
		MIB_IPFORWARD_ROW2 row;
		SOCKADDR_INET best, d = ct_sa("203.0.117.5");

		if (GetBestRoute2(NULL, 0, NULL, &d, 0, &row, &best) ||
		    (row.InterfaceIndex != 2 && row.InterfaceIndex != 3))
			(*bad)++;
	}
	return NULL;
}

static void edits_race_lookups(void **state)
{
	MIB_IPFORWARD_ROW2 r = ct_row("203.0.117.0", 24, "10.0.0.1", 3, 9);
	pthread_t th[2];
	int bad[2] = {0, 0}, i;

	(void)state;
	ct_use("win");
	for (i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&th[i], NULL, lookups, &bad[i]), 0);
	for (i = 0; i < 40; i++) {
		assert_int_equal(CreateIpForwardEntry2(&r), 0);
		assert_int_equal(DeleteIpForwardEntry2(&r), 0);
	}
	for (i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	assert_int_equal(bad[0] + bad[1], 0);
}

/*
 * The live host: a malformed row is refused before the kernel is asked
 * (the edits themselves are tested in a namespace: test_live_write.c).
 */
static void live_host(void **state)
{
	MIB_IPFORWARD_ROW2 r = ct_row("203.0.114.0", 24, "10.0.0.1", 3, 9);

	(void)state;
	assert_int_equal(brt_compat_use_table(""), 0);
	r.DestinationPrefix.PrefixLength = 40;
	assert_int_equal(CreateIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
	assert_int_equal(SetIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
	assert_int_equal(DeleteIpForwardEntry2(&r), ERROR_INVALID_PARAMETER);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(forward_table_rows),
		cmocka_unit_test(forward_table_windows),
		cmocka_unit_test(forward_table_codes),
		cmocka_unit_test(initialize_entry),
		cmocka_unit_test(entry_codes),
		cmocka_unit_test(create_set_delete),
		cmocka_unit_test(delete_one_next_hop),
		cmocka_unit_test(edits_race_lookups),
		cmocka_unit_test(live_host),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
