/*
 * test_compat_best_route2.c - GetBestRoute2 in both forms against the
 * tables of tests/data/compat: every rule of the user-mode (Win32 codes)
 * and kernel-mode (NTSTATUS) contracts, with the exact code and every
 * byte of both outputs (zeroed on failure, all 28 bytes written on
 * success).
 */
#include "compat_testutil.h"

enum { U = 0, K = 1 };		/* user or kernel form */
enum { NOLUID = 0, LUIDP = 1 };	/* NULL pointer, or pointer to .luid */

struct br2 {
	const char *name;
	const char *table;
	int form;
	int luid_kind;
	uint64_t luid;
	uint32_t index;
	const char *src;	/* NULL: no pointer */
	const char *dst;
	long rc;
	struct ct_row row;	/* on success */
	const char *best;	/* on success: ADDR[%SCOPE] */
};

#define ETH 6
#define WIFI 71
#define LOOP 24
#define TUN 131
#define PPP 23
#define OTHER 1
/* protocol, origin */
#define DHCP 19, 2
#define LOCAL 2, 1
#define NETMGMT 3, 0
#define ICMP 4, 3
#define BGP 14, 0
#define OSPF 13, 0
#define RIP 8, 0
#define POTHER 1, 0

#define DEF_ETH {2, ETH, "0.0.0.0/0", "192.168.1.1", 0, DHCP, 0}, "192.168.1.10"
#define DEF_WLAN {3, WIFI, "0.0.0.0/0", "10.0.0.1", 0, DHCP, 0}, "10.0.0.5"
#define FAIL(code) code, {0, 0, NULL, NULL, 0, 0, 0, 0}, NULL

