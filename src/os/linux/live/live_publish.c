/*
 * live_publish.c - numbered table versions for lock-free readers.
 *
 * Invariants (quiescent-state based reclamation):
 *  - the writer (the handle's thread) publishes a version by storing its
 *    pointer in cur, then its number in published; numbers only grow,
 *    and a version leaves cur for good (it is never published again
 *    under its number);
 *  - a reader announces in its seen slot the number it read from
 *    published (SEEN_AT_LEAST: it may hold that version or a newer one),
 *    THEN loads cur, then announces the number of the version it got
 *    (SEEN_EXACTLY). Zero means it holds nothing;
 *  - the writer frees a retired version, or edits one it kept (the live
 *    handle edits the version before the current one into the next),
 *    only when no reader's announcement allows that it holds it. The
 *    first announcement and the load of cur are sequentially consistent,
 *    so either the writer's scan sees it, or that reader's load of cur
 *    sees a version newer than any the writer is about to touch; a
 *    stale exact announcement names a version the reader really held
 *    and left only for one newer than the current at its next pin;
 *  - readers never take a lock; the writer and (un)registration share
 *    readers_lock only to walk the reader list.
 */
#include <stdlib.h>

#include "live/live_impl.h"

void os_live_pub_init(struct brt_live_pub *p)
{
	atomic_init(&p->cur, NULL);
	atomic_init(&p->published, 0);
	pthread_mutex_init(&p->readers_lock, NULL);
	p->readers = NULL;
	p->retired = NULL;
}

int os_live_pub_publish(struct brt_live_pub *p, brt_table *t,
			 struct brt_live_version **old)
{
	struct brt_live_version *v = calloc(1, sizeof(*v));

	if (!v)
		return BRT_ENOMEM;
	*old = atomic_load(&p->cur);
	v->t = t;
	v->number = atomic_load(&p->published) + 1;
	atomic_store(&p->cur, v);
	atomic_store(&p->published, v->number);
	return 0;
}

void os_live_pub_retire(struct brt_live_pub *p, struct brt_live_version *v)
{
	if (v) {
		v->next = p->retired;
		p->retired = v;
	}
	os_live_pub_reclaim(p);
}

#define SEEN_EXACTLY 1u	/* low bit of seen; the number is seen >> 1 */

/* Whether a reader's announcement allows that it holds version @n. */
static bool may_hold(uint64_t seen, uint64_t n)
{
	if (!seen)
		return false;
	return seen & SEEN_EXACTLY ? seen >> 1 == n : seen >> 1 <= n;
}

static bool in_use(struct brt_live_pub *p, uint64_t n)
{
	struct brt_live_reader *rd;
	bool used = false;

	pthread_mutex_lock(&p->readers_lock);
	for (rd = p->readers; rd && !used; rd = rd->next)
		used = may_hold(atomic_load(&rd->seen), n);
	pthread_mutex_unlock(&p->readers_lock);
	return used;
}

bool os_live_pub_unused(struct brt_live_pub *p,
			 const struct brt_live_version *v)
{
	return !in_use(p, v->number);
}

void os_live_pub_reclaim(struct brt_live_pub *p)
{
	struct brt_live_version **pp = &p->retired, *v;

	while ((v = *pp)) {
		if (!in_use(p, v->number)) {
			*pp = v->next;
			brt_table_destroy(v->t);
			free(v);
		} else {
			pp = &v->next;
		}
	}
}

void os_live_pub_destroy(struct brt_live_pub *p)
{
	struct brt_live_version *v = atomic_load(&p->cur), *nx;
	struct brt_live_reader *rd, *rn;

	if (v) {
		v->next = p->retired;
		p->retired = v;
	}
	for (v = p->retired; v; v = nx) {
		nx = v->next;
		brt_table_destroy(v->t);
		free(v);
	}
	for (rd = p->readers; rd; rd = rn) {
		rn = rd->next;
		free(rd);
	}
	pthread_mutex_destroy(&p->readers_lock);
}

/* ------------------------------------------------------------- readers */

static void pin(brt_live_reader *rd)
{
	struct brt_live_pub *p = rd->pub;

	atomic_store(&rd->seen, atomic_load(&p->published) << 1);
	rd->v = atomic_load(&p->cur);
	atomic_store_explicit(&rd->seen, rd->v->number << 1 | SEEN_EXACTLY,
			      memory_order_release);
}

const brt_table *brt_live_acquire(brt_live_reader *rd, uint64_t *version)
{
	if (!rd)
		return NULL;
	pin(rd);
	if (version)
		*version = rd->v->number;
	return rd->v->t;
}

int brt_live_lookup(brt_live_reader *rd, const struct brt_query *q,
		    struct brt_result *r, uint64_t *version)
{
	if (!rd)
		return BRT_EINVAL;
	pin(rd);
	if (version)
		*version = rd->v->number;
	return brt_table_lookup(rd->v->t, q, r);
}

int brt_live_lookup_bulk(brt_live_reader *rd, const struct brt_query *q,
			 size_t n, struct brt_result *r, uint64_t *version)
{
	if (!rd)
		return BRT_EINVAL;
	pin(rd);
	if (version)
		*version = rd->v->number;
	return brt_table_lookup_bulk(rd->v->t, q, n, r);
}

void brt_live_reader_quiescent(brt_live_reader *rd)
{
	if (!rd)
		return;
	rd->v = NULL;
	atomic_store(&rd->seen, 0);
}

const brt_table *brt_live_reader_table(const brt_live_reader *rd)
{
	return rd && rd->v ? rd->v->t : NULL;
}
