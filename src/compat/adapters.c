/*
 * adapters.c - GetAdaptersAddresses: one IP_ADAPTER_ADDRESSES per link
 * (with the family asked for enabled), with its unicast addresses and,
 * on request, its prefixes and gateways, all in the caller's one buffer.
 *
 * Windows' contract: *SizePointer too small (or a NULL buffer) stores the
 * size needed and returns ERROR_BUFFER_OVERFLOW; no adapter is
 * ERROR_NO_DATA; a family other than AF_UNSPEC/AF_INET/AF_INET6 or a
 * non-NULL Reserved is ERROR_INVALID_PARAMETER. The buffer is laid out
 * twice by the same code: once to measure (writes go to a scratch block),
 * once for real, so the two can never disagree on the size.
 *
 * What a Linux host lacks: no anycast, multicast, DNS server, WINS or
 * DNS suffix entries (empty lists, DnsSuffix ""), no hardware address
 * (length 0), link speeds 0; AdapterName is the interface GUID in braces
 * (ConvertInterfaceLuidToGuid's), FriendlyName and Description the link
 * name; Ipv4Metric and Ipv6Metric the interface metric (0 on Linux).
 */
#include <stdio.h>
#include <string.h>

#include "compat.h"

struct arena {
	char *base;
	size_t used;
	bool write;
};

/* Room for @n bytes, 8-aligned and zeroed (scratch when measuring). */
static void *take(struct arena *a, size_t n)
{
	static _Thread_local char scratch[1024] __attribute__((aligned(8)));
	size_t off = (a->used + 7) & ~(size_t)7;
	void *p;

	a->used = off + n;
	p = a->write ? (void *)(a->base + off) : (void *)scratch;
	memset(p, 0, n);
	return p;
}

static SOCKET_ADDRESS sockaddr_of(struct arena *a, const struct brt_addr *x)
{
	SOCKET_ADDRESS s;
	SOCKADDR_INET in;
	int len = x->family == BRT_AF_INET ? (int)sizeof(SOCKADDR_IN)
					   : (int)sizeof(SOCKADDR_IN6);
	void *p = take(a, (size_t)len);

	compat_inet_from_addr(x, &in);
	memcpy(p, &in, (size_t)len);
	s.lpSockaddr = (LPSOCKADDR)p;
	s.iSockaddrLength = len;
	return s;
}

static PWCHAR wide_of(struct arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	PWCHAR w = (PWCHAR)take(a, n * sizeof(WCHAR));

	compat_widen(s, w, n);
	return w;
}

static bool family_wanted(ULONG family, uint8_t f)
{
	return family == AF_UNSPEC || compat_family_in(family) == f;
}

static IP_DAD_STATE dad_state(uint32_t flags)
{
	if (flags & BRT_ADDR_F_DADFAILED)
		return IpDadStateDuplicate;
	if (flags & BRT_ADDR_F_TENTATIVE)
		return IpDadStateTentative;
	if (flags & BRT_ADDR_F_DEPRECATED)
		return IpDadStateDeprecated;
	return IpDadStatePreferred;
}

static void fill_unicast(struct arena *a, const struct brt_address *x,
			 PIP_ADAPTER_UNICAST_ADDRESS u)
{
	struct brt_addr ad = x->addr;
	bool ll = core_addr_is_v6_linklocal(&ad);

	ad.zone = ll ? x->ifindex : 0;
	u->Length = sizeof(*u);
	u->Flags = (ll ? 0 : IP_ADAPTER_ADDRESS_DNS_ELIGIBLE) |
		   (x->flags & BRT_ADDR_F_TEMPORARY ? IP_ADAPTER_ADDRESS_TRANSIENT
						   : 0);
	u->Address = sockaddr_of(a, &ad);
	u->PrefixOrigin = ll ? IpPrefixOriginWellKnown
			  : x->flags & BRT_ADDR_F_PERMANENT ? IpPrefixOriginManual
			  : x->addr.family == BRT_AF_INET ? IpPrefixOriginDhcp
							: IpPrefixOriginRouterAdvertisement;
	u->SuffixOrigin = ll ? IpSuffixOriginLinkLayerAddress
			  : x->flags & BRT_ADDR_F_TEMPORARY ? IpSuffixOriginRandom
							    : IpSuffixOriginManual;
	u->DadState = dad_state(x->flags);
	u->ValidLifetime = x->valid_lft;
	u->PreferredLifetime = x->preferred_lft;
	u->LeaseLifetime = x->valid_lft;
	u->OnLinkPrefixLength = x->plen;
}

