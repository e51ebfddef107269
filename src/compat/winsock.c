/*
 * winsock.c - the Winsock functions of winsock2.h and ws2tcpip.h that
 * the C library does not answer with Windows' meaning: WSAStartup and
 * WSACleanup (Linux sockets need no set-up), WSAGetLastError (the
 * thread's last error), and the address text conversions, which set that
 * error as Windows' do. Text is parsed and written by the core
 * (brt_addr_parse/format), with zones refused: inet_pton takes none.
 */
#include <string.h>

#include "compat.h"
#include "bestroute/compat/ws2tcpip.h"

int WSAAPI WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData)
{
	if (!lpWSAData)
		return WSAEFAULT;
	memset(lpWSAData, 0, sizeof(*lpWSAData));
	/* The version is the lower of the one asked for and 2.2. */
	lpWSAData->wHighVersion = MAKEWORD(2, 2);
	lpWSAData->wVersion = LOBYTE(wVersionRequested) > 2 ||
				      (LOBYTE(wVersionRequested) == 2 &&
				       HIBYTE(wVersionRequested) > 2)
				      ? MAKEWORD(2, 2)
				      : wVersionRequested;
	lpWSAData->iMaxSockets = 0;
	lpWSAData->iMaxUdpDg = 0;
	strcpy(lpWSAData->szDescription, "WinSock 2.0 (bestroute)");
	strcpy(lpWSAData->szSystemStatus, "Running");
	if (LOBYTE(wVersionRequested) < 1)
		return WSAVERNOTSUPPORTED;
	return 0;
}

int WSAAPI WSACleanup(void)
{
	return 0;
}

int WSAAPI WSAGetLastError(void)
{
	return (int)GetLastError();
}

void WSAAPI WSASetLastError(int iError)
{
	SetLastError((DWORD)iError);
}

static uint8_t family_of(INT af)
{
	return compat_family_in((unsigned)af);
}

/* @text into @a of @family: 1, 0 (not such an address). */
static int parse(uint8_t family, const char *text, struct brt_addr *a)
{
	if (strchr(text, '%') || brt_addr_parse(text, a) || a->family != family)
		return 0;
	return 1;
}

INT WSAAPI brt_winsock_inet_pton(INT Family, PCSTR pszAddrString,
				 PVOID pAddrBuf)
{
	uint8_t family = family_of(Family);
	struct brt_addr a;

	if (!family) {
		SetLastError(WSAEAFNOSUPPORT);
		return -1;
	}
	if (!pszAddrString || !pAddrBuf) {
		SetLastError(WSAEFAULT);
		return -1;
	}
	if (!parse(family, pszAddrString, &a)) {
		SetLastError(WSAEINVAL);
		return 0;
	}
	memcpy(pAddrBuf, a.bytes, core_family_bytes(family));
	return 1;
}

PCSTR WSAAPI brt_winsock_inet_ntop(INT Family, const VOID *pAddr,
				   PSTR pStringBuf, size_t StringBufSize)
{
	uint8_t family = family_of(Family);
	char text[BRT_ADDRSTRLEN];
	struct brt_addr a;
	size_t n;

	if (!family) {
		SetLastError(WSAEAFNOSUPPORT);
		return NULL;
	}
	if (!pAddr || !pStringBuf) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	memset(&a, 0, sizeof(a));
	a.family = family;
	memcpy(a.bytes, pAddr, core_family_bytes(family));
	n = (size_t)brt_addr_format(&a, text, sizeof(text));
	if (n + 1 > StringBufSize) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	memcpy(pStringBuf, text, n + 1);
	return pStringBuf;
}

INT WSAAPI InetPtonW(INT Family, PCWSTR pszAddrString, PVOID pAddrBuf)
{
	char text[BRT_ADDRSTRLEN];

	if (pszAddrString &&
	    compat_narrow(pszAddrString, text, sizeof(text)) < 0) {
		if (!family_of(Family)) {
			SetLastError(WSAEAFNOSUPPORT);
			return -1;
		}
		SetLastError(WSAEINVAL);
		return 0;
	}
	return brt_winsock_inet_pton(Family, pszAddrString ? text : NULL,
				     pAddrBuf);
}

PCWSTR WSAAPI InetNtopW(INT Family, const VOID *pAddr, PWSTR pStringBuf,
			size_t StringBufSize)
{
	char text[BRT_ADDRSTRLEN];
	size_t i, n;

	if (!brt_winsock_inet_ntop(Family, pAddr, pStringBuf ? text : NULL,
				   sizeof(text)))
		return NULL;
	n = strlen(text);
	if (n + 1 > StringBufSize) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	for (i = 0; i <= n; i++)
		pStringBuf[i] = (WCHAR)(unsigned char)text[i];
	return pStringBuf;
}
