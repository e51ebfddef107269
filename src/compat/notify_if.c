/*
 * notify_if.c - NotifyIpInterfaceChange and NotifyUnicastIpAddressChange:
 * interface and address registrations of the one registry
 * (notify_registry.c, which also holds CancelMibChangeNotify2 and the
 * guarantees on callbacks).
 * What is notified: on a table, a SetIpInterfaceEntry that changes an
 * interface (MibParameterNotification with the new row); on the live
 * host, what notify_if_live.c sees change (addresses and interfaces that
 * come and go, interfaces whose state changes), from the kernel
 * monitor's thread.
 */
#include <string.h>

#include "compat.h"

/* Each callback gets a copy of its own to scribble on. */
static void call_interface(const struct compat_reg *g, const void *row,
			   MIB_NOTIFICATION_TYPE type)
{
	PIPINTERFACE_CHANGE_CALLBACK cb = (PIPINTERFACE_CHANGE_CALLBACK)g->cb;
	MIB_IPINTERFACE_ROW copy;

	if (row)
		memcpy(&copy, row, sizeof(copy));
	cb(g->ctx, row ? &copy : NULL, type);
}

static void call_address(const struct compat_reg *g, const void *row,
			 MIB_NOTIFICATION_TYPE type)
{
	PUNICAST_IPADDRESS_CHANGE_CALLBACK cb =
		(PUNICAST_IPADDRESS_CHANGE_CALLBACK)g->cb;
	MIB_UNICASTIPADDRESS_ROW copy;

	if (row)
		memcpy(&copy, row, sizeof(copy));
	cb(g->ctx, row ? &copy : NULL, type);
}

static DWORD reg(int kind, ADDRESS_FAMILY family, void (*cb)(void),
		 PVOID ctx, BOOLEAN initial, HANDLE *handle)
{
	struct compat_reg *g;
	int mode;
	DWORD rc;

	if (handle)
		*handle = NULL;
	if (!cb || !handle ||
	    (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	mode = compat_mode();
	if (mode < 0)
		return ERROR_CAN_NOT_COMPLETE;
	g = compat_reg_new(kind, family, ctx, initial);
	if (!g)
		return ERROR_NOT_ENOUGH_MEMORY;
	g->cb = cb;
	g->call = kind == COMPAT_REG_INTERFACE ? call_interface : call_address;
	g->free_state = compat_if_live_free;
	if (mode == 0) {
		rc = compat_if_live_start(g, &g->state, &g->mon);
		if (rc) {
			compat_reg_free(g);
			return rc;
		}
	}
	compat_reg_add(g, initial, handle);
	return NO_ERROR;
}

DWORD WINAPI NotifyIpInterfaceChange(ADDRESS_FAMILY Family,
				     PIPINTERFACE_CHANGE_CALLBACK Callback,
				     PVOID CallerContext,
				     BOOLEAN InitialNotification,
				     HANDLE *NotificationHandle)
{
	return reg(COMPAT_REG_INTERFACE, Family, (void (*)(void))Callback,
		   CallerContext, InitialNotification, NotificationHandle);
}

DWORD WINAPI NotifyUnicastIpAddressChange(
	ADDRESS_FAMILY Family, PUNICAST_IPADDRESS_CHANGE_CALLBACK Callback,
	PVOID CallerContext, BOOLEAN InitialNotification,
	HANDLE *NotificationHandle)
{
	return reg(COMPAT_REG_ADDRESS, Family, (void (*)(void))Callback,
		   CallerContext, InitialNotification, NotificationHandle);
}

void compat_notify_interface(const MIB_IPINTERFACE_ROW *row)
{
	compat_reg_broadcast(COMPAT_REG_INTERFACE, row->Family, row,
			     MibParameterNotification);
}
