/*
 * winsock2.h (bestroute) - the Winsock that code around the IP Helper
 * calls uses: WSAStartup/WSACleanup (nothing to set up on Linux; they
 * check their arguments as Windows does), WSAGetLastError (the thread's
 * last error, shared with GetLastError as on Windows), inet_addr,
 * inet_ntoa and the byte-order functions, declared as Windows declares
 * them (32-bit u_long) and answered by the C library, whose functions
 * have the same calling convention for these types.
 *
 * In POSIX mode (see ws2def.h) glibc's <arpa/inet.h> declares the
 * address functions instead.
 */
#ifndef _WINSOCK2API_
#define _WINSOCK2API_
#define _WINSOCKAPI_	/* what winsock.h defines: keep it out */
#define BESTROUTE_WINSOCK2_H

#include <unistd.h>

#include "windows.h"
#include "ws2def.h"

#ifdef BESTROUTE_POSIX_SOCKETS
#include <arpa/inet.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

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

/* Winsock's error codes (WSABASEERR + the BSD number). */
#define WSABASEERR 10000
#define WSAEINTR 10004L
#define WSAEBADF 10009L
#define WSAEACCES 10013L
#define WSAEFAULT 10014L
#define WSAEINVAL 10022L
#define WSAEMFILE 10024L
#define WSAEWOULDBLOCK 10035L
#define WSAEAFNOSUPPORT 10047L
#define WSAENETUNREACH 10051L
#define WSAEHOSTUNREACH 10065L
#define WSASYSNOTREADY 10091L
#define WSAVERNOTSUPPORTED 10092L
#define WSANOTINITIALISED 10093L

/*
 * WSAStartup - 0, filling @lpWSAData (version 2.2 at most); WSAEFAULT for
 * a NULL @lpWSAData, WSAVERNOTSUPPORTED for a version below 1.0 (with
 * the data still filled in, as Windows does). Nothing to initialise on
 * Linux, and no WSACleanup is needed.
 */
int WSAAPI WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData);
/* WSACleanup - 0 (nothing to clean up). */
int WSAAPI WSACleanup(void);
/* WSAGetLastError/WSASetLastError - GetLastError/SetLastError. */
int WSAAPI WSAGetLastError(void);
void WSAAPI WSASetLastError(int iError);

#ifndef BESTROUTE_POSIX_SOCKETS
typedef USHORT u_short;
typedef UCHAR u_char;	/* (u_long is left to <sys/types.h>: 64 bits there) */

/* The C library's, with Windows' (32-bit) types. */
ULONG WSAAPI inet_addr(const char *cp);
char *WSAAPI inet_ntoa(struct in_addr in);
ULONG WSAAPI htonl(ULONG hostlong);
USHORT WSAAPI htons(USHORT hostshort);
ULONG WSAAPI ntohl(ULONG netlong);
USHORT WSAAPI ntohs(USHORT netshort);
#endif

static inline int closesocket(SOCKET s)
{
	return close(s);
}

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* _WINSOCK2API_ */
