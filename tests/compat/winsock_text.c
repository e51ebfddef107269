/*
 * winsock_text.c - Winsock's address text and Windows' address layouts
 * as network code uses them: WSAStartup, inet_addr/inet_ntoa, the
 * IN_ADDR views (S_un.S_un_b, S_un_w, S_addr), InetPtonA/InetNtopA and
 * the wide InetPtonW/InetNtopW, IN6_ADDR's u.Byte/u.Word, a SOCKADDR_IN6
 * scope id through sin6_scope_struct, and the errors WSAGetLastError
 * reports. Keys: v4 and v6 (addresses to take apart and write back).
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

#include "expect.h"

/* Programs pick their includes by the SDK's guards. */
#if !defined(_WINSOCK2API_) || !defined(_WINSOCKAPI_) || !defined(_WS2TCPIP_H_) || \
	!defined(_WINDOWS_) || !defined(_WINERROR_)
#error "the SDK's include guards are missing"
#endif
#ifndef _WINSOCKAPI_
#include <winsock.h>	/* never reached: winsock2.h defines _WINSOCKAPI_ */
#endif

static void check_v4(const char *text)
{
	IN_ADDR a;
	char back[INET_ADDRSTRLEN];
	ULONG host;

	a.S_un.S_addr = inet_addr(text);
	host = ntohl(a.S_un.S_addr);
	expect_true("S_un_b is the address in network order",
		    a.S_un.S_un_b.s_b1 == (host >> 24) &&
			    a.S_un.S_un_b.s_b4 == (host & 0xff));
	expect_true("S_un_w is its two words",
		    ntohs(a.S_un.S_un_w.s_w1) == (host >> 16));
	{
		IN_ADDR b;

		b.s_addr = htonl(0x0a000001);	/* the BSD name writes S_un */
		expect_true("s_addr is S_un.S_addr",
			    b.S_un.S_un_b.s_b1 == 10 && b.S_un.S_un_b.s_b4 == 1);
	}
	expect_str("v4", inet_ntoa(a));
	memset(&a, 0, sizeof(a));
	expect_true("InetPtonA", InetPtonA(AF_INET, text, &a) == 1);
	expect_str("v4", InetNtopA(AF_INET, &a, back, sizeof(back)));
}

static void check_v6(const char *text)
{
	SOCKADDR_IN6 sa;
	WCHAR wide[INET6_ADDRSTRLEN];
	char back[INET6_ADDRSTRLEN];
	int i;

	memset(&sa, 0, sizeof(sa));
	sa.sin6_family = AF_INET6;
	expect_true("InetPtonA v6",
		    InetPtonA(AF_INET6, text, &sa.sin6_addr) == 1);
	expect_true("u.Word is u.Byte in pairs",
		    ntohs(sa.sin6_addr.u.Word[0]) ==
			    (sa.sin6_addr.u.Byte[0] << 8 | sa.sin6_addr.u.Byte[1]));
	sa.sin6_scope_struct.Zone = 7;
	sa.sin6_scope_struct.Level = ScopeLevelLink;
	expect_true("the scope struct is the scope id's bits",
		    sa.sin6_scope_id == (7u | (ULONG)ScopeLevelLink << 28));
	expect_str("v6", InetNtopA(AF_INET6, &sa.sin6_addr, back, sizeof(back)));
	/* the wide forms, through a 16-bit copy of the text */
	expect_true("InetNtopW",
		    InetNtopW(AF_INET6, &sa.sin6_addr, wide, _countof(wide)) != NULL);
	for (i = 0; wide[i] && i < (int)sizeof(back) - 1; i++)
		back[i] = (char)wide[i];
	back[i] = 0;
	expect_str("v6", back);
	memset(&sa.sin6_addr, 0, sizeof(sa.sin6_addr));
	expect_true("InetPtonW", InetPtonW(AF_INET6, wide, &sa.sin6_addr) == 1);
	InetNtopA(AF_INET6, &sa.sin6_addr, back, sizeof(back));
	expect_str("v6", back);
}

int main(int argc, char **argv)
{
	WSADATA wsa;
	IN6_ADDR a6;
	char small[4];
	const char *v4, *v6;

	expect_init(argc, argv);
	expect_true("WSAStartup(2.2)", WSAStartup(MAKEWORD(2, 2), &wsa) == 0 &&
					      wsa.wVersion == MAKEWORD(2, 2));
	expect_true("WSAStartup(NULL) is WSAEFAULT",
		    WSAStartup(MAKEWORD(2, 2), NULL) == WSAEFAULT);
	v4 = expect_value("v4");
	v6 = expect_value("v6");
	if (v4)
		check_v4(v4);
	if (v6)
		check_v6(v6);
	expect_true("inet_addr of junk is INADDR_NONE",
		    inet_addr("10.0.0.256") == INADDR_NONE);
	expect_true("InetPtonA of junk is 0", InetPtonA(AF_INET6, "1::2::3", &a6) == 0);
	expect_true("a bad family is -1, WSAEAFNOSUPPORT",
		    inet_pton(99, "1.2.3.4", &a6) == -1 &&
			    WSAGetLastError() == WSAEAFNOSUPPORT);
	expect_true("a short buffer is NULL, ERROR_INVALID_PARAMETER",
		    InetNtopA(AF_INET, &a6, small, sizeof(small)) == NULL &&
			    WSAGetLastError() == ERROR_INVALID_PARAMETER);
	expect_true("WSACleanup", WSACleanup() == 0);
	return expect_done();
}
