/*
 * nldef.h (bestroute) - network-layer enumerations: route protocols
 * (NL_ROUTE_PROTOCOL, with the MIB_IPPROTO_* names of the first
 * generation), route origins, address prefix and suffix origins, DAD
 * states, link-local address behaviour and router discovery. Values are
 * Windows'.
 */
#ifndef _NLDEF_
#define _NLDEF_
#define BESTROUTE_NLDEF_H

#include "bestroute_wintypes.h"

typedef enum {
	RouteProtocolOther = 1,
	RouteProtocolLocal = 2,
	RouteProtocolNetMgmt = 3,
	RouteProtocolIcmp = 4,
	RouteProtocolEgp = 5,
	RouteProtocolGgp = 6,
	RouteProtocolHello = 7,
	RouteProtocolRip = 8,
	RouteProtocolIsIs = 9,
	RouteProtocolEsIs = 10,
	RouteProtocolCisco = 11,
	RouteProtocolBbn = 12,
	RouteProtocolOspf = 13,
	RouteProtocolBgp = 14,
	RouteProtocolIdpr = 15,
	RouteProtocolEigrp = 16,
	RouteProtocolDvmrp = 17,
	RouteProtocolRpl = 18,
	RouteProtocolDhcp = 19,
	MIB_IPPROTO_OTHER = 1,
	MIB_IPPROTO_LOCAL = 2,
	MIB_IPPROTO_NETMGMT = 3,
	MIB_IPPROTO_ICMP = 4,
	MIB_IPPROTO_EGP = 5,
	MIB_IPPROTO_GGP = 6,
	MIB_IPPROTO_HELLO = 7,
	MIB_IPPROTO_RIP = 8,
	MIB_IPPROTO_IS_IS = 9,
	MIB_IPPROTO_ES_IS = 10,
	MIB_IPPROTO_CISCO = 11,
	MIB_IPPROTO_BBN = 12,
	MIB_IPPROTO_OSPF = 13,
	MIB_IPPROTO_BGP = 14,
	MIB_IPPROTO_IDPR = 15,
	MIB_IPPROTO_EIGRP = 16,
	MIB_IPPROTO_DVMRP = 17,
	MIB_IPPROTO_RPL = 18,
	MIB_IPPROTO_DHCP = 19,
	MIB_IPPROTO_NT_AUTOSTATIC = 10002,
	MIB_IPPROTO_NT_STATIC = 10006,
	MIB_IPPROTO_NT_STATIC_NON_DOD = 10007,
} NL_ROUTE_PROTOCOL, *PNL_ROUTE_PROTOCOL, MIB_IPFORWARD_PROTO;

typedef enum _NL_ROUTE_ORIGIN {
	NlroManual = 0,
	NlroWellKnown = 1,
	NlroDHCP = 2,
	NlroRouterAdvertisement = 3,
	Nlro6to4 = 4,
} NL_ROUTE_ORIGIN, *PNL_ROUTE_ORIGIN;

typedef enum {
	IpPrefixOriginOther = 0,
	IpPrefixOriginManual,
	IpPrefixOriginWellKnown,
	IpPrefixOriginDhcp,
	IpPrefixOriginRouterAdvertisement,
	IpPrefixOriginUnchanged = 1 << 4,
} NL_PREFIX_ORIGIN, IP_PREFIX_ORIGIN;

typedef enum {
	NlsoOther = 0,
	NlsoManual,
	NlsoWellKnown,
	NlsoDhcp,
	NlsoLinkLayerAddress,
	NlsoRandom,
	IpSuffixOriginOther = 0,
	IpSuffixOriginManual,
	IpSuffixOriginWellKnown,
	IpSuffixOriginDhcp,
	IpSuffixOriginLinkLayerAddress,
	IpSuffixOriginRandom,
	IpSuffixOriginUnchanged = 1 << 4,
} NL_SUFFIX_ORIGIN, IP_SUFFIX_ORIGIN;

typedef enum {
	NldsInvalid,
	NldsTentative,
	NldsDuplicate,
	NldsDeprecated,
	NldsPreferred,
	IpDadStateInvalid = 0,
	IpDadStateTentative,
	IpDadStateDuplicate,
	IpDadStateDeprecated,
	IpDadStatePreferred,
} NL_DAD_STATE, IP_DAD_STATE;

typedef enum _NL_LINK_LOCAL_ADDRESS_BEHAVIOR {
	LinkLocalAlwaysOff = 0,
	LinkLocalDelayed,
	LinkLocalAlwaysOn,
	LinkLocalUnchanged = -1,
} NL_LINK_LOCAL_ADDRESS_BEHAVIOR;

typedef enum _NL_ROUTER_DISCOVERY_BEHAVIOR {
	RouterDiscoveryDisabled = 0,
	RouterDiscoveryEnabled,
	RouterDiscoveryDhcp,
	RouterDiscoveryUnchanged = -1,
} NL_ROUTER_DISCOVERY_BEHAVIOR;

typedef struct _NL_INTERFACE_OFFLOAD_ROD {
	BOOLEAN NlChecksumSupported : 1;
	BOOLEAN NlOptionsSupported : 1;
	BOOLEAN TlDatagramChecksumSupported : 1;
	BOOLEAN TlStreamChecksumSupported : 1;
	BOOLEAN TlStreamOptionsSupported : 1;
	BOOLEAN FastPathCompatible : 1;
	BOOLEAN TlLargeSendOffloadSupported : 1;
	BOOLEAN TlGiantSendOffloadSupported : 1;
} NL_INTERFACE_OFFLOAD_ROD, *PNL_INTERFACE_OFFLOAD_ROD;

#define NL_MAX_METRIC_COMPONENT ((((ULONG)1) << 31) - 1)

#endif /* _NLDEF_ */
