/*
 * loopback_answers.c - what the host answers for its own loopback
 * addresses: GetBestRoute(127.0.0.1) is a direct route on the loopback
 * interface with 127.0.0.1 as its next hop (the local address), the
 * interface's type is software loopback, and GetBestRoute2(::1) is sent
 * from ::1. Keys: index (the loopback interface), nexthop, v6index.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>

#include "expect.h"

int main(int argc, char **argv)
{
	MIB_IPFORWARDROW row;
	MIB_IPFORWARD_ROW2 row2;
	SOCKADDR_INET dst, best;
	IN_ADDR hop;
	DWORD rc, index = 0;
	char text[INET6_ADDRSTRLEN];

	expect_init(argc, argv);
	rc = GetBestRoute(inet_addr("127.0.0.1"), 0, &row);
	expect_true("GetBestRoute(127.0.0.1) answered", rc == NO_ERROR);
	if (rc == NO_ERROR) {
		hop.s_addr = row.dwForwardNextHop;
		printf("127.0.0.1: if %lu next hop %s type %lu\n",
		       (unsigned long)row.dwForwardIfIndex, inet_ntoa(hop),
		       (unsigned long)row.dwForwardType);
		expect_num("index", row.dwForwardIfIndex);
		expect_str("nexthop", inet_ntoa(hop));
		expect_true("a direct route",
			    row.ForwardType == MIB_IPROUTE_TYPE_DIRECT);
		expect_true("GetBestInterface agrees",
			    GetBestInterface(inet_addr("127.0.0.1"), &index) ==
					    NO_ERROR &&
				    index == row.dwForwardIfIndex);
	}
	memset(&dst, 0, sizeof(dst));
	dst.si_family = AF_INET6;
	InetPtonA(AF_INET6, "::1", &dst.Ipv6.sin6_addr);
	rc = GetBestRoute2(NULL, 0, NULL, &dst, 0, &row2, &best);
	if (rc == NO_ERROR) {
		InetNtopA(AF_INET6, &best.Ipv6.sin6_addr, text, sizeof(text));
		expect_str("v6source", text);
		expect_num("v6index", row2.InterfaceIndex);
		expect_true("::1 is a loopback route", row2.Loopback);
	} else
		expect_str("v6source", "no route");
	return expect_done();
}
