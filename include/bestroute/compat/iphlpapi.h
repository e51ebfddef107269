/*
 * iphlpapi.h (bestroute) - the IP Helper functions of the first
 * generation (GetBestInterface, GetBestInterfaceEx, GetBestRoute) and,
 * through netioapi.h, the route functions of the second.
 */
#ifndef BESTROUTE_IPHLPAPI_H
#define BESTROUTE_IPHLPAPI_H

#include "bestroute_wintypes.h"
#include "winerror.h"
#include "ws2def.h"
#include "ws2ipdef.h"
#include "netioapi.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* An IPv4 address in network byte order (ipexport.h). */
typedef ULONG IPAddr, IPMask, IP_STATUS;

typedef enum {
	MIB_IPROUTE_TYPE_OTHER = 1,
	MIB_IPROUTE_TYPE_INVALID = 2,
	MIB_IPROUTE_TYPE_DIRECT = 3,
	MIB_IPROUTE_TYPE_INDIRECT = 4,
} MIB_IPFORWARD_TYPE;

typedef struct _MIB_IPFORWARDROW {
	DWORD dwForwardDest;
	DWORD dwForwardMask;
	DWORD dwForwardPolicy;
	DWORD dwForwardNextHop;
	IF_INDEX dwForwardIfIndex;
	union {
		DWORD dwForwardType;
		MIB_IPFORWARD_TYPE ForwardType;
	};
	union {
		DWORD dwForwardProto;
		MIB_IPFORWARD_PROTO ForwardProto;
	};
	DWORD dwForwardAge;
	DWORD dwForwardNextHopAS;
	DWORD dwForwardMetric1;
	DWORD dwForwardMetric2;
	DWORD dwForwardMetric3;
	DWORD dwForwardMetric4;
	DWORD dwForwardMetric5;
} MIB_IPFORWARDROW, *PMIB_IPFORWARDROW;

BRT_STATIC_ASSERT(sizeof(MIB_IPFORWARDROW) == 56, "MIB_IPFORWARDROW is 56");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARDROW, dwForwardType) == 20, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARDROW, dwForwardMetric1) == 36, "");

DWORD WINAPI GetBestInterface(IPAddr dwDestAddr, PDWORD pdwBestIfIndex);
DWORD WINAPI GetBestInterfaceEx(struct sockaddr *pDestAddr,
				PDWORD pdwBestIfIndex);
DWORD WINAPI GetBestRoute(DWORD dwDestAddr, DWORD dwSourceAddr,
			  PMIB_IPFORWARDROW pBestRoute);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* BESTROUTE_IPHLPAPI_H */
