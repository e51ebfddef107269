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

NL_ROUTE_PROTOCOL compat_protocol(uint8_t proto)
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

NL_ROUTE_ORIGIN compat_origin(uint8_t proto)
{
	switch (proto) {
	case BRT_PROTO_KERNEL: return NlroWellKnown;
	case BRT_PROTO_DHCP: return NlroDHCP;
	case BRT_PROTO_RA: return NlroRouterAdvertisement;
	default: return NlroManual;
	}
}

uint8_t compat_proto_in(NL_ROUTE_PROTOCOL p)
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

bool compat_route_is_loopback(const brt_table *t,
				  const struct brt_route *r)
{
	if (r->type == BRT_RT_LOCAL)
		return true;
	return r->dst.len == core_family_bits(r->family) &&
	       compat_is_local(t, &r->dst.addr, NULL);
}

void compat_row_from_route(const brt_table *t, const struct brt_route *r,
			       const struct brt_nexthop *nh,
			       MIB_IPFORWARD_ROW2 *row)
{
	struct brt_addr dst = r->dst.addr;

	memset(row, 0, sizeof(*row));
	row->InterfaceIndex = nh ? nh->ifindex : 0;
	row->InterfaceLuid.Value = compat_luid_of(t, row->InterfaceIndex);
	dst.zone = 0;
	compat_inet_from_addr(&dst, &row->DestinationPrefix.Prefix);
	row->DestinationPrefix.PrefixLength = r->dst.len;
	if (nh && nh->gw.family == r->family) {
		struct brt_addr gw = nh->gw;

		/* The row's interface already says which link: no scope id. */
		gw.zone = 0;
		compat_inet_from_addr(&gw, &row->NextHop);
	} else
		compat_inet_zero(r->family, &row->NextHop);
	row->ValidLifetime = r->expires ? r->expires : BRT_LIFETIME_FOREVER;
	row->PreferredLifetime = row->ValidLifetime;
	row->Metric = r->metric;
	row->Protocol = compat_protocol(r->protocol);
	row->Origin = compat_origin(r->protocol);
	row->Loopback = compat_route_is_loopback(t, r);
	row->Immortal = !r->expires;
}
