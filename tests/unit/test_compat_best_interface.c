/*
 * test_compat_best_interface.c - GetBestInterfaceEx, GetBestInterface and
 * GetBestRoute: argument checks, families, scope ids, no stack, no route,
 * a table that cannot be read, the 16-byte sockaddr_in bound and every
 * field of the MIB_IPFORWARDROW answer.
 */
#include <sys/mman.h>
#include <unistd.h>

#include "compat_testutil.h"

static DWORD best_if(const char *text)
{
	SOCKADDR_INET s = ct_sa(text);
	DWORD idx = 0xdead;
	DWORD rc = GetBestInterfaceEx((struct sockaddr *)&s, &idx);

	return rc ? rc + 0x100000 : idx;	/* codes and indexes apart */
}
#define CODE(c) ((DWORD)(c) + 0x100000)

static void ex_answers_and_codes(void **state)
{
	SOCKADDR_INET s = ct_sa("8.8.8.8");
	DWORD idx;

	(void)state;
	ct_use("win");
	assert_int_equal(GetBestInterfaceEx(NULL, &idx), ERROR_INVALID_PARAMETER);
	assert_int_equal(GetBestInterfaceEx((struct sockaddr *)&s, NULL),
			 ERROR_INVALID_PARAMETER);
	assert_int_equal(best_if("8.8.8.8"), 2);
	assert_int_equal(best_if("10.0.3.4"), 3);
	assert_int_equal(best_if("2001:db8:99::5"), 2);
	assert_int_equal(best_if("fe80::1%3"), 3);
	assert_int_equal(best_if("::1"), 1);
	assert_int_equal(best_if("af:0"), CODE(ERROR_INVALID_PARAMETER));
	assert_int_equal(best_if("af:99"), CODE(ERROR_INVALID_PARAMETER));
	assert_int_equal(best_if("2001:db8:99::5%2"), CODE(ERROR_INVALID_PARAMETER));
	assert_int_equal(best_if("198.18.0.1"), CODE(ERROR_NETWORK_UNREACHABLE));
	ct_use("nov6");
	assert_int_equal(best_if("2001:db8::1"), CODE(ERROR_NOT_SUPPORTED));
	assert_int_equal(best_if("8.8.8.8"), 2);
	assert_int_not_equal(brt_compat_use_table("/nonexistent/x.table"), 0);
	assert_int_equal(best_if("8.8.8.8"), CODE(ERROR_CAN_NOT_COMPLETE));
}

/* A sockaddr_in at the very end of a readable page: reading byte 16
 * would fault. Junk in the port and sin_zero does not matter. */
static void ex_reads_16_bytes_of_ipv4(void **state)
{
	long page = sysconf(_SC_PAGESIZE);
	unsigned char *map = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct sockaddr_in *in;
	DWORD idx = 0;

	(void)state;
	ct_use("win");
	assert_true(map != MAP_FAILED);
	assert_int_equal(mprotect(map + page, (size_t)page, PROT_NONE), 0);
	in = (struct sockaddr_in *)(map + page - sizeof(*in));
	memset(in, 0xee, sizeof(*in));
	in->sin_family = AF_INET;
	inet_pton(AF_INET, "10.0.3.4", &in->sin_addr);
	assert_int_equal(GetBestInterfaceEx((struct sockaddr *)in, &idx), 0);
	assert_int_equal(idx, 3);
	munmap(map, (size_t)page * 2);
}

static void get_best_interface(void **state)
{
	DWORD idx = 0;
	struct in_addr a;

	(void)state;
	ct_use("win");
	inet_pton(AF_INET, "203.0.113.9", &a);
	assert_int_equal(GetBestInterface(a.s_addr, &idx), 0);
	assert_int_equal(idx, 3);
	assert_int_equal(GetBestInterface(a.s_addr, NULL), ERROR_INVALID_PARAMETER);
	inet_pton(AF_INET, "198.18.0.1", &a);
	assert_int_equal(GetBestInterface(a.s_addr, &idx),
			 ERROR_NETWORK_UNREACHABLE);
}

