/*
 * fib_edit.c - changing a compiled fib in place, one route at a time.
 *
 * Only on a fib no reader can see (the live handle edits the copy that
 * readers have left, then publishes it). Invariants after every call,
 * audited by core_fib_audit():
 *  - a group slot holds routes (count > 0) or is free (count 0, chained
 *    through parent on the free list); n_live counts the first kind;
 *  - f->fast maps every address to the slot of the longest live group
 *    holding it, and the prefix index maps each live group's prefix to
 *    its slot;
 *  - a live group's parent is the longest live group strictly shorter
 *    that contains it, or -1 (as core_fib_build links them): a new group
 *    takes its covering group as parent and becomes the parent of the
 *    groups directly below it; a removed group hands its parent down;
 *  - a group's routes are in the kernel's order: tos descending, metric
 *    ascending, then arrival (a prepend goes before its equals, as an
 *    IPv4 add to an existing key does; everything else after them);
 *  - a group whose routes are still a slice of the compiled f->routes
 *    (cap 0) gets an array of its own before it changes.
 */
#include <stdlib.h>
#include <string.h>

#include "fib/fib_lpm.h"
#include "fib/table_edit.h"

#define EMPTY UINT32_MAX

struct brt_fib_edit {
	uint32_t *index;	/* open addressing, linear probing */
	size_t index_cap;	/* a power of two, at least twice n_live */
	size_t gcap;		/* room in f->groups */
	int32_t free_head;	/* a free slot, or -1 */
};

static size_t prefix_hash(const struct brt_prefix *p)
{
	uint64_t a, b;

	memcpy(&a, p->addr.bytes, 8);
	memcpy(&b, p->addr.bytes + 8, 8);
	a = (a ^ (b * 0x9e3779b97f4a7c15ull) ^ p->len) * 0xff51afd7ed558ccdull;
	return (size_t)(a ^ (a >> 32));
}

/* The slot of the live group of @p, or -1. */
static int32_t index_find(const struct brt_fib *f, const struct brt_prefix *p)
{
	const struct brt_fib_edit *e = f->edit;
	size_t mask = e->index_cap - 1, i = prefix_hash(p) & mask;

	for (; e->index[i] != EMPTY; i = (i + 1) & mask)
		if (core_prefix_equal(core_pgroup_dst(&f->groups[e->index[i]]),
				      p))
			return (int32_t)e->index[i];
	return -1;
}

static void index_put(struct brt_fib *f, uint32_t slot)
{
	struct brt_fib_edit *e = f->edit;
	size_t mask = e->index_cap - 1;
	size_t i = prefix_hash(core_pgroup_dst(&f->groups[slot])) & mask;

	while (e->index[i] != EMPTY)
		i = (i + 1) & mask;
	e->index[i] = slot;
}

/* Remove @slot, moving later entries of its probe run back into the
 * hole (no tombstones, so lookups stay short). */
static void index_drop(struct brt_fib *f, uint32_t slot)
{
	struct brt_fib_edit *e = f->edit;
	size_t mask = e->index_cap - 1;
	size_t i = prefix_hash(core_pgroup_dst(&f->groups[slot])) & mask;
	size_t j, home;

	while (e->index[i] != slot)
		i = (i + 1) & mask;
	for (j = (i + 1) & mask; e->index[j] != EMPTY; j = (j + 1) & mask) {
		home = prefix_hash(core_pgroup_dst(&f->groups[e->index[j]])) &
		       mask;
		/* j's entry may fill the hole at i if its home is not in (i, j] */
		if (((j - home) & mask) >= ((j - i) & mask)) {
			e->index[i] = e->index[j];
			i = j;
		}
	}
	e->index[i] = EMPTY;
}

/* Rebuild the index at a size that keeps it under half full. */
static int index_resize(struct brt_fib *f, size_t live)
{
	struct brt_fib_edit *e = f->edit;
	size_t cap = 64, i;

	while (cap < 2 * live + 2)
		cap *= 2;
	if (e->index && cap == e->index_cap)
		return 0;
	free(e->index);
	e->index = malloc(cap * sizeof(*e->index));
	if (!e->index)
		return BRT_ENOMEM;
	e->index_cap = cap;
	memset(e->index, 0xff, cap * sizeof(*e->index));
	for (i = 0; i < f->n_groups; i++)
		if (f->groups[i].count)
			index_put(f, (uint32_t)i);
	return 0;
}

