/*
 * notify.c - NotifyRouteChange2 and CancelMibChangeNotify2.
 *
 * Invariants:
 *  - the initial notification (NULL row, MibInitialNotification) has run
 *    when NotifyRouteChange2 returns, as Windows promises;
 *  - callbacks run without any lock of ours held, so they may call every
 *    function of this API, including edits (their own notifications then
 *    nest) and CancelMibChangeNotify2 on their own handle;
 *  - once CancelMibChangeNotify2 returns, the callback is not running and
 *    will not run again (unless the caller is that callback itself: it
 *    cannot wait for its own return);
 *  - on the live host each registration has a kernel monitor of its own
 *    (notify_live.c): its callbacks run on the monitor's thread, which the
 *    library owns; cancelling stops the monitor first, so nothing more is
 *    queued, then waits as above. Cancelled from its own callback, the
 *    monitor and the registration are freed when that callback returns.
 */
#include <pthread.h>
#include <stdlib.h>

#include "compat.h"

struct reg {
	struct reg *next;
	ADDRESS_FAMILY family;		/* AF_UNSPEC for both */
	PIPFORWARD_CHANGE_CALLBACK cb;
	PVOID ctx;
	unsigned busy;			/* dispatches running the callback */
	bool cancelled;
	bool orphan;			/* cancelled from its own callback */
	brt_live_monitor *mon;		/* live host: the kernel's changes */
};

static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t reg_idle = PTHREAD_COND_INITIALIZER;
static struct reg *regs;
static _Thread_local struct reg *running;	/* callback of this thread */

static bool wants(const struct reg *g, const MIB_IPFORWARD_ROW2 *row)
{
	return !g->cancelled &&
	       (g->family == AF_UNSPEC ||
		g->family == row->DestinationPrefix.Prefix.si_family);
}

void compat_reg_release(void *reg)
{
	struct reg *g = reg;
	bool release;

	pthread_mutex_lock(&reg_lock);
	release = --g->busy == 0 && g->orphan;
	pthread_cond_broadcast(&reg_idle);
	pthread_mutex_unlock(&reg_lock);
	if (release)
		free(g);
}

bool compat_reg_hold(void *reg)
{
	struct reg *g = reg;
	bool held;

	pthread_mutex_lock(&reg_lock);
	held = !g->cancelled;
	if (held)
		g->busy++;
	pthread_mutex_unlock(&reg_lock);
	return held;
}

/* Run one registration's callback; the caller made it busy. */
static void run_one(struct reg *g, const MIB_IPFORWARD_ROW2 *row,
		    MIB_NOTIFICATION_TYPE type)
{
	MIB_IPFORWARD_ROW2 copy;
	struct reg *outer = running;
	bool call;

	pthread_mutex_lock(&reg_lock);
	call = !g->cancelled;
	pthread_mutex_unlock(&reg_lock);
	if (call) {
		/* each callback may scribble on its own copy */
		if (row)
			copy = *row;
		running = g;
		g->cb(g->ctx, row ? &copy : NULL, type);
		running = outer;
	}
	compat_reg_release(g);
}

void compat_reg_deliver(void *reg, const MIB_IPFORWARD_ROW2 *row,
			    MIB_NOTIFICATION_TYPE type)
{
	struct reg *g = reg;
	bool go;

	pthread_mutex_lock(&reg_lock);
	go = wants(g, row);
	if (go)
		g->busy++;
	pthread_mutex_unlock(&reg_lock);
	if (go)
		run_one(g, row, type);
}

void compat_notify(const MIB_IPFORWARD_ROW2 *row,
		       MIB_NOTIFICATION_TYPE type)
{
	struct reg *g, **list;
	size_t n = 0, i;

	/* Take the listeners now: busy keeps each allocated until run. */
	pthread_mutex_lock(&reg_lock);
	for (g = regs; g; g = g->next)
		n++;
	list = calloc(n ? n : 1, sizeof(*list));
	for (g = regs, n = 0; list && g; g = g->next)
		if (wants(g, row)) {
			g->busy++;
			list[n++] = g;
		}
	pthread_mutex_unlock(&reg_lock);
	for (i = 0; list && i < n; i++)
		run_one(list[i], row, type);
	free(list);
}

DWORD WINAPI NotifyRouteChange2(ADDRESS_FAMILY AddressFamily,
				PIPFORWARD_CHANGE_CALLBACK Callback,
				PVOID CallerContext,
				BOOLEAN InitialNotification,
				HANDLE *NotificationHandle)
{
	struct reg *g;
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
	g = calloc(1, sizeof(*g));
	if (!g)
		return ERROR_NOT_ENOUGH_MEMORY;
	g->family = AddressFamily;
	g->cb = Callback;
	g->ctx = CallerContext;
	g->busy = InitialNotification ? 1 : 0;	/* run_one drops it */
	if (mode == 0 && brt_live_monitor_start(&g->mon, compat_notify_live,
						g, NULL, 0)) {
		free(g);
		return ERROR_CAN_NOT_COMPLETE;
	}
	pthread_mutex_lock(&reg_lock);
	g->next = regs;
	regs = g;
	pthread_mutex_unlock(&reg_lock);
	*NotificationHandle = g;
	if (InitialNotification)
		run_one(g, NULL, MibInitialNotification);
	return NO_ERROR;
}

static bool unlink_reg(struct reg *g)
{
	struct reg **p;

	for (p = &regs; *p; p = &(*p)->next)
		if (*p == g) {
			*p = g->next;
			return true;
		}
	return false;
}

DWORD WINAPI CancelMibChangeNotify2(HANDLE NotificationHandle)
{
	struct reg *g = NotificationHandle;
	bool own;

	if (!g)
		return ERROR_INVALID_PARAMETER;
	pthread_mutex_lock(&reg_lock);
	if (!unlink_reg(g)) {
		pthread_mutex_unlock(&reg_lock);
		/* an interface or address registration (notify_if.c)? */
		return compat_if_cancel(NotificationHandle)
			       ? NO_ERROR : ERROR_INVALID_HANDLE;
	}
	g->cancelled = true;
	/* A dispatch holding g may still read g->next: keep it valid. */
	own = running == g;
	/* Its own callback: the dispatch frees it when it returns. */
	g->orphan = own;
	pthread_mutex_unlock(&reg_lock);
	/* outside the lock: a running callback ends by taking it */
	brt_live_monitor_stop(g->mon);
	if (own)
		return NO_ERROR;
	pthread_mutex_lock(&reg_lock);
	while (g->busy)
		pthread_cond_wait(&reg_idle, &reg_lock);
	pthread_mutex_unlock(&reg_lock);
	free(g);
	return NO_ERROR;
}
