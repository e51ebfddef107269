/*
 * arena.c - blocks of nodes and leaves, and their grace period.
 *
 * Invariants:
 *  - an arena is one mapping (pages touched on demand) sized to what the
 *    table needs; when it fills up the writer copies it into a mapping
 *    twice as large and publishes the new base before any entry that
 *    refers to the new blocks. Published blocks are never written, so both
 *    copies hold them alike, and the old mapping is unmapped only after a
 *    grace period like a retired block: an index a reader loaded stays
 *    valid memory in whichever copy it reads;
 *  - a block is in exactly one place: live in the structure, on the
 *    fresh list (built by the update in progress, not yet visible), on the
 *    pending list (unlinked by the update in progress), on the retired
 *    list (unlinked, readers may still hold it), or on a free list;
 *  - a retired block tagged with epoch E returns to a free list only when
 *    every online reader has announced an epoch >= E, i.e. passed a
 *    quiescent point after the update that unlinked it was published.
 *
 * The engine makes no system call: an arena's memory comes from the page
 * provider installed with lpm_pages_install() (the OS layer installs one
 * that maps anonymous memory and asks for huge pages, os/linux/pages.c),
 * or else from calloc.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "lpm_impl.h"
#include "bestroute/bestroute.h"

#define LPM_RECLAIM_BATCH 64u	/* retired blocks */

/* Room for @more elements of @elem bytes after the @n in the array whose
 * pointer is at @vp (any object pointer type) and capacity at @cap:
 * doubled until they fit (@first elements at first). BRT_ENOMEM leaves
 * the array as it was. */
static int room_for(void *vp, size_t n, size_t more, size_t *cap,
		    size_t elem, size_t first)
{
	size_t c = *cap;
	void *v;

	if (n + more <= c)
		return 0;
	while (c < n + more)
		c = c ? c * 2 : first;
	memcpy(&v, vp, sizeof(v));
	v = realloc(v, c * elem);
	if (!v)
		return BRT_ENOMEM;
	memcpy(vp, &v, sizeof(v));
	*cap = c;
	return 0;
}

static int vec_push(struct lpm_u32vec *v, uint32_t x)
{
	if (room_for(&v->v, v->n, 1, &v->cap, sizeof(*v->v), 16))
		return BRT_ENOMEM;
	v->v[v->n++] = x;
	return 0;
}

static int ret_push(struct lpm_retlist *r, struct lpm_retired x)
{
	if (room_for(&r->v, r->n, 1, &r->cap, sizeof(*r->v), 64))
		return BRT_ENOMEM;
	r->v[r->n++] = x;
	return 0;
}

/* Without an installed provider: calloc (large blocks come lazily zeroed
 * from the allocator's own mappings) and free. */
static void *calloc_map(size_t bytes)
{
	return calloc(1, bytes);
}

static void calloc_unmap(void *p, size_t bytes)
{
	(void)bytes;
	free(p);
}

static const struct lpm_pages calloc_pages = {calloc_map, calloc_unmap};
static const struct lpm_pages *pages = &calloc_pages;

void lpm_pages_install(const struct lpm_pages *p)
{
	pages = p && p->map && p->unmap ? p : &calloc_pages;
}

/* Bytes mapped through the provider now (what a heap count misses). */
static _Atomic size_t mapped_bytes;

void *lpm_pages_map(size_t bytes)
{
	void *p = pages->map(bytes);

	if (p)
		atomic_fetch_add_explicit(&mapped_bytes, bytes, memory_order_relaxed);
	return p;
}

void lpm_pages_unmap(void *p, size_t bytes)
{
	if (!p)
		return;
	pages->unmap(p, bytes);
	atomic_fetch_sub_explicit(&mapped_bytes, bytes, memory_order_relaxed);
}

size_t lpm_pages_mapped(void)
{
	return atomic_load_explicit(&mapped_bytes, memory_order_relaxed);
}

static void *map_elems(size_t bytes)
{
	return lpm_pages_map(bytes);
}

static void unmap_elems(void *p, size_t bytes)
{
	lpm_pages_unmap(p, bytes);
}

int lpm_arena_init(struct lpm_arena *a, size_t elem, uint32_t cap,
		       uint32_t limit)
{
	memset(a, 0, sizeof(*a));
	a->base = map_elems(elem * cap);
	if (!a->base)
		return BRT_ENOMEM;
	a->elem = elem;
	a->cap = cap;
	a->limit = limit;
	return 0;
}

void lpm_arena_fini(struct lpm_arena *a)
{
	unsigned i;

	if (a->base)
		unmap_elems(a->base, a->elem * a->cap);
	for (i = 0; i < 65; i++)
		free(a->free[i].v);
	memset(a, 0, sizeof(*a));
}

