/*
 * linux_bulk.c - brt_table_lookup_bulk under the Linux policy: a batch's
 * queries answered table by table, the ones the plan cannot serve one by
 * one.
 *
 * A query that lookup_fast would answer from the plan (no oif, iif, zone
 * or tos, no IPv4 destination or source the output step treats apart:
 * core_lx_fast_shape) reaches, when no table answers it, a fixed list of
 * the plan's lookup rules, in increasing order (core_lx_plan_chain; the
 * precomputed chain for a plain query). A walk stops at the first of them
 * that answers. So the batch takes the plan's lookup rules in order, and
 * for each one looks up, with one engine bulk lookup and the decisions
 * fetched ahead, the queries whose list holds it and that no earlier rule
 * answered: the same lookups, in the same order, as each query's own walk.
 * A query whose decision is FOUND is answered from it
 * (core_lx_compiled_fill, the single lookup's own tail). Everything else
 * (other shapes, a decision that is not FOUND, a local route, a list that
 * ends without a route) is answered by brt_table_lookup itself, so a
 * result is always exactly the single lookup's (test_compiled_diff holds
 * them together).
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

/* Lookup rule @pr for the queries at[0..n): the answered ones get their
 * decision in dec[] and rule[]. */
static void rule_step(const struct core_prule *pr, const struct brt_query *q,
		      const uint32_t *at, size_t n, const struct core_dec **dec,
		      const struct core_prule **rule)
{
	uint32_t slot[CHUNK], look[CHUNK], s;
	size_t i, m = 0;

	for (i = 0; i < n; i++)	/* (the filter: nothing there, no lookup) */
		if (core_prule_may_hold(pr, q[at[i]].dst.bytes))
			look[m++] = at[i];
	slots_of(pr->fib, q, look, m, slot);
	for (i = 0; i < m; i++) {
		const struct core_dec *d = core_dec_find_from(pr->fib, slot[i], &s);

		if (d) {
			dec[look[i]] = d;
			rule[look[i]] = pr;
		}
	}
}

/* The queries at[0..n) of one family (plan @p) of a chunk, seq[] their
 * lists (indexed like q). */
static void plan_chunk(const brt_table *t, const struct core_plan *p,
		       const struct brt_query *q, const uint32_t *at, size_t n,
		       const uint64_t *seq, struct brt_result *r)
{
	const struct core_dec *dec[CHUNK];
	const struct core_prule *rule[CHUNK];
	uint32_t want[CHUNK];
	uint64_t any = 0;
	size_t i, k, m;

	for (i = 0; i < n; i++) {
		dec[at[i]] = NULL;
		any |= seq[at[i]];
	}
	for (; any; any &= any - 1) {
		k = (size_t)__builtin_ctzll(any);
		for (i = 0, m = 0; i < n; i++)
			if (!dec[at[i]] && (seq[at[i]] >> k & 1))
				want[m++] = at[i];
		if (m)
			rule_step(&p->r[k], q, want, m, dec, rule);
	}
	for (i = 0; i < n; i++) {
		uint32_t j = at[i];
		const struct core_dec *d = dec[j];

		if (!d || core_dec_kind(d) != CORE_DEC_FOUND ||
		    !core_lx_compiled_fill(t, &q[j], d, rule[j]->rule, &r[j]))
			core_table_answer(t, &q[j], &r[j]);
	}
}

/* Whether @q is the plain query of plan @p (family @f), in a few inline
 * tests (core_lx_fast_shape and core_lx_plan_chain say the same for it,
 * at more cost): no source, a flow the plan serves, zero in what the
 * rules read. */
static bool quick_plain(const struct core_plan *p, int f, const struct brt_query *q)
{
	return !q->src.family && p->n <= 64 && core_lx_local_flow(q, f) &&
	       core_lx_plan_plain(p, q);
}

static void chunk(const brt_table *t, const struct brt_query *q, size_t n,
		  struct brt_result *r)
{
	uint32_t at[2][CHUNK];
	uint64_t seq[CHUNK];
	size_t m[2] = {0, 0}, i;
	int f;

	for (i = 0; i < n; i++) {
		f = q[i].dst.family == BRT_AF_INET ? 0 : q[i].dst.family == BRT_AF_INET6 ? 1 : -1;
		if (f >= 0 && t->plans[f] && quick_plain(t->plans[f], f, &q[i]))
			seq[i] = t->plans[f]->plain_seq;
		else if ((f = core_lx_fast_shape(t, &q[i])) < 0 ||
			 !core_lx_plan_chain(t->plans[f], &q[i], &seq[i])) {
			core_table_answer(t, &q[i], &r[i]);
			continue;
		}
		at[f][m[f]++] = (uint32_t)i;
	}
	for (f = 0; f < 2; f++)
		if (m[f])
			plan_chunk(t, t->plans[f], q, at[f], m[f], seq, r);
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
