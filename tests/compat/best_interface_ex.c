/*
 * best_interface_ex.c - the interface toward a peer, as an overlay
 * network picks the physical path for its tunnel traffic: the peer's
 * address built byte by byte (IN_ADDR's S_un_b, IN6_ADDR's u.Byte, the
 * way code that receives raw addresses does), GetBestInterfaceEx on the
 * SOCKADDR, then ConvertInterfaceIndexToLuid / LuidToNameA for the log;
 * mstcpip.h's RtlIpv4AddressToStringA and IN4_IS_ADDR_* on the way.
 * Keys: v4 and v6 (peer addresses), v4if and v6if (their interfaces),
 * v4name (the interface name).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>
#include <mstcpip.h>

#include "expect.h"

static DWORD best_if_v4(const char *text, DWORD *index)
{
	SOCKADDR_IN sin;
	IN_ADDR parsed;
	char check[16];

	if (InetPtonA(AF_INET, text, &parsed) != 1)
		return ERROR_INVALID_PARAMETER;
	/* mstcpip.h's helpers agree with the parser */
	RtlIpv4AddressToStringA(&parsed, check);
	expect_true("RtlIpv4AddressToStringA", !strcmp(check, text));
	expect_true("IN4_IS_ADDR_LOOPBACK",
		    IN4_IS_ADDR_LOOPBACK(&parsed) == (parsed.S_un.S_un_b.s_b1 == 127));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(9993);
	sin.sin_addr.S_un.S_un_b.s_b1 = parsed.S_un.S_un_b.s_b1;
	sin.sin_addr.S_un.S_un_b.s_b2 = parsed.S_un.S_un_b.s_b2;
	sin.sin_addr.S_un.S_un_b.s_b3 = parsed.S_un.S_un_b.s_b3;
	sin.sin_addr.S_un.S_un_b.s_b4 = parsed.S_un.S_un_b.s_b4;
	return GetBestInterfaceEx((struct sockaddr *)&sin, index);
}

static DWORD best_if_v6(const char *text, DWORD *index)
{
	SOCKADDR_STORAGE ss;
	SOCKADDR_IN6 *sin6 = (SOCKADDR_IN6 *)&ss;
	IN6_ADDR parsed;
	int i;

	if (InetPtonA(AF_INET6, text, &parsed) != 1)
		return ERROR_INVALID_PARAMETER;
	memset(&ss, 0, sizeof(ss));
	sin6->sin6_family = AF_INET6;
	for (i = 0; i < 16; i++)
		sin6->sin6_addr.u.Byte[i] = parsed.u.Byte[i];
	return GetBestInterfaceEx((struct sockaddr *)sin6, index);
}

int main(int argc, char **argv)
{
	const char *v4, *v6;
	DWORD index = 0;
	NET_LUID luid;
	char name[IF_MAX_STRING_SIZE + 1];

	expect_init(argc, argv);
	v4 = expect_value("v4");
	v6 = expect_value("v6");
	if (v4) {
		expect_true("GetBestInterfaceEx v4",
			    best_if_v4(v4, &index) == NO_ERROR);
		expect_num("v4if", index);
		if (ConvertInterfaceIndexToLuid(index, &luid) == NO_ERROR &&
		    ConvertInterfaceLuidToNameA(&luid, name, sizeof(name)) ==
			    NO_ERROR)
			expect_str("v4name", name);
		else
			expect_str("v4name", "?");
	}
	if (v6) {
		expect_true("GetBestInterfaceEx v6",
			    best_if_v6(v6, &index) == NO_ERROR);
		expect_num("v6if", index);
	}
	{
		SOCKADDR sa;

		memset(&sa, 0, sizeof(sa));
		expect_true("AF_UNSPEC is ERROR_INVALID_PARAMETER",
			    GetBestInterfaceEx(&sa, &index) ==
				    ERROR_INVALID_PARAMETER);
	}
	return expect_done();
}
