/*
 * winsock2.h (bestroute) - enough Winsock for code that resolves routes:
 * WSAStartup/WSACleanup are no-ops (POSIX sockets need no set-up).
 */
#ifndef BESTROUTE_WINSOCK2_H
#define BESTROUTE_WINSOCK2_H

#include <errno.h>
#include <unistd.h>

#include "windows.h"
#include "ws2def.h"

typedef int SOCKET;
#define INVALID_SOCKET (-1)
#define SOCKET_ERROR (-1)

#define WSADESCRIPTION_LEN 256
#define WSASYS_STATUS_LEN 128

typedef struct WSAData {
	WORD wVersion;
	WORD wHighVersion;
	unsigned short iMaxSockets;
	unsigned short iMaxUdpDg;
	char *lpVendorInfo;
	char szDescription[WSADESCRIPTION_LEN + 1];
	char szSystemStatus[WSASYS_STATUS_LEN + 1];
} WSADATA, *LPWSADATA;

static inline int WSAStartup(WORD version, LPWSADATA data)
{
	if (data) {
		memset(data, 0, sizeof(*data));
		data->wVersion = version;
		data->wHighVersion = MAKEWORD(2, 2);
	}
	return 0;
}

static inline int WSACleanup(void)
{
	return 0;
}

static inline int WSAGetLastError(void)
{
	return errno;
}

static inline int closesocket(SOCKET s)
{
	return close(s);
}

#endif /* BESTROUTE_WINSOCK2_H */
