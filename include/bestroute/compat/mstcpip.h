/*
 * mstcpip.h (bestroute) - the address tests and address-to-text helpers
 * of Windows' mstcpip.h that route code uses: IN4_IS_ADDR_*, IN6_IS_ADDR_*
 * (as functions over the bytes, so they work on IN_ADDR and IN6_ADDR in
 * either mode of ws2def.h) and RtlIpv4AddressToStringA /
 * RtlIpv6AddressToStringA (a buffer of at least 16 / 46 bytes).
 */
#ifndef _MSTCPIP_
#define _MSTCPIP_
#define BESTROUTE_MSTCPIP_H

#include "ws2tcpip.h"

static inline BOOLEAN IN4_IS_ADDR_UNSPECIFIED(const IN_ADDR *a)
{
	const UCHAR *b = (const UCHAR *)a;

	return !(b[0] | b[1] | b[2] | b[3]);
}

static inline BOOLEAN IN4_IS_ADDR_LOOPBACK(const IN_ADDR *a)
{
	return ((const UCHAR *)a)[0] == 127;
}

static inline BOOLEAN IN4_IS_ADDR_LINKLOCAL(const IN_ADDR *a)
{
	const UCHAR *b = (const UCHAR *)a;

	return b[0] == 169 && b[1] == 254;
}

static inline BOOLEAN IN4_IS_ADDR_MULTICAST(const IN_ADDR *a)
{
	return (((const UCHAR *)a)[0] & 0xf0) == 0xe0;
}

/* glibc's <netinet/in.h> (POSIX mode) has IN6_IS_ADDR_* macros of its own. */
#ifndef IN6_IS_ADDR_UNSPECIFIED
static inline BOOLEAN IN6_IS_ADDR_UNSPECIFIED(const IN6_ADDR *a)
{
	const UCHAR *b = (const UCHAR *)a;
	int i;

	for (i = 0; i < 16; i++)
		if (b[i])
			return FALSE;
	return TRUE;
}

static inline BOOLEAN IN6_IS_ADDR_LOOPBACK(const IN6_ADDR *a)
{
	const UCHAR *b = (const UCHAR *)a;
	int i;

	for (i = 0; i < 15; i++)
		if (b[i])
			return FALSE;
	return b[15] == 1;
}

static inline BOOLEAN IN6_IS_ADDR_LINKLOCAL(const IN6_ADDR *a)
{
	const UCHAR *b = (const UCHAR *)a;

	return b[0] == 0xfe && (b[1] & 0xc0) == 0x80;
}

static inline BOOLEAN IN6_IS_ADDR_MULTICAST(const IN6_ADDR *a)
{
	return ((const UCHAR *)a)[0] == 0xff;
}
#endif

static inline PSTR RtlIpv4AddressToStringA(const IN_ADDR *Addr, PSTR S)
{
	inet_ntop(AF_INET, Addr, S, 16);
	return S + strlen(S);
}

static inline PSTR RtlIpv6AddressToStringA(const IN6_ADDR *Addr, PSTR S)
{
	inet_ntop(AF_INET6, Addr, S, 46);
	return S + strlen(S);
}

#endif /* _MSTCPIP_ */
