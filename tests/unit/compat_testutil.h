/*
 * compat_testutil.h - helpers of the Windows API tests: socket addresses
 * from text, expected LUIDs and rows, choosing a table of tests/data/compat.
 */
#ifndef BRT_COMPAT_TESTUTIL_H
#define BRT_COMPAT_TESTUTIL_H

#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bestroute/compat/iphlpapi.h"
#include "bestroute/compat/netioapi.h"
#include "testutil.h"

/* LUID as Windows builds it: IfType << 48 | NetLuidIndex << 24. */
/* protocol, origin pairs */
#define NETMGMT_P 3, 0

#define CT_LUID(type, idx) ((uint64_t)(type) << 48 | (uint64_t)(idx) << 24)

/* Make the functions answer for tests/data/compat/@name.table. */
static inline void ct_use(const char *name)
{
	char rel[128], path[512];

	snprintf(rel, sizeof(rel), "tests/data/compat/%s.table", name);
	assert_int_equal(brt_compat_use_table(tu_src_path(rel, path,
							   sizeof(path))), 0);
}

/*
 * A SOCKADDR_INET from "ADDR[%SCOPE][#PORT]", "" (all zero) or "af:N"
 * (family N, an address of junk).
 */
static inline SOCKADDR_INET ct_sa(const char *text)
{
	SOCKADDR_INET s;
	char buf[128], *pct, *hash;
	unsigned long scope = 0, port = 0;

	memset(&s, 0, sizeof(s));
	if (!*text)
		return s;
	if (!strncmp(text, "af:", 3)) {
		memset(&s, 0x5a, sizeof(s));
		s.si_family = (ADDRESS_FAMILY)atoi(text + 3);
		return s;
	}
	snprintf(buf, sizeof(buf), "%s", text);
	if ((hash = strchr(buf, '#'))) {
		*hash = 0;
		port = strtoul(hash + 1, NULL, 10);
	}
	if ((pct = strchr(buf, '%'))) {
		*pct = 0;
		scope = strtoul(pct + 1, NULL, 10);
	}
	if (inet_pton(AF_INET, buf, &s.Ipv4.sin_addr) == 1) {
		s.Ipv4.sin_family = AF_INET;
		s.Ipv4.sin_port = htons((uint16_t)port);
	} else if (inet_pton(AF_INET6, buf, &s.Ipv6.sin6_addr) == 1) {
		s.Ipv6.sin6_family = AF_INET6;
		s.Ipv6.sin6_port = htons((uint16_t)port);
		s.Ipv6.sin6_scope_id = (uint32_t)scope;
	} else
		fail_msg("bad address %s", text);
	return s;
}

/* A row as a caller of CreateIpForwardEntry2 fills it: initialised, then
 * prefix, next hop, interface, metric and protocol set. */
static inline MIB_IPFORWARD_ROW2 ct_row(const char *addr, int len,
					const char *hop, uint32_t ifindex,
					ULONG metric)
{
	MIB_IPFORWARD_ROW2 r;

	InitializeIpForwardEntry(&r);
	r.DestinationPrefix.Prefix = ct_sa(addr);
	r.DestinationPrefix.PrefixLength = (UINT8)len;
	r.NextHop = ct_sa(hop);
	r.InterfaceIndex = ifindex;
	r.Metric = metric;
	r.Protocol = RouteProtocolNetMgmt;
	return r;
}

/* What a row must hold, field by field. */
struct ct_row {
	uint32_t ifindex;
	uint16_t iftype;
	const char *prefix;	/* "ADDR/LEN" */
	const char *nexthop;	/* an address; "" means zeros of the family */
	uint32_t metric;
	int protocol;
	int origin;
	int loopback;
};

/* NetLuidIndex of an ifindex: itself, or the first one handed out. */
static inline uint32_t ct_luid_index(uint32_t ifindex)
{
	return ifindex > 0xffffff ? 0xffffff : ifindex;
}

static inline void ct_build_row(const struct ct_row *e, MIB_IPFORWARD_ROW2 *x)
{
	char buf[128], *slash;

	memset(x, 0, sizeof(*x));
	x->InterfaceLuid.Value = CT_LUID(e->iftype, ct_luid_index(e->ifindex));
	x->InterfaceIndex = e->ifindex;
	snprintf(buf, sizeof(buf), "%s", e->prefix);
	slash = strchr(buf, '/');
	assert_non_null(slash);
	*slash = 0;
	x->DestinationPrefix.Prefix = ct_sa(buf);
	x->DestinationPrefix.PrefixLength = (UINT8)atoi(slash + 1);
	if (*e->nexthop)
		x->NextHop = ct_sa(e->nexthop);
	else
		x->NextHop.si_family = x->DestinationPrefix.Prefix.si_family;
	x->ValidLifetime = x->PreferredLifetime = 0xffffffffu;
	x->Metric = e->metric;
	x->Protocol = (NL_ROUTE_PROTOCOL)e->protocol;
	x->Loopback = (BOOLEAN)e->loopback;
	x->Immortal = TRUE;
	x->Origin = (NL_ROUTE_ORIGIN)e->origin;
}

/* Every field of @row against @e, then every byte. */
static inline void ct_check_row(const MIB_IPFORWARD_ROW2 *row,
				const struct ct_row *e)
{
	MIB_IPFORWARD_ROW2 x;

	ct_build_row(e, &x);
	assert_int_equal(row->InterfaceIndex, x.InterfaceIndex);
	assert_int_equal(row->InterfaceLuid.Value, x.InterfaceLuid.Value);
	assert_int_equal(row->InterfaceLuid.Info.IfType, e->iftype);
	assert_memory_equal(&row->DestinationPrefix, &x.DestinationPrefix,
			    sizeof(x.DestinationPrefix));
	assert_memory_equal(&row->NextHop, &x.NextHop, sizeof(x.NextHop));
	assert_int_equal(row->Metric, x.Metric);
	assert_int_equal(row->Protocol, x.Protocol);
	assert_int_equal(row->Origin, x.Origin);
	assert_int_equal(row->Loopback, x.Loopback);
	assert_int_equal(row->SitePrefixLength, 0);
	assert_int_equal(row->ValidLifetime, 0xffffffffu);
	assert_int_equal(row->PreferredLifetime, 0xffffffffu);
	assert_int_equal(row->AutoconfigureAddress, 0);
	assert_int_equal(row->Publish, 0);
	assert_int_equal(row->Immortal, 1);
	assert_int_equal(row->Age, 0);
	assert_memory_equal(row, &x, sizeof(x));
}

static inline bool ct_all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n--)
		if (*b++)
			return false;
	return true;
}

#endif /* BRT_COMPAT_TESTUTIL_H */