static const struct br2 cases[] = {
	/* ---- user mode: answers */
	{"default: lower interface metric wins", "win", U, NOLUID, 0, 0, NULL,
	 "8.8.8.8", 0, DEF_ETH},
	{"on-link subnet of wlan0", "win", U, NOLUID, 0, 0, NULL, "10.0.3.4", 0,
	 {3, WIFI, "10.0.0.0/16", "", 256, LOCAL, 0}, "10.0.0.5"},
	{"bgp route on a tunnel", "win", U, NOLUID, 0, 0, NULL, "198.51.100.7", 0,
	 {5, TUN, "198.51.100.0/24", "172.16.0.1", 10, BGP, 0}, "172.16.0.2"},
	{"ospf route", "win", U, NOLUID, 0, 0, NULL, "203.0.113.9", 0,
	 {3, WIFI, "203.0.113.0/24", "10.0.0.1", 5, OSPF, 0}, "10.0.0.5"},
	{"rip route", "win", U, NOLUID, 0, 0, NULL, "192.0.2.1", 0,
	 {2, ETH, "192.0.2.0/24", "192.168.1.1", 3, RIP, 0}, "192.168.1.10"},
	{"static on-link route on ppp", "win", U, NOLUID, 0, 0, NULL,
	 "100.100.1.1", 0, {6, PPP, "100.100.0.0/16", "", 2, NETMGMT, 0},
	 "100.64.0.1"},
	{"ifindex of 2^24 or more", "win", U, NOLUID, 0, 0, NULL, "10.77.0.9", 0,
	 {16777300, OTHER, "10.77.0.0/24", "", 256, LOCAL, 0}, "10.77.0.1"},
	{"route on a down link does not count", "win", U, NOLUID, 0, 0, NULL,
	 "10.99.1.1", 0, DEF_ETH},
	{"blackhole route", "win", U, NOLUID, 0, 0, NULL, "198.18.0.1",
	 FAIL(ERROR_NETWORK_UNREACHABLE)},
	{"own address is a loopback row", "win", U, NOLUID, 0, 0, NULL,
	 "192.168.1.10", 0, {2, ETH, "192.168.1.10/32", "", 256, LOCAL, 1},
	 "192.168.1.10"},
	{"127.0.0.1", "win", U, NOLUID, 0, 0, NULL, "127.0.0.1", 0,
	 {1, LOOP, "127.0.0.1/32", "", 256, LOCAL, 1}, "127.0.0.1"},
	{"::1: source equals destination", "win", U, NOLUID, 0, 0, NULL, "::1", 0,
	 {1, LOOP, "::1/128", "", 256, LOCAL, 1}, "::1"},
	{"0.0.0.0 gets the default route", "win", U, NOLUID, 0, 0, NULL,
	 "0.0.0.0", 0, DEF_ETH},
	{":: gets the default route (ra)", "win", U, NOLUID, 0, 0, NULL, "::", 0,
	 {2, ETH, "::/0", "fe80::1", 0, ICMP, 0}, "2001:db8:1::10"},
	{"IPv6 static route", "win", U, NOLUID, 0, 0, NULL, "2001:db8:99::5", 0,
	 {2, ETH, "2001:db8:99::/48", "2001:db8:1::1", 7, NETMGMT, 0},
	 "2001:db8:1::10"},
	{"IPv6 via link-local gateway: link-local source", "win", U, NOLUID, 0, 0,
	 NULL, "2001:db8:aa::1", 0,
	 {3, WIFI, "2001:db8:aa::/48", "fe80::2", 4, NETMGMT, 0}, "fe80::20%3"},
	{"link-local destination: its scope id picks the link", "win", U, NOLUID,
	 0, 0, NULL, "fe80::1%3", 0, {3, WIFI, "fe80::/64", "", 256, LOCAL, 0},
	 "fe80::20%3"},
	{"link-local destination, scope 0, index given", "win", U, NOLUID, 0, 2,
	 NULL, "fe80::1", 0, {2, ETH, "fe80::/64", "", 256, LOCAL, 0},
	 "fe80::10%2"},
	{"link-local scope id disagrees with index", "win", U, NOLUID, 0, 2, NULL,
	 "fe80::1%3", FAIL(ERROR_INVALID_PARAMETER)},
	{"link-local scope id disagrees with LUID", "win", U, LUIDP,
	 CT_LUID(ETH, 2), 0, NULL, "fe80::1%3", FAIL(ERROR_INVALID_PARAMETER)},
	{"scope id on a global destination", "win", U, NOLUID, 0, 0, NULL,
	 "2001:db8:99::5%2", FAIL(ERROR_INVALID_PARAMETER)},
	{"index restricts the interface", "win", U, NOLUID, 0, 3, NULL, "8.8.8.8",
	 0, DEF_WLAN},
	{"LUID restricts the interface", "win", U, LUIDP, CT_LUID(WIFI, 3), 0, NULL,
	 "8.8.8.8", 0, DEF_WLAN},
	{"LUID wins over index", "win", U, LUIDP, CT_LUID(WIFI, 3), 2, NULL,
	 "8.8.8.8", 0, DEF_WLAN},
	{"LUID value 0: the index chooses", "win", U, LUIDP, 0, 3, NULL,
	 "8.8.8.8", 0, DEF_WLAN},
	{"LUID value 0 and no index: any interface", "win", U, LUIDP, 0, 0,
	 NULL, "8.8.8.8", 0, DEF_ETH},
	{"LUID value 0, unknown index", "win", U, LUIDP, 0, 999, NULL,
	 "8.8.8.8", FAIL(ERROR_FILE_NOT_FOUND)},
	{"0.0.0.0 on a pinned interface: that one's default", "win", U, NOLUID,
	 0, 3, NULL, "0.0.0.0", 0, DEF_WLAN},
	{"0.0.0.0 from a local source: its link's default", "win", U, NOLUID, 0,
	 0, "10.0.0.5", "0.0.0.0", 0, DEF_WLAN},
	{"0.0.0.0 pinned to a link without a default: no route", "win", U,
	 NOLUID, 0, 5, NULL, "0.0.0.0", FAIL(ERROR_NETWORK_UNREACHABLE)},
	{"unknown LUID", "win", U, LUIDP, CT_LUID(ETH, 99), 0, NULL, "8.8.8.8",
	 FAIL(ERROR_NOT_FOUND)},
	{"LUID with the wrong IfType", "win", U, LUIDP, CT_LUID(WIFI, 2), 0, NULL,
	 "8.8.8.8", FAIL(ERROR_NOT_FOUND)},
	{"NULL LUID, unknown index", "win", U, NOLUID, 0, 999, NULL, "8.8.8.8",
	 FAIL(ERROR_FILE_NOT_FOUND)},
	{"unknown index even with a valid source", "win", U, NOLUID, 0, 999,
	 "10.0.0.5", "8.8.8.8", FAIL(ERROR_FILE_NOT_FOUND)},
	{"local source overrides the index", "win", U, NOLUID, 0, 2, "10.0.0.5",
	 "8.8.8.8", 0, DEF_WLAN},
	{"local source overrides the LUID", "win", U, LUIDP, CT_LUID(ETH, 2), 0,
	 "10.0.0.5", "8.8.8.8", 0, DEF_WLAN},
	{"source of the other family is ignored", "win", U, NOLUID, 0, 0,
	 "2001:db8:1::10", "8.8.8.8", 0, DEF_ETH},
	{"source of an unknown family is ignored", "win", U, NOLUID, 0, 0,
	 "af:99", "8.8.8.8", 0, DEF_ETH},
	{"all-zero source is ignored", "win", U, NOLUID, 0, 3, "0.0.0.0",
	 "8.8.8.8", 0, DEF_WLAN},
	{"source that is not local", "win", U, NOLUID, 0, 0, "192.0.2.55",
	 "8.8.8.8", FAIL(ERROR_NOT_FOUND)},
	{"source 127.0.0.1 with a global destination", "win", U, NOLUID, 0, 0,
	 "127.0.0.1", "8.8.8.8", FAIL(ERROR_NETWORK_UNREACHABLE)},
	{"global source with a scope id", "win", U, NOLUID, 0, 0,
	 "2001:db8:1::10%2", "2001:db8:99::5", FAIL(ERROR_INVALID_PARAMETER)},
	{"link-local source picks its link", "win", U, NOLUID, 0, 0, "fe80::20%3",
	 "2001:db8:aa::1", 0,
	 {3, WIFI, "2001:db8:aa::/48", "fe80::2", 4, NETMGMT, 0}, "fe80::20%3"},
	{"source port is not copied", "win", U, NOLUID, 0, 0, "10.0.0.5#1234",
	 "8.8.8.8", 0, DEF_WLAN},
	{"loopback destination on a non-loopback index", "win", U, NOLUID, 0, 2,
	 NULL, "127.0.0.1", FAIL(ERROR_INVALID_PARAMETER)},
	{"::1 on a non-loopback LUID", "win", U, LUIDP, CT_LUID(ETH, 2), 0, NULL,
	 "::1", FAIL(ERROR_INVALID_PARAMETER)},
	{"global destination on the loopback interface", "win", U, NOLUID, 0, 1,
	 NULL, "8.8.8.8", FAIL(ERROR_NETWORK_UNREACHABLE)},
	{"destination of family AF_UNSPEC", "win", U, NOLUID, 0, 0, NULL, "af:0",
	 FAIL(ERROR_INVALID_PARAMETER)},
	{"destination of an unknown family", "win", U, NOLUID, 0, 0, NULL,
	 "af:99", FAIL(ERROR_INVALID_PARAMETER)},
	/* ---- user mode: Linux policy */
	{"linux: unreachable route", "linux", U, NOLUID, 0, 0, NULL, "10.66.0.1",
	 FAIL(ERROR_NETWORK_UNREACHABLE)},
	{"linux: prohibit route", "linux", U, NOLUID, 0, 0, NULL, "10.67.0.1",
	 FAIL(ERROR_NETWORK_UNREACHABLE)},
	{"linux: blackhole route", "linux", U, NOLUID, 0, 0, NULL, "10.68.0.1",
	 FAIL(ERROR_NETWORK_UNREACHABLE)},
	{"linux: dhcp default keeps its priority as metric", "linux", U, NOLUID,
	 0, 0, NULL, "8.8.8.8", 0,
	 {2, ETH, "0.0.0.0/0", "192.168.1.1", 100, DHCP, 0}, "192.168.1.10"},
	{"linux: multipath reports its first next hop", "linux", U, NOLUID, 0, 0,
	 NULL, "10.9.1.1", 0,
	 {2, ETH, "10.9.0.0/16", "192.168.1.1", 20, NETMGMT, 0}, "192.168.1.10"},
	{"linux: 0.0.0.0 is the default route, not local", "linux", U, NOLUID,
	 0, 0, NULL, "0.0.0.0", 0,
	 {2, ETH, "0.0.0.0/0", "192.168.1.1", 100, DHCP, 0}, "192.168.1.10"},
	{"linux: unknown protocol is Other", "linux", U, NOLUID, 0, 0, NULL,
	 "10.71.1.1", 0, {3, ETH, "10.71.0.0/16", "10.1.0.1", 5, POTHER, 0},
	 "10.1.0.2"},
	{"linux: kernel route is Local/WellKnown", "linux", U, NOLUID, 0, 0, NULL,
	 "10.1.0.7", 0, {3, ETH, "10.1.0.0/24", "", 0, LOCAL, 0}, "10.1.0.2"},
	{"linux: a table without a rule is not consulted", "linux", U, NOLUID, 0,
	 0, NULL, "10.70.0.1", 0,
	 {2, ETH, "0.0.0.0/0", "192.168.1.1", 100, DHCP, 0}, "192.168.1.10"},
	{"no IPv6 stack: no route", "nov6", U, NOLUID, 0, 0, NULL, "2001:db8::1",
	 FAIL(ERROR_NETWORK_UNREACHABLE)},
	/* ---- kernel mode */
	{"kernel: both interface arguments unspecified", "win", K, NOLUID, 0, 0,
	 NULL, "8.8.8.8", FAIL(STATUS_INVALID_PARAMETER)},
	{"kernel: LUID value 0 and index 0", "win", K, LUIDP, 0, 0, NULL,
	 "8.8.8.8", FAIL(STATUS_INVALID_PARAMETER)},
	{"kernel: destination of family AF_UNSPEC", "win", K, NOLUID, 0, 2, NULL,
	 "af:0", FAIL(STATUS_INVALID_PARAMETER)},
	{"kernel: destination of an unknown family", "win", K, NOLUID, 0, 2, NULL,
	 "af:99", FAIL(STATUS_INVALID_PARAMETER)},
	{"kernel: unknown LUID", "win", K, LUIDP, CT_LUID(ETH, 99), 2, NULL,
	 "8.8.8.8", FAIL(STATUS_NOT_FOUND)},
	{"kernel: unknown index", "win", K, NOLUID, 0, 999, NULL, "8.8.8.8",
	 FAIL(STATUS_NOT_FOUND)},
	{"kernel: by index", "win", K, NOLUID, 0, 2, NULL, "8.8.8.8", 0, DEF_ETH},
	{"kernel: by LUID", "win", K, LUIDP, CT_LUID(WIFI, 3), 0, NULL, "8.8.8.8",
	 0, DEF_WLAN},
	{"kernel: LUID first, then index", "win", K, LUIDP, CT_LUID(WIFI, 3), 2,
	 NULL, "8.8.8.8", 0, DEF_WLAN},
	{"kernel: LUID value 0 falls back to the index", "win", K, LUIDP, 0, 3,
	 NULL, "8.8.8.8", 0, DEF_WLAN},
	{"kernel: large ifindex by LUID", "win", K, LUIDP,
	 CT_LUID(OTHER, 0xffffff), 0, NULL, "10.77.0.9", 0,
	 {16777300, OTHER, "10.77.0.0/24", "", 256, LOCAL, 0}, "10.77.0.1"},
	{"kernel: no IPv6 stack", "nov6", K, NOLUID, 0, 2, NULL, "2001:db8::1",
	 FAIL(STATUS_NOT_SUPPORTED)},
	{"kernel: IPv4 works without IPv6", "nov6", K, NOLUID, 0, 2, NULL,
	 "8.8.8.8", 0, {2, ETH, "0.0.0.0/0", "192.168.1.1", 0, NETMGMT, 0},
	 "192.168.1.10"},
	{"kernel: no route", "win", K, NOLUID, 0, 1, NULL, "8.8.8.8",
	 FAIL(STATUS_NETWORK_UNREACHABLE)},
	{"kernel: linux, no IPv6 route on the interface", "linux", K, NOLUID, 0,
	 2, NULL, "2001:db9::1", FAIL(STATUS_NETWORK_UNREACHABLE)},
	/* Linux sends a packet bound to a device on-link when its lookup
	 * fails (IPv4): the kernel's answer, so ours. */
	{"kernel: linux, IPv4 with an interface is on-link", "linux", K, NOLUID,
	 0, 2, NULL, "10.66.0.1", 0, {2, ETH, "10.66.0.1/32", "", 0, LOCAL, 0},
	 "192.168.1.10"},
	{"kernel: ::1 on loopback", "win", K, NOLUID, 0, 1, NULL, "::1", 0,
	 {1, LOOP, "::1/128", "", 256, LOCAL, 1}, "::1"},
	{"kernel: source that is not local", "win", K, NOLUID, 0, 2,
	 "192.0.2.55", "8.8.8.8", FAIL(STATUS_NOT_FOUND)},
	{"kernel: scope id on a global destination", "win", K, NOLUID, 0, 2, NULL,
	 "2001:db8:99::5%2", FAIL(STATUS_INVALID_PARAMETER)},
};

