/*
 * lookup.c - the entry of every table lookup: argument checks, dispatch to
 * the table's policy (its operations, policy/policy.h), and the explain
 * record.
 *
 * Arguments are validated here once, so the policies never re-check them.
 */
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "policy/policy.h"

void core_result_error(struct brt_result *r, enum brt_status s,
		      const char *message)
{
	uint8_t family = r->family;

	memset(r, 0, sizeof(*r));
	r->family = family;
	r->status = (int)s;
	r->message = message;
}

void core_result_route(struct brt_result *r, const struct brt_route *rt,
		       uint32_t table, uint32_t effective_metric)
{
	r->has_prefix = 1;
	r->prefix = rt->dst;
	r->table = table;
	r->metric = rt->metric;
	r->effective_metric = effective_metric;
	r->route = rt;
}

void core_result_nexthops(struct brt_result *r, const struct brt_nexthop *nh,
			  uint32_t count, uint32_t chosen)
{
	r->nh = nh;
	r->nh_count = count;
	r->nh_chosen = chosen;
}

void core_explain_add(struct brt_lookup *lk, int kind, int verdict,
		     const struct brt_rule *rule, const struct brt_route *route,
		     uint32_t table, uint32_t effective_metric,
		     const char *reason)
{
	struct brt_explain *e = lk->ex;
	struct brt_candidate *c;

	if (!e || e->oom)
		return;
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 16;
		void *p = realloc(e->c, cap * sizeof(*e->c));

		if (!p) {
			e->oom = true;
			return;
		}
		e->c = p;
		e->cap = cap;
	}
	c = &e->c[e->n++];
	c->kind = kind;
	c->verdict = verdict;
	c->rule = rule;
	c->route = route;
	c->table = table;
	c->effective_metric = effective_metric;
	c->reason = reason;
}

static bool valid_ifindex(const brt_table *t, uint32_t idx)
{
	return !idx || brt_table_link_by_index(t, idx);
}

/* Checks every policy needs; false with r filled as an error. */
static bool check_query(const brt_table *t, const struct brt_query *q,
			struct brt_result *r)
{
	if (q->src.family && q->src.family != q->dst.family) {
		core_result_error(r, BRT_ROUTE_INVALID,
				 "source and destination families differ");
		return false;
	}
	if (!valid_ifindex(t, q->oif) || !valid_ifindex(t, q->iif)) {
		core_result_error(r, BRT_ROUTE_INVALID, "no such interface");
		return false;
	}
	return true;
}

/* 0.0.0.0 and :: as "from" mean no source given (the kernel ignores an
 * all-zero RTA_SRC): @q, or @copy without the source. */
static const struct brt_query *without_zero_source(const struct brt_query *q,
						   struct brt_query *copy)
{
	if (!q || !q->src.family || !core_addr_is_zero(&q->src))
		return q;
	*copy = *q;
	memset(&copy->src, 0, sizeof(copy->src));
	return copy;
}

/* Check and normalise @q0 (into @copy) for @r: the query the policy
 * answers, or NULL when @r holds the answer already (*@rc then says what
 * to return: BRT_EINVAL for NULL arguments or another family). */
static const struct brt_query *prepare(const brt_table *t,
				       const struct brt_query *q0,
				       struct brt_query *copy,
				       struct brt_result *r, int *rc)
{
	const struct brt_query *q = without_zero_source(q0, copy);

	*rc = BRT_EINVAL;
	if (!r)
		return NULL;
	memset(r, 0, sizeof(*r));
	if (!t || !q || !core_family_valid(q->dst.family)) {
		core_result_error(r, BRT_ROUTE_INVALID, "invalid query");
		return NULL;
	}
	*rc = 0;
	r->family = q->dst.family;
	return check_query(t, q, r) ? q : NULL;
}

