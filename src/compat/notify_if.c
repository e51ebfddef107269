/*
 * notify_if.c - NotifyIpInterfaceChange and NotifyUnicastIpAddressChange
 * (cancelled with CancelMibChangeNotify2, like route registrations).
 *
 * Invariants, as for route notifications (notify.c):
 *  - the initial notification (NULL row, MibInitialNotification) has run
 *    when the function returns;
 *  - callbacks run with no lock of ours held; once CancelMibChangeNotify2
 *    returns the callback is not running and will not run again (unless
 *    it is that callback cancelling itself: then it is freed when the
 *    callback returns).
 * What is notified: on a table, a SetIpInterfaceEntry that changes an
 * interface (MibParameterNotification with the new row); on the live
 * host, what notify_if_live.c sees change (addresses and interfaces that
 * come and go, interfaces whose state changes), from the kernel
 * monitor's thread.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"

enum if_kind { KIND_INTERFACE, KIND_ADDRESS };

struct ifreg {
	struct ifreg *next;
	enum if_kind kind;
	ADDRESS_FAMILY family;
	PIPINTERFACE_CHANGE_CALLBACK if_cb;
	PUNICAST_IPADDRESS_CHANGE_CALLBACK addr_cb;
	PVOID ctx;
	unsigned busy;
	bool cancelled, orphan;
	brt_live_monitor *mon;		/* live host: notify_if_live.c */
	void *state;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t idle = PTHREAD_COND_INITIALIZER;
static struct ifreg *regs;
static _Thread_local struct ifreg *running;

static void free_reg(struct ifreg *g)
{
	compat_if_live_free(g->state);
	free(g);
}

static void release(struct ifreg *g)
{
	bool gone;

	pthread_mutex_lock(&lock);
	gone = --g->busy == 0 && g->orphan;
	pthread_cond_broadcast(&idle);
	pthread_mutex_unlock(&lock);
	if (gone)
		free_reg(g);
}

/* Call @g (made busy by the caller) with a copy of @row, or NULL. */
static void run(struct ifreg *g, const void *row, MIB_NOTIFICATION_TYPE type)
{
	MIB_IPINTERFACE_ROW ifcopy;
	MIB_UNICASTIPADDRESS_ROW addrcopy;
	struct ifreg *outer = running;
	bool call;

	pthread_mutex_lock(&lock);
	call = !g->cancelled;
	pthread_mutex_unlock(&lock);
	if (call) {
		running = g;
		if (g->kind == KIND_INTERFACE) {
			if (row)
				memcpy(&ifcopy, row, sizeof(ifcopy));
			g->if_cb(g->ctx, row ? &ifcopy : NULL, type);
		} else {
			if (row)
				memcpy(&addrcopy, row, sizeof(addrcopy));
			g->addr_cb(g->ctx, row ? &addrcopy : NULL, type);
		}
		running = outer;
	}
	release(g);
}

bool compat_if_hold(void *reg)
{
	struct ifreg *g = (struct ifreg *)reg;
	bool held;

	pthread_mutex_lock(&lock);
	held = !g->cancelled;
	if (held)
		g->busy++;
	pthread_mutex_unlock(&lock);
	return held;
}

void compat_if_release(void *reg)
{
	release((struct ifreg *)reg);
}

void compat_if_deliver(void *reg, const void *row,
			   MIB_NOTIFICATION_TYPE type)
{
	if (compat_if_hold(reg))
		run((struct ifreg *)reg, row, type);
}

bool compat_if_is_interface(const void *reg, ADDRESS_FAMILY *family)
{
	const struct ifreg *g = (const struct ifreg *)reg;

	*family = g->family;
	return g->kind == KIND_INTERFACE;
}

static DWORD reg(enum if_kind kind, ADDRESS_FAMILY family,
		 PIPINTERFACE_CHANGE_CALLBACK if_cb,
		 PUNICAST_IPADDRESS_CHANGE_CALLBACK addr_cb, PVOID ctx,
		 BOOLEAN initial, HANDLE *handle)
{
	struct ifreg *g;
	int mode;
	DWORD rc;

	if (handle)
		*handle = NULL;
	if ((!if_cb && !addr_cb) || !handle ||
	    (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
		return ERROR_INVALID_PARAMETER;
	mode = compat_mode();
	if (mode < 0)
		return ERROR_CAN_NOT_COMPLETE;
	g = calloc(1, sizeof(*g));
	if (!g)
		return ERROR_NOT_ENOUGH_MEMORY;
	g->kind = kind;
	g->family = family;
	g->if_cb = if_cb;
	g->addr_cb = addr_cb;
	g->ctx = ctx;
	g->busy = initial ? 1 : 0;
	if (mode == 0) {
		rc = compat_if_live_start(g, &g->state, &g->mon);
		if (rc) {
			free_reg(g);
			return rc;
		}
	}
	pthread_mutex_lock(&lock);
	g->next = regs;
	regs = g;
	pthread_mutex_unlock(&lock);
	*handle = g;
	if (initial)
		run(g, NULL, MibInitialNotification);
	return NO_ERROR;
}

DWORD WINAPI NotifyIpInterfaceChange(ADDRESS_FAMILY Family,
				     PIPINTERFACE_CHANGE_CALLBACK Callback,
				     PVOID CallerContext,
				     BOOLEAN InitialNotification,
				     HANDLE *NotificationHandle)
{
	return reg(KIND_INTERFACE, Family, Callback, NULL, CallerContext,
		   InitialNotification, NotificationHandle);
}

DWORD WINAPI NotifyUnicastIpAddressChange(
	ADDRESS_FAMILY Family, PUNICAST_IPADDRESS_CHANGE_CALLBACK Callback,
	PVOID CallerContext, BOOLEAN InitialNotification,
	HANDLE *NotificationHandle)
{
	return reg(KIND_ADDRESS, Family, NULL, Callback, CallerContext,
		   InitialNotification, NotificationHandle);
}

void compat_notify_interface(const MIB_IPINTERFACE_ROW *row)
{
	struct ifreg *g, **list;
	size_t n = 0, i;

	pthread_mutex_lock(&lock);
	for (g = regs; g; g = g->next)
		n++;
	list = calloc(n ? n : 1, sizeof(*list));
	for (g = regs, n = 0; list && g; g = g->next)
		if (g->kind == KIND_INTERFACE && !g->cancelled &&
		    (g->family == AF_UNSPEC || g->family == row->Family)) {
			g->busy++;
			list[n++] = g;
		}
	pthread_mutex_unlock(&lock);
	for (i = 0; list && i < n; i++)
		run(list[i], row, MibParameterNotification);
	free(list);
}

bool compat_if_cancel(HANDLE handle)
{
	struct ifreg **p, *g = (struct ifreg *)handle;
	bool found = false, own;

	pthread_mutex_lock(&lock);
	for (p = &regs; *p; p = &(*p)->next)
		if (*p == g) {
			*p = g->next;
			found = true;
			break;
		}
	if (!found) {
		pthread_mutex_unlock(&lock);
		return false;
	}
	g->cancelled = true;
	own = running == g;
	g->orphan = own;
	pthread_mutex_unlock(&lock);
	/* outside the lock: a running callback ends by taking it */
	compat_if_live_stop(g->mon);
	if (own)
		return true;
	pthread_mutex_lock(&lock);
	while (g->busy)
		pthread_cond_wait(&idle, &lock);
	pthread_mutex_unlock(&lock);
	free_reg(g);
	return true;
}
