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

/*
 * GetIpForwardTable - the IPv4 routes as first-generation rows into
 * @pIpForwardTable of *@pdwSize bytes, sorted when @bOrder. Returns
 * NO_ERROR; ERROR_INSUFFICIENT_BUFFER with the size needed in *@pdwSize
 * (NULL table or too small); ERROR_NO_DATA (no route);
 * ERROR_INVALID_PARAMETER (NULL @pdwSize); ERROR_CAN_NOT_COMPLETE.
 */
DWORD WINAPI GetIpForwardTable(PMIB_IPFORWARDTABLE pIpForwardTable,
			       PULONG pdwSize, BOOL bOrder);
/*
 * Create/Set/DeleteIpForwardEntry - add, change (metric, lifetime) or
 * remove the route of a first-generation row; dwForwardMetric1 counts
 * the interface metric (see bestroute-winapi(3)). Returns NO_ERROR,
 * ERROR_INVALID_PARAMETER, ERROR_NOT_FOUND, ERROR_OBJECT_ALREADY_EXISTS,
 * ERROR_ACCESS_DENIED or ERROR_CAN_NOT_COMPLETE.
 */
DWORD WINAPI CreateIpForwardEntry(PMIB_IPFORWARDROW pRoute);
DWORD WINAPI SetIpForwardEntry(PMIB_IPFORWARDROW pRoute);
DWORD WINAPI DeleteIpForwardEntry(PMIB_IPFORWARDROW pRoute);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* __IPHLPAPI_H__ */
