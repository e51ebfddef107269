/*
 * netioapi.h (bestroute) - the route functions of Windows' IP Helper API,
 * answered by libbestroute for the live Linux host or for a table file
 * (see bestroute-winapi(3) and the BESTROUTE_TABLE environment variable).
 *
 * Two forms, as on Windows:
 *  - user mode (default): functions return a Win32 code (DWORD);
 *  - kernel mode (define BESTROUTE_KERNEL_MODE or _KERNEL_MODE before the
 *    first include): they return NTSTATUS, as NETIO documents them. The
 *    names are then mapped to the library's brt_kernel_* symbols, so two
 *    files of one program may each use one form.
 *
 * Layouts are those of 64-bit Windows; static assertions below check them.
 */
#ifndef _NETIOAPI_H_
#define _NETIOAPI_H_
#define BESTROUTE_NETIOAPI_H

#include "bestroute_wintypes.h"
#include "winerror.h"
#include "ntstatus.h"
#include "ws2def.h"
#include "ws2ipdef.h"
#include "ifdef.h"
#include "nldef.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

#if defined(BESTROUTE_KERNEL_MODE) || defined(_KERNEL_MODE)
#define BESTROUTE_NETIO_KERNEL 1
typedef NTSTATUS NETIO_STATUS;
#else
typedef DWORD NETIO_STATUS;
#endif
#define NETIOAPI_API_ WINAPI
#define NETIOAPI_API NETIO_STATUS NETIOAPI_API_
#define NETIO_SUCCESS(x) ((x) == 0)

/* ---------------------------------------------------------------- types */

typedef struct _IP_ADDRESS_PREFIX {
	SOCKADDR_INET Prefix;
	UINT8 PrefixLength;
} IP_ADDRESS_PREFIX, *PIP_ADDRESS_PREFIX;

typedef enum _MIB_NOTIFICATION_TYPE {
	MibParameterNotification = 0,
	MibAddInstance = 1,
	MibDeleteInstance = 2,
	MibInitialNotification = 3,
} MIB_NOTIFICATION_TYPE, *PMIB_NOTIFICATION_TYPE;

typedef struct _MIB_IPFORWARD_ROW2 {
	NET_LUID InterfaceLuid;
	NET_IFINDEX InterfaceIndex;
	IP_ADDRESS_PREFIX DestinationPrefix;
	SOCKADDR_INET NextHop;
	UCHAR SitePrefixLength;
	ULONG ValidLifetime;
	ULONG PreferredLifetime;
	ULONG Metric;
	NL_ROUTE_PROTOCOL Protocol;
	BOOLEAN Loopback;
	BOOLEAN AutoconfigureAddress;
	BOOLEAN Publish;
	BOOLEAN Immortal;
	ULONG Age;
	NL_ROUTE_ORIGIN Origin;
} MIB_IPFORWARD_ROW2, *PMIB_IPFORWARD_ROW2;

typedef struct _MIB_IPFORWARD_TABLE2 {
	ULONG NumEntries;
	MIB_IPFORWARD_ROW2 Table[ANY_SIZE];
} MIB_IPFORWARD_TABLE2, *PMIB_IPFORWARD_TABLE2;

typedef VOID(NETIOAPI_API_ *PIPFORWARD_CHANGE_CALLBACK)(
	PVOID CallerContext, PMIB_IPFORWARD_ROW2 Row,
	MIB_NOTIFICATION_TYPE NotificationType);

