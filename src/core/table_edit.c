/*
 * table_edit.c - a compiled table's routes changed in place (see
 * table_edit.h for who may, and when).
 *
 * Invariants:
 *  - the fibs hold every route of the table; a route an edit added is a
 *    block of its own (the route, then its next hops) that the table
 *    owns, told from a compiled one by its address (brt_route_compiled);
 *    a compiled route an edit removed stays in t->routes, unreachable;
 *  - t->fibs stays sorted by (family, id); a table id met for the first
 *    time gets an empty fib, and a fib edited to empty stays (the lookup
 *    answers as if it were absent, see brt_table_fib);
 *  - edits->n_routes counts the routes; the list that brt_table_route()
 *    walks is made on first use after the last edit, by whichever reader
 *    asks first (the others take the one published, lock-free), in fib
 *    order, then group, then route order.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "table_edit.h"

struct route_list {
	size_t n;
	const struct brt_route *r[];
};

struct brt_table_edits {
	size_t n_routes;
	_Atomic(struct route_list *) list;
};

/* ------------------------------------------------------------ accessors */

static struct route_list *make_list(const brt_table *t)
{
	struct route_list *l = malloc(sizeof(*l) + (t->edits->n_routes + 1) *
				      sizeof(l->r[0]));
	size_t i, k;
	uint32_t j;

	if (!l)
		return NULL;
	l->n = 0;
	for (i = 0; i < t->n_fibs; i++)
		for (k = 0; k < t->fibs[i].n_groups; k++) {
			const struct brt_pgroup *g = &t->fibs[i].groups[k];

			for (j = 0; j < g->count && l->n < t->edits->n_routes; j++)
				l->r[l->n++] = g->routes[j];
		}
	return l;
}

/* The routes of an edited table, listed once per edit (NULL: no memory). */
static const struct route_list *route_list(const brt_table *t)
{
	struct route_list *l = atomic_load_explicit(&t->edits->list,
						    memory_order_acquire);
	struct route_list *none = NULL;

	if (l)
		return l;
	l = make_list(t);
	if (l && !atomic_compare_exchange_strong(&t->edits->list, &none, l)) {
		free(l);
		return none;	/* another reader's, published first */
	}
	return l;
}

size_t brt_table_route_count(const brt_table *t)
{
	if (!t)
		return 0;
	return t->edits ? t->edits->n_routes : t->n_routes;
}

const struct brt_route *brt_table_route(const brt_table *t, size_t i)
{
	const struct route_list *l;

	if (!t)
		return NULL;
	if (!t->edits)
		return i < t->n_routes ? &t->routes[i] : NULL;
	l = route_list(t);
	return l && i < l->n ? l->r[i] : NULL;
}

/* ---------------------------------------------------------------- owned */

static bool owned(const brt_table *t, const struct brt_route *r)
{
	return !brt_route_compiled(t, r);
}

static struct brt_route *copy_route(const struct brt_route *r)
{
	struct brt_route *c = malloc(sizeof(*c) +
				     r->nh_count * sizeof(struct brt_nexthop));
	struct brt_nexthop *nh = (struct brt_nexthop *)(c + 1);

	if (!c)
		return NULL;
	*c = *r;
	if (r->nh_count)
		memcpy(nh, r->nh, r->nh_count * sizeof(*nh));
	c->nh = r->nh_count ? nh : NULL;
	return c;
}

/* Before the first edit: the count, and no list. Before each: no list. */
static int edits_begin(brt_table *t)
{
	struct route_list *l;

	if (!t->edits) {
		t->edits = calloc(1, sizeof(*t->edits));
		if (!t->edits)
			return BRT_ENOMEM;
		t->edits->n_routes = t->n_routes;
		atomic_init(&t->edits->list, NULL);
	}
	l = atomic_exchange(&t->edits->list, NULL);
	free(l);
	return 0;
}

void brt_table_edit_free(brt_table *t)
{
	size_t i, k;
	uint32_t j;

	if (!t->edits)
		return;
	for (i = 0; i < t->n_fibs; i++)
		for (k = 0; k < t->fibs[i].n_groups; k++) {
			const struct brt_pgroup *g = &t->fibs[i].groups[k];

			for (j = 0; j < g->count; j++)
				if (owned(t, g->routes[j]))
					free((void *)g->routes[j]);
		}
	free(atomic_load(&t->edits->list));
	free(t->edits);
	t->edits = NULL;
}

