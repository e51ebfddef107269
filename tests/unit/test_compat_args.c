/*
 * test_compat_args.c - every function added around GetBestRoute2 (the
 * first-generation route table, interfaces, adapters and addresses,
 * names, Winsock, the Win32 basics) against its argument errors: NULL
 * pointers, short buffers, unknown interfaces, wrong families. One table
 * row per case: the call, the code Windows returns, and (where the
 * function reports through it) the thread's last error afterwards.
 * Answered for tests/data/compat/win.table.
 */
#include "compat_testutil.h"
#include "bestroute/compat/windows.h"
#include "bestroute/compat/ws2tcpip.h"

#define NOLAST 0xdeadbeefu	/* the case does not look at the last error */

static MIB_IPFORWARD_ROW2 row2;
static MIB_IPFORWARDROW row1;
static MIB_IPINTERFACE_ROW ifrow;
static MIB_UNICASTIPADDRESS_ROW uni;
static MIB_IF_ROW2 ifrow2;
static SOCKADDR_INET sa, best;
static SOCKADDR plain;
static PMIB_IPFORWARD_TABLE2 tab2;
static PMIB_IPINTERFACE_TABLE iftab;
static PMIB_UNICASTIPADDRESS_TABLE unitab;
static NET_LUID luid, bad_luid;
static GUID guid;
static ULONG size;
static DWORD dw;
static WCHAR wbuf[64], wshort[2];
static char buf[64];
static HANDLE handle;
static WSADATA wsa;
static const WCHAR w_nosuch[] = {'n', 'o', 'p', 'e', 0};
static const WCHAR w_eth0[] = {'e', 't', 'h', '0', 0};

/* A v1 row for 192.0.2.0/24 via 192.168.1.1 on eth0 (metric 1 + 25). */
static PMIB_IPFORWARDROW v1(int mask_ok, DWORD ifindex, DWORD proto,
			    DWORD metric1)
{
	memset(&row1, 0, sizeof(row1));
	inet_pton(AF_INET, "192.0.77.0", &row1.dwForwardDest);
	inet_pton(AF_INET, mask_ok ? "255.255.255.0" : "255.0.255.0",
		  &row1.dwForwardMask);
	inet_pton(AF_INET, "192.168.1.1", &row1.dwForwardNextHop);
	row1.dwForwardIfIndex = ifindex;
	row1.dwForwardType = MIB_IPROUTE_TYPE_INDIRECT;
	row1.dwForwardProto = proto;
	row1.dwForwardMetric1 = metric1;
	return &row1;
}

static PMIB_IPINTERFACE_ROW ifr(ADDRESS_FAMILY f, NET_IFINDEX i, ULONG site)
{
	InitializeIpInterfaceEntry(&ifrow);
	ifrow.Family = f;
	ifrow.InterfaceIndex = i;
	ifrow.SitePrefixLength = site;
	return &ifrow;
}

static PMIB_UNICASTIPADDRESS_ROW un(const char *addr, NET_IFINDEX i)
{
	memset(&uni, 0, sizeof(uni));
	if (*addr)
		uni.Address = ct_sa(addr);
	uni.InterfaceIndex = i;
	return &uni;
}

static SOCKADDR_INET *dst(const char *text)
{
	sa = ct_sa(text);
	return &sa;
}

#define C(fn, what, expr, want, last)                                  \
	static long fn(void) { return (long)(expr); }
#include "test_compat_args.def"
#undef C

struct arg_case {
	const char *what;
	long (*call)(void);
	long want;
	DWORD last;
};

static const struct arg_case cases[] = {
#define C(fn, what, expr, want, last) {what, fn, (long)(want), last},
#include "test_compat_args.def"
#undef C
};

static void all_cases(void **state)
{
	size_t i;
	int bad = 0;

	(void)state;
	ct_use("win");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		long got;

		SetLastError(NOLAST);
		got = cases[i].call();
		if (got != cases[i].want) {
			print_error("%s: returned %ld, expected %ld\n",
				    cases[i].what, got, cases[i].want);
			bad++;
		} else if (cases[i].last != NOLAST &&
			   GetLastError() != cases[i].last) {
			print_error("%s: last error %lu, expected %lu\n",
				    cases[i].what, (unsigned long)GetLastError(),
				    (unsigned long)cases[i].last);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
	brt_compat_use_table(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(all_cases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