typedef struct _MIB_IPINTERFACE_ROW {
	ADDRESS_FAMILY Family;
	NET_LUID InterfaceLuid;
	NET_IFINDEX InterfaceIndex;
	ULONG MaxReassemblySize;
	ULONG64 InterfaceIdentifier;
	ULONG MinRouterAdvertisementInterval;
	ULONG MaxRouterAdvertisementInterval;
	BOOLEAN AdvertisingEnabled;
	BOOLEAN ForwardingEnabled;
	BOOLEAN WeakHostSend;
	BOOLEAN WeakHostReceive;
	BOOLEAN UseAutomaticMetric;
	BOOLEAN UseNeighborUnreachabilityDetection;
	BOOLEAN ManagedAddressConfigurationSupported;
	BOOLEAN OtherStatefulConfigurationSupported;
	BOOLEAN AdvertiseDefaultRoute;
	NL_ROUTER_DISCOVERY_BEHAVIOR RouterDiscoveryBehavior;
	ULONG DadTransmits;
	ULONG BaseReachableTime;
	ULONG RetransmitTime;
	ULONG PathMtuDiscoveryTimeout;
	NL_LINK_LOCAL_ADDRESS_BEHAVIOR LinkLocalAddressBehavior;
	ULONG LinkLocalAddressTimeout;
	ULONG ZoneIndices[ScopeLevelCount];
	ULONG SitePrefixLength;
	ULONG Metric;
	ULONG NlMtu;
	BOOLEAN Connected;
	BOOLEAN SupportsWakeUpPatterns;
	BOOLEAN SupportsNeighborDiscovery;
	BOOLEAN SupportsRouterDiscovery;
	ULONG ReachableTime;
	NL_INTERFACE_OFFLOAD_ROD TransmitOffload;
	NL_INTERFACE_OFFLOAD_ROD ReceiveOffload;
	BOOLEAN DisableDefaultRoutes;
} MIB_IPINTERFACE_ROW, *PMIB_IPINTERFACE_ROW;

typedef struct _MIB_IPINTERFACE_TABLE {
	ULONG NumEntries;
	MIB_IPINTERFACE_ROW Table[ANY_SIZE];
} MIB_IPINTERFACE_TABLE, *PMIB_IPINTERFACE_TABLE;

typedef VOID(NETIOAPI_API_ *PIPINTERFACE_CHANGE_CALLBACK)(
	PVOID CallerContext, PMIB_IPINTERFACE_ROW Row,
	MIB_NOTIFICATION_TYPE NotificationType);

typedef union _LARGE_INTEGER_BRT {
	struct {
		ULONG LowPart;
		LONG HighPart;
	};
	LONGLONG QuadPart;
} BRT_LARGE_INTEGER;
#ifndef _LARGE_INTEGER_DEFINED
#define _LARGE_INTEGER_DEFINED
typedef BRT_LARGE_INTEGER LARGE_INTEGER, *PLARGE_INTEGER;
#endif

typedef struct _MIB_UNICASTIPADDRESS_ROW {
	SOCKADDR_INET Address;
	NET_LUID InterfaceLuid;
	NET_IFINDEX InterfaceIndex;
	NL_PREFIX_ORIGIN PrefixOrigin;
	NL_SUFFIX_ORIGIN SuffixOrigin;
	ULONG ValidLifetime;
	ULONG PreferredLifetime;
	UINT8 OnLinkPrefixLength;
	BOOLEAN SkipAsSource;
	NL_DAD_STATE DadState;
	SCOPE_ID ScopeId;
	LARGE_INTEGER CreationTimeStamp;
} MIB_UNICASTIPADDRESS_ROW, *PMIB_UNICASTIPADDRESS_ROW;

typedef struct _MIB_UNICASTIPADDRESS_TABLE {
	ULONG NumEntries;
	MIB_UNICASTIPADDRESS_ROW Table[ANY_SIZE];
} MIB_UNICASTIPADDRESS_TABLE, *PMIB_UNICASTIPADDRESS_TABLE;

#define IF_MAX_PHYS_ADDRESS_LENGTH 32

