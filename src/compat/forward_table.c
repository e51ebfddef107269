/*
 * forward_table.c - reading routes as Windows rows: GetIpForwardTable2,
 * GetIpForwardEntry2, InitializeIpForwardEntry and FreeMibTable.
 *
 * The table lists the routes of the main and local tables that have an
 * interface (error routes have none, so Windows would not list them), one
 * row per next hop, IPv4 rows first. It is counted first and then filled,
 * so the caller gets the whole table in one allocation or nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "compat.h"

/* Rows of @family into @out (when not NULL); the number of rows. */
static size_t walk_family(const brt_table *t, uint8_t family,
			  MIB_IPFORWARD_ROW2 *out)
{
	size_t i, n = brt_table_route_count(t), rows = 0;
	uint32_t k, cnt;
	bool bh;

	for (i = 0; i < n; i++) {
		const struct brt_route *r = brt_table_route(t, i);
		const struct brt_nexthop *nh;

		if (r->family != family || !compat_route_listed(t, r))
			continue;
		nh = core_route_nexthops(t, r, &cnt, &bh);
		for (k = 0; nh && k < cnt; k++) {
			if (!nh[k].ifindex)
				continue;
			if (out)
				compat_row_from_route(t, r, &nh[k],
							  &out[rows]);
			rows++;
		}
	}
	return rows;
}

static size_t walk(const brt_table *t, ADDRESS_FAMILY family,
		   MIB_IPFORWARD_ROW2 *out)
{
	size_t n = 0;

	if (family != AF_INET6)
		n = walk_family(t, BRT_AF_INET, out);
	if (family != AF_INET)
		n += walk_family(t, BRT_AF_INET6, out ? out + n : NULL);
	return n;
}

DWORD compat_forward_rows(const brt_table *t, ADDRESS_FAMILY family,
			       PMIB_IPFORWARD_TABLE2 *table)
{
	size_t n = walk(t, family, NULL);
	PMIB_IPFORWARD_TABLE2 tab;

	tab = calloc(1, offsetof(MIB_IPFORWARD_TABLE2, Table) +
			       (n ? n : 1) * sizeof(MIB_IPFORWARD_ROW2));
	if (!tab)
		return ERROR_NOT_ENOUGH_MEMORY;
	tab->NumEntries = (ULONG)walk(t, family, tab->Table);
	*table = tab;
	return NO_ERROR;
}

DWORD WINAPI GetIpForwardTable2(ADDRESS_FAMILY Family,
				PMIB_IPFORWARD_TABLE2 *Table)
{
	struct brt_compat_ref ref;
	DWORD rc;

	if (!Table)
		return ERROR_INVALID_PARAMETER;
	*Table = NULL;
	if (Family != AF_INET && Family != AF_INET6 && Family != AF_UNSPEC)
		return ERROR_INVALID_PARAMETER;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	rc = compat_forward_rows(ref.t, Family, Table);
	compat_release(&ref);
	return rc;
}

DWORD WINAPI GetIpForwardEntry2(PMIB_IPFORWARD_ROW2 Row)
{
	struct brt_compat_ref ref;
	struct brt_compat_key key;
	const struct brt_route *r;
	const struct brt_nexthop *nh = NULL;
	DWORD rc;

	if (!Row)
		return ERROR_INVALID_PARAMETER;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	rc = compat_row_key(ref.t, Row, &key);
	if (!rc) {
		r = compat_find_route(ref.t, &key, &nh);
		if (r)
			compat_row_from_route(ref.t, r, nh, Row);
		else
			rc = ERROR_NOT_FOUND;
	}
	compat_release(&ref);
	return rc;
}

VOID WINAPI InitializeIpForwardEntry(PMIB_IPFORWARD_ROW2 Row)
{
	if (!Row)
		return;
	memset(Row, 0, sizeof(*Row));
	Row->ValidLifetime = 0xffffffffu;
	Row->PreferredLifetime = 0xffffffffu;
	Row->Loopback = TRUE;
	Row->AutoconfigureAddress = TRUE;
	Row->Publish = TRUE;
	Row->Immortal = TRUE;
	/* Values no valid row has: a caller must set these. */
	Row->SitePrefixLength = 255;
	Row->Metric = 0xffffffffu;
	Row->Protocol = (NL_ROUTE_PROTOCOL)-1;
}

VOID WINAPI FreeMibTable(PVOID Memory)
{
	free(Memory);
}
