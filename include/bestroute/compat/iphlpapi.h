/*
 * iphlpapi.h (bestroute) - the IP Helper functions of the first
 * generation (GetBestInterface, GetBestInterfaceEx, GetBestRoute) and,
 * through netioapi.h, the route functions of the second.
 */
#ifndef __IPHLPAPI_H__
#define __IPHLPAPI_H__
#define BESTROUTE_IPHLPAPI_H

#include "bestroute_wintypes.h"
#include "winerror.h"
#include "ws2def.h"
#include "ws2ipdef.h"
#include "netioapi.h"
#include "ipmib.h"
#include "ifmib.h"
#include "iptypes.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* An IPv4 address in network byte order (ipexport.h). */
typedef ULONG IPAddr, IPMask, IP_STATUS;

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

#endif /* __IPHLPAPI_H__ */
