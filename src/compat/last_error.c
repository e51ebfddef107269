/*
 * last_error.c - GetLastError and SetLastError: the calling thread's last
 * Win32 error, which WSAGetLastError shares (winsock.c), as on Windows.
 * Our functions that return their code directly (the IP Helper ones)
 * leave it alone, as Windows' do; those that return a handle, pointer or
 * count set it when they fail.
 */
#include "compat.h"

static _Thread_local DWORD last_error;

DWORD WINAPI GetLastError(void)
{
	return last_error;
}

VOID WINAPI SetLastError(DWORD dwErrCode)
{
	last_error = dwErrCode;
}
