/*
 * notify.c - NotifyRouteChange2: route registrations of the one registry
 * (notify_registry.c, which also holds CancelMibChangeNotify2 and the
 * guarantees on callbacks). On a table, the edits of this API notify
 * (forward_edit.c); on the live host each registration has a kernel
 * monitor (notify_live.c), whose thread runs the callbacks.
 */
#include <string.h>

#include "compat.h"

/* Each callback gets a copy of its own to scribble on. */
static void call_route(const struct compat_reg *g, const void *row,
		       MIB_NOTIFICATION_TYPE type)
{
	PIPFORWARD_CHANGE_CALLBACK cb = (PIPFORWARD_CHANGE_CALLBACK)g->cb;
	MIB_IPFORWARD_ROW2 copy;

	if (row)
		memcpy(&copy, row, sizeof(copy));
	cb(g->ctx, row ? &copy : NULL, type);
}

void compat_notify(const MIB_IPFORWARD_ROW2 *row,
		   MIB_NOTIFICATION_TYPE type)
{
	compat_reg_broadcast(COMPAT_REG_ROUTE,
			     row->DestinationPrefix.Prefix.si_family, row, type);
}

DWORD WINAPI NotifyRouteChange2(ADDRESS_FAMILY AddressFamily,
				PIPFORWARD_CHANGE_CALLBACK Callback,
				PVOID CallerContext,
				BOOLEAN InitialNotification,
				HANDLE *NotificationHandle)
{
	struct compat_reg *g;
	int mode;

	if (NotificationHandle)
		*NotificationHandle = NULL;
	if (!Callback || !NotificationHandle ||
	    (AddressFamily != AF_UNSPEC && AddressFamily != AF_INET &&
	     AddressFamily != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	mode = compat_mode();
	if (mode < 0)
		return ERROR_CAN_NOT_COMPLETE;
	g = compat_reg_new(COMPAT_REG_ROUTE, AddressFamily, CallerContext,
			   InitialNotification);
	if (!g)
		return ERROR_NOT_ENOUGH_MEMORY;
	g->cb = (void (*)(void))Callback;
	g->call = call_route;
	if (mode == 0 && brt_live_monitor_start(&g->mon, compat_notify_live,
						g, NULL, 0)) {
		compat_reg_free(g);
		return ERROR_CAN_NOT_COMPLETE;
	}
	compat_reg_add(g, InitialNotification, NotificationHandle);
	return NO_ERROR;
}
