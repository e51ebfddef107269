/*
 * route_row.c - a route of a table written as a Windows route row.
 *
 * Windows has one route per (prefix, next hop, interface): a multipath
 * route gives one row per next hop. The row keeps the route's own metric
 * (Windows adds the interface metric only when comparing). Protocol and
 * origin come from the Linux protocol of the route, by what the kernel or
 * a daemon meant when it tagged the route.
 */
#include <string.h>

#include "compat.h"

NL_ROUTE_PROTOCOL brt_compat_protocol(uint8_t proto)
{
	switch (proto) {
	case BRT_PROTO_KERNEL: return RouteProtocolLocal;
	case BRT_PROTO_BOOT:
	case BRT_PROTO_STATIC: return RouteProtocolNetMgmt;
	case BRT_PROTO_DHCP: return RouteProtocolDhcp;
	case BRT_PROTO_RA: return RouteProtocolIcmp;
	case BRT_PROTO_BGP: return RouteProtocolBgp;
	case BRT_PROTO_OSPF: return RouteProtocolOspf;
	case BRT_PROTO_RIP: return RouteProtocolRip;
	default: return RouteProtocolOther;
	}
}

NL_ROUTE_ORIGIN brt_compat_origin(uint8_t proto)
{
	switch (proto) {
	case BRT_PROTO_KERNEL: return NlroWellKnown;
	case BRT_PROTO_DHCP: return NlroDHCP;
	case BRT_PROTO_RA: return NlroRouterAdvertisement;
	default: return NlroManual;
	}
}

uint8_t brt_compat_proto_in(NL_ROUTE_PROTOCOL p)
{
	switch (p) {
	case RouteProtocolLocal: return BRT_PROTO_KERNEL;
	case RouteProtocolDhcp: return BRT_PROTO_DHCP;
	case RouteProtocolIcmp: return BRT_PROTO_RA;
	case RouteProtocolBgp: return BRT_PROTO_BGP;
	case RouteProtocolOspf: return BRT_PROTO_OSPF;
	case RouteProtocolRip: return BRT_PROTO_RIP;
	default: return BRT_PROTO_STATIC;
	}
}

bool brt_compat_route_is_loopback(const brt_table *t,
				  const struct brt_route *r)
{
	if (r->type == BRT_RT_LOCAL)
		return true;
	return r->dst.len == brt_family_bits(r->family) &&
	       brt_compat_is_local(t, &r->dst.addr, NULL);
}

void brt_compat_row_from_route(const brt_table *t, const struct brt_route *r,
			       const struct brt_nexthop *nh,
			       MIB_IPFORWARD_ROW2 *row)
{
	struct brt_addr dst = r->dst.addr;

	memset(row, 0, sizeof(*row));
	row->InterfaceIndex = nh ? nh->ifindex : 0;
	row->InterfaceLuid.Value = brt_compat_luid_of(t, row->InterfaceIndex);
	dst.zone = 0;
	brt_compat_inet_from_addr(&dst, &row->DestinationPrefix.Prefix);
	row->DestinationPrefix.PrefixLength = r->dst.len;
	if (nh && nh->gw.family == r->family) {
		struct brt_addr gw = nh->gw;

		/* The row's interface already says which link: no scope id. */
		gw.zone = 0;
		brt_compat_inet_from_addr(&gw, &row->NextHop);
	} else
		brt_compat_inet_zero(r->family, &row->NextHop);
	row->ValidLifetime = r->expires ? r->expires : BRT_LIFETIME_FOREVER;
	row->PreferredLifetime = row->ValidLifetime;
	row->Metric = r->metric;
	row->Protocol = brt_compat_protocol(r->protocol);
	row->Origin = brt_compat_origin(r->protocol);
	row->Loopback = brt_compat_route_is_loopback(t, r);
	row->Immortal = !r->expires;
}
