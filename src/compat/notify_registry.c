/*
 * notify_registry.c - the one registry behind NotifyRouteChange2
 * (notify.c), NotifyIpInterfaceChange and NotifyUnicastIpAddressChange
 * (notify_if.c), and CancelMibChangeNotify2 for all three.
 *
 * Invariants:
 *  - the initial notification (NULL row, MibInitialNotification) has run
 *    when the Notify function returns, as Windows promises;
 *  - callbacks run without any lock of ours held, so they may call every
 *    function of this API, including edits (their own notifications then
 *    nest) and CancelMibChangeNotify2 on their own handle;
 *  - once CancelMibChangeNotify2 returns, the callback is not running and
 *    will not run again (unless the caller is that callback itself: it
 *    cannot wait for its own return);
 *  - a registration is freed once: by the cancel that waited for it to
 *    be idle, or, when cancelled from its own callback (an orphan), by
 *    the release that ends its last delivery;
 *  - on the live host each registration has a kernel monitor of its own,
 *    whose thread the library owns; cancelling stops the monitor first,
 *    so nothing more is queued, then waits as above.
 */
#include <pthread.h>
#include <stdlib.h>

#include "compat.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t idle = PTHREAD_COND_INITIALIZER;
static struct compat_reg *regs;
static _Thread_local struct compat_reg *running;	/* this thread's */

struct compat_reg *compat_reg_new(int kind, ADDRESS_FAMILY family,
				  PVOID ctx, BOOLEAN initial)
{
	struct compat_reg *g = (struct compat_reg *)calloc(1, sizeof(*g));

	if (!g)
		return NULL;
	g->kind = kind;
	g->family = family;
	g->ctx = ctx;
	g->busy = initial ? 1 : 0;	/* the initial run drops it */
	return g;
}

void compat_reg_free(struct compat_reg *g)
{
	if (g->free_state)
		g->free_state(g->state);
	free(g);
}

static bool wants(const struct compat_reg *g, ADDRESS_FAMILY family)
{
	return !g->cancelled && (g->family == AF_UNSPEC ||
				 family == AF_UNSPEC || g->family == family);
}

bool compat_reg_hold(struct compat_reg *g)
{
	bool held;

	pthread_mutex_lock(&lock);
	held = !g->cancelled;
	if (held)
		g->busy++;
	pthread_mutex_unlock(&lock);
	return held;
}

void compat_reg_release(struct compat_reg *g)
{
	bool gone;

	pthread_mutex_lock(&lock);
	gone = --g->busy == 0 && g->orphan;
	pthread_cond_broadcast(&idle);
	pthread_mutex_unlock(&lock);
	if (gone)
		compat_reg_free(g);
}

/* Run @g's callback (made busy by the caller), then release it. */
static void run(struct compat_reg *g, const void *row,
		MIB_NOTIFICATION_TYPE type)
{
	struct compat_reg *outer = running;
	bool call;

	pthread_mutex_lock(&lock);
	call = !g->cancelled;
	pthread_mutex_unlock(&lock);
	if (call) {
		running = g;
		g->call(g, row, type);
		running = outer;
	}
	compat_reg_release(g);
}

void compat_reg_deliver(struct compat_reg *g, ADDRESS_FAMILY family,
			const void *row, MIB_NOTIFICATION_TYPE type)
{
	bool go;

	pthread_mutex_lock(&lock);
	go = wants(g, family);
	if (go)
		g->busy++;
	pthread_mutex_unlock(&lock);
	if (go)
		run(g, row, type);
}

void compat_reg_broadcast(int kind, ADDRESS_FAMILY family, const void *row,
			  MIB_NOTIFICATION_TYPE type)
{
	struct compat_reg *g, **list;
	size_t n = 0, i;

	/* Take the listeners now: busy keeps each allocated until run. */
	pthread_mutex_lock(&lock);
	for (g = regs; g; g = g->next)
		n++;
	list = (struct compat_reg **)calloc(n ? n : 1, sizeof(*list));
	for (g = regs, n = 0; list && g; g = g->next)
		if (g->kind == kind && wants(g, family)) {
			g->busy++;
			list[n++] = g;
		}
	pthread_mutex_unlock(&lock);
	for (i = 0; list && i < n; i++)
		run(list[i], row, type);
	free(list);
}

void compat_reg_add(struct compat_reg *g, BOOLEAN initial, HANDLE *handle)
{
	pthread_mutex_lock(&lock);
	g->next = regs;
	regs = g;
	pthread_mutex_unlock(&lock);
	*handle = g;
	if (initial)
		run(g, NULL, MibInitialNotification);
}

static bool unlink_reg(struct compat_reg *g)
{
	struct compat_reg **p;

	for (p = &regs; *p; p = &(*p)->next)
		if (*p == g) {
			*p = g->next;
			return true;
		}
	return false;
}

DWORD WINAPI CancelMibChangeNotify2(HANDLE NotificationHandle)
{
	struct compat_reg *g = (struct compat_reg *)NotificationHandle;
	bool own;

	if (!g)
		return ERROR_INVALID_PARAMETER;
	pthread_mutex_lock(&lock);
	if (!unlink_reg(g)) {
		pthread_mutex_unlock(&lock);
		return ERROR_INVALID_HANDLE;
	}
	g->cancelled = true;
	/* its own callback: the dispatch frees it when it returns */
	own = running == g;
	g->orphan = own;
	pthread_mutex_unlock(&lock);
	/* outside the lock: a running callback ends by taking it */
	brt_live_monitor_stop(g->mon);
	if (own)
		return NO_ERROR;
	pthread_mutex_lock(&lock);
	while (g->busy)
		pthread_cond_wait(&idle, &lock);
	pthread_mutex_unlock(&lock);
	compat_reg_free(g);
	return NO_ERROR;
}
