/*
 * compile.c - copying a builder into a table and building its fibs.
 *
 * Invariants of the result are listed in internal.h. Every array of the
 * table is owned by it; route next-hop pointers point into t->nh_pool and
 * group pointers into t->grp_pool, both never reallocated afterwards.
 */
#include <stdlib.h>
#include <string.h>

#include "fib/fib_lpm.h"
#include "builder/fib_build.h"
#include "builder/table_build.h"
#include "policy/policy.h"

static int cmp_link(const void *a, const void *b)
{
	uint32_t x = ((const struct brt_link *)a)->index;
	uint32_t y = ((const struct brt_link *)b)->index;

	return x < y ? -1 : x > y;
}

static int copy_links(brt_table *t, const struct brt_builder *b)
{
	size_t i;

	t->links = calloc(b->links.n + 1, sizeof(*t->links));
	t->linkconf = calloc(b->links.n + 1, sizeof(*t->linkconf));
	if (!t->links || !t->linkconf)
		return BRT_ENOMEM;
	for (i = 0; i < b->links.n; i++)
		t->links[i] = b->links.data[i].l;
	t->n_links = b->links.n;
	qsort(t->links, t->n_links, sizeof(*t->links), cmp_link);
	return 0;
}

static int copy_addrs(brt_table *t, const struct brt_builder *b)
{
	size_t i;

	t->addrs = calloc(b->addrs.n + 1, sizeof(*t->addrs));
	if (!t->addrs)
		return BRT_ENOMEM;
	for (i = 0; i < b->addrs.n; i++)
		t->addrs[i] = b->addrs.data[i].a;
	t->n_addrs = b->addrs.n;
	return 0;
}

static bool nh_same(const struct brt_nexthop *a, const struct brt_nexthop *b)
{
	return a->gw.family == b->gw.family && a->gw.zone == b->gw.zone &&
	       !memcmp(a->gw.bytes, b->gw.bytes, sizeof(a->gw.bytes)) &&
	       a->ifindex == b->ifindex && a->weight == b->weight &&
	       a->flags == b->flags;
}

/* Whether builder route @r has next hops, the same as @prev's (@prev
 * NULL: there is no previous route). */
static bool nhs_same(const struct brt_builder *b, const struct bld_route *r,
		     const struct bld_route *prev)
{
	uint32_t k;

	if (!prev || !r->r.nh_count || prev->r.nh_count != r->r.nh_count)
		return false;
	for (k = 0; k < r->r.nh_count; k++)
		if (!nh_same(b->nh.data + r->nh_off + k,
			     b->nh.data + prev->nh_off + k))
			return false;
	return true;
}

/* The routes in copy order: derived ones [given, n) first, then [0, given). */
static const struct bld_route *copy_order(const struct brt_builder *b,
					  size_t given, size_t k)
{
	size_t n_derived = b->routes.n - given;

	return &b->routes.data[k < n_derived ? given + k : k - n_derived];
}

/*
 * Routes share next-hop records: a route whose next hops equal those of
 * an earlier route (found through a small direct-mapped cache keyed by a
 * hash of the next hops) points at that route's pool entries. On a full
 * Internet table behind one or two gateways that stores a handful of
 * records instead of one per route. Nothing writes through a compiled
 * route's nh (an edit gives a changed route its own copy, table_edit.c),
 * so sharing is safe. Both passes of copy_routes() make the same choices
 * because the cache sees the same sequence.
 */
#define NH_CACHE 256u

struct nh_cache {
	size_t k[NH_CACHE];	/* copy-order index of a route, or SIZE_MAX */
};

static uint32_t nhs_hash(const struct brt_builder *b, const struct bld_route *r)
{
	uint32_t h = 2166136261u, k, j;

	for (k = 0; k < r->r.nh_count; k++) {
		const struct brt_nexthop *nh = b->nh.data + r->nh_off + k;
		uint32_t v[4] = { nh->gw.family | nh->gw.zone << 8, nh->ifindex,
				  nh->weight, nh->flags };

		for (j = 0; j < 16; j++)
			h = (h ^ nh->gw.bytes[j]) * 16777619u;
		for (j = 0; j < 4; j++)
			h = (h ^ v[j]) * 16777619u;
	}
	return h ^ h >> 16;
}

/* The copy-order index of an earlier route with @cur's next hops, or
 * SIZE_MAX (then @cur, at index @k, is remembered for later ones). */
static size_t nh_shared(const struct brt_builder *b, size_t given,
			struct nh_cache *c, size_t k)
{
	const struct bld_route *cur = copy_order(b, given, k);
	uint32_t h;

