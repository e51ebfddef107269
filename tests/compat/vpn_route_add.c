/*
 * vpn_route_add.c - route set-up as a VPN client does it through the
 * first-generation API: read the interface metric (GetIpInterfaceEntry),
 * optionally set a metric of its own on the interface (OpenVPN sets the
 * TAP adapter's, with SitePrefixLength 0 for IPv4), then create a route
 * whose dwForwardMetric1 is route metric + interface metric
 * (CreateIpForwardEntry, MIB_IPPROTO_NETMGMT), check that traffic now
 * takes it (GetBestRoute), and delete it again.
 * Keys: ifindex, gw, net (the route's destination, a /24), probe (an
 * address in it), setmetric (a new interface metric), before and after
 * (the interface GetBestRoute names for the probe before the route is
 * added and after it is deleted), metric1 (GetBestRoute's metric while
 * the route is in place).
 */
#include <winsock2.h>
#include <windows.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>

#include "expect.h"

static DWORD interface_metric(NET_IFINDEX index, ULONG *metric)
{
	MIB_IPINTERFACE_ROW ipiface;
	DWORD err;

	InitializeIpInterfaceEntry(&ipiface);
	ipiface.Family = AF_INET;
	ipiface.InterfaceIndex = index;
	err = GetIpInterfaceEntry(&ipiface);
	if (err == NO_ERROR)
		*metric = ipiface.Metric;
	return err;
}

static DWORD set_interface_metric(NET_IFINDEX index, ULONG metric)
{
	MIB_IPINTERFACE_ROW ipiface;
	DWORD err;

	InitializeIpInterfaceEntry(&ipiface);
	ipiface.Family = AF_INET;
	ipiface.InterfaceIndex = index;
	err = GetIpInterfaceEntry(&ipiface);
	if (err != NO_ERROR)
		return err;
	ipiface.Metric = metric;
	ipiface.UseAutomaticMetric = FALSE;
	ipiface.SitePrefixLength = 0;	/* must be 0 for IPv4 */
	return SetIpInterfaceEntry(&ipiface);
}

static DWORD best_interface(const char *probe, MIB_IPFORWARDROW *row)
{
	memset(row, 0, sizeof(*row));
	return GetBestRoute(inet_addr(probe), 0, row);
}

int main(int argc, char **argv)
{
	MIB_IPFORWARDROW fwd, best;
	const char *ifs, *gw, *net, *probe, *setm;
	ULONG ifmetric = 0;
	DWORD status;

	expect_init(argc, argv);
	ifs = expect_value("ifindex");
	gw = expect_value("gw");
	net = expect_value("net");
	probe = expect_value("probe");
	setm = expect_value("setmetric");
	if (!ifs || !gw || !net || !probe) {
		expect_true("ifindex, gw, net and probe given", 0);
		return expect_done();
	}
	if (best_interface(probe, &best) == NO_ERROR)
		expect_num("before", best.dwForwardIfIndex);
	if (setm)
		expect_true("SetIpInterfaceEntry",
			    set_interface_metric((NET_IFINDEX)atoi(ifs),
						 (ULONG)atoi(setm)) == NO_ERROR);
	status = interface_metric((NET_IFINDEX)atoi(ifs), &ifmetric);
	expect_true("GetIpInterfaceEntry", status == NO_ERROR);
	expect_true("the metric set is the metric read",
		    !setm || ifmetric == (ULONG)atoi(setm));

	memset(&fwd, 0, sizeof(fwd));
	fwd.dwForwardDest = inet_addr(net);
	fwd.dwForwardMask = inet_addr("255.255.255.0");
	fwd.dwForwardNextHop = inet_addr(gw);
	fwd.dwForwardIfIndex = (IF_INDEX)atoi(ifs);
	fwd.dwForwardType = MIB_IPROUTE_TYPE_INDIRECT;
	fwd.dwForwardProto = MIB_IPPROTO_NETMGMT;
	fwd.dwForwardMetric1 = 1 + ifmetric;
	fwd.dwForwardMetric2 = fwd.dwForwardMetric3 = MIB_IPROUTE_METRIC_UNUSED;
	fwd.dwForwardMetric4 = fwd.dwForwardMetric5 = MIB_IPROUTE_METRIC_UNUSED;
	status = CreateIpForwardEntry(&fwd);
	expect_true("CreateIpForwardEntry", status == NO_ERROR);
	expect_true("creating it again: ERROR_OBJECT_ALREADY_EXISTS",
		    CreateIpForwardEntry(&fwd) == ERROR_OBJECT_ALREADY_EXISTS);
	if (best_interface(probe, &best) == NO_ERROR) {
		IN_ADDR hop;

		hop.s_addr = best.dwForwardNextHop;
		expect_true("the probe takes the new route",
			    best.dwForwardIfIndex == fwd.dwForwardIfIndex &&
				    best.dwForwardMask == fwd.dwForwardMask &&
				    !strcmp(inet_ntoa(hop), gw));
		expect_num("metric1", best.dwForwardMetric1);
	} else
		expect_true("GetBestRoute with the route in place", 0);
	fwd.ForwardProto = MIB_IPPROTO_OTHER;
	expect_true("Create needs MIB_IPPROTO_NETMGMT",
		    CreateIpForwardEntry(&fwd) == ERROR_INVALID_PARAMETER);
	expect_true("DeleteIpForwardEntry", DeleteIpForwardEntry(&fwd) == NO_ERROR);
	expect_true("deleting it again: ERROR_NOT_FOUND",
		    DeleteIpForwardEntry(&fwd) == ERROR_NOT_FOUND);
	if (best_interface(probe, &best) == NO_ERROR)
		expect_num("after", best.dwForwardIfIndex);
	return expect_done();
}
