/*
 * ws2ipdef.h (bestroute) - IPv6 socket addresses and SOCKADDR_INET.
 *
 * SOCKADDR_INET is 28 bytes on both systems: a union of the host's
 * sockaddr_in (family 0, port 2, addr 4, zero 8) and sockaddr_in6 (family
 * 0, port 2, flowinfo 4, addr 8, scope_id 24) with the family alone.
 */
#ifndef BESTROUTE_WS2IPDEF_H
#define BESTROUTE_WS2IPDEF_H

#include "ws2def.h"

typedef struct sockaddr_in6 SOCKADDR_IN6, *PSOCKADDR_IN6, *LPSOCKADDR_IN6;
typedef struct sockaddr_in6 SOCKADDR_IN6_LH, *PSOCKADDR_IN6_LH;
typedef struct in6_addr IN6_ADDR, *PIN6_ADDR;

typedef union _SOCKADDR_INET {
	SOCKADDR_IN Ipv4;
	SOCKADDR_IN6 Ipv6;
	ADDRESS_FAMILY si_family;
} SOCKADDR_INET, *PSOCKADDR_INET;

BRT_STATIC_ASSERT(sizeof(SOCKADDR_INET) == 28, "SOCKADDR_INET is 28 bytes");
BRT_STATIC_ASSERT(offsetof(struct sockaddr_in, sin_addr) == 4, "sin_addr at 4");
BRT_STATIC_ASSERT(offsetof(struct sockaddr_in6, sin6_addr) == 8, "sin6_addr at 8");
BRT_STATIC_ASSERT(offsetof(struct sockaddr_in6, sin6_scope_id) == 24,
	       "sin6_scope_id at 24");

#endif /* BESTROUTE_WS2IPDEF_H */
