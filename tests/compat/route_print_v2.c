/*
 * route_print_v2.c - a route-table dump through the second-generation
 * API, as VPN route managers log the table: GetIpForwardTable2 for both
 * families, each row with its interface name (ConvertInterfaceLuidToNameA)
 * and addresses as text. Checks: IPv4 rows first; every row's LUID names
 * its InterfaceIndex; the families are right.
 * Keys: route (a row PREFIX/LEN,GW,NAME that must be listed).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>

#include "expect.h"

static void addr_text(const SOCKADDR_INET *a, char *buf, size_t len)
{
	if (a->si_family == AF_INET)
		inet_ntop(AF_INET, &a->Ipv4.sin_addr, buf, len);
	else
		inet_ntop(AF_INET6, &a->Ipv6.sin6_addr, buf, len);
}

int main(int argc, char **argv)
{
	PMIB_IPFORWARD_TABLE2 table = NULL;
	const char *want = NULL;
	char prefix[64], hop[64], name[256], line[512];
	ULONG i;
	int seen_v6 = 0, order_ok = 1, luids_ok = 1, found = 0;
	DWORD rc;

	expect_init(argc, argv);
	want = expect_value("route");
	rc = GetIpForwardTable2(AF_UNSPEC, &table);
	expect_true("GetIpForwardTable2 answered", rc == NO_ERROR);
	if (rc != NO_ERROR)
		return expect_done();
	for (i = 0; i < table->NumEntries; i++) {
		MIB_IPFORWARD_ROW2 *r = &table->Table[i];
		NET_IFINDEX index = 0;

		addr_text(&r->DestinationPrefix.Prefix, prefix, sizeof(prefix));
		addr_text(&r->NextHop, hop, sizeof(hop));
		if (ConvertInterfaceLuidToNameA(&r->InterfaceLuid, name,
						sizeof(name)) != NO_ERROR)
			strcpy(name, "?");
		if (ConvertInterfaceLuidToIndex(&r->InterfaceLuid, &index) !=
			    NO_ERROR ||
		    index != r->InterfaceIndex)
			luids_ok = 0;
		snprintf(line, sizeof(line), "%s/%u,%s,%s", prefix,
			 (unsigned)r->DestinationPrefix.PrefixLength, hop, name);
		printf("%s metric %lu\n", line, (unsigned long)r->Metric);
		if (r->DestinationPrefix.Prefix.si_family == AF_INET6)
			seen_v6 = 1;
		else if (seen_v6)
			order_ok = 0;
		if (r->NextHop.si_family != r->DestinationPrefix.Prefix.si_family)
			order_ok = 0;
		if (want && !strcmp(line, want))
			found = 1;
	}
	expect_true("IPv4 rows first, next hops of the row's family", order_ok);
	expect_true("every LUID names the row's interface index", luids_ok);
	if (want && !found)
		expect_fail("route", "missing", want);
	FreeMibTable(table);
	return expect_done();
}