static void add_unicasts(struct arena *a, const brt_table *t, ULONG family,
			 uint32_t ifindex, PIP_ADAPTER_ADDRESSES ad)
{
	PIP_ADAPTER_UNICAST_ADDRESS *tail = &ad->FirstUnicastAddress;
	size_t i, n = brt_table_address_count(t);

	for (i = 0; i < n; i++) {
		const struct brt_address *x = brt_table_address(t, i);
		PIP_ADAPTER_UNICAST_ADDRESS u;

		if (x->ifindex != ifindex || !family_wanted(family, x->addr.family))
			continue;
		u = (PIP_ADAPTER_UNICAST_ADDRESS)take(a, sizeof(*u));
		fill_unicast(a, x, u);
		*tail = u;
		tail = &u->Next;
	}
}

/* Per address its on-link prefix and its own host prefix. */
static void add_prefixes(struct arena *a, const brt_table *t, ULONG family,
			 uint32_t ifindex, PIP_ADAPTER_ADDRESSES ad)
{
	PIP_ADAPTER_PREFIX *tail = &ad->FirstPrefix;
	size_t i, n = brt_table_address_count(t);
	int k;

	for (i = 0; i < n; i++) {
		const struct brt_address *x = brt_table_address(t, i);

		if (x->ifindex != ifindex || !family_wanted(family, x->addr.family))
			continue;
		for (k = 0; k < 2; k++) {
			struct brt_addr p = x->addr;
			unsigned len = k ? core_family_bits(p.family) : x->plen;
			PIP_ADAPTER_PREFIX e;

			p.zone = 0;
			core_bits_mask(p.bytes, core_family_bytes(p.family), len);
			e = (PIP_ADAPTER_PREFIX)take(a, sizeof(*e));
			e->Length = sizeof(*e);
			e->Address = sockaddr_of(a, &p);
			e->PrefixLength = len;
			*tail = e;
			tail = &e->Next;
		}
	}
}

/* The gateways of the link's default routes (of the family asked). */
static void add_gateways(struct arena *a, const brt_table *t, ULONG family,
			 uint32_t ifindex, PIP_ADAPTER_ADDRESSES ad)
{
	PIP_ADAPTER_GATEWAY_ADDRESS *tail = &ad->FirstGatewayAddress;
	size_t i, n = brt_table_route_count(t);
	uint32_t k, cnt;
	bool bh;

	for (i = 0; i < n; i++) {
		const struct brt_route *r = brt_table_route(t, i);
		const struct brt_nexthop *nh;

		if (r->dst.len || r->type != BRT_RT_UNICAST ||
		    !family_wanted(family, r->family) ||
		    !compat_route_listed(t, r))
			continue;
		nh = core_route_nexthops(t, r, &cnt, &bh);
		for (k = 0; nh && k < cnt; k++) {
			struct brt_addr gw = nh[k].gw;
			PIP_ADAPTER_GATEWAY_ADDRESS g;

			if (nh[k].ifindex != ifindex || gw.family != r->family)
				continue;
			gw.zone = core_addr_is_v6_linklocal(&gw) ? ifindex : 0;
			g = (PIP_ADAPTER_GATEWAY_ADDRESS)take(a, sizeof(*g));
			g->Length = sizeof(*g);
			g->Address = sockaddr_of(a, &gw);
			*tail = g;
			tail = &g->Next;
		}
	}
}

static IF_OPER_STATUS oper_status(const struct brt_link *l)
{
	if (!(l->flags & BRT_LINK_F_UP))
		return IfOperStatusDown;
	return l->flags & BRT_LINK_F_CARRIER ? IfOperStatusUp
					     : IfOperStatusLowerLayerDown;
}

