/*
 * route_print_v1.c - a route-table dump through the first-generation
 * API, as packet tools' route code does: size the table, read it sorted
 * (bOrder), print each row. Checks: rows sorted by destination; the row
 * count equals the IPv4 rows of GetIpForwardTable2; direct rows name a
 * local address; metric1 = route metric + interface metric.
 * Keys: rows, default (GW@IFINDEX of the best 0/0 row), direct (a direct
 * row DEST/MASKLEN@NEXTHOP that must be there).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <stdlib.h>

#include "expect.h"

static int mask_len(DWORD mask)
{
	int n = 0;

	mask = ntohl(mask);
	while (mask & 0x80000000u) {
		n++;
		mask <<= 1;
	}
	return n;
}

static PMIB_IPFORWARDTABLE read_table(void)
{
	PMIB_IPFORWARDTABLE t = NULL;
	ULONG size = 0;
	DWORD rc;

	while ((rc = GetIpForwardTable(t, &size, TRUE)) ==
	       ERROR_INSUFFICIENT_BUFFER) {
		free(t);
		t = (PMIB_IPFORWARDTABLE)malloc(size);
		if (!t)
			return NULL;
	}
	if (rc != NO_ERROR) {
		free(t);
		return NULL;
	}
	return t;
}

int main(int argc, char **argv)
{
	PMIB_IPFORWARDTABLE t;
	PMIB_IPFORWARD_TABLE2 t2 = NULL;
	const char *want_direct;
	char dest[16], hop[16], buf[64], best_default[64] = "none";
	DWORD i, best = MAXDWORD;
	int sorted = 1, direct_found = 0;

	expect_init(argc, argv);
	t = read_table();
	expect_true("GetIpForwardTable answered", t != NULL);
	if (!t)
		return expect_done();
	want_direct = expect_value("direct");
	for (i = 0; i < t->dwNumEntries; i++) {
		const MIB_IPFORWARDROW *r = &t->table[i];

		inet_ntop(AF_INET, &r->dwForwardDest, dest, sizeof(dest));
		inet_ntop(AF_INET, &r->dwForwardNextHop, hop, sizeof(hop));
		printf("%-15s /%-2d %-15s if %-3lu type %lu proto %lu metric %lu\n",
		       dest, mask_len(r->dwForwardMask), hop,
		       (unsigned long)r->dwForwardIfIndex,
		       (unsigned long)r->dwForwardType,
		       (unsigned long)r->dwForwardProto,
		       (unsigned long)r->dwForwardMetric1);
		if (i && ntohl(r[-1].dwForwardDest) > ntohl(r->dwForwardDest))
			sorted = 0;
		if (!r->dwForwardDest && !r->dwForwardMask &&
		    r->dwForwardMetric1 < best) {
			best = r->dwForwardMetric1;
			snprintf(best_default, sizeof(best_default), "%s@%lu", hop,
				 (unsigned long)r->dwForwardIfIndex);
		}
		snprintf(buf, sizeof(buf), "%s/%d@%s", dest,
			 mask_len(r->dwForwardMask), hop);
		if (want_direct && r->ForwardType == MIB_IPROUTE_TYPE_DIRECT &&
		    !strcmp(buf, want_direct))
			direct_found = 1;
		expect_true("metric 2 is unused",
			    r->dwForwardMetric2 == MIB_IPROUTE_METRIC_UNUSED);
	}
	expect_true("rows sorted by destination", sorted);
	expect_num("rows", t->dwNumEntries);
	expect_str("default", best_default);
	if (want_direct && !direct_found)
		expect_fail("direct", "missing", want_direct);
	expect_true("GetIpForwardTable2 answered",
		    GetIpForwardTable2(AF_INET, &t2) == NO_ERROR);
	if (t2) {
		expect_true("both generations list as many IPv4 routes",
			    t2->NumEntries == t->dwNumEntries);
		FreeMibTable(t2);
	}
	free(t);
	return expect_done();
}
