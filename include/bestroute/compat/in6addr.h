/*
 * in6addr.h (bestroute) - IN6_ADDR, Windows' IPv6 address: 16 bytes,
 * readable as u.Byte[16] or u.Word[8] (network byte order words).
 *
 * Windows mode only (see ws2def.h; in POSIX mode IN6_ADDR is glibc's
 * struct in6_addr: the same 16 bytes, through s6_addr only). The guard is
 * the SDK's: `s6_addr` defined means IN6_ADDR is.
 */
#if !defined(s6_addr) && !defined(BESTROUTE_POSIX_SOCKETS) && \
    !defined(_NETINET_IN_H)
#define BESTROUTE_IN6ADDR_H

#include "bestroute_wintypes.h"

typedef struct in6_addr {
	union {
		UCHAR Byte[16];
		USHORT Word[8];
	} u;
} IN6_ADDR, *PIN6_ADDR, *LPIN6_ADDR;

#define in_addr6 in6_addr
#define _S6_un u
#define _S6_u8 Byte
#define s6_addr _S6_un._S6_u8
#define s6_bytes u.Byte
#define s6_words u.Word

BRT_STATIC_ASSERT(sizeof(IN6_ADDR) == 16, "IN6_ADDR is 16 bytes");

#endif /* s6_addr */