static int map_push(struct lpm_maplist *m, void *p, size_t len)
{
	if (room_for(&m->v, m->n, 1, &m->cap, sizeof(*m->v), 8))
		return BRT_ENOMEM;
	m->v[m->n++] = (struct lpm_oldmap){ p, len, 0 };
	return 0;
}

/* Room for @need more elements: copy into a larger mapping, publish it. */
static int arena_grow(struct brt_lpm *l, struct lpm_arena *a, unsigned need)
{
	uint64_t cap = a->cap;
	unsigned char *p;

	while (cap - a->top < need && cap < a->limit)
		cap *= 2;
	if (cap > a->limit)
		cap = a->limit;
	if (cap - a->top < need)
		return BRT_ENOMEM;
	p = map_elems((size_t)cap * a->elem);
	if (!p)
		return BRT_ENOMEM;
	if (map_push(&l->oldmaps, a->base, a->elem * a->cap)) {
		unmap_elems(p, (size_t)cap * a->elem);
		return BRT_ENOMEM;
	}
	memcpy(p, a->base, (size_t)a->top * a->elem);
	__atomic_store_n(&a->base, p, __ATOMIC_RELEASE);
	a->cap = (uint32_t)cap;
	return 0;
}

/* Move the arena into a mapping of what it holds plus a little room
 * (the doubling and the first size's guess leave up to half, and most of
 * an IPv4 table's node arena, unused), when that gives back a quarter or
 * more. Like a grow: the old mapping goes after a grace period. */
static int arena_fit(struct brt_lpm *l, struct lpm_arena *a)
{
	uint64_t cap = (uint64_t)a->top + a->top / 64 + 64;
	unsigned char *p;

	if (cap * 4 > (uint64_t)a->cap * 3)
		return 0;
	p = map_elems((size_t)cap * a->elem);
	if (!p)
		return BRT_ENOMEM;
	if (map_push(&l->oldmaps, a->base, a->elem * a->cap)) {
		unmap_elems(p, (size_t)cap * a->elem);
		return BRT_ENOMEM;
	}
	memcpy(p, a->base, (size_t)a->top * a->elem);
	__atomic_store_n(&a->base, p, __ATOMIC_RELEASE);
	a->cap = (uint32_t)cap;
	return 0;
}

int lpm_fit(struct brt_lpm *l)
{
	int err;

	if (!l)
		return BRT_EINVAL;
	err = arena_fit(l, &l->na);
	err = err ? err : arena_fit(l, &l->la);
	err = err ? err : arena_fit(l, &l->ha);
	lpm_publish(l);		/* the old mappings' grace period starts */
	lpm_reclaim(l);
	return err;
}

static uint32_t arena_take(struct brt_lpm *l, struct lpm_arena *a,
			   unsigned size)
{
	struct lpm_u32vec *f = &a->free[size];
	uint32_t idx;

	if (f->n)
		return f->v[--f->n];
	if (a->cap - a->top < size && arena_grow(l, a, size))
		return LPM_NIL;
	idx = a->top;
	a->top += size;
	return idx;
}

static int arena_give(struct lpm_arena *a, uint32_t idx, unsigned size)
{
	return vec_push(&a->free[size], idx);
}

/*
 * Undo an arena_take of this update, without allocating: a block from
 * the top lowers the top again, one from a free list goes back to it,
 * whose array had room for it before the update took it (free lists
 * grow only in lpm_reclaim, never during an update). Blocks are
 * given back in the reverse order of their taking, so the top one is
 * always the last taken from the top.
 */
static void arena_untake(struct lpm_arena *a, uint32_t idx, unsigned size)
{
	if (idx + size == a->top)
		a->top = idx;
	else
		arena_give(a, idx, size);
}

static struct lpm_arena *arena_of(struct brt_lpm *l, unsigned kind)
{
	return kind == LPM_K_LEAF ? &l->la : kind == LPM_K_HEAD ? &l->ha : &l->na;
}

uint32_t lpm_alloc(struct brt_lpm *l, unsigned kind, unsigned size)
{
	struct lpm_arena *a = arena_of(l, kind);
	uint32_t idx = arena_take(l, a, size);

	if (idx == LPM_NIL)
		return LPM_NIL;
	if (ret_push(&l->fresh, (struct lpm_retired){ 0, idx, (uint8_t)size,
						     (uint8_t)kind })) {
		arena_untake(a, idx, size);
		return LPM_NIL;
	}
	return idx;
}

int lpm_retire(struct brt_lpm *l, unsigned kind, uint32_t idx,
		   unsigned size)
{
	if (!size)
		return 0;
	return ret_push(&l->pending, (struct lpm_retired){ 0, idx,
							   (uint8_t)size,
							   (uint8_t)kind });
}

