/*
 * wireguard_default_route.c - the default-route watcher of a tunnel
 * client: among the 0/0 routes of GetIpForwardTable2 (skipping the
 * tunnel's own interface), the lowest route metric + interface metric
 * (GetIpInterfaceEntry) names the interface to bind the tunnel's socket
 * to; GetBestRoute2 to 0.0.0.0 / :: must name the same one.
 * Keys: v4if, v4metric, v6if, v6metric, skip (an interface index the
 * client owns and ignores).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <Iphlpapi.h>
#include <NetIOApi.h>

#include "expect.h"

static DWORD find_default(ADDRESS_FAMILY family, NET_IFINDEX skip,
			  NET_IFINDEX *index, ULONG *metric)
{
	PMIB_IPFORWARD_TABLE2 table;
	ULONG i, lowest = MAXULONG;
	DWORD err = GetIpForwardTable2(family, &table);

	if (err != NO_ERROR)
		return err;
	*index = 0;
	for (i = 0; i < table->NumEntries; i++) {
		MIB_IPFORWARD_ROW2 *row = &table->Table[i];
		MIB_IPINTERFACE_ROW iface;

		if (row->DestinationPrefix.PrefixLength != 0 ||
		    row->InterfaceIndex == skip)
			continue;
		InitializeIpInterfaceEntry(&iface);
		iface.Family = family;
		iface.InterfaceLuid = row->InterfaceLuid;
		if (GetIpInterfaceEntry(&iface) != NO_ERROR ||
		    !iface.Connected)
			continue;
		if (row->Metric + iface.Metric < lowest) {
			lowest = row->Metric + iface.Metric;
			*index = row->InterfaceIndex;
		}
	}
	FreeMibTable(table);
	*metric = lowest;
	return *index ? NO_ERROR : ERROR_NOT_FOUND;
}

static NET_IFINDEX best_route_index(ADDRESS_FAMILY family)
{
	SOCKADDR_INET dst, src;
	MIB_IPFORWARD_ROW2 row;
	NET_LUID luid;

	memset(&dst, 0, sizeof(dst));
	dst.si_family = family;
	luid.Value = 0;	/* a zero LUID: no interface asked for */
	if (GetBestRoute2(&luid, 0, NULL, &dst, 0, &row, &src) != NO_ERROR)
		return 0;
	return row.InterfaceIndex;
}

int main(int argc, char **argv)
{
	const char *s = (expect_init(argc, argv), expect_value("skip"));
	NET_IFINDEX skip = s ? (NET_IFINDEX)atoi(s) : 0, index;
	ULONG metric;

	if (find_default(AF_INET, skip, &index, &metric) == NO_ERROR) {
		printf("IPv4 default on %lu, metric %lu\n", (unsigned long)index,
		       (unsigned long)metric);
		expect_num("v4if", index);
		expect_num("v4metric", metric);
		expect_true("GetBestRoute2(0.0.0.0) agrees",
			    best_route_index(AF_INET) == index);
	}
	if (find_default(AF_INET6, skip, &index, &metric) == NO_ERROR) {
		printf("IPv6 default on %lu, metric %lu\n", (unsigned long)index,
		       (unsigned long)metric);
		expect_num("v6if", index);
		expect_num("v6metric", metric);
		expect_true("GetBestRoute2(::) agrees",
			    best_route_index(AF_INET6) == index);
	}
	return expect_done();
}
