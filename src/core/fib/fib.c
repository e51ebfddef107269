/*
 * fib.c - per-table prefix groups, and the reference lookup.
 *
 * Invariants after core_fib_build():
 *  - groups are in trie order: by address, then by length ascending, so a
 *    covering prefix comes before everything it covers;
 *  - groups[i].parent is the longest group strictly shorter than i that
 *    contains i's prefix (or -1): the fallback chain of a lookup;
 *  - routes of a group are ordered as the kernel tries them (see
 *    model.h), and ties keep insertion order.
 * The reference lookup is a linear scan over all groups: slow and
 * obviously right, the oracle for every faster structure; core_fib_lookup
 * uses the compiled structure (fib_lpm.c) when the fib has one.
 */
#include <stdlib.h>
#include <string.h>

#include "fib/fib_lpm.h"
#include "builder/fib_build.h"
#include "fib/table_edit.h"
#include "policy/compiled.h"

static int cmp_prefix(const struct brt_prefix *a, const struct brt_prefix *b)
{
	int c = memcmp(a->addr.bytes, b->addr.bytes, 16);

	if (c)
		return c;
	return (int)a->len - (int)b->len;
}

/* Route order inside a group: tos desc, metric asc, position asc. */
static int cmp_route(const void *pa, const void *pb)
{
	const struct brt_route *a = *(const struct brt_route *const *)pa;
	const struct brt_route *b = *(const struct brt_route *const *)pb;
	int c = cmp_prefix(&a->dst, &b->dst);

	if (c)
		return c;
	if (a->tos != b->tos)
		return a->tos > b->tos ? -1 : 1;
	if (a->metric != b->metric)
		return a->metric < b->metric ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int count_groups(struct brt_fib *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->n_routes; i++)
		if (i == 0 || !core_prefix_equal(&f->routes[i]->dst,
						&f->routes[i - 1]->dst))
			n++;
	f->groups = calloc(n ? n : 1, sizeof(*f->groups));
	if (!f->groups)
		return BRT_ENOMEM;
	f->n_groups = n;
	return 0;
}

/* Parents by a stack walk over trie order: O(n) after sorting. */
static int link_parents(struct brt_fib *f)
{
	int32_t *stack = malloc((f->n_groups + 1) * sizeof(*stack));
	size_t i, depth = 0;

	if (!stack)
		return BRT_ENOMEM;
	for (i = 0; i < f->n_groups; i++) {
		struct brt_pgroup *g = &f->groups[i];

		while (depth) {
			const struct brt_pgroup *top = &f->groups[stack[depth - 1]];

			if (top->len < g->len &&
			    core_bits_match(core_pgroup_dst(top)->addr.bytes,
					   core_pgroup_dst(g)->addr.bytes,
					   top->len))
				break;
			depth--;
		}
		g->parent = depth ? stack[depth - 1] : -1;
		stack[depth++] = (int32_t)i;
	}
	free(stack);
	return 0;
}

int core_fib_build(struct brt_fib *f)
{
	size_t i, g = 0;
	int err;

	qsort(f->routes, f->n_routes, sizeof(*f->routes), cmp_route);
	err = count_groups(f);
	if (err)
		return err;
	for (i = 0; i < f->n_routes; i++) {
		if (i && core_prefix_equal(&f->routes[i]->dst,
					  &f->routes[i - 1]->dst)) {
			f->groups[g - 1].count++;
			continue;
		}
		f->groups[g].len = f->routes[i]->dst.len;
		f->groups[g].routes = f->routes + i;
		f->groups[g].count = 1;
		g++;
	}
	f->n_live = g;
	return link_parents(f);
}

void core_fib_free(struct brt_fib *f)
{
	core_fib_lpm_free(f->fast);
	f->fast = NULL;
	core_fib_edit_free(f);
	core_dec_release(f);
	free(f->groups);
	free(f->routes);
	f->groups = NULL;
	f->routes = NULL;
}

const struct brt_pgroup *core_fib_lookup_ref(const struct brt_fib *f,
					    const uint8_t *addr)
{
	const struct brt_pgroup *best = NULL;
	size_t i;

	for (i = 0; i < f->n_groups; i++) {
		const struct brt_pgroup *g = &f->groups[i];

		if (g->count && (!best || g->len > best->len) &&
		    core_bits_match(core_pgroup_dst(g)->addr.bytes, addr,
				   g->len))
			best = g;
	}
	return best;
}

const struct brt_pgroup *core_fib_lookup(const struct brt_fib *f,
					const uint8_t *addr)
{
	if (f->fast)
		return core_fib_lpm_lookup(f, addr);
	return core_fib_lookup_ref(f, addr);
}