/* The smallest epoch an online reader may still be working in. */
static uint64_t readers_min(struct brt_lpm *l)
{
	uint64_t m = UINT64_MAX;
	unsigned i;

	for (i = 0; i < BRT_LPM_MAX_READERS; i++) {
		uint64_t s;

		if (!atomic_load(&l->readers[i].used))
			continue;
		s = atomic_load(&l->readers[i].seen);
		if (s < m)
			m = s;
	}
	return m;
}

/* Unmap the outgrown mappings no reader can be in (tag <= @safe). */
static void unmap_old(struct brt_lpm *l, uint64_t safe)
{
	size_t i, keep = 0;

	for (i = 0; i < l->oldmaps.n; i++) {
		struct lpm_oldmap m = l->oldmaps.v[i];

		if (m.tag && m.tag <= safe)
			unmap_elems(m.p, m.len);
		else
			l->oldmaps.v[keep++] = m;
	}
	l->oldmaps.n = keep;
}

void lpm_oldmaps_free(struct brt_lpm *l)
{
	size_t i;

	for (i = 0; i < l->oldmaps.n; i++)
		unmap_elems(l->oldmaps.v[i].p, l->oldmaps.v[i].len);
	free(l->oldmaps.v);
	memset(&l->oldmaps, 0, sizeof(l->oldmaps));
}

void lpm_reclaim(struct brt_lpm *l)
{
	uint64_t safe;
	size_t i, keep = 0;

	if (!l->retired.n && !l->oldmaps.n)
		return;
	safe = readers_min(l);
	unmap_old(l, safe);
	for (i = 0; i < l->retired.n; i++) {
		struct lpm_retired r = l->retired.v[i];

		/* a failed push keeps the block retired: leaked until destroy */
		if (r.tag > safe ||
		    arena_give(arena_of(l, r.kind), r.idx, r.size))
			l->retired.v[keep++] = r;
	}
	l->retired.n = keep;
}

int lpm_publish_prepare(struct brt_lpm *l)
{
	struct lpm_retlist *r = &l->retired;

	return room_for(&r->v, r->n, l->pending.n, &r->cap, sizeof(*r->v), 64);
}

void lpm_publish(struct brt_lpm *l)
{
	uint64_t e = atomic_fetch_add(&l->epoch, 1) + 1;
	size_t i;

	l->fresh.n = 0;
	for (i = 0; i < l->oldmaps.n; i++)
		if (!l->oldmaps.v[i].tag)
			l->oldmaps.v[i].tag = e;
	for (i = 0; i < l->pending.n; i++) {
		struct lpm_retired r = l->pending.v[i];

		r.tag = e;
		/* cannot fail: lpm_publish_prepare made the room (the
		 * structure's creation publishes with nothing pending) */
		ret_push(&l->retired, r);
	}
	l->pending.n = 0;
	/* scanning the readers costs more than a small update's rebuild:
	 * do it once per batch of retired blocks */
	if (l->retired.n >= LPM_RECLAIM_BATCH || l->oldmaps.n)
		lpm_reclaim(l);
}

void lpm_abort(struct brt_lpm *l)
{
	size_t i;

	for (i = l->fresh.n; i-- > 0;) {
		struct lpm_retired r = l->fresh.v[i];

		arena_untake(arena_of(l, r.kind), r.idx, r.size);
	}
	l->fresh.n = 0;
	l->pending.n = 0;
}

size_t lpm_arena_free_elems(const struct lpm_arena *a)
{
	size_t n = 0;
	unsigned s, i;

	for (s = 1; s < 65; s++)
		for (i = 0; i < a->free[s].n; i++)
			n += s;
	return n;
}

size_t lpm_retired_elems(const struct brt_lpm *l, unsigned kind)
{
	size_t i, n = 0;

	for (i = 0; i < l->retired.n; i++)
		if (l->retired.v[i].kind == kind)
			n += l->retired.v[i].size;
	return n;
}

/* ------------------------------------------------------------ readers */

struct brt_lpm_reader *lpm_reader_register(struct brt_lpm *l)
{
	unsigned i;

	for (i = 0; i < BRT_LPM_MAX_READERS; i++) {
		struct brt_lpm_reader *r = &l->readers[i];
		int expect = 0;

		if (atomic_compare_exchange_strong(&r->used, &expect, 1)) {
			r->l = l;
			atomic_store(&r->seen, atomic_load(&l->epoch));
			return r;
		}
	}
	return NULL;
}

void lpm_reader_quiescent(struct brt_lpm_reader *r)
{
	atomic_store(&r->seen, atomic_load(&r->l->epoch));
}

void lpm_reader_offline(struct brt_lpm_reader *r)
{
	atomic_store(&r->seen, UINT64_MAX);
}

void lpm_reader_unregister(struct brt_lpm_reader *r)
{
	atomic_store(&r->seen, UINT64_MAX);
	atomic_store(&r->used, 0);
}
