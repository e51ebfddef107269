/*
 * errors.c - the NTSTATUS counterpart of each Win32 code our functions
 * return, for their kernel-mode forms.
 *
 * The pairs are those Windows' own RtlNtStatusToDosError maps onto each
 * other; a code without a pair becomes STATUS_UNSUCCESSFUL, so a kernel
 * caller never sees success for a failure.
 */
#include "compat.h"

static const struct {
	DWORD win32;
	NTSTATUS status;
} pairs[] = {
	{NO_ERROR, STATUS_SUCCESS},
	{ERROR_FILE_NOT_FOUND, STATUS_NOT_FOUND},
	{ERROR_ACCESS_DENIED, STATUS_ACCESS_DENIED},
	{ERROR_INVALID_HANDLE, STATUS_INVALID_HANDLE},
	{ERROR_NOT_ENOUGH_MEMORY, STATUS_NO_MEMORY},
	{ERROR_NOT_SUPPORTED, STATUS_NOT_SUPPORTED},
	{ERROR_INVALID_PARAMETER, STATUS_INVALID_PARAMETER},
	{ERROR_INSUFFICIENT_BUFFER, STATUS_BUFFER_TOO_SMALL},
	{ERROR_INVALID_NAME, STATUS_OBJECT_NAME_INVALID},
	{ERROR_CAN_NOT_COMPLETE, STATUS_UNSUCCESSFUL},
	{ERROR_NOT_FOUND, STATUS_NOT_FOUND},
	{ERROR_NETWORK_UNREACHABLE, STATUS_NETWORK_UNREACHABLE},
	{ERROR_HOST_UNREACHABLE, STATUS_HOST_UNREACHABLE},
	{ERROR_OBJECT_ALREADY_EXISTS, STATUS_DUPLICATE_OBJECTID},
};

NTSTATUS compat_ntstatus(DWORD win32)
{
	size_t i;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (pairs[i].win32 == win32)
			return pairs[i].status;
	return STATUS_UNSUCCESSFUL;
}
