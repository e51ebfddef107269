/*
 * forward_v1.c - routes as first-generation rows (MIB_IPFORWARDROW):
 * the row GetBestRoute returns and the rows of GetIpForwardTable.
 *
 * Windows' rules for these rows (IPv4 only, addresses in network byte
 * order): the mask is the prefix length's; a route without a gateway is
 * of type 3 (direct) and names the interface's own address as its next
 * hop, one with a gateway is of type 4 (indirect); dwForwardMetric1 is
 * the route metric plus the interface metric (what the route costs when
 * Windows compares), metrics 2 to 5 are unused (-1); the protocol is the
 * second generation's, whose numbers are the MIB_IPPROTO_* ones. On the
 * loopback interface of a Windows table the own address is 127.0.0.1,
 * which Windows always has there.
 */
#include <string.h>

#include "compat.h"

static DWORD mask_of(unsigned len)
{
	uint32_t host = len ? 0xffffffffu << (32 - len) : 0;
	uint8_t b[4] = {(uint8_t)(host >> 24), (uint8_t)(host >> 16),
			(uint8_t)(host >> 8), (uint8_t)host};
	DWORD out;

	memcpy(&out, b, 4);
	return out;
}

static bool in_prefix(const uint8_t *a, DWORD dest, DWORD mask)
{
	DWORD x;

	memcpy(&x, a, 4);
	return (x & mask) == dest;
}

/* The link's IPv4 address inside dest/mask, else its first; 0 for none. */
static DWORD own_address(const brt_table *t, uint32_t ifindex, DWORD dest,
			 DWORD mask)
{
	const struct brt_link *l = brt_table_link_by_index(t, ifindex);
	size_t i, n = brt_table_address_count(t);
	DWORD first = 0, x;

	if (l && l->type == BRT_LINK_LOOPBACK &&
	    brt_table_policy(t) == BRT_POLICY_WINDOWS) {
		uint8_t lo[4] = {127, 0, 0, 1};

		memcpy(&x, lo, 4);
		return x;
	}
	for (i = 0; i < n; i++) {
		const struct brt_address *a = brt_table_address(t, i);

		if (a->ifindex != ifindex || a->addr.family != BRT_AF_INET)
			continue;
		if (in_prefix(a->addr.bytes, dest, mask)) {
			memcpy(&x, a->addr.bytes, 4);
			return x;
		}
		if (!first)
			memcpy(&first, a->addr.bytes, 4);
	}
	return first;
}

void compat_v1_from_row(const brt_table *t, const MIB_IPFORWARD_ROW2 *row,
			    const SOCKADDR_INET *best, PMIB_IPFORWARDROW out)
{
	const struct brt_link *l =
		brt_table_link_by_index(t, row->InterfaceIndex);
	DWORD gw = row->NextHop.Ipv4.sin_addr.s_addr;

	memset(out, 0, sizeof(*out));
	out->dwForwardDest = row->DestinationPrefix.Prefix.Ipv4.sin_addr.s_addr;
	out->dwForwardMask = mask_of(row->DestinationPrefix.PrefixLength);
	out->dwForwardIfIndex = row->InterfaceIndex;
	out->dwForwardType =
		gw ? MIB_IPROUTE_TYPE_INDIRECT : MIB_IPROUTE_TYPE_DIRECT;
	if (!gw && best)
		gw = best->Ipv4.sin_addr.s_addr;
	if (!gw)
		gw = own_address(t, row->InterfaceIndex, out->dwForwardDest,
				 out->dwForwardMask);
	out->dwForwardNextHop = gw;
	out->dwForwardProto = (DWORD)row->Protocol;
	out->dwForwardAge = 0;
	out->dwForwardMetric1 = row->Metric + (l ? l->metric : 0);
	out->dwForwardMetric2 = out->dwForwardMetric3 = MIB_IPROUTE_METRIC_UNUSED;
	out->dwForwardMetric4 = out->dwForwardMetric5 = MIB_IPROUTE_METRIC_UNUSED;
}
