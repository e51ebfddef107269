/*
 * table_edit.c - a compiled table's routes changed in place (see
 * table_edit.h for who may, and when).
 *
 * Invariants:
 *  - the fibs hold every route of the table; a route an edit added is a
 *    block of its own (struct owned_route) that the table owns, told
 *    from a compiled one by its address (core_route_compiled);
 *    a compiled route an edit removed stays in t->routes, unreachable;
 *  - t->fibs stays sorted by (family, id); a table id met for the first
 *    time gets an empty fib, and a fib edited to empty stays (the lookup
 *    answers as if it were absent, see core_table_fib);
 *  - edits->n_routes counts the routes; the list that brt_table_route()
 *    walks is made on first use after the last edit, by whichever reader
 *    asks first (the others take the one published, lock-free), in fib
 *    order, then group, then route order.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "fib/fib_lpm.h"
#include "builder/table_build.h"
#include "fib/table_edit.h"
#include "policy/policy.h"

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
	return !core_route_compiled(t, r);
}

/* A route an edit added: the route, its next hops and, for a route that
 * uses a nexthop object, that object's next hops resolved now (as
 * compile resolves them into t->res_nh_pool). */
struct owned_route {
	struct brt_route r;	/* first: the block's address is the route's */
	uint32_t res_cnt;
	bool res_blackhole;
	struct brt_nexthop nh[];	/* r.nh_count given, then res_cnt */
};

static int copy_route(const brt_table *t, const struct brt_route *r,
		      struct brt_route **out)
{
	size_t res = r->nh_id ? core_table_nhobj_size(t, r->nh_id) : 0;
	struct owned_route *o = malloc(sizeof(*o) + (r->nh_count + res) *
				       sizeof(struct brt_nexthop));

	if (!o)
		return BRT_ENOMEM;
	o->r = *r;
	if (r->nh_count)
		memcpy(o->nh, r->nh, r->nh_count * sizeof(o->nh[0]));
	o->r.nh = r->nh_count ? o->nh : NULL;
	o->res_cnt = 0;
	o->res_blackhole = false;
	if (r->nh_id && core_table_nhobj_expand(t, r->nh_id, o->nh + r->nh_count,
					       &o->res_cnt, &o->res_blackhole)) {
		free(o);
		return BRT_ENOTSUP;	/* a group with a missing member */
	}
	*out = &o->r;
	return 0;
}

const struct brt_nexthop *core_table_edit_nexthops(const struct brt_route *r,
						  uint32_t *count,
						  bool *blackhole)
{
	const struct owned_route *o = (const struct owned_route *)r;

	*count = o->res_cnt;
	*blackhole = o->res_blackhole;
	return o->nh + r->nh_count;
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

void core_table_edit_free(brt_table *t)
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
					free(core_unconst(g->routes[j]));
		}
	free(atomic_load(&t->edits->list));
	free(t->edits);
	t->edits = NULL;
}

int core_table_edit_prepare(brt_table *t)
{
	size_t i;
	int e = 0;

	for (i = 0; !e && i < t->n_fibs; i++)
		e = core_fib_edit_prepare(&t->fibs[i]);
	return e;
}

bool core_table_edit_outgrown(const brt_table *t)
{
	size_t i;

	for (i = 0; i < t->n_fibs; i++)
		if (core_fib_lpm_undersized(&t->fibs[i]))
			return true;
	return false;
}

/* -------------------------------------------------------------- checks */

/* What a compile would have to resolve, or reject, is not edited. */
static bool editable(const brt_table *t, const struct brt_route *r)
{
	uint32_t i;

	if (!t->ops->edit_in_place(t) ||
	    (r->nh_id && !core_table_nhobj_size(t, r->nh_id)) ||
	    !core_family_valid(r->family) || r->dst.addr.family != r->family ||
	    r->dst.len > core_family_bits(r->family) || !r->table ||
	    r->type < BRT_RT_UNICAST || r->type > BRT_RT_THROW ||
	    r->nh_count > BRT_MAX_NEXTHOPS || (r->nh_count && !r->nh) ||
	    (r->flags & BRT_ROUTE_F_DERIVED))
		return false;
	for (i = 0; i < r->nh_count; i++) {
		uint32_t idx = r->nh[i].ifindex;

		if (idx ? core_table_link_pos(t, idx) < 0
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
	size_t at = core_table_fib_pos(t, family, id);
	struct brt_fib *fibs;

	if (at < t->n_fibs && t->fibs[at].family == family &&
	    t->fibs[at].id == id)
		return &t->fibs[at];
	fibs = realloc(t->fibs, (t->n_fibs + 1) * sizeof(*fibs));
	if (!fibs)
		return NULL;
	t->fibs = fibs;
	memmove(fibs + at + 1, fibs + at, (t->n_fibs - at) * sizeof(*fibs));
	t->n_fibs++;
	memset(&fibs[at], 0, sizeof(fibs[at]));
	fibs[at].family = family;
	fibs[at].id = id;
	return &fibs[at];
}

/* ----------------------------------------------------------------- edits */

/* The policy's compiled decisions follow the edit of @r's prefix (on
 * failure the table answers through the interpretive walk). */
static void recompile(brt_table *t, const struct brt_route *r)
{
	if (t->ops->recompile &&
	    t->ops->recompile(t, r->family, r->table, &r->dst, r))
		t->dec_ready = false;
}

int core_table_edit_add(brt_table *t, const struct brt_route *r, bool prepend)
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
	err = f ? copy_route(t, r, &c) : BRT_ENOMEM;
	if (err)
		return err;
	err = core_fib_edit_add(f, c, prepend);
	if (err) {
		free(c);
		return err;
	}
	t->edits->n_routes++;
	recompile(t, c);
	return 0;
}

/* The fib of @r's table, when it holds routes. */
static struct brt_fib *fib_of(brt_table *t, const struct brt_route *r)
{
	return core_unconst(core_table_fib(t, r->family, r->table));
}

int core_table_edit_del(brt_table *t, const struct brt_route *r)
{
	const struct brt_route *x;
	struct brt_fib *f;
	int err = edits_begin(t);

	if (err)
		return err;
	f = fib_of(t, r);
	err = f ? core_fib_edit_remove(f, r, &x) : BRT_ENOENT;
	if (err)
		return err;
	recompile(t, x);
	if (owned(t, x))
		free(core_unconst(x));
	t->edits->n_routes--;
	return 0;
}

int core_table_edit_replace(brt_table *t, const struct brt_route *old,
			   const struct brt_route *r)
{
	const struct brt_route *x;
	struct brt_route *c;
	struct brt_fib *f;
	int err;

	if (!editable(t, r) || !core_route_same_key(old, r))
		return BRT_ENOTSUP;
	err = edits_begin(t);
	if (err)
		return err;
	f = fib_of(t, old);
	if (!f)
		return BRT_ENOENT;
	err = copy_route(t, r, &c);
	if (err)
		return err;
	err = core_fib_edit_swap(f, old, c, &x);
	if (err) {
		free(c);
		return err;
	}
	recompile(t, x);
	recompile(t, c);
	if (owned(t, x))
		free(core_unconst(x));
	return 0;
}
