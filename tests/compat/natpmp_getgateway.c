/*
 * natpmp_getgateway.c - gateway discovery as NAT-PMP/UPnP clients do it
 * on Windows: read the whole first-generation route table (asking for
 * its size first) and take the 0.0.0.0/0 row with the lowest metric.
 * Keys: gw, index.
 */
#include <winsock2.h>
#include <windows.h>
#include <iphlpapi.h>
#include <stdlib.h>

#include "expect.h"

static int getdefaultgateway(DWORD *addr, DWORD *ifindex);

int main(int argc, char **argv)
{
	DWORD gw = 0;
	DWORD ifindex = 0;
	struct in_addr a;

	expect_init(argc, argv);
	expect_true("a default gateway found",
		    getdefaultgateway(&gw, &ifindex) == 0);
	a.s_addr = gw;
	printf("gateway %s on %lu\n", inet_ntoa(a), (unsigned long)ifindex);
	expect_str("gw", inet_ntoa(a));
	expect_num("index", ifindex);
	return expect_done();
}

static int getdefaultgateway(DWORD *addr, DWORD *ifindex)
{
	PMIB_IPFORWARDTABLE table = NULL;
	ULONG size = 0;
	DWORD rc, i, best = MAXDWORD;
	int found = -1, tries;

	for (tries = 0; tries < 5; tries++) {
		rc = GetIpForwardTable(table, &size, FALSE);
		if (rc != ERROR_INSUFFICIENT_BUFFER)
			break;
		free(table);
		table = (PMIB_IPFORWARDTABLE)malloc(size);
		if (!table)
			return -1;
	}
	if (rc != NO_ERROR) {
		free(table);
		return -1;
	}
	for (i = 0; i < table->dwNumEntries; i++) {
		const MIB_IPFORWARDROW *r = &table->table[i];

		if (r->dwForwardDest == 0 && r->dwForwardMask == 0 &&
		    r->dwForwardMetric1 < best) {
			best = r->dwForwardMetric1;
			*addr = r->dwForwardNextHop;
			*ifindex = r->dwForwardIfIndex;
			found = 0;
		}
	}
	free(table);
	return found;
}