static void run_case(const struct br2 *c)
{
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET best, src, dst = ct_sa(c->dst), want;
	NET_LUID luid;
	long rc;

	ct_use(c->table);
	luid.Value = c->luid;
	if (c->src)
		src = ct_sa(c->src);
	memset(&row, 0xaa, sizeof(row));
	memset(&best, 0xaa, sizeof(best));
	if (c->form == U)
		rc = (long)GetBestRoute2(c->luid_kind ? &luid : NULL, c->index,
					 c->src ? &src : NULL, &dst, 0, &row, &best);
	else
		rc = (long)brt_kernel_GetBestRoute2(c->luid_kind ? &luid : NULL,
						    c->index, c->src ? &src : NULL,
						    &dst, 0, &row, &best);
	if (rc != c->rc)
		fail_msg("%s: returned %ld (0x%lx), expected %ld (0x%lx)", c->name,
			 rc, (unsigned long)rc, c->rc, (unsigned long)c->rc);
	if (c->rc) {
		if (!ct_all_zero(&row, sizeof(row)) || !ct_all_zero(&best, sizeof(best)))
			fail_msg("%s: outputs not zeroed", c->name);
		return;
	}
	ct_check_row(&row, &c->row);
	want = ct_sa(c->best);
	if (memcmp(&best, &want, sizeof(want))) {
		char got[64] = "";

		inet_ntop(best.si_family, best.si_family == AF_INET
			  ? (void *)&best.Ipv4.sin_addr : (void *)&best.Ipv6.sin6_addr,
			  got, sizeof(got));
		fail_msg("%s: best source %s (scope %u), expected %s", c->name, got,
			 best.si_family == AF_INET6 ? best.Ipv6.sin6_scope_id : 0,
			 c->best);
	}
}

