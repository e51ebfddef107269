/*
 * adapters_info.c - GetAdaptersInfo, the IPv4-only adapter list of the
 * first generation: one IP_ADAPTER_INFO per link with IPv4 (the loopback
 * is left out, as Windows does), its IPv4 addresses and default gateways
 * as dotted text in IP_ADDR_STRING lists ("0.0.0.0" for none, as
 * Windows writes an empty list head). Sizing as GetAdaptersAddresses:
 * ERROR_BUFFER_OVERFLOW with the size needed, ERROR_NO_DATA for none.
 * AdapterName is the interface GUID in braces; no hardware address, no
 * DHCP or WINS data on Linux.
 */
#include <stdio.h>
#include <string.h>

#include "compat.h"

static bool listed(const brt_table *t, const struct brt_link *l)
{
	return l->type != BRT_LINK_LOOPBACK &&
	       compat_link_has_family(t, l, BRT_AF_INET);
}

static void put_text(const uint8_t *b, char out[16])
{
	snprintf(out, 16, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
}

static void put_mask(unsigned len, char out[16])
{
	uint8_t m[4] = {0, 0, 0, 0};

	memset(m, 0xff, 4);
	core_bits_mask(m, 4, len);
	put_text(m, out);
}

/* The link's IPv4 addresses into @head and (when @more is not NULL) the
 * entries after it; the number of entries beyond the head. */
static size_t fill_addresses(const brt_table *t, uint32_t ifindex,
			     PIP_ADDR_STRING head, PIP_ADDR_STRING more)
{
	size_t i, n = brt_table_address_count(t), extra = 0;
	PIP_ADDR_STRING cur = NULL;

	for (i = 0; i < n; i++) {
		const struct brt_address *x = brt_table_address(t, i);
		PIP_ADDR_STRING e;

		if (x->ifindex != ifindex || x->addr.family != BRT_AF_INET)
			continue;
		e = !cur ? head : more ? &more[extra] : NULL;
		if (cur)
			extra++;
		if (e) {
			memset(e, 0, sizeof(*e));
			put_text(x->addr.bytes, e->IpAddress.String);
			put_mask(x->plen, e->IpMask.String);
			e->Context = ifindex;
			if (cur)
				cur->Next = e;
			cur = e;
		} else
			cur = head;
	}
	return extra;
}

static void fill_gateway(const brt_table *t, uint32_t ifindex,
			 PIP_ADDR_STRING g)
{
	size_t i, n = brt_table_route_count(t);
	uint32_t k, cnt;
	bool bh;

	for (i = 0; i < n; i++) {
		const struct brt_route *r = brt_table_route(t, i);
		const struct brt_nexthop *nh;

		if (r->family != BRT_AF_INET || r->dst.len ||
		    r->type != BRT_RT_UNICAST || !compat_route_listed(t, r))
			continue;
		nh = core_route_nexthops(t, r, &cnt, &bh);
		for (k = 0; nh && k < cnt; k++)
			if (nh[k].ifindex == ifindex &&
			    nh[k].gw.family == BRT_AF_INET) {
				put_text(nh[k].gw.bytes, g->IpAddress.String);
				put_mask(32, g->IpMask.String);
				return;
			}
	}
}

static void fill_info(const brt_table *t, const struct brt_link *l,
		      PIP_ADAPTER_INFO a, PIP_ADDR_STRING more)
{
	GUID g;

	memset(a, 0, sizeof(*a));
	a->ComboIndex = a->Index = l->index;
	compat_guid_of(l->name, &g);
	snprintf(a->AdapterName, sizeof(a->AdapterName),
		 "{%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
		 (unsigned)g.Data1, g.Data2, g.Data3, g.Data4[0], g.Data4[1],
		 g.Data4[2], g.Data4[3], g.Data4[4], g.Data4[5], g.Data4[6],
		 g.Data4[7]);
	snprintf(a->Description, sizeof(a->Description), "%s", l->name);
	a->Type = compat_iftype(l->type);
	strcpy(a->IpAddressList.IpAddress.String, "0.0.0.0");
	strcpy(a->IpAddressList.IpMask.String, "0.0.0.0");
	strcpy(a->GatewayList.IpAddress.String, "0.0.0.0");
	strcpy(a->GatewayList.IpMask.String, "0.0.0.0");
	strcpy(a->DhcpServer.IpAddress.String, "0.0.0.0");
	fill_addresses(t, l->index, &a->IpAddressList, more);
	fill_gateway(t, l->index, &a->GatewayList);
}

static DWORD lay_out(const brt_table *t, PIP_ADAPTER_INFO out, PULONG size)
{
	size_t i, n = brt_table_link_count(t), count = 0, extra = 0, need;
	IP_ADDR_STRING head;
	PIP_ADAPTER_INFO a, prev = NULL;
	PIP_ADDR_STRING more;

	for (i = 0; i < n; i++)
		if (listed(t, brt_table_link(t, i))) {
			count++;
			extra += fill_addresses(t, brt_table_link(t, i)->index,
						&head, NULL);
		}
	if (!count)
		return ERROR_NO_DATA;
	need = count * sizeof(IP_ADAPTER_INFO) + extra * sizeof(IP_ADDR_STRING);
	if (!out || *size < need) {
		*size = (ULONG)need;
		return ERROR_BUFFER_OVERFLOW;
	}
	more = (PIP_ADDR_STRING)(out + count);
	for (i = 0, a = out; i < n; i++) {
		const struct brt_link *l = brt_table_link(t, i);

		if (!listed(t, l))
			continue;
		fill_info(t, l, a, more);
		more += fill_addresses(t, l->index, &head, NULL);
		if (prev)
			prev->Next = a;
		prev = a++;
	}
	return NO_ERROR;
}

ULONG WINAPI GetAdaptersInfo(PIP_ADAPTER_INFO AdapterInfo, PULONG SizePointer)
{
	struct brt_compat_ref ref;
	DWORD rc;

	if (!SizePointer)
		return ERROR_INVALID_PARAMETER;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	rc = lay_out(ref.t, AdapterInfo, SizePointer);
	compat_release(&ref);
	return rc;
}
