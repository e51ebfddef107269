/*
 * bestroute-winapi-demo.c - prints the route and source address Windows'
 * IP Helper API chooses for a destination, written as a Windows program
 * would be. It builds unchanged on Windows (link with iphlpapi.lib and
 * ws2_32.lib) and on Linux against bestroute's headers:
 *
 *   cc -I include/bestroute/compat bestroute-winapi-demo.c -lbestroute
 *
 * Usage: bestroute-winapi-demo DESTINATION [SOURCE [INTERFACE-INDEX]]
 * With BESTROUTE_TABLE=file.table it answers for that table on Linux.
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ParseAddress(const char *text, SOCKADDR_INET *addr)
{
	ZeroMemory(addr, sizeof(*addr));
	if (InetPtonA(AF_INET, text, &addr->Ipv4.sin_addr) == 1) {
		addr->si_family = AF_INET;
		return 1;
	}
	if (InetPtonA(AF_INET6, text, &addr->Ipv6.sin6_addr) == 1) {
		addr->si_family = AF_INET6;
		return 1;
	}
	return 0;
}

static const char *FormatAddress(const SOCKADDR_INET *addr, char *buf,
				 size_t len)
{
	if (addr->si_family == AF_INET)
		return InetNtopA(AF_INET, &addr->Ipv4.sin_addr, buf, len);
	if (addr->si_family == AF_INET6)
		return InetNtopA(AF_INET6, &addr->Ipv6.sin6_addr, buf, len);
	return "none";
}

static const char *ProtocolName(NL_ROUTE_PROTOCOL protocol)
{
	switch (protocol) {
	case RouteProtocolLocal: return "local";
	case RouteProtocolNetMgmt: return "netmgmt";
	case RouteProtocolIcmp: return "icmp";
	case RouteProtocolRip: return "rip";
	case RouteProtocolOspf: return "ospf";
	case RouteProtocolBgp: return "bgp";
	case RouteProtocolDhcp: return "dhcp";
	default: return "other";
	}
}

static void PrintRoute(const MIB_IPFORWARD_ROW2 *route,
		       const SOCKADDR_INET *source)
{
	char prefix[INET6_ADDRSTRLEN], hop[INET6_ADDRSTRLEN];
	char src[INET6_ADDRSTRLEN], name[IF_MAX_STRING_SIZE + 1];

	if (ConvertInterfaceLuidToNameA(&route->InterfaceLuid, name,
					sizeof(name)) != NO_ERROR)
		strcpy(name, "?");
	printf("interface %u (%s, type %u)\n", (unsigned)route->InterfaceIndex,
	       name, (unsigned)route->InterfaceLuid.Info.IfType);
	printf("prefix %s/%u\n",
	       FormatAddress(&route->DestinationPrefix.Prefix, prefix,
			     sizeof(prefix)),
	       (unsigned)route->DestinationPrefix.PrefixLength);
	printf("next hop %s\n", FormatAddress(&route->NextHop, hop, sizeof(hop)));
	printf("metric %u protocol %s%s\n", (unsigned)route->Metric,
	       ProtocolName(route->Protocol), route->Loopback ? " loopback" : "");
	printf("source %s", FormatAddress(source, src, sizeof(src)));
	if (source->si_family == AF_INET6 && source->Ipv6.sin6_scope_id)
		printf("%%%u", (unsigned)source->Ipv6.sin6_scope_id);
	printf("\n");
}

int main(int argc, char **argv)
{
	WSADATA wsa;
	SOCKADDR_INET destination, source, bestSource;
	MIB_IPFORWARD_ROW2 bestRoute;
	NET_IFINDEX index = 0;
	DWORD result;

	if (argc < 2 || argc > 4) {
		fprintf(stderr, "usage: %s DESTINATION [SOURCE [IFINDEX]]\n",
			argv[0]);
		return 2;
	}
	if (WSAStartup(MAKEWORD(2, 2), &wsa) != 0)
		return 1;
	if (!ParseAddress(argv[1], &destination) ||
	    (argc > 2 && !ParseAddress(argv[2], &source))) {
		fprintf(stderr, "not an IP address\n");
		WSACleanup();
		return 2;
	}
	if (argc > 3)
		index = (NET_IFINDEX)strtoul(argv[3], NULL, 10);
	result = GetBestRoute2(NULL, index, argc > 2 ? &source : NULL,
			       &destination, 0, &bestRoute, &bestSource);
	if (result != NO_ERROR) {
		printf("GetBestRoute2 failed: %u\n", (unsigned)result);
		WSACleanup();
		return 1;
	}
	PrintRoute(&bestRoute, &bestSource);
	WSACleanup();
	return 0;
}
