/*
 * forward_edit_v1.c - CreateIpForwardEntry, SetIpForwardEntry and
 * DeleteIpForwardEntry: a first-generation row translated into a
 * MIB_IPFORWARD_ROW2 and handed to the second-generation function, so
 * both generations edit (and notify) the same way.
 *
 * The translation is Windows' (since Vista): dwForwardMetric1 is route
 * metric + interface metric, so the route metric is the difference, and a
 * dwForwardMetric1 below the interface metric is ERROR_INVALID_PARAMETER
 * for Create and Set (programs like OpenVPN add the interface metric
 * themselves); a direct row (type 3, or a next hop that is 0 or one of
 * the interface's own addresses) is an on-link route; Create insists on
 * dwForwardProto MIB_IPPROTO_NETMGMT, as Windows does. A mask that is not
 * contiguous, a destination with bits outside the mask or an unknown
 * interface is ERROR_INVALID_PARAMETER; the rest (ERROR_NOT_FOUND for a
 * missing route, ERROR_OBJECT_ALREADY_EXISTS, ERROR_ACCESS_DENIED) is the
 * second-generation function's answer.
 */
#include <string.h>

#include "compat.h"

enum v1_kind { V1_CREATE, V1_SET, V1_DELETE };

/* The prefix length of a network-order mask; -1 when not contiguous. */
static int mask_len(DWORD mask)
{
	const uint8_t *b = (const uint8_t *)&mask;
	uint32_t m = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
		     (uint32_t)b[2] << 8 | b[3];
	int len = 0;

	while (len < 32 && (m & (0x80000000u >> len)))
		len++;
	if (len < 32 && (m << len))
		return -1;
	return len;
}

static bool own_address(const brt_table *t, uint32_t ifindex, DWORD a)
{
	size_t i, n = brt_table_address_count(t);

	for (i = 0; i < n; i++) {
		const struct brt_address *x = brt_table_address(t, i);

		if (x->ifindex == ifindex && x->addr.family == BRT_AF_INET &&
		    !memcmp(x->addr.bytes, &a, 4))
			return true;
	}
	return false;
}

/* @in as a second-generation row, checked against table @t. */
static DWORD translate(const brt_table *t, enum v1_kind kind,
		       const MIB_IPFORWARDROW *in, MIB_IPFORWARD_ROW2 *row)
{
	const struct brt_link *l = brt_table_link_by_index(t, in->dwForwardIfIndex);
	int len = mask_len(in->dwForwardMask);
	bool direct;

	if (len < 0 || (in->dwForwardDest & ~in->dwForwardMask) || !l)
		return ERROR_INVALID_PARAMETER;
	if (kind == V1_CREATE && in->dwForwardProto != MIB_IPPROTO_NETMGMT)
		return ERROR_INVALID_PARAMETER;
	if (kind != V1_DELETE && in->dwForwardMetric1 < l->metric)
		return ERROR_INVALID_PARAMETER;
	InitializeIpForwardEntry(row);
	row->InterfaceIndex = in->dwForwardIfIndex;
	compat_inet_zero(BRT_AF_INET, &row->DestinationPrefix.Prefix);
	row->DestinationPrefix.Prefix.Ipv4.sin_addr.s_addr = in->dwForwardDest;
	row->DestinationPrefix.PrefixLength = (UINT8)len;
	compat_inet_zero(BRT_AF_INET, &row->NextHop);
	direct = in->dwForwardType == MIB_IPROUTE_TYPE_DIRECT ||
		 !in->dwForwardNextHop ||
		 own_address(t, l->index, in->dwForwardNextHop);
	if (!direct)
		row->NextHop.Ipv4.sin_addr.s_addr = in->dwForwardNextHop;
	row->Protocol = RouteProtocolNetMgmt;
	if (kind != V1_DELETE)
		row->Metric = in->dwForwardMetric1 - l->metric;
	return NO_ERROR;
}

static DWORD edit_v1(enum v1_kind kind, const MIB_IPFORWARDROW *in)
{
	struct brt_compat_ref ref;
	MIB_IPFORWARD_ROW2 row;
	DWORD rc;

	if (!in)
		return ERROR_INVALID_PARAMETER;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	rc = translate(ref.t, kind, in, &row);
	compat_release(&ref);
	if (rc)
		return rc;
	if (kind == V1_CREATE)
		return CreateIpForwardEntry2(&row);
	if (kind == V1_SET)
		return SetIpForwardEntry2(&row);
	return DeleteIpForwardEntry2(&row);
}

DWORD WINAPI CreateIpForwardEntry(PMIB_IPFORWARDROW pRoute)
{
	return edit_v1(V1_CREATE, pRoute);
}

DWORD WINAPI SetIpForwardEntry(PMIB_IPFORWARDROW pRoute)
{
	return edit_v1(V1_SET, pRoute);
}

DWORD WINAPI DeleteIpForwardEntry(PMIB_IPFORWARDROW pRoute)
{
	return edit_v1(V1_DELETE, pRoute);
}