	if (!cur->r.nh_count)
		return SIZE_MAX;
	h = nhs_hash(b, cur) % NH_CACHE;
	if (c->k[h] != SIZE_MAX &&
	    nhs_same(b, cur, copy_order(b, given, c->k[h])))
		return c->k[h];
	c->k[h] = k;
	return SIZE_MAX;
}

static void copy_route(brt_table *t, const struct brt_builder *b,
		       const struct bld_route *src, size_t shared,
		       size_t *nh_used)
{
	struct brt_route *r = &t->routes[t->n_routes++];

	*r = src->r;
	if (shared != SIZE_MAX) {
		r->nh = t->routes[shared].nh;
		return;
	}
	r->nh = t->nh_pool + *nh_used;
	if (src->r.nh_count)
		memcpy(t->nh_pool + *nh_used, b->nh.data + src->nh_off,
		       src->r.nh_count * sizeof(*t->nh_pool));
	*nh_used += src->r.nh_count;
}

/* Derived routes first, as the kernel made them before users added any.
 * The next-hop pool is sized exactly for the records left after sharing. */
static int copy_routes(brt_table *t, const struct brt_builder *b, size_t given)
{
	size_t k, nh_used = 0, need = 0;
	struct nh_cache c;

	memset(c.k, 0xff, sizeof(c.k));
	for (k = 0; k < b->routes.n; k++)
		if (nh_shared(b, given, &c, k) == SIZE_MAX)
			need += copy_order(b, given, k)->r.nh_count;
	t->routes = calloc(b->routes.n + 1, sizeof(*t->routes));
	t->nh_pool = calloc(need + 1, sizeof(*t->nh_pool));
	if (!t->routes || !t->nh_pool)
		return BRT_ENOMEM;
	memset(c.k, 0xff, sizeof(c.k));
	for (k = 0; k < b->routes.n; k++)
		copy_route(t, b, copy_order(b, given, k),
			   nh_shared(b, given, &c, k), &nh_used);
	t->n_nh = nh_used;
	return 0;
}

struct rule_pos {
	struct brt_rule r;
	size_t pos;
};

/* (family, priority), derived defaults before given rules of equal
 * priority (the kernel had them first), then definition order. */