static void all_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		print_message("case: %s\n", cases[i].name);
		run_case(&cases[i]);
	}
	assert_true(sizeof(cases) / sizeof(cases[0]) >= 40);
}

/* NULL destination, route or source output: 87 / INVALID_PARAMETER, and
 * whichever output was given is zeroed. */
static void null_arguments(void **state)
{
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET best, dst = ct_sa("8.8.8.8");

	(void)state;
	ct_use("win");
	memset(&row, 0xaa, sizeof(row));
	memset(&best, 0xaa, sizeof(best));
	assert_int_equal(GetBestRoute2(NULL, 0, NULL, NULL, 0, &row, &best),
			 ERROR_INVALID_PARAMETER);
	assert_true(ct_all_zero(&row, sizeof(row)));
	assert_true(ct_all_zero(&best, sizeof(best)));
	memset(&best, 0xaa, sizeof(best));
	assert_int_equal(GetBestRoute2(NULL, 0, NULL, &dst, 0, NULL, &best),
			 ERROR_INVALID_PARAMETER);
	assert_true(ct_all_zero(&best, sizeof(best)));
	memset(&row, 0xaa, sizeof(row));
	assert_int_equal(GetBestRoute2(NULL, 0, NULL, &dst, 0, &row, NULL),
			 ERROR_INVALID_PARAMETER);
	assert_true(ct_all_zero(&row, sizeof(row)));
	assert_int_equal(brt_kernel_GetBestRoute2(NULL, 2, NULL, NULL, 0, &row,
						  &best),
			 STATUS_INVALID_PARAMETER);
	assert_int_equal(brt_kernel_GetBestRoute2(NULL, 2, NULL, &dst, 0, NULL,
						  &best),
			 STATUS_INVALID_PARAMETER);
	assert_int_equal(brt_kernel_GetBestRoute2(NULL, 2, NULL, &dst, 0, &row,
						  NULL),
			 STATUS_INVALID_PARAMETER);
}

