/*
 * mib_table.c - a MIB table of one family's rows or both (IPv4 first),
 * as GetIpInterfaceTable and GetUnicastIpAddressTable return them: a
 * counting pass, one allocation (FreeMibTable frees it), a filling pass,
 * with the family checked and the table held for both passes.
 *
 * Every MIB_*_TABLE of this kind is { ULONG NumEntries; ROW Table[]; },
 * the rows at @table_off (offsetof(TYPE, Table)).
 */
#include <stdlib.h>

#include "compat.h"

static DWORD fill(const struct brt_compat_ref *ref, ADDRESS_FAMILY family,
		  size_t table_off, size_t row_size, compat_rows_fn rows,
		  void **out)
{
	ULONG n4 = 0, n6 = 0;
	unsigned char *tab, *first;

	if (family != AF_INET6)
		n4 = rows(ref, AF_INET, NULL);
	if (family != AF_INET)
		n6 = rows(ref, AF_INET6, NULL);
	tab = calloc(1, table_off + (n4 + n6 ? n4 + n6 : 1) * row_size);
	*out = tab;
	if (!tab)
		return ERROR_NOT_ENOUGH_MEMORY;
	first = tab + table_off;
	if (n4)
		rows(ref, AF_INET, first);
	if (n6)
		rows(ref, AF_INET6, first + (size_t)n4 * row_size);
	*(ULONG *)(void *)tab = n4 + n6;
	return NO_ERROR;
}

DWORD compat_mib_table(ADDRESS_FAMILY family, size_t table_off,
		       size_t row_size, compat_rows_fn rows, void **out)
{
	struct brt_compat_ref ref;
	DWORD rc;

	*out = NULL;
	if (family != AF_INET && family != AF_INET6 && family != AF_UNSPEC)
		return ERROR_INVALID_PARAMETER;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	rc = fill(&ref, family, table_off, row_size, rows, out);
	compat_release(&ref);
	return rc;
}