typedef struct _MIB_IF_ROW2 {
	NET_LUID InterfaceLuid;
	NET_IFINDEX InterfaceIndex;
	GUID InterfaceGuid;
	WCHAR Alias[IF_MAX_STRING_SIZE + 1];
	WCHAR Description[IF_MAX_STRING_SIZE + 1];
	ULONG PhysicalAddressLength;
	UCHAR PhysicalAddress[IF_MAX_PHYS_ADDRESS_LENGTH];
	UCHAR PermanentPhysicalAddress[IF_MAX_PHYS_ADDRESS_LENGTH];
	ULONG Mtu;
	IFTYPE Type;
	TUNNEL_TYPE TunnelType;
	NDIS_MEDIUM MediaType;
	NDIS_PHYSICAL_MEDIUM PhysicalMediumType;
	NET_IF_ACCESS_TYPE AccessType;
	NET_IF_DIRECTION_TYPE DirectionType;
	struct {
		BOOLEAN HardwareInterface : 1;
		BOOLEAN FilterInterface : 1;
		BOOLEAN ConnectorPresent : 1;
		BOOLEAN NotAuthenticated : 1;
		BOOLEAN NotMediaConnected : 1;
		BOOLEAN Paused : 1;
		BOOLEAN LowPower : 1;
		BOOLEAN EndPointInterface : 1;
	} InterfaceAndOperStatusFlags;
	IF_OPER_STATUS OperStatus;
	NET_IF_ADMIN_STATUS AdminStatus;
	NET_IF_MEDIA_CONNECT_STATE MediaConnectState;
	NET_IF_NETWORK_GUID NetworkGuid;
	NET_IF_CONNECTION_TYPE ConnectionType;
	ULONG64 TransmitLinkSpeed;
	ULONG64 ReceiveLinkSpeed;
	ULONG64 InOctets;
	ULONG64 InUcastPkts;
	ULONG64 InNUcastPkts;
	ULONG64 InDiscards;
	ULONG64 InErrors;
	ULONG64 InUnknownProtos;
	ULONG64 InUcastOctets;
	ULONG64 InMulticastOctets;
	ULONG64 InBroadcastOctets;
	ULONG64 OutOctets;
	ULONG64 OutUcastPkts;
	ULONG64 OutNUcastPkts;
	ULONG64 OutDiscards;
	ULONG64 OutErrors;
	ULONG64 OutUcastOctets;
	ULONG64 OutMulticastOctets;
	ULONG64 OutBroadcastOctets;
	ULONG64 OutQLen;
} MIB_IF_ROW2, *PMIB_IF_ROW2;

typedef struct _MIB_IF_TABLE2 {
	ULONG NumEntries;
	MIB_IF_ROW2 Table[ANY_SIZE];
} MIB_IF_TABLE2, *PMIB_IF_TABLE2;

/* ------------------------------------------------------ layout checks */

BRT_STATIC_ASSERT(offsetof(MIB_IF_ROW2, Alias) == 28, "");
BRT_STATIC_ASSERT(offsetof(MIB_IF_ROW2, PhysicalAddressLength) == 1056, "");
BRT_STATIC_ASSERT(offsetof(MIB_IF_ROW2, Mtu) == 1124, "");
BRT_STATIC_ASSERT(offsetof(MIB_IF_ROW2, InterfaceAndOperStatusFlags) == 1152, "");
BRT_STATIC_ASSERT(offsetof(MIB_IF_ROW2, OperStatus) == 1156, "");
BRT_STATIC_ASSERT(offsetof(MIB_IF_ROW2, NetworkGuid) == 1168, "");
BRT_STATIC_ASSERT(offsetof(MIB_IF_ROW2, TransmitLinkSpeed) == 1192, "");
BRT_STATIC_ASSERT(offsetof(MIB_IF_ROW2, InOctets) == 1208, "");
BRT_STATIC_ASSERT(sizeof(MIB_IF_ROW2) == 1352, "MIB_IF_ROW2 is 1352");
BRT_STATIC_ASSERT(offsetof(MIB_IF_TABLE2, Table) == 8, "");

BRT_STATIC_ASSERT(offsetof(MIB_UNICASTIPADDRESS_ROW, InterfaceLuid) == 32, "");
BRT_STATIC_ASSERT(offsetof(MIB_UNICASTIPADDRESS_ROW, OnLinkPrefixLength) == 60, "");
BRT_STATIC_ASSERT(offsetof(MIB_UNICASTIPADDRESS_ROW, DadState) == 64, "");
BRT_STATIC_ASSERT(offsetof(MIB_UNICASTIPADDRESS_ROW, CreationTimeStamp) == 72, "");
BRT_STATIC_ASSERT(sizeof(MIB_UNICASTIPADDRESS_ROW) == 80, "MIB_UNICASTIPADDRESS_ROW is 80");