/* The first edit of a compiled fib: the writer-side index. */
static int edit_start(struct brt_fib *f)
{
	if (f->edit)
		return 0;
	if (!f->fast && core_fib_lpm_create_empty(f))
		return BRT_ENOMEM;
	if (core_fib_lpm_thaw(f))
		return BRT_ENOMEM;
	f->edit = calloc(1, sizeof(*f->edit));
	if (!f->edit)
		return BRT_ENOMEM;
	f->edit->gcap = f->n_groups;
	f->edit->free_head = -1;
	return index_resize(f, f->n_live);
}

int core_fib_edit_prepare(struct brt_fib *f)
{
	return f->fast ? edit_start(f) : 0;
}

void core_fib_edit_free(struct brt_fib *f)
{
	size_t i;

	if (!f->edit)
		return;
	for (i = 0; i < f->n_groups; i++)
		if (f->groups[i].cap)
			free((void *)f->groups[i].routes);
	free(f->edit->index);
	free(f->edit);
	f->edit = NULL;
}

/* ---------------------------------------------------------------- groups */

/* A slot for a new group: a free one, or one more at the end. */
static int take_slot(struct brt_fib *f, uint32_t *slot)
{
	struct brt_fib_edit *e = f->edit;
	struct brt_pgroup *g;
	size_t cap;

	if (e->free_head >= 0) {
		*slot = (uint32_t)e->free_head;
		e->free_head = f->groups[*slot].parent;
		return 0;
	}
	if (f->n_groups == e->gcap) {
		cap = e->gcap < 16 ? 16 : e->gcap * 2;
		g = realloc(f->groups, cap * sizeof(*g));
		if (!g)
			return BRT_ENOMEM;
		f->groups = g;
		e->gcap = cap;
	}
	*slot = (uint32_t)f->n_groups++;
	return 0;
}

static void give_slot(struct brt_fib *f, uint32_t slot)
{
	struct brt_pgroup *g = &f->groups[slot];

	if (g->cap)
		free((void *)g->routes);
	memset(g, 0, sizeof(*g));
	g->parent = f->edit->free_head;
	f->edit->free_head = (int32_t)slot;
}

struct reparent {
	struct brt_fib *f;
	int32_t parent;
};

static void set_parent(void *arg, uint32_t slot)
{
	struct reparent *rp = arg;

	rp->f->groups[slot].parent = rp->parent;
}

/* A live group for @dst (it has none), with room for one route. */
static int group_new(struct brt_fib *f, const struct brt_prefix *dst,
		     uint32_t *out)
{
	struct reparent rp = { f, 0 };
	struct brt_pgroup *g;
	uint32_t slot;
	int err = take_slot(f, &slot);

	if (err)
		return err;
	g = &f->groups[slot];
	memset(g, 0, sizeof(*g));
	g->len = dst->len;
	g->routes = malloc(2 * sizeof(*g->routes));
	g->cap = 2;
	err = g->routes ? core_fib_lpm_enter(f, slot, dst) : BRT_ENOMEM;
	if (err) {
		g->cap = g->routes ? g->cap : 0;
		give_slot(f, slot);
		return err;
	}
	g->parent = core_fib_lpm_covering(f, dst);
	rp.parent = (int32_t)slot;
	core_fib_lpm_below(f, dst, set_parent, &rp);
	*out = slot;
	return 0;
}

/* A new group got its first route: count it, and index it. */
static int group_index(struct brt_fib *f, uint32_t slot)
{
	f->n_live++;
	if (2 * f->n_live + 2 > f->edit->index_cap)
		return index_resize(f, 2 * f->n_live);
	index_put(f, slot);
	return 0;
}

/* A group lost its last route: its children fall back to its parent. */
static int group_drop(struct brt_fib *f, uint32_t slot)
{
	struct brt_pgroup *g = &f->groups[slot];
	struct reparent rp = { f, g->parent };
	int err = core_fib_lpm_remove(f, slot);

	if (err)
		return err;
	core_fib_lpm_below(f, core_pgroup_dst(g), set_parent, &rp);
	index_drop(f, slot);
	give_slot(f, slot);
	f->n_live--;
	return 0;
}