static void fill_adapter(struct arena *a, const brt_table *t,
			 const struct brt_link *l, ULONG family, ULONG flags,
			 PIP_ADAPTER_ADDRESSES ad)
{
	bool v4 = compat_link_has_family(t, l, BRT_AF_INET);
	bool v6 = compat_link_has_family(t, l, BRT_AF_INET6);
	char guid[40];
	GUID g;

	ad->Length = sizeof(*ad);
	ad->IfIndex = v4 ? l->index : 0;
	ad->Ipv6IfIndex = v6 ? l->index : 0;
	compat_guid_of(l->name, &g);
	snprintf(guid, sizeof(guid),
		 "{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
		 (unsigned)g.Data1, g.Data2, g.Data3, g.Data4[0], g.Data4[1],
		 g.Data4[2], g.Data4[3], g.Data4[4], g.Data4[5], g.Data4[6],
		 g.Data4[7]);
	ad->AdapterName = (PCHAR)take(a, strlen(guid) + 1);
	strcpy(ad->AdapterName, guid);
	ad->NetworkGuid = g;
	ad->DnsSuffix = wide_of(a, "");
	ad->Description = wide_of(a, l->name);
	ad->FriendlyName = wide_of(a, flags & GAA_FLAG_SKIP_FRIENDLY_NAME ? ""
									   : l->name);
	ad->Flags = (v4 ? IP_ADAPTER_IPV4_ENABLED : 0) |
		    (v6 ? IP_ADAPTER_IPV6_ENABLED : 0);
	ad->Mtu = l->mtu ? l->mtu : l->type == BRT_LINK_LOOPBACK ? 65536 : 1500;
	ad->IfType = compat_iftype(l->type);
	ad->OperStatus = oper_status(l);
	ad->ZoneIndices[ScopeLevelInterface] = l->index;
	ad->ZoneIndices[ScopeLevelLink] = l->index;
	ad->Ipv4Metric = ad->Ipv6Metric = l->metric;
	ad->Luid.Value = compat_luid_of(t, l->index);
	ad->CompartmentId = NET_IF_COMPARTMENT_ID_PRIMARY;
	ad->ConnectionType = NET_IF_CONNECTION_DEDICATED;
	ad->TunnelType = l->type == BRT_LINK_TUNNEL ? TUNNEL_TYPE_OTHER
						    : TUNNEL_TYPE_NONE;
	if (!(flags & GAA_FLAG_SKIP_UNICAST))
		add_unicasts(a, t, family, l->index, ad);
	if (flags & GAA_FLAG_INCLUDE_PREFIX)
		add_prefixes(a, t, family, l->index, ad);
	if (flags & GAA_FLAG_INCLUDE_GATEWAYS)
		add_gateways(a, t, family, l->index, ad);
}

/* Lay the adapters out in @a; their number. */
static ULONG lay_out(struct arena *a, const brt_table *t, ULONG family,
		     ULONG flags)
{
	PIP_ADAPTER_ADDRESSES *tail = NULL, ad;
	size_t i, n = brt_table_link_count(t);
	ULONG count = 0;

	for (i = 0; i < n; i++) {
		const struct brt_link *l = brt_table_link(t, i);

		if (family != AF_UNSPEC &&
		    !compat_link_has_family(t, l, compat_family_in(family)))
			continue;
		ad = (PIP_ADAPTER_ADDRESSES)take(a, sizeof(*ad));
		if (tail)
			*tail = ad;
		fill_adapter(a, t, l, family, flags, ad);
		tail = &ad->Next;
		count++;
	}
	return count;
}

ULONG WINAPI GetAdaptersAddresses(ULONG Family, ULONG Flags, PVOID Reserved,
				  PIP_ADAPTER_ADDRESSES AdapterAddresses,
				  PULONG SizePointer)
{
	struct brt_compat_ref ref;
	struct arena a = {NULL, 0, false};
	ULONG count;
	DWORD rc;

	if (!SizePointer || Reserved ||
	    (Family != AF_UNSPEC && Family != AF_INET && Family != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	count = lay_out(&a, ref.t, Family, Flags);
	if (!count)
		rc = ERROR_NO_DATA;
	else if (!AdapterAddresses || *SizePointer < a.used) {
		*SizePointer = (ULONG)a.used;
		rc = ERROR_BUFFER_OVERFLOW;
	} else {
		a.base = (char *)AdapterAddresses;
		a.used = 0;
		a.write = true;
		lay_out(&a, ref.t, Family, Flags);
	}
	compat_release(&ref);
	return rc;
}
