/*
 * cares_metric.c - a DNS resolver library ranks its name servers by the
 * metric of the route to each, per adapter: GetBestRoute2 restricted to
 * the adapter's LUID, plus the adapter's interface metric from
 * GetIpInterfaceEntry (that sum is what Windows compares). Here every
 * connected IPv4 interface is asked for the route to one server address.
 * Keys: server (the address, required), best (interface of the lowest
 * metric), metric (that metric), order (indexes, best first, of the
 * interfaces with a route), none (an interface that must have no route).
 */
#include <winsock2.h>
#include <Ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>

#include "expect.h"

static BOOL get_best_route_metric(IF_LUID *luid, const SOCKADDR_INET *dest,
				  ULONG *metric)
{
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET ignored;
	MIB_IPINTERFACE_ROW ipif;

	if (GetBestRoute2(luid, 0, NULL, dest, 0, &row, &ignored) != NO_ERROR)
		return FALSE;
	InitializeIpInterfaceEntry(&ipif);
	ipif.InterfaceLuid = row.InterfaceLuid;
	ipif.Family = dest->si_family;
	if (GetIpInterfaceEntry(&ipif) != NO_ERROR)
		return FALSE;
	*metric = row.Metric + ipif.Metric;
	return TRUE;
}

int main(int argc, char **argv)
{
	PMIB_IPINTERFACE_TABLE ifs;
	SOCKADDR_INET dest;
	const char *server, *none;
	NET_IFINDEX idx[64];
	ULONG met[64], i, j, n = 0;
	char order[512] = "";

	expect_init(argc, argv);
	server = expect_value("server");
	none = expect_value("none");
	memset(&dest, 0, sizeof(dest));
	dest.si_family = AF_INET;
	if (!server || inet_pton(AF_INET, server, &dest.Ipv4.sin_addr) != 1) {
		expect_true("a server address given", 0);
		return expect_done();
	}
	if (GetIpInterfaceTable(AF_INET, &ifs) != NO_ERROR) {
		expect_true("GetIpInterfaceTable answered", 0);
		return expect_done();
	}
	for (i = 0; i < ifs->NumEntries && n < 64; i++) {
		ULONG m;

		if (!ifs->Table[i].Connected)
			continue;
		if (!get_best_route_metric(&ifs->Table[i].InterfaceLuid, &dest,
					   &m)) {
			if (none && (ULONG)atoi(none) == ifs->Table[i].InterfaceIndex)
				none = NULL;
			continue;
		}
		/* insertion by metric, ties in table order */
		for (j = n; j > 0 && met[j - 1] > m; j--) {
			met[j] = met[j - 1];
			idx[j] = idx[j - 1];
		}
		met[j] = m;
		idx[j] = ifs->Table[i].InterfaceIndex;
		n++;
	}
	FreeMibTable(ifs);
	for (i = 0; i < n; i++) {
		size_t len = strlen(order);

		snprintf(order + len, sizeof(order) - len, "%s%lu", i ? "," : "",
			 (unsigned long)idx[i]);
		printf("interface %lu metric %lu\n", (unsigned long)idx[i],
		       (unsigned long)met[i]);
	}
	expect_true("some interface has a route", n > 0);
	if (n) {
		expect_num("best", idx[0]);
		expect_num("metric", met[0]);
	}
	expect_str("order", order);
	expect_true("the interface said to have no route has none", !none);
	return expect_done();
}
