/*
 * ws2def.h (bestroute) - socket address names over the host's own
 * structures. Linux's struct sockaddr_in and sockaddr_in6 have Windows'
 * layouts, so the names here are aliases, and AF_INET/AF_INET6 keep the
 * host's values: code that also includes POSIX headers sees one set.
 */
#ifndef BESTROUTE_WS2DEF_H
#define BESTROUTE_WS2DEF_H

#include <sys/socket.h>
#include <netinet/in.h>

#include "bestroute_wintypes.h"

typedef sa_family_t ADDRESS_FAMILY;

typedef struct sockaddr SOCKADDR, *PSOCKADDR, *LPSOCKADDR;
typedef struct sockaddr_in SOCKADDR_IN, *PSOCKADDR_IN, *LPSOCKADDR_IN;
typedef struct sockaddr_storage SOCKADDR_STORAGE, *PSOCKADDR_STORAGE;
typedef struct in_addr IN_ADDR, *PIN_ADDR;

typedef struct _SOCKET_ADDRESS {
	LPSOCKADDR lpSockaddr;
	INT iSockaddrLength;
} SOCKET_ADDRESS, *PSOCKET_ADDRESS;

#ifndef INADDR_LOOPBACK
#define INADDR_LOOPBACK 0x7f000001
#endif

#endif /* BESTROUTE_WS2DEF_H */
