/*
 * convert.c - ConvertInterfaceIndexToLuid, ConvertInterfaceLuidToIndex,
 * ConvertInterfaceNameToLuidA and ConvertInterfaceLuidToNameA.
 *
 * Names are the host's link names ("eth0"), which is what a ported
 * program shows its user and passes back; LUIDs are those of luid.c, the
 * same the route rows carry. Outputs are zeroed on failure.
 */
#include <string.h>

#include "compat.h"

DWORD WINAPI ConvertInterfaceIndexToLuid(NET_IFINDEX InterfaceIndex,
					 PNET_LUID InterfaceLuid)
{
	struct brt_compat_ref ref;
	DWORD rc;

	if (!InterfaceLuid)
		return ERROR_INVALID_PARAMETER;
	InterfaceLuid->Value = 0;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	InterfaceLuid->Value = compat_luid_of(ref.t, InterfaceIndex);
	compat_release(&ref);
	return InterfaceLuid->Value ? NO_ERROR : ERROR_FILE_NOT_FOUND;
}

DWORD compat_link_of_luid(const NET_LUID *luid, struct brt_compat_ref *ref,
			  const struct brt_link **l)
{
	DWORD rc = compat_acquire(ref);

	if (rc)
		return rc;
	*l = compat_link_by_luid(ref->t, luid->Value);
	if (*l)
		return NO_ERROR;
	compat_release(ref);
	return ERROR_FILE_NOT_FOUND;
}

DWORD WINAPI ConvertInterfaceLuidToIndex(const NET_LUID *InterfaceLuid,
					 PNET_IFINDEX InterfaceIndex)
{
	struct brt_compat_ref ref;
	const struct brt_link *l;
	DWORD rc;

	if (!InterfaceLuid || !InterfaceIndex)
		return ERROR_INVALID_PARAMETER;
	*InterfaceIndex = 0;
	rc = compat_link_of_luid(InterfaceLuid, &ref, &l);
	if (rc)
		return rc;
	*InterfaceIndex = l->index;
	compat_release(&ref);
	return NO_ERROR;
}

DWORD WINAPI ConvertInterfaceNameToLuidA(const CHAR *InterfaceName,
					 NET_LUID *InterfaceLuid)
{
	struct brt_compat_ref ref;
	const struct brt_link *l;
	DWORD rc;

	if (!InterfaceName)
		return ERROR_INVALID_NAME;
	if (!InterfaceLuid)
		return ERROR_INVALID_PARAMETER;
	InterfaceLuid->Value = 0;
	rc = compat_acquire(&ref);
	if (rc)
		return rc;
	l = brt_table_link_by_name(ref.t, InterfaceName);
	if (l)
		InterfaceLuid->Value = compat_luid_of(ref.t, l->index);
	compat_release(&ref);
	return InterfaceLuid->Value ? NO_ERROR : ERROR_INVALID_NAME;
}

DWORD WINAPI ConvertInterfaceLuidToNameA(const NET_LUID *InterfaceLuid,
					 PSTR InterfaceName, SIZE_T Length)
{
	struct brt_compat_ref ref;
	const struct brt_link *l;
	size_t need;
	DWORD rc;

	if (!InterfaceLuid || !InterfaceName || !Length)
		return ERROR_INVALID_PARAMETER;
	InterfaceName[0] = 0;
	rc = compat_link_of_luid(InterfaceLuid, &ref, &l);
	if (rc)
		return rc;
	need = strlen(l->name) + 1;
	if (need > Length)
		rc = ERROR_NOT_ENOUGH_MEMORY;
	else
		memcpy(InterfaceName, l->name, need);
	compat_release(&ref);
	return rc;
}