/* A table that cannot be loaded: 1003 / STATUS_UNSUCCESSFUL, never the
 * live host in its place. */
static void table_that_fails_to_load(void **state)
{
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET best, dst = ct_sa("8.8.8.8");

	(void)state;
	assert_int_not_equal(brt_compat_use_table("/nonexistent/compat.table"), 0);
	assert_int_equal(GetBestRoute2(NULL, 0, NULL, &dst, 0, &row, &best),
			 ERROR_CAN_NOT_COMPLETE);
	assert_true(ct_all_zero(&row, sizeof(row)));
	assert_int_equal(brt_kernel_GetBestRoute2(NULL, 2, NULL, &dst, 0, &row,
						  &best),
			 STATUS_UNSUCCESSFUL);
}

/* The environment variable, read at the first call after a reset. */
static void environment_variable(void **state)
{
	char list[1100];
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET best, dst = ct_sa("10.1.0.7");

	(void)state;
	/* Two files make one table: links in one, addresses in the other. */
	snprintf(list, sizeof(list), "%s/tests/data/compat/split-links.table:"
		 "%s/tests/data/compat/split-addrs.table", BRT_SOURCE_DIR,
		 BRT_SOURCE_DIR);
	setenv("BESTROUTE_TABLE", list, 1);
	brt_compat_use_table(NULL);
	assert_int_equal(GetBestRoute2(NULL, 0, NULL, &dst, 0, &row, &best), 0);
	assert_int_equal(row.InterfaceIndex, 7);
	setenv("BESTROUTE_TABLE", "/nonexistent/a.table", 1);
	brt_compat_use_table(NULL);
	assert_int_equal(GetBestRoute2(NULL, 0, NULL, &dst, 0, &row, &best),
			 ERROR_CAN_NOT_COMPLETE);
	unsetenv("BESTROUTE_TABLE");
	brt_compat_use_table(NULL);
}

/* "inet:" prefixes join the file after them in BESTROUTE_TABLE. */
static void environment_with_ip_dumps(void **state)
{
	char list[2048], name[16];
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET best, dst = ct_sa("8.8.8.8"), hop = ct_sa("192.0.2.1");
	const char *d = BRT_SOURCE_DIR "/tests/data/ipj";

	(void)state;
	snprintf(list, sizeof(list), "%s/host-link.json:%s/host-addr.json:"
		 "inet:%s/host-route4.json:inet6:%s/host-route6.json", d, d, d, d);
	assert_int_equal(brt_compat_use_table(list), 0);
	assert_int_equal(GetBestRoute2(NULL, 0, NULL, &dst, 0, &row, &best), 0);
	assert_memory_equal(&row.NextHop, &hop, sizeof(hop));
	assert_int_equal(ConvertInterfaceLuidToNameA(&row.InterfaceLuid, name,
						     sizeof(name)), 0);
	assert_string_equal(name, "eth0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(all_cases),
		cmocka_unit_test(null_arguments),
		cmocka_unit_test(table_that_fails_to_load),
		cmocka_unit_test(environment_variable),
		cmocka_unit_test(environment_with_ip_dumps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
