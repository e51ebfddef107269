/*
 * notify_route.c - a route manager that watches the table while it
 * edits it, as tunnel clients do: NotifyRouteChange2 with the initial
 * notification, a route added and removed through the second-generation
 * API (InitializeIpForwardEntry, then LUID, prefix, next hop, metric),
 * the callback hearing MibAddInstance and MibDeleteInstance for that very
 * prefix, then CancelMibChangeNotify2. On the live host the kernel's
 * notifications arrive on another thread: the program waits for them.
 * Keys: ifindex, gw, net (an IPv4 /24).
 */
#include <winsock2.h>
#include <windows.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>

#include "expect.h"

struct watch {
	IN_ADDR net;
	volatile LONG initial, added, deleted;
};

static VOID WINAPI on_route_change(PVOID context, PMIB_IPFORWARD_ROW2 row,
				   MIB_NOTIFICATION_TYPE type)
{
	struct watch *w = (struct watch *)context;

	if (type == MibInitialNotification) {
		InterlockedIncrement(&w->initial);
		return;
	}
	if (!row || row->DestinationPrefix.PrefixLength != 24 ||
	    row->DestinationPrefix.Prefix.Ipv4.sin_addr.s_addr != w->net.s_addr)
		return;
	if (type == MibAddInstance)
		InterlockedIncrement(&w->added);
	else if (type == MibDeleteInstance)
		InterlockedIncrement(&w->deleted);
}

static void wait_for(volatile LONG *count)
{
	int i;

	for (i = 0; i < 200 && !InterlockedCompareExchange(count, 0, 0); i++)
		Sleep(10);
}

int main(int argc, char **argv)
{
	struct watch w;
	MIB_IPFORWARD_ROW2 row;
	HANDLE handle = NULL;
	const char *ifs, *gw, *net;
	DWORD err;

	expect_init(argc, argv);
	ifs = expect_value("ifindex");
	gw = expect_value("gw");
	net = expect_value("net");
	if (!ifs || !gw || !net) {
		expect_true("ifindex, gw and net given", 0);
		return expect_done();
	}
	memset(&w, 0, sizeof(w));
	InetPtonA(AF_INET, net, &w.net);
	err = NotifyRouteChange2(AF_INET, on_route_change, &w, TRUE, &handle);
	expect_true("NotifyRouteChange2", err == NO_ERROR && handle != NULL);
	expect_true("the initial notification came before it returned",
		    InterlockedCompareExchange(&w.initial, 0, 0) == 1);

	InitializeIpForwardEntry(&row);
	expect_true("ConvertInterfaceIndexToLuid",
		    ConvertInterfaceIndexToLuid((NET_IFINDEX)atoi(ifs),
						&row.InterfaceLuid) == NO_ERROR);
	row.DestinationPrefix.Prefix.si_family = AF_INET;
	row.DestinationPrefix.Prefix.Ipv4.sin_addr = w.net;
	row.DestinationPrefix.PrefixLength = 24;
	row.NextHop.si_family = AF_INET;
	InetPtonA(AF_INET, gw, &row.NextHop.Ipv4.sin_addr);
	row.SitePrefixLength = 0;
	row.Metric = 5;
	row.Protocol = MIB_IPPROTO_NETMGMT;
	row.Origin = NlroManual;
	err = CreateIpForwardEntry2(&row);
	expect_true("CreateIpForwardEntry2", err == NO_ERROR);
	wait_for(&w.added);
	expect_true("MibAddInstance for the route",
		    InterlockedCompareExchange(&w.added, 0, 0) == 1);
	err = DeleteIpForwardEntry2(&row);
	expect_true("DeleteIpForwardEntry2", err == NO_ERROR);
	wait_for(&w.deleted);
	expect_true("MibDeleteInstance for the route",
		    InterlockedCompareExchange(&w.deleted, 0, 0) == 1);
	expect_true("CancelMibChangeNotify2",
		    CancelMibChangeNotify2(handle) == NO_ERROR);
	expect_true("a bad family is ERROR_INVALID_PARAMETER, no handle",
		    NotifyRouteChange2(99, on_route_change, &w, FALSE, &handle) ==
				    ERROR_INVALID_PARAMETER &&
			    handle == NULL);
	return expect_done();
}
