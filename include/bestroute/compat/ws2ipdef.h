/*
 * ws2ipdef.h (bestroute) - IPv6 socket addresses (SOCKADDR_IN6 with
 * IN6_ADDR from in6addr.h) and SOCKADDR_INET.
 *
 * SOCKADDR_IN6 is 28 bytes: family 0, port 2, flowinfo 4, addr 8 and at
 * 24 the scope id, which Windows also lets one read as a SCOPE_ID
 * (sin6_scope_struct: Zone and Level). SOCKADDR_INET is the union of the
 * two socket addresses and the family alone. See ws2def.h for the two
 * modes (Windows' own structures, or glibc's under Windows' names).
 */
#ifndef _WS2IPDEF_
#define _WS2IPDEF_
#define BESTROUTE_WS2IPDEF_H

#include "ws2def.h"

#ifdef BESTROUTE_POSIX_SOCKETS
typedef struct in6_addr IN6_ADDR, *PIN6_ADDR, *LPIN6_ADDR;
#else
#include "in6addr.h"

struct sockaddr_in6 {
	ADDRESS_FAMILY sin6_family;
	USHORT sin6_port;
	ULONG sin6_flowinfo;
	IN6_ADDR sin6_addr;
	union {
		ULONG sin6_scope_id;
		SCOPE_ID sin6_scope_struct;
	};
};
#endif

typedef struct sockaddr_in6 SOCKADDR_IN6, *PSOCKADDR_IN6, *LPSOCKADDR_IN6,
	SOCKADDR_IN6_LH, *PSOCKADDR_IN6_LH, *LPSOCKADDR_IN6_LH,
	SOCKADDR_IN6_W2KSP1, *PSOCKADDR_IN6_W2KSP1;

typedef union _SOCKADDR_INET {
	SOCKADDR_IN Ipv4;
	SOCKADDR_IN6 Ipv6;
	ADDRESS_FAMILY si_family;
} SOCKADDR_INET, *PSOCKADDR_INET;

typedef struct _SOCKADDR_IN6_PAIR {
	PSOCKADDR_IN6 SourceAddress;
	PSOCKADDR_IN6 DestinationAddress;
} SOCKADDR_IN6_PAIR, *PSOCKADDR_IN6_PAIR;

BRT_STATIC_ASSERT(sizeof(IN6_ADDR) == 16, "IN6_ADDR is 16 bytes");
BRT_STATIC_ASSERT(sizeof(SOCKADDR_IN6) == 28, "SOCKADDR_IN6 is 28 bytes");
BRT_STATIC_ASSERT(offsetof(SOCKADDR_IN6, sin6_port) == 2, "sin6_port at 2");
BRT_STATIC_ASSERT(offsetof(SOCKADDR_IN6, sin6_flowinfo) == 4, "flowinfo at 4");
BRT_STATIC_ASSERT(offsetof(SOCKADDR_IN6, sin6_addr) == 8, "sin6_addr at 8");
BRT_STATIC_ASSERT(offsetof(SOCKADDR_IN6, sin6_scope_id) == 24,
		  "sin6_scope_id at 24");
BRT_STATIC_ASSERT(sizeof(SOCKADDR_INET) == 28, "SOCKADDR_INET is 28 bytes");
BRT_STATIC_ASSERT(offsetof(SOCKADDR_INET, si_family) == 0, "si_family at 0");

#ifndef INET_ADDRSTRLEN
#define INET_ADDRSTRLEN 22	/* Windows' sizes (room for a port) */
#endif
#ifndef INET6_ADDRSTRLEN
#define INET6_ADDRSTRLEN 65
#endif

#endif /* _WS2IPDEF_ */
