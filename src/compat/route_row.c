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

/* @bytes of @family into @s, which is all zero. */
static void put_addr(SOCKADDR_INET *s, uint8_t family, const uint8_t *bytes)
{
	s->si_family = (ADDRESS_FAMILY)compat_family_out(family);
	if (family == BRT_AF_INET)
		memcpy(&s->Ipv4.sin_addr, bytes, 4);
	else if (family == BRT_AF_INET6)
		memcpy(&s->Ipv6.sin6_addr, bytes, 16);
}

/* Written field by field into a zeroed row: this is on the path of
 * every GetBestRoute2, so no helper that clears what is clear already. */
void compat_row_fill(const brt_table *t, const struct brt_route *r,
		     const struct brt_addr *gw, uint32_t ifindex, uint64_t luid,
		     MIB_IPFORWARD_ROW2 *row)
{
	memset(row, 0, sizeof(*row));
	row->InterfaceIndex = ifindex;
	row->InterfaceLuid.Value = luid;
	/* no scope ids: the row's interface already says which link */
	put_addr(&row->DestinationPrefix.Prefix, r->family, r->dst.addr.bytes);
	row->DestinationPrefix.PrefixLength = r->dst.len;
	put_addr(&row->NextHop, r->family,
		 gw && gw->family == r->family ? gw->bytes
					       : (const uint8_t[16]){0});
	row->ValidLifetime = r->expires ? r->expires : BRT_LIFETIME_FOREVER;
	row->PreferredLifetime = row->ValidLifetime;
	row->Metric = r->metric;
	row->Protocol = compat_protocol(r->protocol);
	row->Origin = compat_origin(r->protocol);
	row->Loopback = r->type == BRT_RT_LOCAL ||
			(r->dst.len == core_family_bits(r->family) &&
			 compat_route_is_loopback(t, r));
	row->Immortal = !r->expires;
}

void compat_row_from_route(const brt_table *t, const struct brt_route *r,
			       const struct brt_nexthop *nh,
			       MIB_IPFORWARD_ROW2 *row)
{
	uint32_t ifindex = nh ? nh->ifindex : 0;

	compat_row_fill(t, r, nh ? &nh->gw : NULL, ifindex,
			compat_luid_of(t, ifindex), row);
}

/* The origin Windows gives a protocol compat_protocol made: the same as
 * compat_origin of the Linux protocol it came from. */
static NL_ROUTE_ORIGIN origin_of(NL_ROUTE_PROTOCOL p)
{
	switch (p) {
	case RouteProtocolLocal: return NlroWellKnown;
	case RouteProtocolDhcp: return NlroDHCP;
	case RouteProtocolIcmp: return NlroRouterAdvertisement;
	default: return NlroManual;
	}
}

/* The class of @res's route from @c, or COMPAT_CLASS_READ. */
static unsigned route_class(const struct compat_links *c,
			    const struct brt_route *r)
{
	uintptr_t base, at = (uintptr_t)r;

	if (!c || !c->route_class)
		return COMPAT_CLASS_READ;
	base = (uintptr_t)c->routes;
	if (at < base || (at - base) % sizeof(*r) ||
	    (at - base) / sizeof(*r) >= c->n_routes)
		return COMPAT_CLASS_READ;
	return c->route_class[(at - base) / sizeof(*r)];
}

void compat_answer_row(const struct brt_compat_ref *ref,
		       const struct brt_result *res, MIB_IPFORWARD_ROW2 *row)
{
	unsigned cls = route_class(ref->links, res->route);
	uint64_t luid = compat_ref_luid(ref, res->ifindex);
	uint8_t family = res->prefix.addr.family;

	if (cls == COMPAT_CLASS_READ || !res->has_prefix) {
		compat_row_fill(ref->t, res->route, &res->gateway, res->ifindex,
				luid, row);
		return;
	}
	/* the answer holds the route's prefix, metric and type */
	memset(row, 0, sizeof(*row));
	row->InterfaceIndex = res->ifindex;
	row->InterfaceLuid.Value = luid;
	put_addr(&row->DestinationPrefix.Prefix, family, res->prefix.addr.bytes);
	row->DestinationPrefix.PrefixLength = res->prefix.len;
	put_addr(&row->NextHop, family,
		 res->gateway.family == family ? res->gateway.bytes
					       : (const uint8_t[16]){0});
	row->ValidLifetime = BRT_LIFETIME_FOREVER;
	row->PreferredLifetime = BRT_LIFETIME_FOREVER;
	row->Metric = res->metric;
	row->Protocol = (NL_ROUTE_PROTOCOL)cls;
	row->Origin = origin_of(row->Protocol);
	row->Loopback = res->type == BRT_RT_LOCAL ||
			(res->prefix.len == core_family_bits(family) &&
			 compat_is_local(ref->t, &res->prefix.addr, NULL));
	row->Immortal = true;
}