static int run_hinted(const brt_table *t, const struct brt_query *q0,
		      struct brt_result *r, struct brt_explain *ex,
		      const struct brt_fib *hint_fib, uint32_t hint_slot)
{
	struct brt_query copy;
	int rc;
	const struct brt_query *q = prepare(t, q0, &copy, r, &rc);
	struct brt_lookup lk = {t, q, r, ex, hint_fib, hint_slot};

	if (!q)
		return rc;
	if (ex)
		t->ops->explain(&lk);
	else
		t->ops->lookup(&lk);
	return 0;
}

static int run(const brt_table *t, const struct brt_query *q,
	       struct brt_result *r, struct brt_explain *ex)
{
	return run_hinted(t, q, r, ex, NULL, 0);
}

int core_table_answer_hinted(const brt_table *t, const struct brt_query *q,
			     struct brt_result *r, const struct brt_fib *hint_fib,
			     uint32_t hint_slot)
{
	return run_hinted(t, q, r, NULL, hint_fib, hint_slot);
}

/* The full path, apart so that the fast one needs no stack frame. */
static __attribute__((noinline)) int lookup_full(const brt_table *t,
						 const struct brt_query *q,
						 struct brt_result *r)
{
	return run(t, q, r, NULL);
}

int brt_table_lookup(const brt_table *t, const struct brt_query *q,
		     struct brt_result *r)
{
	if (t && q && r && t->ops->lookup_fast && t->ops->lookup_fast(t, q, r))
		return 0;
	return lookup_full(t, q, r);
}

int brt_table_lookup_bulk(const brt_table *t, const struct brt_query *q,
			  size_t n, struct brt_result *r)
{
	size_t i;

	if (!t || (n && (!q || !r)))
		return BRT_EINVAL;
	if (t->ops->lookup_bulk)
		t->ops->lookup_bulk(t, q, n, r);
	else
		for (i = 0; i < n; i++)
			run(t, &q[i], &r[i], NULL);
	return 0;
}

int core_table_answer(const brt_table *t, const struct brt_query *q,
		      struct brt_result *r)
{
	return brt_table_lookup(t, q, r);
}

/* The interpretive reference: explain's walk without its records. */
int core_table_lookup_ref(const brt_table *t, const struct brt_query *q0,
			  struct brt_result *r)
{
	struct brt_query copy;
	int rc;
	const struct brt_query *q = prepare(t, q0, &copy, r, &rc);
	struct brt_lookup lk = {t, q, r, NULL, NULL, 0};

	if (!q)
		return rc;
	t->ops->explain(&lk);
	return 0;
}

int brt_table_explain(const brt_table *t, const struct brt_query *q,
		      struct brt_result *r, brt_explain **out)
{
	struct brt_explain *e;
	int err;

	if (!out)
		return BRT_EINVAL;
	*out = NULL;
	e = calloc(1, sizeof(*e));
	if (!e)
		return BRT_ENOMEM;
	err = run(t, q, r, e);
	if (e->oom)
		err = BRT_ENOMEM;
	if (err) {		/* no record of a failed call */
		brt_explain_destroy(e);
		return err;
	}
	*out = e;
	return err;
}

size_t brt_explain_count(const brt_explain *e)
{
	return e ? e->n : 0;
}

const struct brt_candidate *brt_explain_get(const brt_explain *e, size_t i)
{
	return e && i < e->n ? &e->c[i] : NULL;
}

void brt_explain_destroy(brt_explain *e)
{
	if (!e)
		return;
	free(e->c);
	free(e);
}

int brt_table_nexthop_source(const brt_table *t, const struct brt_query *q,
			     const struct brt_result *r, uint32_t i,
			     struct brt_addr *out)
{
	const struct brt_nexthop *nh;
	bool ok;

	if (!t || !q || !r || !out || r->status != BRT_ROUTE_OK || !r->route ||
	    i >= r->nh_count)
		return BRT_EINVAL;
	if (i == r->nh_chosen || (q->src.family && !core_addr_is_zero(&q->src))) {
		*out = r->source;
		return out->family ? 0 : BRT_ENOENT;
	}
	nh = &r->nh[i];
	ok = t->ops->nexthop_source(t, &q->dst, r->route, nh, out);
	return ok ? 0 : BRT_ENOENT;
}
