/*
 * ms_sample_forward_table.c - the route table as Microsoft's
 * documentation samples print it: MALLOC/FREE over the process heap, a
 * first call for the size, FormatMessage on failure, the addresses
 * through inet_ntoa into buffers filled with strcpy_s and sprintf_s, the
 * type and protocol as words. Then the failures it documents: a NULL size
 * pointer, a short buffer, and FormatMessage of an error.
 * Keys: default (GW of the first 0.0.0.0 row), proto (its protocol word).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <stdio.h>

#include "expect.h"

#define MALLOC(x) HeapAlloc(GetProcessHeap(), 0, (x))
#define FREE(x) HeapFree(GetProcessHeap(), 0, (x))

static const char *proto_word(DWORD proto)
{
	switch (proto) {
	case MIB_IPPROTO_OTHER: return "other";
	case MIB_IPPROTO_LOCAL: return "local";
	case MIB_IPPROTO_NETMGMT: return "static";
	case MIB_IPPROTO_ICMP: return "icmp";
	case MIB_IPPROTO_RIP: return "rip";
	case MIB_IPPROTO_OSPF: return "ospf";
	case MIB_IPPROTO_BGP: return "bgp";
	case MIB_IPPROTO_DHCP: return "dhcp";
	default: return "?";
	}
}

int main(int argc, char **argv)
{
	PMIB_IPFORWARDTABLE pIpForwardTable;
	DWORD dwSize = 0, dwRetVal = 0, i;
	char szDestIp[128], szGatewayIp[128], first_default[128] = "none";
	char first_proto[16] = "none";
	struct in_addr IpAddr;
	LPSTR msg = NULL;

	expect_init(argc, argv);
	pIpForwardTable = (MIB_IPFORWARDTABLE *)MALLOC(sizeof(MIB_IPFORWARDTABLE));
	if (pIpForwardTable == NULL) {
		printf("Error allocating memory\n");
		return 1;
	}
	if (GetIpForwardTable(pIpForwardTable, &dwSize, 0) ==
	    ERROR_INSUFFICIENT_BUFFER) {
		FREE(pIpForwardTable);
		pIpForwardTable = (MIB_IPFORWARDTABLE *)MALLOC(dwSize);
		if (pIpForwardTable == NULL) {
			printf("Error allocating memory\n");
			return 1;
		}
	}
	dwRetVal = GetIpForwardTable(pIpForwardTable, &dwSize, 0);
	if (dwRetVal != NO_ERROR) {
		if (FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER |
					   FORMAT_MESSAGE_FROM_SYSTEM |
					   FORMAT_MESSAGE_IGNORE_INSERTS,
				   NULL, dwRetVal,
				   MAKELANGID(LANG_NEUTRAL, SUBLANG_DEFAULT),
				   (LPSTR)&msg, 0, NULL)) {
			printf("GetIpForwardTable failed: %s", msg);
			LocalFree(msg);
		}
		FREE(pIpForwardTable);
		expect_true("GetIpForwardTable answered", 0);
		return expect_done();
	}
	printf("Number of entries: %d\n", (int)pIpForwardTable->dwNumEntries);
	for (i = 0; i < pIpForwardTable->dwNumEntries; i++) {
		MIB_IPFORWARDROW *r = &pIpForwardTable->table[i];

		IpAddr.S_un.S_addr = (u_long)r->dwForwardDest;
		strcpy_s(szDestIp, sizeof(szDestIp), inet_ntoa(IpAddr));
		IpAddr.S_un.S_addr = (u_long)r->dwForwardNextHop;
		strcpy_s(szGatewayIp, sizeof(szGatewayIp), inet_ntoa(IpAddr));
		printf("Route[%d] %s -> %s (if %ld, %s, %s)\n", (int)i,
		       szDestIp, szGatewayIp, (long)r->dwForwardIfIndex,
		       r->dwForwardType == MIB_IPROUTE_TYPE_DIRECT ? "direct"
								   : "indirect",
		       proto_word(r->dwForwardProto));
		if (!r->dwForwardDest && !r->dwForwardMask &&
		    !strcmp(first_default, "none")) {
			sprintf_s(first_default, sizeof(first_default), "%s",
				  szGatewayIp);
			strcpy_s(first_proto, _countof(first_proto),
				 proto_word(r->dwForwardProto));
		}
	}
	FREE(pIpForwardTable);
	expect_str("default", first_default);
	expect_str("proto", first_proto);

	/* what the documentation says the errors are */
	expect_true("a NULL size pointer is ERROR_INVALID_PARAMETER",
		    GetIpForwardTable(NULL, NULL, FALSE) == ERROR_INVALID_PARAMETER);
	dwSize = 8;
	expect_true("a short buffer tells the size it needs",
		    GetIpForwardTable(NULL, &dwSize, FALSE) ==
				    ERROR_INSUFFICIENT_BUFFER &&
			    dwSize >= sizeof(MIB_IPFORWARDROW) + sizeof(DWORD));
	expect_true("FormatMessageA has Windows' text",
		    FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER |
					   FORMAT_MESSAGE_FROM_SYSTEM,
				   NULL, ERROR_INVALID_PARAMETER, 0, (LPSTR)&msg,
				   0, NULL) > 0 &&
			    !strcmp(msg, "The parameter is incorrect.\r\n"));
	LocalFree(msg);
	return expect_done();
}
