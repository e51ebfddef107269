/*
 * modes_user.c - the user-mode half, which also includes the POSIX
 * socket headers before ours, as ported code does.
 */
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>

#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>

NTSTATUS KernelBestInterface(const SOCKADDR_INET *dst, NET_IFINDEX index,
			     NET_IFINDEX *out);

int main(void)
{
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET dst, src;
	NET_IFINDEX kidx = 0;
	DWORD user;
	NTSTATUS kernel, knone;

	memset(&dst, 0, sizeof(dst));
	dst.si_family = AF_INET;
	InetPtonA(AF_INET, "8.8.8.8", &dst.Ipv4.sin_addr);
	/* user mode: no interface is fine */
	user = GetBestRoute2(NULL, 0, NULL, &dst, 0, &row, &src);
	/* kernel mode: no interface is STATUS_INVALID_PARAMETER */
	knone = KernelBestInterface(&dst, 0, &kidx);
	kernel = KernelBestInterface(&dst, 3, &kidx);
	printf("user %u %u kernel-none 0x%08x kernel 0x%08x %u\n",
	       (unsigned)user, (unsigned)row.InterfaceIndex, (unsigned)knone,
	       (unsigned)kernel, (unsigned)kidx);
	return 0;
}
