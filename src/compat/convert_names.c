/*
 * convert_names.c - the wide-string and GUID conversions of interface
 * identifiers: ConvertInterfaceLuidToNameW/NameToLuidW,
 * ConvertInterfaceLuidToAlias/AliasToLuid, ConvertInterfaceLuidToGuid/
 * GuidToLuid, and if_nametoindex/if_indextoname as netioapi.h has them.
 *
 * Linux has one name per link ("eth0"), so it is both the interface name
 * and the alias (Windows: "ethernet_32768" and "Ethernet"). The GUID is
 * made from the name alone (two FNV-1a hashes, marked as a version 5,
 * RFC 4122 GUID), so an interface keeps its GUID across runs, table
 * reloads and index changes, and GuidToLuid finds the link by it. Outputs
 * are zeroed on failure, as in convert.c.
 */
#include <string.h>

#include "compat.h"

static uint64_t fnv1a(const char *s, uint64_t h)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ull;
	}
	return h;
}

void compat_guid_of(const char *name, GUID *g)
{
	uint64_t a = fnv1a(name, 0xcbf29ce484222325ull);
	uint64_t b = fnv1a(name, a ^ 0x9e3779b97f4a7c15ull);
	int i;

	g->Data1 = (ULONG)(a >> 32);
	g->Data2 = (USHORT)(a >> 16);
	g->Data3 = (USHORT)((a & 0x0fff) | 0x5000);
	for (i = 0; i < 8; i++)
		g->Data4[i] = (UCHAR)(b >> (56 - 8 * i));
	g->Data4[0] = (UCHAR)((g->Data4[0] & 0x3f) | 0x80);
}

static DWORD luid_to_wide(const NET_LUID *luid, PWSTR out, SIZE_T len)
{
	struct brt_compat_ref ref;
	const struct brt_link *l;
	DWORD rc;

	if (!luid || !out || !len)
		return ERROR_INVALID_PARAMETER;
	out[0] = 0;
	rc = compat_link_of_luid(luid, &ref, &l);
	if (rc)
		return rc;
	if (compat_widen(l->name, out, len) < 0) {
		out[0] = 0;
		rc = ERROR_NOT_ENOUGH_MEMORY;
	}
	compat_release(&ref);
	return rc;
}

/* The LUID of the link named @w: 0, @unknown, or a Win32 code. */
static DWORD wide_to_luid(const WCHAR *w, NET_LUID *luid, DWORD unknown)
{
	char name[BRT_IFNAMSIZ];

	luid->Value = 0;
	if (compat_narrow(w, name, sizeof(name)) < 0)
		return unknown;
	return ConvertInterfaceNameToLuidA(name, luid) == NO_ERROR ? NO_ERROR
								  : unknown;
}

DWORD WINAPI ConvertInterfaceLuidToNameW(const NET_LUID *InterfaceLuid,
					 PWSTR InterfaceName, SIZE_T Length)
{
	return luid_to_wide(InterfaceLuid, InterfaceName, Length);
}

DWORD WINAPI ConvertInterfaceNameToLuidW(const WCHAR *InterfaceName,
					 NET_LUID *InterfaceLuid)
{
	if (!InterfaceName)
		return ERROR_INVALID_NAME;
	if (!InterfaceLuid)
		return ERROR_INVALID_PARAMETER;
	return wide_to_luid(InterfaceName, InterfaceLuid, ERROR_INVALID_NAME);
}

DWORD WINAPI ConvertInterfaceLuidToAlias(const NET_LUID *InterfaceLuid,
					 PWSTR InterfaceAlias, SIZE_T Length)
{
	return luid_to_wide(InterfaceLuid, InterfaceAlias, Length);
}

DWORD WINAPI ConvertInterfaceAliasToLuid(const WCHAR *InterfaceAlias,
					 PNET_LUID InterfaceLuid)
{
	if (!InterfaceAlias || !InterfaceLuid)
		return ERROR_INVALID_PARAMETER;
	return wide_to_luid(InterfaceAlias, InterfaceLuid,
			    ERROR_INVALID_PARAMETER);
}

DWORD WINAPI ConvertInterfaceLuidToGuid(const NET_LUID *InterfaceLuid,
					GUID *InterfaceGuid)
{
	struct brt_compat_ref ref;
	const struct brt_link *l;
	DWORD rc;

	if (!InterfaceLuid || !InterfaceGuid)
		return ERROR_INVALID_PARAMETER;
	memset(InterfaceGuid, 0, sizeof(*InterfaceGuid));
	rc = compat_link_of_luid(InterfaceLuid, &ref, &l);
	if (rc)
		return rc;
	compat_guid_of(l->name, InterfaceGuid);
	compat_release(&ref);
	return NO_ERROR;
}

DWORD WINAPI ConvertInterfaceGuidToLuid(const GUID *InterfaceGuid,
					PNET_LUID InterfaceLuid)
{
	struct brt_compat_ref ref;
	size_t i, n;
	GUID g;
	DWORD rc;

	if (!InterfaceGuid || !InterfaceLuid)
		return ERROR_INVALID_PARAMETER;
	InterfaceLuid->Value = 0;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	n = brt_table_link_count(ref.t);
	for (i = 0; i < n && !InterfaceLuid->Value; i++) {
		const struct brt_link *l = brt_table_link(ref.t, i);

		compat_guid_of(l->name, &g);
		if (!memcmp(&g, InterfaceGuid, sizeof(g)))
			InterfaceLuid->Value = compat_luid_of(ref.t, l->index);
	}
	compat_release(&ref);
	return InterfaceLuid->Value ? NO_ERROR : ERROR_FILE_NOT_FOUND;
}

NET_IFINDEX WINAPI brt_netio_if_nametoindex(PCSTR InterfaceName)
{
	NET_LUID luid;
	NET_IFINDEX index = 0;

	if (!InterfaceName ||
	    ConvertInterfaceNameToLuidA(InterfaceName, &luid) != NO_ERROR ||
	    ConvertInterfaceLuidToIndex(&luid, &index) != NO_ERROR)
		return 0;
	return index;
}

PCHAR WINAPI brt_netio_if_indextoname(NET_IFINDEX InterfaceIndex,
				      PCHAR InterfaceName)
{
	NET_LUID luid;

	if (!InterfaceName ||
	    ConvertInterfaceIndexToLuid(InterfaceIndex, &luid) != NO_ERROR ||
	    ConvertInterfaceLuidToNameA(&luid, InterfaceName,
					IF_NAMESIZE) != NO_ERROR)
		return NULL;
	return InterfaceName;
}
