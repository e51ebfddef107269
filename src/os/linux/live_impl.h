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

#include "core/builder_impl.h"
#include "nl.h"

/* ----------------------------------------------------------------- routes */

struct brt_lroute {
	struct brt_route r;		/* r.nh == nh */
	struct brt_nexthop *nh;		/* owned, r.nh_count entries */
	uint64_t hash;
	struct brt_lroute *hnext;	/* bucket chain */
	struct brt_lroute *prev, *next;	/* the model's order */
};

struct brt_lroutes {
	struct brt_lroute **buckets;
	size_t nbuckets;		/* a power of two */
	size_t n;
	struct brt_lroute head;		/* list sentinel */
};

/* What a notification asks of the model (brt_lroutes_apply). */
#define BRT_LR_APPLIED 0
#define BRT_LR_RESYNC 1		/* ambiguous here: dump the routes again */

int brt_lroutes_init(struct brt_lroutes *m);
void brt_lroutes_free(struct brt_lroutes *m);
/*
 * brt_lroutes_apply - one RTM_NEWROUTE (@del false, @nlflags its
 * NLM_F_REPLACE/NLM_F_APPEND) or RTM_DELROUTE. Returns BRT_LR_APPLIED,
 * BRT_LR_RESYNC or BRT_ENOMEM.
 */
int brt_lroutes_apply(struct brt_lroutes *m, bool del, unsigned nlflags,
		      const struct brt_route *r);
/* Replace the whole model with the routes given to @b (a dump). */
int brt_lroutes_load(struct brt_lroutes *m, const struct brt_builder *b);
/* Add every route of the model to @b, in the model's order. */
int brt_lroutes_emit(const struct brt_lroutes *m, brt_builder *b);

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

void brt_live_pub_init(struct brt_live_pub *p);
/* Publish @t as the next version (the writer thread only). */
int brt_live_pub_publish(struct brt_live_pub *p, brt_table *t);
/* Free retired versions no registered reader can still use. */
void brt_live_pub_reclaim(struct brt_live_pub *p);
/* Free everything (no reader may run). */
void brt_live_pub_destroy(struct brt_live_pub *p);

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
	atomic_bool stopping;
	brt_builder *small;
	struct brt_lroutes routes;
	unsigned need;			/* NEED_* */
	bool changed;			/* the model differs from cur */
	uint64_t batch_ns;		/* how long a batch may gather */
	uint64_t settle_ns;		/* no route dump before (CLOCK_MONOTONIC) */
	uint64_t recheck_ns;	/* when to dump routes again after a silent change */
	int rechecks;		/* such dumps still to do */
	unsigned retry_ms;		/* the next retry's delay */
	struct brt_nexthop *nh;		/* decoder room */
	char err[256];			/* the last failure, for debugging */
	struct {
		_Atomic uint64_t messages, applied, overflows, full_resyncs,
			route_resyncs, small_resyncs, publishes, errors;
	} st;
};

/* How long after a silent-change event its route dump waits. */
#define BRT_LIVE_SETTLE_NS 20000000ull
/* After a silent change, routes are dumped again this long after the first
 * dump, twice (a deleting task preempted under load can flush later than
 * BRT_LIVE_SETTLE_NS after its notification, and then no event follows). */
#define BRT_LIVE_RECHECK_NS 300000000ull
#define BRT_LIVE_RECHECKS 2

/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t brt_live_now_ns(void);

/*
 * brt_live_take_message - apply one notification to h's model: a route
 * change in place, or h->need for what must be dumped again.
 */
int brt_live_take_message(struct brt_live *h, const struct nlmsghdr *nlh);

#endif /* BRT_OS_LINUX_LIVE_IMPL_H */