static int cmp_rule(const void *pa, const void *pb)
{
	const struct rule_pos *a = pa, *b = pb;
	bool da = a->r.flags & BRT_RULE_F_DERIVED;
	bool db = b->r.flags & BRT_RULE_F_DERIVED;

	if (a->r.family != b->r.family)
		return a->r.family < b->r.family ? -1 : 1;
	if (a->r.priority != b->r.priority)
		return a->r.priority < b->r.priority ? -1 : 1;
	if (da != db)
		return da ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static int copy_rules(brt_table *t, const struct brt_builder *b)
{
	struct rule_pos *tmp = calloc(b->rules.n + 1, sizeof(*tmp));
	size_t i;

	t->rules = calloc(b->rules.n + 1, sizeof(*t->rules));
	if (!t->rules || !tmp) {
		free(tmp);
		return BRT_ENOMEM;
	}
	for (i = 0; i < b->rules.n; i++) {
		tmp[i].r = b->rules.data[i].r;
		tmp[i].pos = i;
	}
	qsort(tmp, b->rules.n, sizeof(*tmp), cmp_rule);
	for (i = 0; i < b->rules.n; i++)
		t->rules[i] = tmp[i].r;
	free(tmp);
	t->n_rules = b->rules.n;
	for (i = 0; i < t->n_rules && t->rules[i].family == BRT_AF_INET; i++)
		;
	t->n_rules4 = i;
	return 0;
}

static int cmp_label(const void *pa, const void *pb)
{
	const struct brt_addrlabel *a = pa, *b = pb;

	if (a->prefix.len != b->prefix.len)
		return a->prefix.len > b->prefix.len ? -1 : 1;
	if (!!a->ifindex != !!b->ifindex)
		return a->ifindex ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int copy_labels(brt_table *t, const struct brt_builder *b)
{
	t->labels = calloc(b->labels.n + 1, sizeof(*t->labels));
	if (!t->labels)
		return BRT_ENOMEM;
	if (b->labels.n)
		memcpy(t->labels, b->labels.data,
		       b->labels.n * sizeof(*t->labels));
	t->n_labels = b->labels.n;
	qsort(t->labels, t->n_labels, sizeof(*t->labels), cmp_label);
	return 0;
}

static int copy_sysctls(brt_table *t, const struct brt_builder *b)
{
	size_t i;

	t->sysctls = calloc(b->sysctls.n + 1, sizeof(*t->sysctls));
	if (!t->sysctls)
		return BRT_ENOMEM;
	for (i = 0; i < b->sysctls.n; i++) {
		t->sysctls[i].key = strdup(b->sysctls.data[i].key);
		t->sysctls[i].value = strdup(b->sysctls.data[i].value);
		t->n_sysctls = i + 1;
		if (!t->sysctls[i].key || !t->sysctls[i].value)
			return BRT_ENOMEM;
	}
	return 0;
}

static int cmp_route_key(const void *pa, const void *pb)
{
	const struct brt_route *a = *(const struct brt_route *const *)pa;
	const struct brt_route *b = *(const struct brt_route *const *)pb;

	if (a->family != b->family)
		return a->family < b->family ? -1 : 1;
	if (a->table != b->table)
		return a->table < b->table ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int count_fibs(brt_table *t, const struct brt_route **all)
{
	size_t i, n = 0;

	for (i = 0; i < t->n_routes; i++)
		if (!i || all[i]->family != all[i - 1]->family ||
		    all[i]->table != all[i - 1]->table)
			n++;
	t->fibs = calloc(n + 1, sizeof(*t->fibs));
	return t->fibs ? (int)n : -1;
}

static int build_fibs(brt_table *t, bool editable)
{
	const struct brt_route **all = malloc((t->n_routes + 1) * sizeof(*all));
	size_t i, start = 0;
	int n, err = 0;

	if (!all)
		return BRT_ENOMEM;
	for (i = 0; i < t->n_routes; i++)
		all[i] = &t->routes[i];
	qsort(all, t->n_routes, sizeof(*all), cmp_route_key);
	n = count_fibs(t, all);
	for (i = 1; n >= 0 && i <= t->n_routes && !err; i++) {
		struct brt_fib *f;

		if (i < t->n_routes && all[i]->family == all[start]->family &&
		    all[i]->table == all[start]->table)
			continue;
		f = &t->fibs[t->n_fibs++];
		f->family = all[start]->family;
		f->id = all[start]->table;
		f->n_routes = i - start;
		f->routes = malloc(f->n_routes * sizeof(*f->routes));
		if (!f->routes)
			err = BRT_ENOMEM;
		else
			memcpy(f->routes, all + start,
			       f->n_routes * sizeof(*f->routes));
		err = err ? err : core_fib_build(f);
		err = err ? err : core_fib_lpm_build(f, editable);
		start = i;
	}
	free(all);
	return n < 0 ? BRT_ENOMEM : err;
}

static int copy_nhobjs(brt_table *t, struct brt_builder *b);

int core_table_compile(struct brt_builder *b, size_t given, brt_table **out)
{
	brt_table *t = calloc(1, sizeof(*t));
	int err;

	if (!t)
		return BRT_ENOMEM;
	t->policy = (enum brt_policy)b->policy;
	t->ops = core_policy_get(t->policy);
	t->is_dump = core_bld_is_dump(b, given);
	err = copy_links(t, b);
	err = err ? err : core_table_resolve_conf(t, b);
	err = err ? err : copy_addrs(t, b);
	err = err ? err : copy_routes(t, b, given);
	err = err ? err : copy_rules(t, b);
	err = err ? err : copy_labels(t, b);
	err = err ? err : copy_sysctls(t, b);
	err = err ? err : copy_nhobjs(t, b);
	err = err ? err : core_table_resolve_nhobjs(t, b);
	err = err ? err : build_fibs(t, b->editable);
	/* compiled decisions are an optimisation: without memory for them
	 * the table answers through the interpretive walk */
	if (!err && t->ops->compile)
		(void)t->ops->compile(t);
	if (err) {
		if (err == BRT_ENOMEM && !b->err[0])
			core_bld_fail(b, err, "out of memory");
		brt_table_destroy(t);
		return err;
	}
	*out = t;
	return 0;
}

static int cmp_nhobj(const void *pa, const void *pb)
{
	uint32_t x = ((const struct brt_nhobj *)pa)->id;
	uint32_t y = ((const struct brt_nhobj *)pb)->id;

	return x < y ? -1 : x > y;
}

static int copy_nhobjs(brt_table *t, struct brt_builder *b)
{
	size_t i;

	t->nhobjs = calloc(b->nhobjs.n + 1, sizeof(*t->nhobjs));
	t->grp_pool = calloc(b->grp.n + 1, sizeof(*t->grp_pool));
	if (!t->nhobjs || !t->grp_pool)
		return BRT_ENOMEM;
	if (b->grp.n)
		memcpy(t->grp_pool, b->grp.data, b->grp.n * sizeof(*t->grp_pool));
	for (i = 0; i < b->nhobjs.n; i++) {
		t->nhobjs[i] = b->nhobjs.data[i].n;
		t->nhobjs[i].group = t->grp_pool + b->nhobjs.data[i].grp_off;
	}
	t->n_nhobjs = b->nhobjs.n;
	qsort(t->nhobjs, t->n_nhobjs, sizeof(*t->nhobjs), cmp_nhobj);
	return 0;
}
