/*
 * ws2tcpip.h (bestroute) - address text conversions as Windows declares
 * them: inet_pton/InetPtonA, inet_ntop/InetNtopA (size_t buffer length)
 * and the wide forms InetPtonW/InetNtopW.
 *
 * In Windows mode the names lead to the library's own functions
 * (brt_winsock_inet_pton/ntop), which return what Windows' return and set
 * the thread's last error (WSAEAFNOSUPPORT for a family other than
 * AF_INET/AF_INET6, WSAEFAULT for a NULL pointer, ERROR_INVALID_PARAMETER
 * for a buffer too small). In POSIX mode (see ws2def.h) inet_pton and
 * inet_ntop stay glibc's.
 */
#ifndef _WS2TCPIP_H_
#define _WS2TCPIP_H_
#define BESTROUTE_WS2TCPIP_H

#include "winsock2.h"
#include "ws2ipdef.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/*
 * brt_winsock_inet_pton - @pszAddrString (dotted quad, or IPv6 text
 * without a zone) into @pAddrBuf (4 or 16 bytes): 1; 0 for text that is
 * no address of @Family (last error WSAEINVAL); -1 for a bad family
 * (WSAEAFNOSUPPORT) or a NULL pointer (WSAEFAULT).
 * brt_winsock_inet_ntop - the text of @pAddr into @pStringBuf of
 * @StringBufSize bytes: @pStringBuf, or NULL (last error WSAEAFNOSUPPORT
 * for a bad family, ERROR_INVALID_PARAMETER for a NULL pointer or a
 * buffer too small).
 */
INT WSAAPI brt_winsock_inet_pton(INT Family, PCSTR pszAddrString,
				 PVOID pAddrBuf);
PCSTR WSAAPI brt_winsock_inet_ntop(INT Family, const VOID *pAddr,
				   PSTR pStringBuf, size_t StringBufSize);
/* The same for 16-bit strings (WCHAR); @StringBufSize in characters. */
INT WSAAPI InetPtonW(INT Family, PCWSTR pszAddrString, PVOID pAddrBuf);
PCWSTR WSAAPI InetNtopW(INT Family, const VOID *pAddr, PWSTR pStringBuf,
			size_t StringBufSize);

#ifndef BESTROUTE_POSIX_SOCKETS
#define inet_pton brt_winsock_inet_pton
#define inet_ntop brt_winsock_inet_ntop
#endif
#define InetPtonA inet_pton
#define InetNtopA inet_ntop

#ifdef UNICODE
#define InetPton InetPtonW
#define InetNtop InetNtopW
#else
#define InetPton InetPtonA
#define InetNtop InetNtopA
#endif

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* _WS2TCPIP_H_ */