/* Room for @need routes in an array of the group's own. */
static int group_room(struct brt_pgroup *g, uint32_t need)
{
	const struct brt_route **r;
	uint32_t cap;

	if (g->cap >= need)
		return 0;
	cap = need < 4 ? 4 : need * 2;
	r = malloc(cap * sizeof(*r));
	if (!r)
		return BRT_ENOMEM;
	if (g->count)
		memcpy(r, g->routes, g->count * sizeof(*r));
	if (g->cap)
		free((void *)g->routes);
	g->routes = r;
	g->cap = cap;
	return 0;
}

/* ---------------------------------------------------------------- routes */

/* Where @r goes among the group's routes (see the header). */
static uint32_t insert_pos(const struct brt_pgroup *g,
			   const struct brt_route *r, bool prepend)
{
	uint32_t i;

	for (i = 0; i < g->count; i++) {
		const struct brt_route *x = g->routes[i];

		if (x->tos != r->tos) {
			if (x->tos < r->tos)
				break;
			continue;
		}
		if (x->metric > r->metric || (prepend && x->metric == r->metric))
			break;
	}
	return i;
}

int core_fib_edit_add(struct brt_fib *f, const struct brt_route *r,
		     bool prepend)
{
	struct brt_pgroup *g;
	uint32_t slot, at;
	int32_t found;
	int err = edit_start(f);

	if (err)
		return err;
	found = index_find(f, &r->dst);
	if (found < 0) {
		err = group_new(f, &r->dst, &slot);
		if (err)
			return err;
	} else {
		slot = (uint32_t)found;
	}
	g = &f->groups[slot];
	err = group_room(g, g->count + 1);
	if (err)
		return err;
	at = insert_pos(g, r, prepend);
	memmove(g->routes + at + 1, g->routes + at,
		(g->count - at) * sizeof(*g->routes));
	g->routes[at] = r;
	g->count++;
	return found < 0 ? group_index(f, slot) : 0;
}

/* The slot of @like's group and the place in it of the route
 * core_route_same() as @like, or -1 (an edited fib). */
static int32_t place_of(const struct brt_fib *f, const struct brt_route *like,
			uint32_t *pos)
{
	int32_t slot = index_find(f, &like->dst);
	const struct brt_pgroup *g;
	uint32_t i;

	if (slot < 0)
		return -1;
	g = &f->groups[slot];
	for (i = 0; i < g->count; i++)
		if (core_route_same(g->routes[i], like)) {
			*pos = i;
			return slot;
		}
	return -1;
}

/* @like's group, made ready to change (an array of its own), and the
 * place of its route core_route_same() as @like. 0, BRT_ENOENT or
 * BRT_ENOMEM. */
static int locate(struct brt_fib *f, const struct brt_route *like,
		  uint32_t *slot, uint32_t *pos)
{
	int err = edit_start(f);
	int32_t s;

	if (err)
		return err;
	s = place_of(f, like, pos);
	if (s < 0)
		return BRT_ENOENT;
	*slot = (uint32_t)s;
	return group_room(&f->groups[s], f->groups[s].count);
}

int core_fib_edit_remove(struct brt_fib *f, const struct brt_route *like,
			const struct brt_route **removed)
{
	struct brt_pgroup *g;
	uint32_t slot, pos;
	int err = locate(f, like, &slot, &pos);

	if (err)
		return err;
	g = &f->groups[slot];
	*removed = g->routes[pos];
	if (g->count == 1)
		return group_drop(f, slot);
	memmove(g->routes + pos, g->routes + pos + 1,
		(g->count - pos - 1) * sizeof(*g->routes));
	g->count--;
	return 0;
}

int core_fib_edit_swap(struct brt_fib *f, const struct brt_route *like,
		      const struct brt_route *r, const struct brt_route **old)
{
	uint32_t slot, pos;
	int err = locate(f, like, &slot, &pos);

	if (err)
		return err;
	*old = f->groups[slot].routes[pos];
	f->groups[slot].routes[pos] = r;
	return 0;
}
