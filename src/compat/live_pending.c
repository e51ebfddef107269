/*
 * live_pending.c - this process's own route writes on the live host, kept
 * until the live handle shows them.
 *
 * The kernel tells the handle's update thread of a change only after the
 * write has returned to us, so a call right after a write could answer
 * from a version that lacks it. Each write the kernel accepted is
 * recorded here; while one is, compat_acquire asks whether the handle's
 * newest version shows it: a created or set row is there (its prefix,
 * next hop and interface, and the metric it asked for), a deleted one is
 * not. Until then calls read a snapshot, which does show it. A write the
 * handle has not shown after a second is forgotten: another program may
 * have undone it, and the handle is right then. When more writes are
 * waiting than the list holds, every call reads snapshots for a second.
 *
 * Invariant: `active` is whether the list holds a write or the overflow
 * second runs (written under the lock), so the common case - nothing
 * recorded - costs one atomic load.
 */
#include <pthread.h>
#include <time.h>

#include "compat.h"

#define MAX_PENDING 32
#define PENDING_NS 1000000000ll

struct pending {
	int kind;
	struct brt_compat_key key;
	ULONG metric;
	int64_t deadline;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct pending list[MAX_PENDING];
static unsigned n_list;
static int64_t blind_until;		/* list overflowed: snapshots until */
static bool active;			/* atomic */

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

/* Whether @t shows write @p. */
static bool shown(const brt_table *t, const struct pending *p)
{
	const struct brt_nexthop *nh;
	const struct brt_route *r = compat_find_route(t, &p->key, &nh);

	if (p->kind == BRT_EDIT_DELETE)
		return !r;
	return r && (p->metric == 0xffffffffu || r->metric == p->metric);
}

bool compat_live_pending(const brt_table *t)
{
	unsigned i, n = 0;
	int64_t now;
	bool left;

	if (!__atomic_load_n(&active, __ATOMIC_ACQUIRE))
		return false;
	pthread_mutex_lock(&lock);
	now = now_ns();
	for (i = 0; i < n_list; i++)
		if (now < list[i].deadline && !shown(t, &list[i]))
			list[n++] = list[i];
	n_list = n;
	if (now >= blind_until)
		blind_until = 0;
	left = n_list || blind_until;
	__atomic_store_n(&active, left, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&lock);
	return left;
}

void compat_live_wrote(int kind, const MIB_IPFORWARD_ROW2 *row,
		       const struct brt_compat_key *key)
{
	struct pending p;

	p.kind = kind;
	p.key = *key;
	p.metric = row->Metric;
	pthread_mutex_lock(&lock);
	p.deadline = now_ns() + PENDING_NS;
	if (n_list < MAX_PENDING)
		list[n_list++] = p;
	else
		blind_until = p.deadline;
	__atomic_store_n(&active, true, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&lock);
}
