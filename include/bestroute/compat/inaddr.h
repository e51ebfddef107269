/*
 * inaddr.h (bestroute) - IN_ADDR, Windows' IPv4 address: one 32-bit word
 * in network byte order, readable as four bytes (S_un_b), two words
 * (S_un_w) or the whole (S_un.S_addr, spelt s_addr through the macro).
 *
 * Windows mode only (see ws2def.h; in POSIX mode IN_ADDR is glibc's
 * struct in_addr: the same 4 bytes, the s_addr member only). The guard
 * is the SDK's: `s_addr` defined means IN_ADDR is.
 */
#if !defined(s_addr) && !defined(BESTROUTE_POSIX_SOCKETS) && \
    !defined(_NETINET_IN_H)
#define BESTROUTE_INADDR_H

#include "bestroute_wintypes.h"

typedef struct in_addr {
	union {
		struct {
			UCHAR s_b1, s_b2, s_b3, s_b4;
		} S_un_b;
		struct {
			USHORT s_w1, s_w2;
		} S_un_w;
		ULONG S_addr;
	} S_un;
} IN_ADDR, *PIN_ADDR, *LPIN_ADDR;

/* The old BSD member names, as Windows keeps them. */
#define s_addr S_un.S_addr
#define s_host S_un.S_un_b.s_b2
#define s_net S_un.S_un_b.s_b1
#define s_imp S_un.S_un_w.s_w2
#define s_impno S_un.S_un_b.s_b4
#define s_lh S_un.S_un_b.s_b3

BRT_STATIC_ASSERT(sizeof(IN_ADDR) == 4, "IN_ADDR is 4 bytes");

#endif /* s_addr */
