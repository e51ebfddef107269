/*
 * fib_audit.c - checking a fib against the invariants of fib.c and
 * fib_edit.c by the slowest obvious means (tests call it after edits).
 */
#include <stdarg.h>
#include <stdio.h>

#include "fib/fib_lpm.h"
#include "fib/table_edit.h"

static int fail(char *msg, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(char *msg, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, len, fmt, ap);
	va_end(ap);
	return BRT_ECONFLICT;
}

/* The longest live group strictly shorter than @g holding it: a scan. */
static int32_t naive_parent(const struct brt_fib *f, const struct brt_pgroup *g)
{
	int32_t best = -1;
	size_t i;

	for (i = 0; i < f->n_groups; i++) {
		const struct brt_pgroup *x = &f->groups[i];

		if (x->count && x->len < g->len &&
		    (best < 0 || x->len > f->groups[best].len) &&
		    core_bits_match(core_pgroup_dst(x)->addr.bytes,
				   core_pgroup_dst(g)->addr.bytes, x->len))
			best = (int32_t)i;
	}
	return best;
}

/* Whether the lookup structure finds @g (or a longer group) at its start. */
static bool holds(const struct brt_fib *f, const struct brt_pgroup *g)
{
	const struct brt_pgroup *x =
		core_fib_lookup(f, core_pgroup_dst(g)->addr.bytes);

	return x && x->len >= g->len;
}

/* Routes of one group: its prefix, its fib, the kernel's order. */
static int audit_routes(const struct brt_fib *f, const struct brt_pgroup *g,
			size_t slot, char *msg, size_t len)
{
	uint32_t i;

	for (i = 0; i < g->count; i++) {
		const struct brt_route *r = g->routes[i], *p;

		if (!core_prefix_equal(&r->dst, core_pgroup_dst(g)) ||
		    r->table != f->id ||
		    r->family != f->family)
			return fail(msg, len, "group %zu: route %u belongs elsewhere",
				    slot, i);
		if (!i)
			continue;
		p = g->routes[i - 1];
		if (p->tos < r->tos || (p->tos == r->tos && p->metric > r->metric))
			return fail(msg, len, "group %zu: routes %u and %u out of order",
				    slot, i - 1, i);
	}
	return 0;
}

int core_fib_audit(const struct brt_fib *f, char *msg, size_t len)
{
	size_t i, live = 0;
	int err;

	for (i = 0; i < f->n_groups; i++) {
		const struct brt_pgroup *g = &f->groups[i];

		if (!g->count)
			continue;
		live++;
		if (g->parent != naive_parent(f, g))
			return fail(msg, len, "group %zu: parent %d, should be %d",
				    i, g->parent, naive_parent(f, g));
		if (f->fast && !holds(f, g))
			return fail(msg, len, "group %zu: the engine misses it", i);
		err = audit_routes(f, g, i, msg, len);
		if (err)
			return err;
	}
	if (live != f->n_live)
		return fail(msg, len, "%zu live groups, n_live %zu", live, f->n_live);
	return f->fast ? core_fib_lpm_check(f, msg, len) : 0;
}