BRT_STATIC_ASSERT(sizeof(MIB_IPINTERFACE_ROW) == 168, "MIB_IPINTERFACE_ROW is 168");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, InterfaceLuid) == 8, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, InterfaceIndex) == 16, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, InterfaceIdentifier) == 24, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, UseAutomaticMetric) == 44, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, RouterDiscoveryBehavior) == 52, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, ZoneIndices) == 80, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, SitePrefixLength) == 144, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, Metric) == 148, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, NlMtu) == 152, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, Connected) == 156, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, ReachableTime) == 160, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_ROW, DisableDefaultRoutes) == 166, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPINTERFACE_TABLE, Table) == 8, "");

BRT_STATIC_ASSERT(sizeof(IP_ADDRESS_PREFIX) == 32, "IP_ADDRESS_PREFIX is 32");
BRT_STATIC_ASSERT(offsetof(IP_ADDRESS_PREFIX, PrefixLength) == 28,
	       "PrefixLength at 28");
BRT_STATIC_ASSERT(sizeof(NL_ROUTE_PROTOCOL) == 4, "enums are 4 bytes");
BRT_STATIC_ASSERT(sizeof(MIB_IPFORWARD_ROW2) == 104, "MIB_IPFORWARD_ROW2 is 104");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, InterfaceIndex) == 8, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, DestinationPrefix) == 12, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, NextHop) == 44, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, SitePrefixLength) == 72, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, ValidLifetime) == 76, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, PreferredLifetime) == 80, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, Metric) == 84, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, Protocol) == 88, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, Loopback) == 92, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, AutoconfigureAddress) == 93, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, Publish) == 94, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, Immortal) == 95, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, Age) == 96, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_ROW2, Origin) == 100, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARD_TABLE2, Table) == 8, "Table at 8");

/* ----------------------------------------------------- kernel symbols */

/* The kernel-mode (NTSTATUS) forms, under the library's own names. */
NTSTATUS brt_kernel_GetBestRoute2(NET_LUID *InterfaceLuid,
				  NET_IFINDEX InterfaceIndex,
				  const SOCKADDR_INET *SourceAddress,
				  const SOCKADDR_INET *DestinationAddress,
				  ULONG AddressSortOptions,
				  PMIB_IPFORWARD_ROW2 BestRoute,
				  SOCKADDR_INET *BestSourceAddress);
NTSTATUS brt_kernel_GetIpForwardTable2(ADDRESS_FAMILY Family,
				       PMIB_IPFORWARD_TABLE2 *Table);
NTSTATUS brt_kernel_GetIpForwardEntry2(PMIB_IPFORWARD_ROW2 Row);
NTSTATUS brt_kernel_CreateIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Row);
NTSTATUS brt_kernel_SetIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Route);
NTSTATUS brt_kernel_DeleteIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Row);
NTSTATUS brt_kernel_NotifyRouteChange2(ADDRESS_FAMILY AddressFamily,
				       PIPFORWARD_CHANGE_CALLBACK Callback,
				       PVOID CallerContext,
				       BOOLEAN InitialNotification,
				       HANDLE *NotificationHandle);
NTSTATUS brt_kernel_CancelMibChangeNotify2(HANDLE NotificationHandle);
NTSTATUS brt_kernel_ConvertInterfaceIndexToLuid(NET_IFINDEX InterfaceIndex,
						PNET_LUID InterfaceLuid);
NTSTATUS brt_kernel_ConvertInterfaceLuidToIndex(const NET_LUID *InterfaceLuid,
						PNET_IFINDEX InterfaceIndex);
NTSTATUS brt_kernel_ConvertInterfaceNameToLuidA(const CHAR *InterfaceName,
						NET_LUID *InterfaceLuid);
NTSTATUS brt_kernel_ConvertInterfaceLuidToNameA(const NET_LUID *InterfaceLuid,
						PSTR InterfaceName,
						SIZE_T Length);

