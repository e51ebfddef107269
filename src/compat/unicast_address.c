/*
 * unicast_address.c - GetUnicastIpAddressTable and
 * GetUnicastIpAddressEntry: the table's addresses as
 * MIB_UNICASTIPADDRESS_ROWs, IPv4 first. Origins and DAD states follow
 * the address flags as in GetAdaptersAddresses (adapters.c); a link-local
 * address carries its link as scope id (ScopeId Zone, Level link).
 */
#include <stdlib.h>
#include <string.h>

#include "compat.h"

void compat_unicast_row(const brt_table *t, const struct brt_address *x,
			    PMIB_UNICASTIPADDRESS_ROW row)
{
	struct brt_addr a = x->addr;
	bool ll = core_addr_is_v6_linklocal(&a);

	memset(row, 0, sizeof(*row));
	a.zone = ll ? x->ifindex : 0;
	compat_inet_from_addr(&a, &row->Address);
	row->InterfaceIndex = x->ifindex;
	row->InterfaceLuid.Value = compat_luid_of(t, x->ifindex);
	row->PrefixOrigin = ll ? IpPrefixOriginWellKnown
			    : x->flags & BRT_ADDR_F_PERMANENT ? IpPrefixOriginManual
			    : a.family == BRT_AF_INET ? IpPrefixOriginDhcp
						      : IpPrefixOriginRouterAdvertisement;
	row->SuffixOrigin = ll ? IpSuffixOriginLinkLayerAddress
			    : x->flags & BRT_ADDR_F_TEMPORARY ? IpSuffixOriginRandom
							      : IpSuffixOriginManual;
	row->ValidLifetime = x->valid_lft;
	row->PreferredLifetime = x->preferred_lft;
	row->OnLinkPrefixLength = x->plen;
	row->SkipAsSource = (x->flags & BRT_ADDR_F_SKIP_AS_SOURCE) != 0;
	row->DadState = x->flags & BRT_ADDR_F_DADFAILED ? IpDadStateDuplicate
			: x->flags & BRT_ADDR_F_TENTATIVE ? IpDadStateTentative
			: x->flags & BRT_ADDR_F_DEPRECATED ? IpDadStateDeprecated
							   : IpDadStatePreferred;
	if (ll) {
		row->ScopeId.Zone = x->ifindex;
		row->ScopeId.Level = ScopeLevelLink;
	}
}

static ULONG walk(const brt_table *t, uint8_t family,
		  PMIB_UNICASTIPADDRESS_ROW out)
{
	size_t i, n = brt_table_address_count(t);
	ULONG rows = 0;

	for (i = 0; i < n; i++) {
		const struct brt_address *x = brt_table_address(t, i);

		if (x->addr.family != family)
			continue;
		if (out)
			compat_unicast_row(t, x, &out[rows]);
		rows++;
	}
	return rows;
}

static ULONG table_rows(const struct brt_compat_ref *ref,
			ADDRESS_FAMILY family, void *out)
{
	return walk(ref->t, compat_family_in(family), out);
}

DWORD WINAPI GetUnicastIpAddressTable(ADDRESS_FAMILY Family,
				      PMIB_UNICASTIPADDRESS_TABLE *Table)
{
	void *tab = NULL;
	DWORD rc;

	if (!Table)
		return ERROR_INVALID_PARAMETER;
	rc = compat_mib_table(Family, offsetof(MIB_UNICASTIPADDRESS_TABLE, Table),
			      sizeof(MIB_UNICASTIPADDRESS_ROW), table_rows, &tab);
	*Table = (PMIB_UNICASTIPADDRESS_TABLE)tab;
	return rc;
}

static DWORD find_entry(const brt_table *t, PMIB_UNICASTIPADDRESS_ROW row)
{
	const struct brt_link *l;
	struct brt_addr a;
	size_t i, n = brt_table_address_count(t);

	if (row->InterfaceLuid.Value)
		l = compat_link_by_luid(t, row->InterfaceLuid.Value);
	else if (row->InterfaceIndex)
		l = brt_table_link_by_index(t, row->InterfaceIndex);
	else
		return ERROR_INVALID_PARAMETER;
	if (!l)
		return ERROR_FILE_NOT_FOUND;
	compat_addr_from_inet(&row->Address, &a);
	for (i = 0; i < n; i++) {
		const struct brt_address *x = brt_table_address(t, i);

		if (x->ifindex == l->index && brt_addr_equal(&x->addr, &a)) {
			compat_unicast_row(t, x, row);
			return NO_ERROR;
		}
	}
	return ERROR_NOT_FOUND;
}

DWORD WINAPI GetUnicastIpAddressEntry(PMIB_UNICASTIPADDRESS_ROW Row)
{
	struct brt_compat_ref ref;
	DWORD rc;

	if (!Row || !compat_family_in(Row->Address.si_family))
		return ERROR_INVALID_PARAMETER;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	rc = find_entry(ref.t, Row);
	compat_release(&ref);
	return rc;
}
