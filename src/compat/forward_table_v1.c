/*
 * forward_table_v1.c - GetIpForwardTable, the first-generation route
 * table: the IPv4 rows of GetIpForwardTable2 written as MIB_IPFORWARDROWs
 * (forward_v1.c).
 *
 * Sizing is Windows': with a NULL table or *pdwSize too small the
 * function stores the size it needs in *pdwSize and returns
 * ERROR_INSUFFICIENT_BUFFER; with no routes at all, ERROR_NO_DATA. The
 * caller loops, since the table may grow between the two calls. bOrder
 * sorts by destination, then protocol, policy and next hop (addresses
 * compared as numbers, not as bytes in memory).
 */
#include <stdlib.h>
#include <string.h>

#include "compat.h"

static uint32_t host_order(DWORD net)
{
	const uint8_t *b = (const uint8_t *)&net;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | b[3];
}

static int cmp_u32(uint32_t a, uint32_t b)
{
	return a < b ? -1 : a > b;
}

static int row_order(const void *pa, const void *pb)
{
	const MIB_IPFORWARDROW *a = pa, *b = pb;
	int c = cmp_u32(host_order(a->dwForwardDest),
			host_order(b->dwForwardDest));

	if (!c)
		c = cmp_u32(a->dwForwardProto, b->dwForwardProto);
	if (!c)
		c = cmp_u32(a->dwForwardPolicy, b->dwForwardPolicy);
	if (!c)
		c = cmp_u32(host_order(a->dwForwardNextHop),
			    host_order(b->dwForwardNextHop));
	return c;
}

static DWORD fill(const brt_table *t, PMIB_IPFORWARDTABLE out, PULONG size,
		  BOOL order)
{
	PMIB_IPFORWARD_TABLE2 rows = NULL;
	size_t need;
	ULONG i;
	DWORD rc = compat_forward_rows(t, AF_INET, &rows);

	if (rc)
		return rc;
	need = offsetof(MIB_IPFORWARDTABLE, table) +
	       rows->NumEntries * sizeof(MIB_IPFORWARDROW);
	if (!rows->NumEntries)
		rc = ERROR_NO_DATA;
	else if (!out || *size < need) {
		*size = (ULONG)need;
		rc = ERROR_INSUFFICIENT_BUFFER;
	} else {
		out->dwNumEntries = rows->NumEntries;
		for (i = 0; i < rows->NumEntries; i++)
			compat_v1_from_row(t, &rows->Table[i], NULL,
					       &out->table[i]);
		if (order)
			qsort(out->table, out->dwNumEntries,
			      sizeof(out->table[0]), row_order);
	}
	FreeMibTable(rows);
	return rc;
}

DWORD WINAPI GetIpForwardTable(PMIB_IPFORWARDTABLE pIpForwardTable,
			       PULONG pdwSize, BOOL bOrder)
{
	struct brt_compat_ref ref;
	DWORD rc;

	if (!pdwSize)
		return ERROR_INVALID_PARAMETER;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	rc = fill(ref.t, pIpForwardTable, pdwSize, bOrder);
	compat_release(&ref);
	return rc;
}
