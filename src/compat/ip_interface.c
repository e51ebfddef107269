/*
 * ip_interface.c - GetIpInterfaceEntry, GetIpInterfaceTable,
 * InitializeIpInterfaceEntry and SetIpInterfaceEntry: one IP interface
 * per link and enabled family.
 *
 * Metric is the link's interface metric, the very number the Windows
 * policy adds to a route's metric when it compares routes, so a program
 * that adds it to MIB_IPFORWARD_ROW2.Metric gets the effective metric of
 * our answers. A Linux host has no interface metric: 0 there, with
 * UseAutomaticMetric TRUE. What Linux lacks is reported as Windows'
 * defaults (documented in bestroute-winapi(3)): SitePrefixLength 64 for
 * both families (Windows reports it for IPv4 too, and refuses it back on
 * Set), ZoneIndices of the interface and link levels the ifindex.
 * SetIpInterfaceEntry changes Metric/UseAutomaticMetric of a table (a new
 * table swapped in whole, as route edits do); the live host has no
 * interface metric to set, so a change there is ERROR_NOT_SUPPORTED.
 */
#include <stdlib.h>
#include <string.h>

#include "compat.h"

/* The link a row names (LUID first, then index) for a family it has. */
static const struct brt_link *row_link(const brt_table *t,
				       const MIB_IPINTERFACE_ROW *row)
{
	const struct brt_link *l;

	if (row->InterfaceLuid.Value)
		l = compat_link_by_luid(t, row->InterfaceLuid.Value);
	else
		l = brt_table_link_by_index(t, row->InterfaceIndex);
	if (!l ||
	    !compat_link_has_family(t, l, compat_family_in(row->Family)))
		return NULL;
	return l;
}

void compat_interface_row(const brt_table *t, bool live,
			      const struct brt_link *l, ADDRESS_FAMILY family,
			      PMIB_IPINTERFACE_ROW row)
{
	uint32_t up = BRT_LINK_F_UP | BRT_LINK_F_CARRIER;

	memset(row, 0, sizeof(*row));
	row->Family = family;
	row->InterfaceIndex = l->index;
	row->InterfaceLuid.Value = compat_luid_of(t, l->index);
	row->MaxReassemblySize = 0xffff;
	row->WeakHostSend = (l->flags & BRT_LINK_F_WEAK_HOST_SEND) != 0;
	row->UseAutomaticMetric = live || !l->metric;
	row->UseNeighborUnreachabilityDetection = family == AF_INET6;
	row->RouterDiscoveryBehavior = family == AF_INET6
					       ? RouterDiscoveryEnabled
					       : RouterDiscoveryDhcp;
	row->DadTransmits = family == AF_INET6 ? 1 : 0;
	row->BaseReachableTime = 30000;
	row->RetransmitTime = 1000;
	row->PathMtuDiscoveryTimeout = 600000;
	row->LinkLocalAddressBehavior = LinkLocalAlwaysOn;
	row->ZoneIndices[ScopeLevelInterface] = l->index;
	row->ZoneIndices[ScopeLevelLink] = l->index;
	row->SitePrefixLength = 64;
	row->Metric = l->metric;
	row->NlMtu = l->mtu ? l->mtu : (l->type == BRT_LINK_LOOPBACK ? 65536 : 1500);
	row->Connected = (l->flags & up) == up;
	row->SupportsNeighborDiscovery = l->type != BRT_LINK_LOOPBACK;
	row->SupportsRouterDiscovery = l->type != BRT_LINK_LOOPBACK;
	row->ReachableTime = 30000;
}

DWORD WINAPI GetIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row)
{
	struct brt_compat_ref ref;
	const struct brt_link *l;
	ADDRESS_FAMILY family;
	DWORD rc;

	if (!Row || (Row->Family != AF_INET && Row->Family != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	l = row_link(ref.t, Row);
	family = Row->Family;
	if (l)
		compat_interface_row(ref.t, ref.live, l, family, Row);
	compat_release(&ref);
	return l ? NO_ERROR : ERROR_NOT_FOUND;
}

/* Rows of @family into @out (when not NULL); their number. */
static ULONG walk(const brt_table *t, bool live, ADDRESS_FAMILY family,
		  PMIB_IPINTERFACE_ROW out)
{
	size_t i, n = brt_table_link_count(t);
	ULONG rows = 0;

	for (i = 0; i < n; i++) {
		const struct brt_link *l = brt_table_link(t, i);

		if (!compat_link_has_family(t, l,
						compat_family_in(family)))
			continue;
		if (out)
			compat_interface_row(t, live, l, family, &out[rows]);
		rows++;
	}
	return rows;
}

static ULONG table_rows(const struct brt_compat_ref *ref,
			ADDRESS_FAMILY family, void *out)
{
	return walk(ref->t, ref->live, family, out);
}

DWORD WINAPI GetIpInterfaceTable(ADDRESS_FAMILY Family,
				 PMIB_IPINTERFACE_TABLE *Table)
{
	void *tab = NULL;
	DWORD rc;

	if (!Table)
		return ERROR_INVALID_PARAMETER;
	rc = compat_mib_table(Family, offsetof(MIB_IPINTERFACE_TABLE, Table),
			      sizeof(MIB_IPINTERFACE_ROW), table_rows, &tab);
	*Table = (PMIB_IPINTERFACE_TABLE)tab;
	return rc;
}

VOID WINAPI InitializeIpInterfaceEntry(PMIB_IPINTERFACE_ROW Row)
{
	if (!Row)
		return;
	/* Values that mean "unchanged" to SetIpInterfaceEntry. */
	memset(Row, 0, sizeof(*Row));
	Row->Family = AF_UNSPEC;
	Row->RouterDiscoveryBehavior = RouterDiscoveryUnchanged;
	Row->LinkLocalAddressBehavior = LinkLocalUnchanged;
	Row->SitePrefixLength = 0xffffffffu;
	Row->Metric = 0xffffffffu;
	Row->NlMtu = 0xffffffffu;
}
