/*
 * linux_bulk.c - brt_table_lookup_bulk under the Linux policy: the plain
 * queries of a batch answered table by table, the others one by one.
 *
 * A plain query (no source, oif, iif, zone or tos, no IPv4 destination
 * the output step treats apart, and zero in every selector a rule of the
 * table reads: core_lx_plan_plain) takes its family's plain chain
 * (linux_plan.c): the same tables, in the same order, for every such
 * query. So the batch walks the chain once: per table, one engine bulk
 * lookup of the queries still unanswered, their decisions fetched ahead,
 * then each resolved; a query whose decision is FOUND is answered from
 * it (core_lx_compiled_fill, the single lookup's own tail), one that no
 * table answers goes on to the next. Everything else (other shapes, a
 * decision that is not FOUND, a local route, a chain that ends without a
 * route) is answered by brt_table_lookup itself, so a result is always
 * exactly the single lookup's (test_compiled_diff holds them together).
 *
 * Nothing is allocated; a batch is cut into chunks of CHUNK queries.
 */
#include <string.h>

#include "fib/fib_lpm.h"
#include "lpm/lpm.h"
#include "policy/compiled.h"
#include "policy/linux/linux_policy.h"
#include "policy/policy.h"

#define CHUNK 64u

/* The family index (0 IPv4, 1 IPv6) of a query the chain may answer,
 * or -1. */
static int plain_family(const brt_table *t, const struct brt_query *q)
{
	int f = q->dst.family == BRT_AF_INET ? 0 : q->dst.family == BRT_AF_INET6 ? 1 : -1;
	const struct core_plan *p;

	if (f < 0 || q->src.family || q->oif || q->iif || q->dst.zone || q->tos)
		return -1;
	p = t->plans[f];
	if (!p || !p->plain_ok || (f == 0 && core_lx_v4_special(&q->dst)))
		return -1;
	return core_lx_plan_plain(p, q) ? f : -1;
}

/* The engine's slots for q[at[0..n)] in @fib (the reference walk for a
 * fib without engine), decisions fetched ahead. */
static void slots_of(const struct brt_fib *fib, const struct brt_query *q,
		     const uint32_t *at, size_t n, uint32_t *slot)
{
	const struct brt_lpm *l = core_fib_lpm_engine(fib);
	uint32_t a4[CHUNK];
	uint8_t a6[CHUNK][16];
	size_t i;

	if (!l) {
		for (i = 0; i < n; i++) {
			const struct brt_pgroup *g = core_fib_lookup(fib, q[at[i]].dst.bytes);

			slot[i] = g ? (uint32_t)(g - fib->groups) : BRT_LPM_NONE;
		}
		return;
	}
	if (fib->family == BRT_AF_INET) {
		for (i = 0; i < n; i++) {
			const uint8_t *b = q[at[i]].dst.bytes;

			a4[i] = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
				(uint32_t)b[2] << 8 | b[3];
		}
		lpm4_lookup_bulk(l, a4, slot, n);
	} else {
		for (i = 0; i < n; i++)
			memcpy(a6[i], q[at[i]].dst.bytes, 16);
		lpm6_lookup_bulk(l, (const uint8_t (*)[16])a6, slot, n);
	}
	for (i = 0; i < n; i++)
		if (slot[i] != BRT_LPM_NONE)
			__builtin_prefetch(&fib->dec[slot[i]]);
}

/* One table of the chain for the queries at[0..*n): the answered ones
 * get their decision in dec[], the others stay in at[] (*n updated). */
static void chain_step(const struct core_prule *pr, const struct brt_query *q,
		       uint32_t *at, size_t *n, const struct core_dec **dec,
		       const struct core_prule **rule)
{
	uint32_t slot[CHUNK], look[CHUNK], s;
	size_t i, m = 0, left = 0;

	for (i = 0; i < *n; i++)	/* (the filter: no lookup, next table) */
		if (core_prule_may_hold(pr, q[at[i]].dst.bytes))
			look[m++] = at[i];
		else
			at[left++] = at[i];
	slots_of(pr->fib, q, look, m, slot);
	for (i = 0; i < m; i++) {
		const struct core_dec *d = core_dec_find_from(pr->fib, slot[i], &s);

		if (!d) {
			at[left++] = look[i];	/* nothing here: the next table */
			continue;
		}
		dec[look[i]] = d;
		rule[look[i]] = pr;
	}
	*n = left;
}

/* The plain queries at[0..n) of one family (plan @p) of a chunk. */
static void plain_chunk(const brt_table *t, const struct core_plan *p,
			const struct brt_query *q, uint32_t *at, size_t n,
			struct brt_result *r)
{
	const struct core_dec *dec[CHUNK];
	const struct core_prule *rule[CHUNK];
	uint32_t all[CHUNK];
	size_t i, k, left = n;

	memcpy(all, at, n * sizeof(*at));
	for (i = 0; i < n; i++)
		dec[at[i]] = NULL;
	for (k = 0; k < p->n_plain && left; k++)
		chain_step(&p->r[p->plain[k]], q, at, &left, dec, rule);
	for (i = 0; i < n; i++) {
		uint32_t j = all[i];
		const struct core_dec *d = dec[j];

		if (!d || core_dec_kind(d) != CORE_DEC_FOUND ||
		    !core_lx_compiled_fill(t, &q[j], d, rule[j]->rule, &r[j]))
			core_table_answer(t, &q[j], &r[j]);
	}
}

static void chunk(const brt_table *t, const struct brt_query *q, size_t n,
		  struct brt_result *r)
{
	uint32_t at[2][CHUNK];
	size_t m[2] = {0, 0}, i;
	int f;

	for (i = 0; i < n; i++) {
		f = plain_family(t, &q[i]);
		if (f < 0)
			core_table_answer(t, &q[i], &r[i]);
		else
			at[f][m[f]++] = (uint32_t)i;
	}
	for (f = 0; f < 2; f++)
		if (m[f])
			plain_chunk(t, t->plans[f], q, at[f], m[f], r);
}

void core_linux_lookup_bulk(const brt_table *t, const struct brt_query *q,
			    size_t n, struct brt_result *r)
{
	size_t i;

	if (!t->dec_ready) {
		for (i = 0; i < n; i++)
			core_table_answer(t, &q[i], &r[i]);
		return;
	}
	for (i = 0; i < n; i += CHUNK)
		chunk(t, q + i, n - i < CHUNK ? n - i : CHUNK, r + i);
}
