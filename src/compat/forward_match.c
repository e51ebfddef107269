/*
 * forward_match.c - a caller's MIB_IPFORWARD_ROW2 as the key of a route:
 * (destination prefix, next hop, interface), the identity Windows gives a
 * route. The checks are those Windows makes before it looks at the
 * table, in its order: shape of the row first, then the interface.
 */
#include <string.h>

#include "compat.h"

static bool host_bits_set(const struct brt_addr *a, unsigned len)
{
	struct brt_addr m = *a;

	core_bits_mask(m.bytes, core_family_bytes(a->family), len);
	return memcmp(m.bytes, a->bytes, sizeof(m.bytes)) != 0;
}

/* The row's own shape: prefix, next hop, lifetimes, site prefix. */
static DWORD check_shape(const MIB_IPFORWARD_ROW2 *row,
			 struct brt_compat_key *key)
{
	struct brt_addr a;
	unsigned len = row->DestinationPrefix.PrefixLength;

	if (!compat_addr_from_inet(&row->DestinationPrefix.Prefix, &a))
		return ERROR_INVALID_PARAMETER;
	a.zone = 0;
	if (len > core_family_bits(a.family) || host_bits_set(&a, len))
		return ERROR_INVALID_PARAMETER;
	if (!compat_addr_from_inet(&row->NextHop, &key->gw) ||
	    key->gw.family != a.family)
		return ERROR_INVALID_PARAMETER;
	/* 255 is what InitializeIpForwardEntry leaves: "not given". */
	if (row->PreferredLifetime > row->ValidLifetime ||
	    (row->SitePrefixLength != 255 && row->SitePrefixLength > len))
		return ERROR_INVALID_PARAMETER;
	core_prefix_make(&key->dst, &a, len);
	if (core_addr_is_zero(&key->gw))
		memset(&key->gw, 0, sizeof(key->gw));
	else if (!core_addr_is_v6_linklocal(&key->gw))
		key->gw.zone = 0;
	return NO_ERROR;
}

DWORD compat_row_key(const brt_table *t, const MIB_IPFORWARD_ROW2 *row,
			 struct brt_compat_key *key)
{
	const struct brt_link *l;
	DWORD rc;

	memset(key, 0, sizeof(*key));
	if (!row)
		return ERROR_INVALID_PARAMETER;
	rc = check_shape(row, key);
	if (rc)
		return rc;
	if (!row->InterfaceLuid.Value && !row->InterfaceIndex)
		return ERROR_INVALID_PARAMETER;
	if (!t)
		return NO_ERROR;
	if (row->InterfaceLuid.Value)
		l = compat_link_by_luid(t, row->InterfaceLuid.Value);
	else
		l = brt_table_link_by_index(t, row->InterfaceIndex);
	if (!l)
		return ERROR_NOT_FOUND;
	key->ifindex = l->index;
	if (key->gw.family && core_addr_is_v6_linklocal(&key->gw))
		key->gw.zone = l->index;
	return NO_ERROR;
}

bool compat_route_listed(const brt_table *t, const struct brt_route *r)
{
	/* Error routes lead nowhere: Windows has no row for them. */
	if (r->type >= BRT_RT_BLACKHOLE && r->type <= BRT_RT_THROW)
		return false;
	/* Windows has one table; Linux answers from main and local unless
	 * rules say otherwise, and policy tables have no Windows row. */
	return brt_table_policy(t) == BRT_POLICY_WINDOWS ||
	       r->table == BRT_TABLE_MAIN || r->table == BRT_TABLE_LOCAL;
}

static bool nexthop_matches(const struct brt_nexthop *nh,
			    const struct brt_compat_key *key)
{
	if (nh->ifindex != key->ifindex)
		return false;
	if (!key->gw.family)
		return nh->gw.family == 0 || core_addr_is_zero(&nh->gw);
	return brt_addr_equal(&nh->gw, &key->gw);
}

const struct brt_route *compat_find_route(const brt_table *t,
					      const struct brt_compat_key *key,
					      const struct brt_nexthop **nh)
{
	size_t i, n = brt_table_route_count(t);
	uint32_t k, cnt;
	bool bh;

	for (i = 0; i < n; i++) {
		const struct brt_route *r = brt_table_route(t, i);
		const struct brt_nexthop *v;

		if (!compat_route_listed(t, r) ||
		    r->family != key->dst.addr.family ||
		    !core_prefix_equal(&r->dst, &key->dst))
			continue;
		v = core_route_nexthops(t, r, &cnt, &bh);
		for (k = 0; v && k < cnt; k++)
			if (nexthop_matches(&v[k], key)) {
				if (nh)
					*nh = &v[k];
				return r;
			}
	}
	return NULL;
}
