/*
 * openvpn_default_gw.c - default-gateway discovery as a VPN client does
 * it before it adds its own routes: GetBestRoute to 0.0.0.0 gives the
 * route the host uses for "everything", its gateway, interface and
 * metric (route + interface metric), then GetBestInterface agrees.
 * Keys: gw, index, metric, type.
 */
#include <winsock2.h>
#include <windows.h>
#include <iphlpapi.h>

#include "expect.h"

static const MIB_IPFORWARDROW *get_default_gateway_row(void)
{
	static MIB_IPFORWARDROW best;
	DWORD status;

	memset(&best, 0, sizeof(best));
	status = GetBestRoute(inet_addr("0.0.0.0"), 0, &best);
	if (status != NO_ERROR) {
		printf("GetBestRoute failed: %lu\n", (unsigned long)status);
		return NULL;
	}
	return &best;
}

int main(int argc, char **argv)
{
	const MIB_IPFORWARDROW *row;
	struct in_addr gw;
	DWORD index = 0;

	expect_init(argc, argv);
	row = get_default_gateway_row();
	expect_true("GetBestRoute(0.0.0.0) answered", row != NULL);
	if (!row)
		return expect_done();
	gw.s_addr = row->dwForwardNextHop;
	printf("default gateway %s if %lu metric %lu\n", inet_ntoa(gw),
	       (unsigned long)row->dwForwardIfIndex,
	       (unsigned long)row->dwForwardMetric1);
	expect_str("gw", inet_ntoa(gw));
	expect_num("index", row->dwForwardIfIndex);
	expect_num("metric", row->dwForwardMetric1);
	expect_num("type", row->ForwardType);
	expect_true("both spellings of the type agree",
		    row->dwForwardType == (DWORD)row->ForwardType);
	expect_true("the default route has mask 0", row->dwForwardMask == 0);
	expect_true("GetBestInterface(0.0.0.0) succeeds",
		    GetBestInterface(inet_addr("0.0.0.0"), &index) == NO_ERROR);
	expect_true("GetBestInterface agrees",
		    index == row->dwForwardIfIndex);
	return expect_done();
}
