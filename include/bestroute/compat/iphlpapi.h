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

/*
 * GetBestInterface/GetBestInterfaceEx/GetBestRoute - the interface (and
 * first-generation route row) GetBestRoute2 chooses for an IPv4 address in
 * network byte order, or for a sockaddr. Codes: NO_ERROR,
 * ERROR_INVALID_PARAMETER, ERROR_NOT_SUPPORTED (no stack for the family),
 * ERROR_NETWORK_UNREACHABLE, ERROR_CAN_NOT_COMPLETE (tables unreadable).
 * Unlike Microsoft's: the answer is the table's or the Linux kernel's;
 * GetBestRoute's source argument is only used to pin the interface.
 */
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
/*
 * GetAdaptersAddresses - the adapters (links with @Family enabled;
 * AF_UNSPEC: all) with their addresses, as one linked list in
 * @AdapterAddresses of *@SizePointer bytes; @Flags are GAA_FLAG_*
 * (SKIP_UNICAST, INCLUDE_PREFIX, INCLUDE_GATEWAYS and SKIP_FRIENDLY_NAME
 * change the answer; the others have nothing to filter on Linux).
 * Returns NO_ERROR; ERROR_BUFFER_OVERFLOW with the size needed in
 * *@SizePointer; ERROR_NO_DATA; ERROR_INVALID_PARAMETER (NULL
 * @SizePointer, @Reserved not NULL, bad family); ERROR_CAN_NOT_COMPLETE.
 */
ULONG WINAPI GetAdaptersAddresses(ULONG Family, ULONG Flags, PVOID Reserved,
				  PIP_ADAPTER_ADDRESSES AdapterAddresses,
				  PULONG SizePointer);
/*
 * GetAdaptersInfo - the adapters with IPv4 (not the loopback), their
 * IPv4 addresses and default gateways as text, into @AdapterInfo of
 * *@SizePointer bytes. Codes as GetAdaptersAddresses'.
 */
ULONG WINAPI GetAdaptersInfo(PIP_ADAPTER_INFO AdapterInfo, PULONG SizePointer);

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
