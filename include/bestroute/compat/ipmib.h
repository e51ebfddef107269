/*
 * ipmib.h (bestroute) - the IP forward table of the first generation:
 * MIB_IPFORWARDROW (each member under both its names: dwForwardType and
 * ForwardType, dwForwardProto and ForwardProto), MIB_IPFORWARDTABLE and
 * MIB_IPROUTE_TYPE_*. The MIB_IPPROTO_* values are in nldef.h. Layouts
 * are Windows'.
 */
#ifndef _IPMIB_
#define _IPMIB_
#define BESTROUTE_IPMIB_H

#include "bestroute_wintypes.h"
#include "ifdef.h"
#include "nldef.h"

typedef enum {
	MIB_IPROUTE_TYPE_OTHER = 1,
	MIB_IPROUTE_TYPE_INVALID = 2,
	MIB_IPROUTE_TYPE_DIRECT = 3,
	MIB_IPROUTE_TYPE_INDIRECT = 4,
} MIB_IPFORWARD_TYPE;

typedef NL_ROUTE_PROTOCOL MIB_IPFORWARD_PROTO;

typedef struct _MIB_IPFORWARDROW {
	DWORD dwForwardDest;		/* network byte order */
	DWORD dwForwardMask;		/* network byte order */
	DWORD dwForwardPolicy;
	DWORD dwForwardNextHop;		/* network byte order */
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

#define MIB_IPROUTE_METRIC_UNUSED ((DWORD)-1)

typedef struct _MIB_IPFORWARDTABLE {
	DWORD dwNumEntries;
	MIB_IPFORWARDROW table[ANY_SIZE];
} MIB_IPFORWARDTABLE, *PMIB_IPFORWARDTABLE;

#define SIZEOF_IPFORWARDTABLE(x)                                   \
	(offsetof(MIB_IPFORWARDTABLE, table) +                     \
	 (x) * sizeof(MIB_IPFORWARDROW) + 8)

BRT_STATIC_ASSERT(sizeof(MIB_IPFORWARDROW) == 56, "MIB_IPFORWARDROW is 56");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARDROW, dwForwardIfIndex) == 16, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARDROW, dwForwardType) == 20, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARDROW, ForwardType) == 20, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARDROW, dwForwardProto) == 24, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARDROW, ForwardProto) == 24, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARDROW, dwForwardMetric1) == 36, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARDROW, dwForwardMetric5) == 52, "");
BRT_STATIC_ASSERT(offsetof(MIB_IPFORWARDTABLE, table) == 4, "table at 4");

#endif /* _IPMIB_ */
