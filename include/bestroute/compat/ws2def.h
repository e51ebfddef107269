/*
 * ws2def.h (bestroute) - Windows' socket address types: ADDRESS_FAMILY,
 * SOCKADDR, SOCKADDR_STORAGE, SOCKADDR_IN (with IN_ADDR from inaddr.h),
 * SOCKET_ADDRESS, SCOPE_ID, and the address families.
 *
 * Two modes, chosen by what the program included before us:
 *  - Windows mode (nothing of POSIX sockets seen): the structures are
 *    Windows' own, member for member (IN_ADDR's S_un, sockaddr_in6's
 *    sin6_scope_struct), under Windows' struct tags. glibc's socket
 *    headers are never included, so a Windows program never meets
 *    glibc's struct in_addr. Including <netinet/in.h> or <sys/socket.h>
 *    after us then clashes (the two define the same tags).
 *  - POSIX mode (<sys/socket.h> or <netinet/in.h> came first): the
 *    Windows names alias glibc's structures, whose layouts are the same
 *    (static assertions check every offset); the Windows-only members
 *    (S_un, u.Byte, sin6_scope_struct) are then missing.
 *
 * The layouts are Windows' in both; the one value that differs is
 * AF_INET6: it keeps Linux's 10 (Windows: 23), so a SOCKADDR_IN6 can be
 * handed to the host's own socket calls. docs/windows-types.md says how
 * the library converts at its boundary.
 */
#ifndef _WS2DEF_
#define _WS2DEF_
#define BESTROUTE_WS2DEF_H

#include "bestroute_wintypes.h"

#if defined(_SYS_SOCKET_H) || defined(_NETINET_IN_H)
#define BESTROUTE_POSIX_SOCKETS 1
#include <sys/socket.h>
#include <netinet/in.h>
#endif

typedef USHORT ADDRESS_FAMILY;

#ifndef BESTROUTE_POSIX_SOCKETS
#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10	/* Linux's value (Windows: 23), see above */
#define PF_UNSPEC AF_UNSPEC
#define PF_INET AF_INET
#define PF_INET6 AF_INET6
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define IPPROTO_IP 0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_IPV6 41
#define IPPROTO_ICMPV6 58
#endif
#ifndef AF_MAX
#define AF_MAX 46
#endif

#ifndef BESTROUTE_POSIX_SOCKETS
struct sockaddr {
	ADDRESS_FAMILY sa_family;
	CHAR sa_data[14];
};

#define _SS_MAXSIZE 128
#define _SS_ALIGNSIZE (sizeof(LONGLONG))
#define _SS_PAD1SIZE (_SS_ALIGNSIZE - sizeof(USHORT))
#define _SS_PAD2SIZE \
	(_SS_MAXSIZE - (sizeof(USHORT) + _SS_PAD1SIZE + _SS_ALIGNSIZE))

struct sockaddr_storage {
	ADDRESS_FAMILY ss_family;
	CHAR __ss_pad1[_SS_PAD1SIZE];
	LONGLONG __ss_align;
	CHAR __ss_pad2[_SS_PAD2SIZE];
};
#endif

typedef struct sockaddr SOCKADDR, *PSOCKADDR, *LPSOCKADDR;
typedef struct sockaddr_storage SOCKADDR_STORAGE, *PSOCKADDR_STORAGE,
	*LPSOCKADDR_STORAGE, SOCKADDR_STORAGE_LH, *PSOCKADDR_STORAGE_LH;

BRT_STATIC_ASSERT(sizeof(SOCKADDR) == 16, "SOCKADDR is 16 bytes");
BRT_STATIC_ASSERT(sizeof(SOCKADDR_STORAGE) == 128, "SOCKADDR_STORAGE is 128");

#ifdef BESTROUTE_POSIX_SOCKETS
typedef struct in_addr IN_ADDR, *PIN_ADDR, *LPIN_ADDR;
#else
#include "inaddr.h"
#endif
BRT_STATIC_ASSERT(sizeof(IN_ADDR) == 4, "IN_ADDR is 4 bytes");

#ifndef BESTROUTE_POSIX_SOCKETS
struct sockaddr_in {
	ADDRESS_FAMILY sin_family;
	USHORT sin_port;
	IN_ADDR sin_addr;
	CHAR sin_zero[8];
};
#endif
typedef struct sockaddr_in SOCKADDR_IN, *PSOCKADDR_IN, *LPSOCKADDR_IN;

BRT_STATIC_ASSERT(sizeof(SOCKADDR_IN) == 16, "SOCKADDR_IN is 16 bytes");
BRT_STATIC_ASSERT(offsetof(SOCKADDR_IN, sin_port) == 2, "sin_port at 2");
BRT_STATIC_ASSERT(offsetof(SOCKADDR_IN, sin_addr) == 4, "sin_addr at 4");
BRT_STATIC_ASSERT(offsetof(SOCKADDR_IN, sin_zero) == 8, "sin_zero at 8");

typedef struct _SOCKET_ADDRESS {
	LPSOCKADDR lpSockaddr;
	INT iSockaddrLength;
} SOCKET_ADDRESS, *PSOCKET_ADDRESS, *LPSOCKET_ADDRESS;

typedef struct _SOCKET_ADDRESS_LIST {
	INT iAddressCount;
	SOCKET_ADDRESS Address[1];
} SOCKET_ADDRESS_LIST, *PSOCKET_ADDRESS_LIST;

BRT_STATIC_ASSERT(sizeof(SOCKET_ADDRESS) == 16, "SOCKET_ADDRESS is 16");

/* Zone (28 bits) and level (4 bits) of an IPv6 scope id. */
typedef enum {
	ScopeLevelInterface = 1,
	ScopeLevelLink = 2,
	ScopeLevelSubnet = 3,
	ScopeLevelAdmin = 4,
	ScopeLevelSite = 5,
	ScopeLevelOrganization = 8,
	ScopeLevelGlobal = 14,
	ScopeLevelCount = 16,
} SCOPE_LEVEL;

typedef struct {
	union {
		struct {
			ULONG Zone : 28;
			ULONG Level : 4;
		};
		ULONG Value;
	};
} SCOPE_ID, *PSCOPE_ID;

BRT_STATIC_ASSERT(sizeof(SCOPE_ID) == 4, "SCOPE_ID is 4 bytes");

#define SCOPEID_UNSPECIFIED_INIT {{{0, 0}}}

#ifndef INADDR_ANY
#define INADDR_ANY ((ULONG)0x00000000)
#endif
#ifndef INADDR_LOOPBACK
#define INADDR_LOOPBACK 0x7f000001
#endif
#ifndef INADDR_BROADCAST
#define INADDR_BROADCAST ((ULONG)0xffffffff)
#endif
#ifndef INADDR_NONE
#define INADDR_NONE 0xffffffff
#endif

#endif /* _WS2DEF_ */