#ifdef BESTROUTE_NETIO_KERNEL
#define GetBestRoute2 brt_kernel_GetBestRoute2
#define GetIpForwardTable2 brt_kernel_GetIpForwardTable2
#define GetIpForwardEntry2 brt_kernel_GetIpForwardEntry2
#define CreateIpForwardEntry2 brt_kernel_CreateIpForwardEntry2
#define SetIpForwardEntry2 brt_kernel_SetIpForwardEntry2
#define DeleteIpForwardEntry2 brt_kernel_DeleteIpForwardEntry2
#define NotifyRouteChange2 brt_kernel_NotifyRouteChange2
#define CancelMibChangeNotify2 brt_kernel_CancelMibChangeNotify2
#define ConvertInterfaceIndexToLuid brt_kernel_ConvertInterfaceIndexToLuid
#define ConvertInterfaceLuidToIndex brt_kernel_ConvertInterfaceLuidToIndex
#define ConvertInterfaceNameToLuidA brt_kernel_ConvertInterfaceNameToLuidA
#define ConvertInterfaceLuidToNameA brt_kernel_ConvertInterfaceLuidToNameA
#else
/* ---------------------------------------------------- user-mode forms */

/* GetBestRoute2 - the route and source a packet to DestinationAddress
 * takes (bestroute-winapi(3) lists every code). Unlike Microsoft's:
 * AddressSortOptions is ignored, and on the Linux policy the host's rules
 * take part (as the kernel's do); as on Windows, 0.0.0.0 and :: answer
 * with the default route. */
NETIOAPI_API GetBestRoute2(NET_LUID *InterfaceLuid, NET_IFINDEX InterfaceIndex,
			   const SOCKADDR_INET *SourceAddress,
			   const SOCKADDR_INET *DestinationAddress,
			   ULONG AddressSortOptions,
			   PMIB_IPFORWARD_ROW2 BestRoute,
			   SOCKADDR_INET *BestSourceAddress);
/* GetIpForwardTable2 - every route with an interface, one row per next
 * hop (FreeMibTable). Unlike Microsoft's: under the Linux policy only the
 * main and local tables are listed (policy-routing tables are not). */
NETIOAPI_API GetIpForwardTable2(ADDRESS_FAMILY Family,
				PMIB_IPFORWARD_TABLE2 *Table);
/* GetIpForwardEntry2 - fill the row that prefix, next hop and interface
 * name. As Microsoft's, with the Linux-only fields of the man page. */
NETIOAPI_API GetIpForwardEntry2(PMIB_IPFORWARD_ROW2 Row);
/* Create/Set/DeleteIpForwardEntry2 - change a route. Unlike Microsoft's:
 * on a table the change is made in memory (a new table swapped in whole);
 * on the live host through netlink, which needs CAP_NET_ADMIN
 * (ERROR_ACCESS_DENIED otherwise); one next hop of a multipath route edits
 * as a route of its own. */
NETIOAPI_API CreateIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Row);
NETIOAPI_API SetIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Route);
NETIOAPI_API DeleteIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Row);
/* NotifyRouteChange2/CancelMibChangeNotify2 - route change callbacks.
 * Unlike Microsoft's: on a table only the changes made through this API
 * are seen (nothing else changes it), called from the changing thread; on
 * the live host from a kernel monitor's thread of the library. */
NETIOAPI_API NotifyRouteChange2(ADDRESS_FAMILY AddressFamily,
				PIPFORWARD_CHANGE_CALLBACK Callback,
				PVOID CallerContext,
				BOOLEAN InitialNotification,
				HANDLE *NotificationHandle);
NETIOAPI_API CancelMibChangeNotify2(HANDLE NotificationHandle);
/* ConvertInterface* - between index, LUID and name. Unlike Microsoft's:
 * a LUID is IfType << 48 | the link's index << 24 (stable while the index
 * is), and the name is the Linux link name ("eth0"), not "ethernet_32768". */
NETIOAPI_API ConvertInterfaceIndexToLuid(NET_IFINDEX InterfaceIndex,
					 PNET_LUID InterfaceLuid);
NETIOAPI_API ConvertInterfaceLuidToIndex(const NET_LUID *InterfaceLuid,
					 PNET_IFINDEX InterfaceIndex);
NETIOAPI_API ConvertInterfaceNameToLuidA(const CHAR *InterfaceName,
					 NET_LUID *InterfaceLuid);
NETIOAPI_API ConvertInterfaceLuidToNameA(const NET_LUID *InterfaceLuid,
					 PSTR InterfaceName, SIZE_T Length);
#endif

