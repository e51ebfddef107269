/*
 * live_impl.h - the live handle's parts (private to src/os/linux):
 *  - live_routes.c: the mutable model of the kernel's routes, indexed by
 *    the kernel's own route key, to which notifications apply in O(1);
 *  - live_publish.c: numbered immutable table versions, readers and the
 *    reclamation of versions no reader can still use;
 *  - live_handle.c: the update thread (events, resyncs, builds).
 */
#ifndef BRT_OS_LINUX_LIVE_IMPL_H
#define BRT_OS_LINUX_LIVE_IMPL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "builder/builder_read.h"
#include "netlink/nl.h"

/* ----------------------------------------------------------------- routes */

struct brt_lroute {
	struct brt_route r;		/* r.nh: from the model's pool */
	uint64_t hash;
	struct brt_lroute *hnext;	/* bucket chain */
	struct brt_lroute *prev, *next;	/* the model's order */
};

/* live_nhpool.c: next-hop arrays shared by the routes that have equal ones. */
struct brt_lnh;
struct brt_lnh_pool {
	struct brt_lnh **buckets;
	size_t nbuckets;		/* a power of two */
	size_t n;
};

int os_lnh_init(struct brt_lnh_pool *p);
/* Free every block (the routes using them go first). */
void os_lnh_free(struct brt_lnh_pool *p);
/* *@out: the pool's copy of @nh (@count entries; NULL for 0), one more
 * reference to it. 0 or BRT_ENOMEM (*@out NULL). */
int os_lnh_get(struct brt_lnh_pool *p, const struct brt_nexthop *nh,
	       uint32_t count, const struct brt_nexthop **out);
/* Give back a reference os_lnh_get returned (NULL: nothing). */
void os_lnh_put(struct brt_lnh_pool *p, const struct brt_nexthop *nh);

struct brt_lroutes {
	struct brt_lroute **buckets;
	size_t nbuckets;		/* a power of two */
	size_t n;
	struct brt_lroute head;		/* list sentinel */
	struct brt_lnh_pool nh;		/* the routes' next hops */
};

/* ----------------------------------------------------------------- deltas */

/* One change of the model, as the tables must replay it (live_delta.c). */
#define BRT_LD_ADD 0		/* after the routes of equal tos and metric */
#define BRT_LD_PREPEND 1	/* before them (an IPv4 add to a held key) */
#define BRT_LD_DEL 2
#define BRT_LD_REPLACE 3	/* old's place, r's content */
#define BRT_LD_MAX 4000000u	/* more, and a whole table is cheaper */

struct brt_ldelta {
	uint8_t op;
	struct brt_route r;		/* next hops owned */
	struct brt_route old;		/* REPLACE only; next hops owned */
};

struct brt_ldeltas {
	struct brt_ldelta *v;
	size_t n, cap;
	bool lost;			/* a change is missing (memory, limit) */
};

/* *@dst = *@src with a malloc'd copy of its next hops (NULL for none).
 * 0 or BRT_ENOMEM (@dst untouched). */
int os_live_route_copy(struct brt_route *dst, const struct brt_route *src);
/* Record a change (copies next hops); on failure the log is lost. */
void os_ldeltas_record(struct brt_ldeltas *l, unsigned op,
			const struct brt_route *r, const struct brt_route *old);
/* Forget every change (the log is whole again). */
void os_ldeltas_clear(struct brt_ldeltas *l);
void os_ldeltas_free(struct brt_ldeltas *l);
/* Replay the log on @t (table_edit.h). 0, or the first failure: then
 * @t is half changed and must be destroyed. */
int os_ldeltas_replay(const struct brt_ldeltas *l, brt_table *t);

/* What a notification asks of the model (os_lroutes_apply). */
#define BRT_LR_APPLIED 0
#define BRT_LR_RESYNC 1		/* ambiguous here: dump the routes again */

int os_lroutes_init(struct brt_lroutes *m);
void os_lroutes_free(struct brt_lroutes *m);
/*
 * os_lroutes_apply - one RTM_NEWROUTE (@del false, @nlflags its
 * NLM_F_REPLACE/NLM_F_APPEND) or RTM_DELROUTE; what changed is recorded
 * in @log. Returns BRT_LR_APPLIED, BRT_LR_RESYNC or BRT_ENOMEM.
 */
int os_lroutes_apply(struct brt_lroutes *m, bool del, unsigned nlflags,
		      const struct brt_route *r, struct brt_ldeltas *log);
/* Replace the whole model with the routes given to @b (a dump), unless
 * it holds exactly those already: @changed tells. */
int os_lroutes_load(struct brt_lroutes *m, const struct brt_builder *b,
		     bool *changed);
/* Add every route of the model to @b, in the model's order. */
int os_lroutes_emit(const struct brt_lroutes *m, brt_builder *b);

/* -------------------------------------------------------------- versions */

struct brt_live_version {
	brt_table *t;
	uint64_t number;
	struct brt_live_version *next;	/* retired list */
};

struct brt_live_reader {
	struct brt_live_pub *pub;
	/* the version number this reader may still use, 0 when quiescent */
	_Atomic uint64_t seen;
	struct brt_live_version *v;	/* the reader's own, under seen */
	struct brt_live_reader *next;	/* under h->readers_lock */
};

