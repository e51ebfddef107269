/*
 * modules.c - LoadLibraryA, GetModuleHandleA, GetProcAddress and
 * FreeLibrary for programs that load the IP Helper functions at run time
 * (to run on Windows versions without GetIpForwardTable2, say).
 *
 * The modules are names, not files: "iphlpapi", "ws2_32", "kernel32"
 * and "ntdll", with or without ".dll", in any case, are this library,
 * and GetProcAddress on any of them answers every function of the compat
 * headers (by exact name, as Windows does). Handles are the addresses of
 * the entries below, so they never look like NULL, and FreeLibrary has
 * nothing to release.
 */
#include <string.h>
#include <strings.h>

#include "compat.h"
#include "bestroute/compat/ws2tcpip.h"

static const char *const module_names[] = {"iphlpapi", "ws2_32", "kernel32",
					   "ntdll"};
static char module_handles[sizeof(module_names) / sizeof(module_names[0])];

#define FN(name) {#name, (FARPROC)name}

static const struct {
	const char *name;
	FARPROC fn;
} functions[] = {
	FN(GetBestRoute2), FN(GetBestInterface), FN(GetBestInterfaceEx),
	FN(GetBestRoute), FN(GetIpForwardTable2), FN(GetIpForwardEntry2),
	FN(InitializeIpForwardEntry), FN(FreeMibTable),
	FN(CreateIpForwardEntry2), FN(SetIpForwardEntry2),
	FN(DeleteIpForwardEntry2), FN(NotifyRouteChange2),
	FN(CancelMibChangeNotify2), FN(ConvertInterfaceIndexToLuid),
	FN(ConvertInterfaceLuidToIndex), FN(ConvertInterfaceNameToLuidA),
	FN(ConvertInterfaceLuidToNameA), FN(GetIpForwardTable),
	FN(CreateIpForwardEntry), FN(SetIpForwardEntry),
	FN(DeleteIpForwardEntry), FN(GetIpInterfaceEntry),
	FN(GetIpInterfaceTable), FN(InitializeIpInterfaceEntry),
	FN(SetIpInterfaceEntry), FN(WSAStartup), FN(WSACleanup),
	FN(WSAGetLastError), FN(WSASetLastError), FN(InetPtonW),
	FN(InetNtopW), {"inet_pton", (FARPROC)brt_winsock_inet_pton},
	{"InetPtonA", (FARPROC)brt_winsock_inet_pton},
	{"inet_ntop", (FARPROC)brt_winsock_inet_ntop},
	{"InetNtopA", (FARPROC)brt_winsock_inet_ntop}, FN(GetLastError),
	FN(SetLastError), FN(GetProcessHeap), FN(HeapAlloc), FN(HeapFree),
	FN(LocalFree), FN(FormatMessageA), FN(Sleep),
	FN(ConvertInterfaceLuidToNameW), FN(ConvertInterfaceNameToLuidW),
	FN(ConvertInterfaceLuidToAlias), FN(ConvertInterfaceAliasToLuid),
	FN(ConvertInterfaceLuidToGuid), FN(ConvertInterfaceGuidToLuid),
	FN(GetAdaptersAddresses), FN(GetAdaptersInfo),
	FN(GetUnicastIpAddressTable), FN(GetUnicastIpAddressEntry),
	FN(NotifyIpInterfaceChange), FN(NotifyUnicastIpAddressChange),
	FN(GetIfEntry2), FN(GetIfTable2),
	{"if_nametoindex", (FARPROC)brt_netio_if_nametoindex},
	{"if_indextoname", (FARPROC)brt_netio_if_indextoname},
};

/* The module of @name ("IPHLPAPI.DLL", "iphlpapi"), or NULL. */
static HMODULE module_of(const char *name)
{
	size_t i, n = strlen(name);

	if (n > 4 && !strcasecmp(name + n - 4, ".dll"))
		n -= 4;
	for (i = 0; i < sizeof(module_names) / sizeof(module_names[0]); i++)
		if (strlen(module_names[i]) == n &&
		    !strncasecmp(name, module_names[i], n))
			return (HMODULE)(void *)&module_handles[i];
	return NULL;
}

static bool ours(HMODULE h)
{
	const char *p = (const char *)(void *)h;

	return p >= module_handles &&
	       p < module_handles + sizeof(module_handles);
}

HMODULE WINAPI LoadLibraryA(LPCSTR lpLibFileName)
{
	HMODULE h;

	if (!lpLibFileName) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	h = module_of(lpLibFileName);
	if (!h)
		SetLastError(ERROR_MOD_NOT_FOUND);
	return h;
}

HMODULE WINAPI GetModuleHandleA(LPCSTR lpModuleName)
{
	return LoadLibraryA(lpModuleName);
}

FARPROC WINAPI GetProcAddress(HMODULE hModule, LPCSTR lpProcName)
{
	size_t i;

	if (!ours(hModule)) {
		SetLastError(ERROR_INVALID_HANDLE);
		return NULL;
	}
	/* A "name" below 64K is an ordinal: we export none. */
	if ((uintptr_t)lpProcName >= 0x10000)
		for (i = 0; i < sizeof(functions) / sizeof(functions[0]); i++)
			if (!strcmp(functions[i].name, lpProcName))
				return functions[i].fn;
	SetLastError(ERROR_PROC_NOT_FOUND);
	return NULL;
}

BOOL WINAPI FreeLibrary(HMODULE hLibModule)
{
	if (!ours(hLibModule)) {
		SetLastError(ERROR_INVALID_HANDLE);
		return FALSE;
	}
	return TRUE;
}