/*
 * The IP interfaces (one per link and enabled family): GetIpInterfaceEntry
 * fills @Row named by Family and InterfaceLuid (or, when that is 0,
 * InterfaceIndex); GetIpInterfaceTable lists those of a family (AF_UNSPEC:
 * both), freed with FreeMibTable; SetIpInterfaceEntry changes Metric and
 * UseAutomaticMetric. Metric is the interface metric the Windows policy
 * adds to a route's (0 on a Linux host, which has none). Codes: NO_ERROR,
 * ERROR_INVALID_PARAMETER (NULL, bad family, IPv4 row with a nonzero
 * SitePrefixLength on Set), ERROR_NOT_FOUND (no such interface, or the
 * family is disabled on it), ERROR_NOT_SUPPORTED (changing the metric of
 * the live host), ERROR_NOT_ENOUGH_MEMORY, ERROR_CAN_NOT_COMPLETE.
 */
DWORD WINAPI GetIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row);
DWORD WINAPI GetIpInterfaceTable(ADDRESS_FAMILY Family,
				PMIB_IPINTERFACE_TABLE *Table);
DWORD WINAPI SetIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row);

/*
 * GetIfEntry2 - fill @Row of the interface its InterfaceLuid (or, when 0,
 * InterfaceIndex) names; GetIfTable2 - all interfaces (FreeMibTable).
 * Alias and Description are the link name, InterfaceGuid the one of
 * ConvertInterfaceLuidToGuid; Linux-side gaps: no hardware address, link
 * speeds and counters 0. Codes: NO_ERROR, ERROR_INVALID_PARAMETER (NULL,
 * both ids 0), ERROR_FILE_NOT_FOUND (unknown interface),
 * ERROR_NOT_ENOUGH_MEMORY, ERROR_CAN_NOT_COMPLETE.
 */
DWORD WINAPI GetIfEntry2(PMIB_IF_ROW2 Row);
DWORD WINAPI GetIfTable2(PMIB_IF_TABLE2 *Table);

typedef VOID(NETIOAPI_API_ *PUNICAST_IPADDRESS_CHANGE_CALLBACK)(
	PVOID CallerContext, PMIB_UNICASTIPADDRESS_ROW Row,
	MIB_NOTIFICATION_TYPE NotificationType);

/*
 * NotifyIpInterfaceChange/NotifyUnicastIpAddressChange - register
 * @Callback for interface or address changes of @Family (AF_UNSPEC: both);
 * with @InitialNotification it has been called once (NULL row,
 * MibInitialNotification) when the function returns. Cancel with
 * CancelMibChangeNotify2. On a table SetIpInterfaceEntry's changes are
 * notified (MibParameterNotification); on the live host addresses and
 * interfaces that come and go (MibAddInstance, MibDeleteInstance) and
 * interface state changes, seen with the kernel's route changes. Codes: NO_ERROR, ERROR_INVALID_PARAMETER
 * (bad family, NULL callback or handle pointer; *handle NULL),
 * ERROR_NOT_ENOUGH_MEMORY, ERROR_CAN_NOT_COMPLETE.
 */
DWORD WINAPI NotifyIpInterfaceChange(ADDRESS_FAMILY Family,
				     PIPINTERFACE_CHANGE_CALLBACK Callback,
				     PVOID CallerContext,
				     BOOLEAN InitialNotification,
				     HANDLE *NotificationHandle);
DWORD WINAPI NotifyUnicastIpAddressChange(
	ADDRESS_FAMILY Family, PUNICAST_IPADDRESS_CHANGE_CALLBACK Callback,
	PVOID CallerContext, BOOLEAN InitialNotification,
	HANDLE *NotificationHandle);

/*
 * The host's unicast addresses: GetUnicastIpAddressTable lists those of
 * a family (AF_UNSPEC: both; FreeMibTable frees it); GetUnicastIpAddressEntry
 * fills @Row named by Address and InterfaceLuid (or, when 0,
 * InterfaceIndex). CreationTimeStamp is 0 (Linux keeps none). Codes:
 * NO_ERROR, ERROR_INVALID_PARAMETER (NULL, bad family, no interface
 * given), ERROR_FILE_NOT_FOUND (unknown interface), ERROR_NOT_FOUND (no
 * such address there), ERROR_NOT_ENOUGH_MEMORY, ERROR_CAN_NOT_COMPLETE.
 */
