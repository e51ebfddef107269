/*
 * kernel_forms.c - the kernel-mode (NTSTATUS) forms of the netioapi.h
 * functions other than GetBestRoute2: the user-mode function with its
 * Win32 code translated, so both forms always agree on what happened.
 */
#include "compat.h"

NTSTATUS brt_kernel_GetIpForwardTable2(ADDRESS_FAMILY Family,
				       PMIB_IPFORWARD_TABLE2 *Table)
{
	return compat_ntstatus(GetIpForwardTable2(Family, Table));
}

NTSTATUS brt_kernel_GetIpForwardEntry2(PMIB_IPFORWARD_ROW2 Row)
{
	return compat_ntstatus(GetIpForwardEntry2(Row));
}

NTSTATUS brt_kernel_CreateIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Row)
{
	return compat_ntstatus(CreateIpForwardEntry2(Row));
}

NTSTATUS brt_kernel_SetIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Route)
{
	return compat_ntstatus(SetIpForwardEntry2(Route));
}

NTSTATUS brt_kernel_DeleteIpForwardEntry2(const MIB_IPFORWARD_ROW2 *Row)
{
	return compat_ntstatus(DeleteIpForwardEntry2(Row));
}

NTSTATUS brt_kernel_NotifyRouteChange2(ADDRESS_FAMILY AddressFamily,
				       PIPFORWARD_CHANGE_CALLBACK Callback,
				       PVOID CallerContext,
				       BOOLEAN InitialNotification,
				       HANDLE *NotificationHandle)
{
	return compat_ntstatus(NotifyRouteChange2(
		AddressFamily, Callback, CallerContext, InitialNotification,
		NotificationHandle));
}

NTSTATUS brt_kernel_CancelMibChangeNotify2(HANDLE NotificationHandle)
{
	return compat_ntstatus(CancelMibChangeNotify2(NotificationHandle));
}

NTSTATUS brt_kernel_ConvertInterfaceIndexToLuid(NET_IFINDEX InterfaceIndex,
						PNET_LUID InterfaceLuid)
{
	return compat_ntstatus(
		ConvertInterfaceIndexToLuid(InterfaceIndex, InterfaceLuid));
}

NTSTATUS brt_kernel_ConvertInterfaceLuidToIndex(const NET_LUID *InterfaceLuid,
						PNET_IFINDEX InterfaceIndex)
{
	return compat_ntstatus(
		ConvertInterfaceLuidToIndex(InterfaceLuid, InterfaceIndex));
}

NTSTATUS brt_kernel_ConvertInterfaceNameToLuidA(const CHAR *InterfaceName,
						NET_LUID *InterfaceLuid)
{
	return compat_ntstatus(
		ConvertInterfaceNameToLuidA(InterfaceName, InterfaceLuid));
}

NTSTATUS brt_kernel_ConvertInterfaceLuidToNameA(const NET_LUID *InterfaceLuid,
						PSTR InterfaceName,
						SIZE_T Length)
{
	return compat_ntstatus(ConvertInterfaceLuidToNameA(
		InterfaceLuid, InterfaceName, Length));
}
