/*
 * live_build.c - turning the live handle's model into the next version.
 *
 * Two tables take turns (the left-right scheme): readers are given cur;
 * the version before it, the spare, is kept instead of freed. Once no
 * reader holds the spare (os_live_pub_unused), the changes it lacks
 * (behind: those cur got; pending: those since) are replayed on it in
 * place and it is published as the next version; cur becomes the spare.
 * A version then costs the size of the change, not of the table.
 *
 * Invariants:
 *  - spare, edited by behind and then pending, equals the model; cur,
 *    edited by pending, would too;
 *  - a whole table is built from the model instead whenever that cannot
 *    hold or be used (and then a second one as the spare, when the one
 *    it replaced cannot be): the first version, a change outside the logs
 *    (small kinds dumped, routes re-dumped and found changed), a lost
 *    log, a table that grew out of its lookup structure's size (a fib
 *    compiled small and edited to over 32768 prefixes), an edit the tables refuse (table_edit.h), or a spare that a
 *    reader keeps longer than BRT_LIVE_SPARE_WAIT_NS;
 *  - a spare that failed half way through its replay is destroyed (no
 *    reader can hold it) and never published.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fib/table_edit.h"
#include "live/live_impl.h"
#include "os.h"

/* The whole model as a new table, prepared for editing (in the normal
 * scheduling class: this is long work, live_sched.c). */
static int build_whole(struct brt_live *h, brt_table **t)
{
	brt_builder *b = os_live_new_builder();
	int e;

	*t = NULL;
	if (!b)
		return BRT_ENOMEM;
	os_live_sched_long(h, true);
	e = core_bld_copy_all_but_routes(h->small, b);
	if (!e)
		e = os_lroutes_emit(&h->routes, b);
	h->err[0] = 0;
	e = os_builder_done(b, e, t, "live build", h->err, sizeof(h->err));
	if (!e)
		(void)core_table_edit_prepare(*t);	/* else the first edit does it */
	os_live_sched_long(h, false);
	return e;
}

void os_live_drop_spare(struct brt_live *h)
{
	if (!h->spare)
		return;
	brt_table_destroy(h->spare->t);
	free(h->spare);
	h->spare = NULL;
	os_ldeltas_clear(&h->behind);
}

/* After publishing: what was cur becomes the spare, lacking pending;
 * or, when it cannot be brought up to date, it is retired. */
static void keep_spare(struct brt_live *h, struct brt_live_version *old,
		       bool usable)
{
	struct brt_ldeltas tmp;

	if (!old || !usable || h->pending.lost) {
		os_live_pub_retire(&h->pub, old);
		os_ldeltas_clear(&h->pending);
		return;
	}
	h->spare = old;
	tmp = h->behind;	/* cleared: the spare just replayed it */
	h->behind = h->pending;
	h->pending = tmp;
	os_ldeltas_clear(&h->pending);
}

static void publish_done(struct brt_live *h, uint64_t t0)
{
	h->changed = false;
	h->spare_wait_ns = 0;
	h->batch_ns = os_live_now_ns() - t0;
	if (h->batch_ns < BRT_LIVE_BATCH_NS)
		h->batch_ns = BRT_LIVE_BATCH_NS;
	if (h->batch_ns > BRT_LIVE_BATCH_MAX_NS)
		h->batch_ns = BRT_LIVE_BATCH_MAX_NS;
	atomic_fetch_add(&h->st.publishes, 1);
}

/* A second whole table, equal to cur, for the next change to edit: built
 * now rather than when that change comes, so it does not wait for it
 * (no reader has it: number 0 is never published). */
static void make_spare(struct brt_live *h)
{
	struct brt_live_version *v = calloc(1, sizeof(*v));

	if (!v || build_whole(h, &v->t)) {
		free(v);
		return;	/* the next version is built whole */
	}
	h->spare = v;
	os_ldeltas_clear(&h->behind);
}

