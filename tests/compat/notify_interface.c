/*
 * notify_interface.c - a VPN client that watches its adapter while it
 * sets the adapter's metric: NotifyIpInterfaceChange and
 * NotifyUnicastIpAddressChange with the initial notification (run before
 * the functions return), SetIpInterfaceEntry, the interface callback
 * hearing MibParameterNotification with the new metric, then
 * CancelMibChangeNotify2 on both handles, after which nothing more comes.
 * Keys: ifindex, setmetric (omit where the host has no interface metric
 * to set: the live host), changes (interface notifications expected).
 */
#include <winsock2.h>
#include <windows.h>
#include <iphlpapi.h>
#include <netioapi.h>

#include "expect.h"

struct seen {
	volatile LONG initial, changes, addr_initial;
	ULONG metric;
	NET_IFINDEX index;
};

static VOID WINAPI on_interface(PVOID ctx, PMIB_IPINTERFACE_ROW row,
				MIB_NOTIFICATION_TYPE type)
{
	struct seen *s = (struct seen *)ctx;

	if (type == MibInitialNotification) {
		s->initial++;
		return;
	}
	if (row && type == MibParameterNotification) {
		s->changes++;
		s->metric = row->Metric;
		s->index = row->InterfaceIndex;
	}
}

static VOID WINAPI on_address(PVOID ctx, PMIB_UNICASTIPADDRESS_ROW row,
			      MIB_NOTIFICATION_TYPE type)
{
	struct seen *s = (struct seen *)ctx;

	(void)row;
	if (type == MibInitialNotification)
		s->addr_initial++;
}

int main(int argc, char **argv)
{
	struct seen s;
	HANDLE ifh = NULL, addrh = NULL;
	MIB_IPINTERFACE_ROW row;
	const char *ifs, *setm;

	expect_init(argc, argv);
	memset(&s, 0, sizeof(s));
	ifs = expect_value("ifindex");
	setm = expect_value("setmetric");
	expect_true("NotifyIpInterfaceChange",
		    NotifyIpInterfaceChange(AF_INET, on_interface, &s, TRUE, &ifh) ==
				    NO_ERROR && ifh);
	expect_true("NotifyUnicastIpAddressChange",
		    NotifyUnicastIpAddressChange(AF_UNSPEC, on_address, &s, TRUE,
						 &addrh) == NO_ERROR && addrh);
	expect_true("both initial notifications came first",
		    s.initial == 1 && s.addr_initial == 1);
	if (ifs && setm) {
		InitializeIpInterfaceEntry(&row);
		row.Family = AF_INET;
		row.InterfaceIndex = (NET_IFINDEX)atoi(ifs);
		expect_true("GetIpInterfaceEntry", GetIpInterfaceEntry(&row) == NO_ERROR);
		row.Metric = (ULONG)atoi(setm);
		row.UseAutomaticMetric = FALSE;
		row.SitePrefixLength = 0;
		expect_true("SetIpInterfaceEntry", SetIpInterfaceEntry(&row) == NO_ERROR);
		expect_true("the callback saw the new metric on that interface",
			    s.metric == (ULONG)atoi(setm) &&
				    s.index == (NET_IFINDEX)atoi(ifs));
	}
	expect_num("changes", (unsigned long)s.changes);
	expect_true("CancelMibChangeNotify2 (interface)",
		    CancelMibChangeNotify2(ifh) == NO_ERROR);
	expect_true("CancelMibChangeNotify2 (address)",
		    CancelMibChangeNotify2(addrh) == NO_ERROR);
	expect_true("a handle cancelled twice is ERROR_INVALID_HANDLE",
		    CancelMibChangeNotify2(ifh) == ERROR_INVALID_HANDLE);
	if (ifs && setm) {
		row.Metric = (ULONG)atoi(setm) + 1;
		SetIpInterfaceEntry(&row);
		expect_true("nothing after the cancel", s.changes == 1);
	}
	expect_true("a bad family: ERROR_INVALID_PARAMETER, no handle",
		    NotifyIpInterfaceChange(99, on_interface, &s, FALSE, &ifh) ==
				    ERROR_INVALID_PARAMETER &&
			    ifh == NULL);
	return expect_done();
}
