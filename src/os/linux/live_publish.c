/*
 * live_publish.c - numbered table versions for lock-free readers.
 *
 * Invariants (quiescent-state based reclamation):
 *  - the writer (the handle's thread) publishes a version by storing its
 *    pointer in cur, then its number in published; numbers only grow;
 *  - a reader announces the number it read from published in its seen
 *    slot, THEN loads cur: the version it gets has a number >= seen;
 *  - the writer frees a retired version only when its number is below
 *    every registered reader's non-zero seen. All these accesses are
 *    sequentially consistent, so either the writer's scan sees a reader's
 *    announcement, or that reader's load of cur sees the newer version:
 *    no reader can hold a version the writer frees;
 *  - readers never take a lock; the writer and (un)registration share
 *    readers_lock only to walk the reader list.
 */
#include <stdlib.h>

#include "live_impl.h"

void brt_live_pub_init(struct brt_live_pub *p)
{
	atomic_init(&p->cur, NULL);
	atomic_init(&p->published, 0);
	pthread_mutex_init(&p->readers_lock, NULL);
	p->readers = NULL;
	p->retired = NULL;
}

int brt_live_pub_publish(struct brt_live_pub *p, brt_table *t)
{
	struct brt_live_version *v = calloc(1, sizeof(*v));
	struct brt_live_version *old = atomic_load(&p->cur);

	if (!v)
		return BRT_ENOMEM;
	v->t = t;
	v->number = atomic_load(&p->published) + 1;
	atomic_store(&p->cur, v);
	atomic_store(&p->published, v->number);
	if (old) {
		old->next = p->retired;
		p->retired = old;
	}
	brt_live_pub_reclaim(p);
	return 0;
}

/* The oldest version number a registered reader may still use. */
static uint64_t oldest_in_use(struct brt_live_pub *p)
{
	uint64_t min = UINT64_MAX, s;
	struct brt_live_reader *rd;

	pthread_mutex_lock(&p->readers_lock);
	for (rd = p->readers; rd; rd = rd->next) {
		s = atomic_load(&rd->seen);
		if (s && s < min)
			min = s;
	}
	pthread_mutex_unlock(&p->readers_lock);
	return min;
}

void brt_live_pub_reclaim(struct brt_live_pub *p)
{
	struct brt_live_version **pp = &p->retired, *v;
	uint64_t min;

	if (!p->retired)
		return;
	min = oldest_in_use(p);
	while ((v = *pp)) {
		if (v->number < min) {
			*pp = v->next;
			brt_table_destroy(v->t);
			free(v);
		} else {
			pp = &v->next;
		}
	}
}

void brt_live_pub_destroy(struct brt_live_pub *p)
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

	atomic_store(&rd->seen, atomic_load(&p->published));
	rd->v = atomic_load(&p->cur);
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