struct v1 {
	const char *dst, *src;
	DWORD rc;
	const char *fdst, *mask, *hop;
	DWORD ifindex, type, proto, metric1;
};

static DWORD ip(const char *text)
{
	struct in_addr a = {0};

	if (*text)
		assert_int_equal(inet_pton(AF_INET, text, &a), 1);
	return a.s_addr;
}

static void check_v1(const struct v1 *c)
{
	MIB_IPFORWARDROW r;

	memset(&r, 0xaa, sizeof(r));
	assert_int_equal(GetBestRoute(ip(c->dst), ip(c->src), &r), c->rc);
	if (c->rc) {
		assert_true(ct_all_zero(&r, sizeof(r)));
		return;
	}
	assert_int_equal(r.dwForwardDest, ip(c->fdst));
	assert_int_equal(r.dwForwardMask, ip(c->mask));
	assert_int_equal(r.dwForwardPolicy, 0);
	assert_int_equal(r.dwForwardNextHop, ip(c->hop));
	assert_int_equal(r.dwForwardIfIndex, c->ifindex);
	assert_int_equal(r.dwForwardType, c->type);
	assert_int_equal(r.ForwardType, c->type);
	assert_int_equal(r.dwForwardProto, c->proto);
	assert_int_equal(r.dwForwardAge, 0);
	assert_int_equal(r.dwForwardNextHopAS, 0);
	assert_int_equal(r.dwForwardMetric1, c->metric1);
	assert_int_equal(r.dwForwardMetric2, 0xffffffffu);
	assert_int_equal(r.dwForwardMetric3, 0xffffffffu);
	assert_int_equal(r.dwForwardMetric4, 0xffffffffu);
	assert_int_equal(r.dwForwardMetric5, 0xffffffffu);
}

static void get_best_route(void **state)
{
	static const struct v1 cases[] = {
		/* indirect: route metric 0 + eth0's interface metric 25 */
		{"8.8.8.8", "", 0, "0.0.0.0", "0.0.0.0", "192.168.1.1", 2,
		 MIB_IPROUTE_TYPE_INDIRECT, MIB_IPPROTO_DHCP, 25},
		/* direct: next hop is the interface's own address */
		{"10.0.3.4", "", 0, "10.0.0.0", "255.255.0.0", "10.0.0.5", 3,
		 MIB_IPROUTE_TYPE_DIRECT, MIB_IPPROTO_LOCAL, 306},
		/* host route: mask all ones */
		{"192.168.1.10", "", 0, "192.168.1.10", "255.255.255.255",
		 "192.168.1.10", 2, MIB_IPROUTE_TYPE_DIRECT, MIB_IPPROTO_LOCAL, 281},
		/* a source pins its interface */
		{"8.8.8.8", "10.0.0.5", 0, "0.0.0.0", "0.0.0.0", "10.0.0.1", 3,
		 MIB_IPROUTE_TYPE_INDIRECT, MIB_IPPROTO_DHCP, 50},
		{"198.51.100.1", "", 0, "198.51.100.0", "255.255.255.0",
		 "172.16.0.1", 5, MIB_IPROUTE_TYPE_INDIRECT, MIB_IPPROTO_BGP, 15},
		{"198.18.0.1", "", ERROR_NETWORK_UNREACHABLE, "", "", "", 0, 0, 0, 0},
		{"8.8.8.8", "192.0.2.99", ERROR_NOT_FOUND, "", "", "", 0, 0, 0, 0},
	};
	size_t i;

	(void)state;
	ct_use("win");
	assert_int_equal(GetBestRoute(ip("8.8.8.8"), 0, NULL),
			 ERROR_INVALID_PARAMETER);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		print_message("case %s from '%s'\n", cases[i].dst, cases[i].src);
		check_v1(&cases[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ex_answers_and_codes),
		cmocka_unit_test(ex_reads_16_bytes_of_ipv4),
		cmocka_unit_test(get_best_interface),
		cmocka_unit_test(get_best_route),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
