/*
 * ws2tcpip.h (bestroute) - address text conversions over inet_pton and
 * inet_ntop, which return what Windows' do (1/0/-1 and the buffer/NULL).
 */
#ifndef BESTROUTE_WS2TCPIP_H
#define BESTROUTE_WS2TCPIP_H

#include <arpa/inet.h>

#include "winsock2.h"
#include "ws2ipdef.h"

#ifndef INET_ADDRSTRLEN
#define INET_ADDRSTRLEN 16
#endif
#ifndef INET6_ADDRSTRLEN
#define INET6_ADDRSTRLEN 46
#endif

static inline INT InetPtonA(INT family, PCSTR text, PVOID addr)
{
	return inet_pton(family, text, addr);
}

static inline PCSTR InetNtopA(INT family, const VOID *addr, PSTR buf,
			      size_t len)
{
	return inet_ntop(family, addr, buf, (socklen_t)len);
}

#define InetPton InetPtonA
#define InetNtop InetNtopA

#endif /* BESTROUTE_WS2TCPIP_H */
