/*
 * live_delta.c - the log of the model's route changes that a table
 * version has not seen yet.
 *
 * The live handle keeps two tables: the one readers are given and the
 * one before it. Each change goes into a log; a new version is the older
 * table with the logs it lacks replayed on it (table_edit.h), so a
 * version costs the size of the change. Invariants:
 *  - a log holds every change since the table it belongs to was current,
 *    in the order the model made them, or says it is lost;
 *  - entries own copies of their routes' next hops (the model frees its
 *    own as it goes).
 */
#include <stdlib.h>
#include <string.h>

#include "fib/table_edit.h"
#include "live/live_impl.h"

int os_live_route_copy(struct brt_route *dst, const struct brt_route *src)
{
	struct brt_nexthop *nh = NULL;

	if (src->nh_count) {
		nh = malloc(src->nh_count * sizeof(*nh));
		if (!nh)
			return BRT_ENOMEM;
		memcpy(nh, src->nh, src->nh_count * sizeof(*nh));
	}
	*dst = *src;
	dst->nh = nh;
	return 0;
}

static bool grow(struct brt_ldeltas *l)
{
	size_t cap = l->cap ? l->cap * 2 : 256;
	struct brt_ldelta *v;

	if (l->n < l->cap)
		return true;
	if (l->n >= BRT_LD_MAX)
		return false;
	v = realloc(l->v, cap * sizeof(*v));
	if (!v)
		return false;
	l->v = v;
	l->cap = cap;
	return true;
}

void os_ldeltas_record(struct brt_ldeltas *l, unsigned op,
			const struct brt_route *r, const struct brt_route *old)
{
	struct brt_ldelta *d;

	if (l->lost)
		return;
	if (!grow(l)) {
		l->lost = true;
		return;
	}
	d = &l->v[l->n];
	memset(d, 0, sizeof(*d));
	d->op = (uint8_t)op;
	if (os_live_route_copy(&d->r, r) ||
	    (old && os_live_route_copy(&d->old, old))) {
		free(core_unconst(d->r.nh));
		l->lost = true;
		return;
	}
	l->n++;
}

void os_ldeltas_clear(struct brt_ldeltas *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(core_unconst(l->v[i].r.nh));
		free(core_unconst(l->v[i].old.nh));
	}
	l->n = 0;
	l->lost = false;
}

void os_ldeltas_free(struct brt_ldeltas *l)
{
	os_ldeltas_clear(l);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int os_ldeltas_replay(const struct brt_ldeltas *l, brt_table *t)
{
	size_t i;
	int e = l->lost ? BRT_ENOTSUP : 0;

	for (i = 0; !e && i < l->n; i++) {
		const struct brt_ldelta *d = &l->v[i];

		switch (d->op) {
		case BRT_LD_ADD:
		case BRT_LD_PREPEND:
			e = core_table_edit_add(t, &d->r, d->op == BRT_LD_PREPEND);
			break;
		case BRT_LD_DEL:
			e = core_table_edit_del(t, &d->r);
			break;
		default:
			e = core_table_edit_replace(t, &d->old, &d->r);
			break;
		}
	}
	return e;
}