DWORD WINAPI GetUnicastIpAddressTable(ADDRESS_FAMILY Family,
				      PMIB_UNICASTIPADDRESS_TABLE *Table);
DWORD WINAPI GetUnicastIpAddressEntry(PMIB_UNICASTIPADDRESS_ROW Row);

/*
 * Interface names and identifiers in 16-bit strings and GUIDs. The name
 * and the alias are both the link's name ("eth0"); lengths count WCHARs.
 * The GUID is made from the name: stable across runs and index changes.
 * Codes: NO_ERROR; ERROR_INVALID_PARAMETER (NULL, zero length, unknown
 * alias); ERROR_INVALID_NAME (unknown name, NULL name for NameToLuidW);
 * ERROR_FILE_NOT_FOUND (unknown LUID or GUID); ERROR_NOT_ENOUGH_MEMORY
 * (a buffer too short for the name); ERROR_CAN_NOT_COMPLETE.
 */
DWORD WINAPI ConvertInterfaceLuidToNameW(const NET_LUID *InterfaceLuid,
					 PWSTR InterfaceName, SIZE_T Length);
DWORD WINAPI ConvertInterfaceNameToLuidW(const WCHAR *InterfaceName,
					 NET_LUID *InterfaceLuid);
DWORD WINAPI ConvertInterfaceLuidToAlias(const NET_LUID *InterfaceLuid,
					 PWSTR InterfaceAlias, SIZE_T Length);
DWORD WINAPI ConvertInterfaceAliasToLuid(const WCHAR *InterfaceAlias,
					 PNET_LUID InterfaceLuid);
DWORD WINAPI ConvertInterfaceLuidToGuid(const NET_LUID *InterfaceLuid,
					GUID *InterfaceGuid);
DWORD WINAPI ConvertInterfaceGuidToLuid(const GUID *InterfaceGuid,
					PNET_LUID InterfaceLuid);
#ifdef UNICODE
#define ConvertInterfaceLuidToName ConvertInterfaceLuidToNameW
#define ConvertInterfaceNameToLuid ConvertInterfaceNameToLuidW
#else
#define ConvertInterfaceLuidToName ConvertInterfaceLuidToNameA
#define ConvertInterfaceNameToLuid ConvertInterfaceNameToLuidA
#endif

/*
 * if_nametoindex/if_indextoname as netioapi.h declares them: the index of
 * a name (0 if none), the name of an index into IF_NAMESIZE bytes (NULL
 * if none). They are the library's brt_netio_* functions under macros,
 * so the C library's functions of the same names stay what other code
 * of the process calls.
 */
#ifndef IF_NAMESIZE
#define IF_NAMESIZE 16
#endif
NET_IFINDEX WINAPI brt_netio_if_nametoindex(PCSTR InterfaceName);
PCHAR WINAPI brt_netio_if_indextoname(NET_IFINDEX InterfaceIndex,
				      PCHAR InterfaceName);
#define if_nametoindex brt_netio_if_nametoindex
#define if_indextoname brt_netio_if_indextoname

/* The same in both forms (they return nothing). */
VOID NETIOAPI_API_ InitializeIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row);
VOID NETIOAPI_API_ InitializeIpForwardEntry(PMIB_IPFORWARD_ROW2 Row);
VOID NETIOAPI_API_ FreeMibTable(PVOID Memory);

/*
 * brt_compat_use_table - bestroute's own: make every function above
 * answer for a table instead of the live host. @spec_list is what
 * BESTROUTE_TABLE holds: table files separated by ':' ("inet:" and
 * "inet6:" prefixes allowed), loaded now. "" selects the live host; NULL
 * forgets the choice, so the next call reads BESTROUTE_TABLE again.
 * Returns 0 or a negative BRT_E* code; on failure the reason is printed
 * once on standard error and every function returns
 * ERROR_CAN_NOT_COMPLETE (STATUS_UNSUCCESSFUL) until another choice.
 */
int brt_compat_use_table(const char *spec_list);

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* _NETIOAPI_H_ */
