/*
 * test_compat_interface.c - the interface metric of GetIpInterfaceEntry
 * is the one the Windows policy adds: for destinations across the table,
 * GetBestRoute2's row Metric + the interface's Metric equals the
 * effective metric brt_table_lookup reports for the same question, and
 * GetBestRoute's dwForwardMetric1 is that sum too; every row of
 * GetIpForwardTable has dwForwardMetric1 = its second-generation row's
 * Metric + the interface metric. Then SetIpInterfaceEntry changes the
 * metric the policy uses (the default route moves to Wi-Fi), and a Linux
 * table reports metric 0 with UseAutomaticMetric.
 */
#include "compat_testutil.h"

static const char *const dests[] = {
	"8.8.8.8", "10.0.3.4", "198.51.100.7", "203.0.113.9", "192.0.2.1",
	"100.100.1.1", "10.77.0.9", "127.0.0.1", "0.0.0.0", "2001:db8:99::5",
	"2001:db8:aa::1", "::",
};

static brt_table *load_win(void)
{
	char path[512], err[256];
	const char *spec = tu_src_path("tests/data/compat/win.table", path,
				       sizeof(path));
	brt_table *t = NULL;

	assert_int_equal(brt_table_load(&spec, 1, -1, &t, err, sizeof(err)), 0);
	return t;
}

static ULONG interface_metric(const MIB_IPFORWARD_ROW2 *row, ADDRESS_FAMILY f)
{
	MIB_IPINTERFACE_ROW ifrow;

	InitializeIpInterfaceEntry(&ifrow);
	ifrow.Family = f;
	ifrow.InterfaceLuid = row->InterfaceLuid;
	assert_int_equal(GetIpInterfaceEntry(&ifrow), NO_ERROR);
	assert_int_equal(ifrow.InterfaceIndex, row->InterfaceIndex);
	return ifrow.Metric;
}

static void metric_is_the_policy_s(void **state)
{
	brt_table *t = load_win();
	size_t i;

	(void)state;
	ct_use("win");
	for (i = 0; i < sizeof(dests) / sizeof(dests[0]); i++) {
		SOCKADDR_INET dst = ct_sa(dests[i]), best;
		MIB_IPFORWARD_ROW2 row;
		struct brt_query q;
		struct brt_result r;
		ULONG sum;

		assert_int_equal(GetBestRoute2(NULL, 0, NULL, &dst, 0, &row, &best),
				 NO_ERROR);
		sum = row.Metric + interface_metric(&row, dst.si_family);
		brt_query_init(&q);
		assert_int_equal(brt_addr_parse(dests[i], &q.dst), 0);
		assert_int_equal(brt_table_lookup(t, &q, &r), 0);
		if (r.effective_metric != sum)
			fail_msg("%s: route %u + interface = %lu, policy says %u",
				 dests[i], row.Metric, (unsigned long)sum,
				 r.effective_metric);
		if (dst.si_family == AF_INET) {
			MIB_IPFORWARDROW v1;

			assert_int_equal(GetBestRoute(dst.Ipv4.sin_addr.s_addr, 0, &v1),
					 NO_ERROR);
			assert_int_equal(v1.dwForwardMetric1, sum);
		}
	}
	brt_table_destroy(t);
	brt_compat_use_table(NULL);
}

static void v1_table_metrics(void **state)
{
	PMIB_IPFORWARD_TABLE2 t2 = NULL;
	PMIB_IPFORWARDTABLE t1;
	ULONG size = 0, i;

	(void)state;
	ct_use("win");
	assert_int_equal(GetIpForwardTable(NULL, &size, FALSE),
			 ERROR_INSUFFICIENT_BUFFER);
	t1 = malloc(size);
	assert_non_null(t1);
	assert_int_equal(GetIpForwardTable(t1, &size, FALSE), NO_ERROR);
	assert_int_equal(GetIpForwardTable2(AF_INET, &t2), NO_ERROR);
	assert_int_equal(t1->dwNumEntries, t2->NumEntries);
	for (i = 0; i < t2->NumEntries; i++)
		assert_int_equal(t1->table[i].dwForwardMetric1,
				 t2->Table[i].Metric +
					 interface_metric(&t2->Table[i], AF_INET));
	FreeMibTable(t2);
	free(t1);
	brt_compat_use_table(NULL);
}

static void set_metric_moves_default(void **state)
{
	MIB_IPINTERFACE_ROW ifrow;
	MIB_IPFORWARDROW v1;
	PIP_ADAPTER_ADDRESSES ads, a;
	ULONG size = 0;

	(void)state;
	ct_use("win");
	assert_int_equal(GetBestRoute(0, 0, &v1), NO_ERROR);
	assert_int_equal(v1.dwForwardIfIndex, 2);	/* eth0: 25 < 50 */
	InitializeIpInterfaceEntry(&ifrow);
	ifrow.Family = AF_INET;
	ifrow.InterfaceIndex = 3;
	assert_int_equal(GetIpInterfaceEntry(&ifrow), NO_ERROR);
	assert_int_equal(ifrow.Metric, 50);
	ifrow.Metric = 10;
	ifrow.UseAutomaticMetric = FALSE;
	ifrow.SitePrefixLength = 0;
	assert_int_equal(SetIpInterfaceEntry(&ifrow), NO_ERROR);
	assert_int_equal(GetBestRoute(0, 0, &v1), NO_ERROR);
	assert_int_equal(v1.dwForwardIfIndex, 3);	/* wlan0 now 10 */
	assert_int_equal(v1.dwForwardMetric1, 10);
	/* the adapter list reports the new metric too */
	assert_int_equal(GetAdaptersAddresses(AF_INET, 0, NULL, NULL, &size),
			 ERROR_BUFFER_OVERFLOW);
	ads = malloc(size);
	assert_non_null(ads);
	assert_int_equal(GetAdaptersAddresses(AF_INET, 0, NULL, ads, &size),
			 NO_ERROR);
	for (a = ads; a && a->IfIndex != 3; a = a->Next)
		;
	assert_non_null(a);
	assert_int_equal(a->Ipv4Metric, 10);
	free(ads);
	brt_compat_use_table(NULL);
}

static void linux_has_no_interface_metric(void **state)
{
	MIB_IPINTERFACE_ROW ifrow;

	(void)state;
	ct_use("linux");
	InitializeIpInterfaceEntry(&ifrow);
	ifrow.Family = AF_INET;
	ifrow.InterfaceIndex = 2;
	assert_int_equal(GetIpInterfaceEntry(&ifrow), NO_ERROR);
	assert_int_equal(ifrow.Metric, 0);
	assert_true(ifrow.UseAutomaticMetric);
	assert_int_equal(ifrow.SitePrefixLength, 64);
	assert_int_equal(ifrow.ZoneIndices[ScopeLevelLink], 2);
	brt_compat_use_table(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(metric_is_the_policy_s),
		cmocka_unit_test(v1_table_metrics),
		cmocka_unit_test(set_metric_moves_default),
		cmocka_unit_test(linux_has_no_interface_metric),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