struct brt_live_pub {
	_Atomic(struct brt_live_version *) cur;
	_Atomic uint64_t published;	/* cur's number, stored after cur */
	pthread_mutex_t readers_lock;	/* registration and the writer's scan */
	struct brt_live_reader *readers;
	struct brt_live_version *retired;	/* writer only */
};

void os_live_pub_init(struct brt_live_pub *p);
/* Publish @t as the next version (the writer thread only); the version
 * it replaces goes to @old (NULL for the first), for the caller to keep
 * or retire. */
int os_live_pub_publish(struct brt_live_pub *p, brt_table *t,
			 struct brt_live_version **old);
/* Free @v (NULL: nothing) once no reader can use it. */
void os_live_pub_retire(struct brt_live_pub *p, struct brt_live_version *v);
/* Whether no registered reader can still be using @v. */
bool os_live_pub_unused(struct brt_live_pub *p,
			 const struct brt_live_version *v);
/* Free retired versions no registered reader can still use. */
void os_live_pub_reclaim(struct brt_live_pub *p);
/* Free everything (no reader may run). */
void os_live_pub_destroy(struct brt_live_pub *p);

/* ---------------------------------------------------------------- handle */

/* What must be dumped again. */
#define NEED_SMALL 0x01
#define NEED_ROUTES 0x02
#define NEED_ALL (NEED_SMALL | NEED_ROUTES)

struct brt_live {
	struct brt_live_pub pub;
	struct brt_nl ev;		/* notifications, non-blocking */
	struct brt_nl req;		/* dumps */
	int wake[2];
	pthread_t thread;
	bool started;
	bool realtime;			/* the thread may be SCHED_FIFO (live_sched.c) */
	unsigned flags;			/* brt_live_open's */
	bool spare_later;		/* open: the thread builds the spare */
	brt_builder *first_dump;	/* open's dump, for the thread to load
					 * the model from (os_live_prepare) */
	atomic_bool stopping;
	brt_builder *small;
	struct brt_lroutes routes;
	unsigned need;			/* NEED_* */
	bool changed;			/* the model differs from cur */
	/* two tables (live_build.c): cur, and the spare before it that is
	 * edited into the next version once no reader holds it */
	struct brt_ldeltas pending;	/* changes cur lacks */
	struct brt_ldeltas behind;	/* changes the spare lacks of cur */
	struct brt_live_version *spare;
	bool rebuild;			/* the model changed outside the logs */
	uint64_t spare_wait_ns;		/* waiting for the spare since, or 0 */
	uint64_t batch_ns;		/* how long a batch may gather */
	uint64_t settle_ns;		/* no route dump before (CLOCK_MONOTONIC) */
	uint64_t recheck_ns;	/* when to dump routes again after a silent change */
	int rechecks;		/* such dumps still to do */
	unsigned retry_ms;		/* the next retry's delay */
	struct brt_nexthop *nh;		/* decoder room */
	char err[256];			/* the last failure, for debugging */
	struct {
		_Atomic uint64_t messages, applied, overflows, full_resyncs,
			route_resyncs, small_resyncs, publishes, errors,
			edited, whole, realtime;
	} st;
};

/* How long after a silent-change event its route dump waits. */
#define BRT_LIVE_SETTLE_NS 20000000ull
/* After a silent change, routes are dumped again this long after the first
 * dump, twice (a deleting task preempted under load can flush later than
 * BRT_LIVE_SETTLE_NS after its notification, and then no event follows). */
#define BRT_LIVE_RECHECK_NS 300000000ull
#define BRT_LIVE_RECHECKS 2

/* The shortest batch under load, and the longest. */
#define BRT_LIVE_BATCH_NS 5000000ull
#define BRT_LIVE_BATCH_MAX_NS 1000000000ull
/* How long a new version waits for readers to leave the spare before a
 * whole table is built instead. */
#define BRT_LIVE_SPARE_WAIT_NS 100000000ull

/* An empty builder for the live host (Linux policy). */
brt_builder *os_live_new_builder(void);
/*
 * os_live_publish - the model as the next version: the spare edited by
 * the logs, or a whole table built. 0 (published), 1 (not yet: a reader
 * still holds the spare; call again), or a negative BRT_E* (the last
 * version stays, h->err says why).
 */
int os_live_publish(struct brt_live *h);
/*
 * os_live_publish_first - open's first version, compiled from @b (the
 * small kinds and the route dump) without the model, which the thread
 * loads from @b afterwards: the handle keeps @b in h->first_dump (also on
 * failure, @b is freed). 0 or a negative BRT_E* (h->err says why).
 */
int os_live_publish_first(struct brt_live *h, brt_builder *b);
/* The update thread's first work, after open returned: the model loaded
 * from open's dump and the spare built (on failure: a full dump). */
void os_live_prepare(struct brt_live *h);
/* Free the spare (the handle is closing). */
void os_live_drop_spare(struct brt_live *h);

/* live_sched.c: the calling (update) thread real-time when allowed and
 * not refused by @flags; then, around long work (@long_work true: a dump
 * or a whole build), back in the normal class and (false) real-time again. */
void os_live_sched_init(struct brt_live *h, unsigned flags);
void os_live_sched_long(struct brt_live *h, bool long_work);

/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t os_live_now_ns(void);

/*
 * os_live_take_message - apply one notification to h's model: a route
 * change in place, or h->need for what must be dumped again.
 */
int os_live_take_message(struct brt_live *h, const struct nlmsghdr *nlh);

#endif /* BRT_OS_LINUX_LIVE_IMPL_H */