static int publish_whole(struct brt_live *h)
{
	uint64_t t0 = os_live_now_ns();
	struct brt_live_version *old;
	brt_table *t;
	int e = build_whole(h, &t);

	if (!e)
		e = os_live_pub_publish(&h->pub, t, &old);
	if (e) {
		brt_table_destroy(t);
		return e;
	}
	if (h->spare) {	/* older than old: readers may still hold it */
		os_live_pub_retire(&h->pub, h->spare);
		h->spare = NULL;
		os_ldeltas_clear(&h->behind);
	}
	keep_spare(h, old, !h->rebuild);
	h->rebuild = false;
	atomic_fetch_add(&h->st.whole, 1);
	publish_done(h, t0);
	if (!h->spare && !h->spare_later)
		make_spare(h);
	return 0;
}

int os_live_publish_first(struct brt_live *h, brt_builder *b)
{
	uint64_t t0 = os_live_now_ns();
	struct brt_live_version *old;
	brt_table *t;
	int e = brt_builder_finish(b, &t);

	if (e) {
		snprintf(h->err, sizeof(h->err), "live build: %s",
			 brt_builder_error(b));
		brt_builder_destroy(b);
		return e;
	}
	(void)core_table_edit_prepare(t);	/* else the first edit does it */
	e = os_live_pub_publish(&h->pub, t, &old);
	if (e) {
		brt_table_destroy(t);
		brt_builder_destroy(b);
		return e;
	}
	h->first_dump = b;
	h->rebuild = false;
	atomic_fetch_add(&h->st.whole, 1);
	publish_done(h, t0);
	return 0;
}

/* The model from open's dump: the same routes in the same order as the
 * first table was compiled from, so the model is cur's. */
static int load_first(struct brt_live *h)
{
	bool changed;
	int e;

	os_live_sched_long(h, true);
	e = os_lroutes_load(&h->routes, h->first_dump, &changed);
	os_live_sched_long(h, false);
	brt_builder_destroy(h->first_dump);
	h->first_dump = NULL;
	return e;
}

void os_live_prepare(struct brt_live *h)
{
	if (h->first_dump && load_first(h)) {
		h->need = NEED_ALL;	/* out of memory: dump and build again */
		h->rebuild = h->changed = true;
	}
	if (!h->spare_later)
		return;
	h->spare_later = false;
	if (!h->spare && !h->rebuild)
		make_spare(h);	/* the model is still cur's: no event applied */
}

/* The spare, no longer held, brought up to date and published. */
static int publish_edited(struct brt_live *h)
{
	uint64_t t0 = os_live_now_ns();
	struct brt_live_version *old, *sp = h->spare;
	brt_table *t = sp->t;
	int e = os_ldeltas_replay(&h->behind, t);

	if (!e)
		e = os_ldeltas_replay(&h->pending, t);
	if (e) {
		os_live_drop_spare(h);
		return publish_whole(h);
	}
	e = os_live_pub_publish(&h->pub, t, &old);
	if (e) {
		os_live_drop_spare(h);
		return e;
	}
	free(sp);	/* its number is gone; the table lives on in cur */
	h->spare = NULL;
	os_ldeltas_clear(&h->behind);
	keep_spare(h, old, true);
	if (core_table_edit_outgrown(t))
		h->rebuild = true;	/* the next version: compiled afresh */
	atomic_fetch_add(&h->st.edited, 1);
	publish_done(h, t0);
	return 0;
}

int os_live_publish(struct brt_live *h)
{
	uint64_t now;

	if (h->rebuild || !h->spare || h->pending.lost || h->behind.lost)
		return publish_whole(h);
	if (os_live_pub_unused(&h->pub, h->spare))
		return publish_edited(h);
	now = os_live_now_ns();
	if (!h->spare_wait_ns)
		h->spare_wait_ns = now;
	if (now - h->spare_wait_ns < BRT_LIVE_SPARE_WAIT_NS)
		return 1;
	return publish_whole(h);
}