/* -------------------------------------------------------------- checks */

/* What a compile would have to resolve, or reject, is not edited. */
static bool editable(const brt_table *t, const struct brt_route *r)
{
	uint32_t i;

	if (t->policy != BRT_POLICY_LINUX || !t->is_dump || r->nh_id ||
	    !brt_family_valid(r->family) || r->dst.addr.family != r->family ||
	    r->dst.len > brt_family_bits(r->family) || !r->table ||
	    r->type < BRT_RT_UNICAST || r->type > BRT_RT_THROW ||
	    r->nh_count > BRT_MAX_NEXTHOPS || (r->nh_count && !r->nh) ||
	    (r->flags & BRT_ROUTE_F_DERIVED))
		return false;
	for (i = 0; i < r->nh_count; i++) {
		uint32_t idx = r->nh[i].ifindex;

		if (idx ? brt_table_link_pos(t, idx) < 0
			: r->type < BRT_RT_BLACKHOLE)
			return false;
		if (r->nh[i].weight < 1 || r->nh[i].weight > 256)
			return false;
	}
	return true;
}

/* The fib of (family, id), made empty when the table has none. */
static struct brt_fib *fib_for(brt_table *t, uint8_t family, uint32_t id)
{
	size_t lo = 0, hi = t->n_fibs;
	struct brt_fib *fibs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct brt_fib *f = &t->fibs[mid];

		if (f->family == family && f->id == id)
			return &t->fibs[mid];
		if (f->family < family || (f->family == family && f->id < id))
			lo = mid + 1;
		else
			hi = mid;
	}
	fibs = realloc(t->fibs, (t->n_fibs + 1) * sizeof(*fibs));
	if (!fibs)
		return NULL;
	t->fibs = fibs;
	memmove(fibs + lo + 1, fibs + lo, (t->n_fibs - lo) * sizeof(*fibs));
	t->n_fibs++;
	memset(&fibs[lo], 0, sizeof(fibs[lo]));
	fibs[lo].family = family;
	fibs[lo].id = id;
	return &fibs[lo];
}

/* ----------------------------------------------------------------- edits */

int brt_table_edit_add(brt_table *t, const struct brt_route *r, bool prepend)
{
	struct brt_route *c;
	struct brt_fib *f;
	int err;

	if (!editable(t, r))
		return BRT_ENOTSUP;
	err = edits_begin(t);
	if (err)
		return err;
	f = fib_for(t, r->family, r->table);
	c = f ? copy_route(r) : NULL;
	if (!c)
		return BRT_ENOMEM;
	err = brt_fib_edit_add(f, c, prepend);
	if (err) {
		free(c);
		return err;
	}
	t->edits->n_routes++;
	return 0;
}

/* The fib and route brt_route_same() as @r, or NULL. */
static const struct brt_route *find(brt_table *t, const struct brt_route *r,
				    struct brt_fib **fib)
{
	*fib = (struct brt_fib *)brt_table_fib(t, r->family, r->table);
	return *fib ? brt_fib_edit_find(*fib, r) : NULL;
}

int brt_table_edit_del(brt_table *t, const struct brt_route *r)
{
	const struct brt_route *x;
	struct brt_fib *f;
	int err = edits_begin(t);

	if (err)
		return err;
	x = find(t, r, &f);
	if (!x)
		return BRT_ENOENT;
	err = brt_fib_edit_remove(f, x);
	if (err)
		return err;
	if (owned(t, x))
		free((void *)x);
	t->edits->n_routes--;
	return 0;
}

int brt_table_edit_replace(brt_table *t, const struct brt_route *old,
			   const struct brt_route *r)
{
	const struct brt_route *x;
	struct brt_route *c;
	struct brt_fib *f;
	int err;

	if (!editable(t, r) || !brt_route_same_key(old, r))
		return BRT_ENOTSUP;
	err = edits_begin(t);
	if (err)
		return err;
	x = find(t, old, &f);
	if (!x)
		return BRT_ENOENT;
	c = copy_route(r);
	if (!c)
		return BRT_ENOMEM;
	err = brt_fib_edit_swap(f, x, c);
	if (err) {
		free(c);
		return err;
	}
	if (owned(t, x))
		free((void *)x);
	return 0;
}
