/*
 * modes_kernel.c - the kernel-mode half of a program whose two files use
 * the two forms of GetBestRoute2 (see tests/cli/compat_modes.sh).
 */
#define BESTROUTE_KERNEL_MODE
#include <ntstatus.h>
#include <netioapi.h>

NTSTATUS KernelBestInterface(const SOCKADDR_INET *dst, NET_IFINDEX index,
			     NET_IFINDEX *out);

NTSTATUS KernelBestInterface(const SOCKADDR_INET *dst, NET_IFINDEX index,
			     NET_IFINDEX *out)
{
	MIB_IPFORWARD_ROW2 row;
	SOCKADDR_INET src;
	NETIO_STATUS status;

	status = GetBestRoute2(NULL, index, NULL, dst, 0, &row, &src);
	*out = row.InterfaceIndex;
	return status;
}
