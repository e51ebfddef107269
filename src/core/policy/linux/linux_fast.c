/*
 * linux_fast.c - the Linux policy's answers from the compiled plan and
 * decisions alone, one at a time (lookup_fast) and in batches
 * (lookup_bulk): the path of the queries most callers make.
 *
 * Which queries: those of the plan's kind (core_lx_fast_shape: no oif,
 * iif, zone or tos, no IPv4 destination or source the output step treats
 * apart). Such a query reaches, when no table answers it, a fixed list of
 * the plan's lookup rules in increasing order (core_lx_plan_chain; for
 * the plain query the list is precomputed, plain_seq), and its walk stops
 * at the first of them whose table holds a group for it. So the answer
 * is: the first rule of the list whose table has a decision for the
 * destination; a FOUND decision there answers, anything else (REDO,
 * SLOW, a local route, a list that ends without a route, a plan of more
 * than 64 rules) is declined and brt_table_lookup's full path answers.
 *
 * Invariants:
 *  - an answer here is field for field what core_lx_plan_lookup and the
 *    compiled output step give (test_compiled_diff and test_lookup_bulk
 *    hold them to the interpretive policy);
 *  - nothing is allocated, and a declined query leaves its result as the
 *    full path writes it;
 *  - the batch takes the plan's lookup rules in order, and for each one
 *    looks up, with one engine bulk lookup and the decisions fetched
 *    ahead, the queries whose list holds it and that no earlier rule
 *    answered: the same lookups, in the same order, as each query's own
 *    walk. A batch is cut into chunks of CHUNK queries.
 *
 * Why one file for both: the single answer's steps (the plain test, the
 * decision of one rule, the result's fill) are inline here, so that an
 * answer costs an engine lookup and a few loads and stores, not the
 * calls between the modules that once cost three times the rest.
 */
#include <string.h>

#include "fib/fib_lpm.h"
#include "lpm/lpm.h"
#include "policy/compiled.h"
#include "policy/linux/linux_policy.h"
#include "policy/policy.h"

#define CHUNK 64u

static inline uint32_t be32_of(const uint8_t *b)
{
	uint32_t x;

	memcpy(&x, b, 4);
	return __builtin_bswap32(x);
}

/* ------------------------------------------------------------ the fill */

/* source and prefsrc of a compiled answer, as linux_out4/out6 set them:
 * prefsrc is chosen without a given source (IPv4 reports none then). */
static inline void set_sources(const brt_table *t, const struct brt_query *q,
			       const struct core_answer *a, struct brt_result *r)
{
	if (q->src.family && q->dst.family == BRT_AF_INET) {
		/* nothing to choose: the given source, and no prefsrc */
		r->source = q->src;
		r->source.zone = 0;
		memset(&r->prefsrc, 0, sizeof(r->prefsrc));
		return;
	}
	if (a->flags & CORE_ANS_F_SOURCE)
		r->prefsrc = a->source;
	else if (!core_lx_src6_pick(t, a->dev, &q->dst, &r->prefsrc))
		memset(&r->prefsrc, 0, sizeof(r->prefsrc));
	r->source = q->src.family ? q->src : r->prefsrc;
}

static inline __attribute__((always_inline)) bool fill(const brt_table *t, const struct brt_query *q,
			const struct core_dec *d, const struct brt_rule *rule,
			struct brt_result *r)
{
	const struct core_answer *a = core_dec_answer(t, d);

	if (a->type == BRT_RT_LOCAL)
		return false;
	core_dec_fill(t, d, &q->dst, r);
	r->rule_priority = rule ? rule->priority : 0;
	if (q->dst.family == BRT_AF_INET && !r->type)
		r->type = BRT_RT_UNICAST;
	if (q->src.family || !(a->flags & CORE_ANS_F_SOURCE))
		set_sources(t, q, a, r);	/* (else the template's) */
	return true;
}

bool core_lx_compiled_fill(const brt_table *t, const struct brt_query *q,
			   const struct core_dec *d, const struct brt_rule *rule,
			   struct brt_result *r)
{
	return fill(t, q, d, rule, r);
}

/* ------------------------------------------------ which queries, which list */

/* The source conditions of a fast answer: none, or one of the query's
 * family that is not all-zero (lookup.c drops that one first) and, for
 * IPv4, one the output step accepts before the lookup. */
static bool fast_source(const brt_table *t, const struct brt_query *q)
{
	if (!q->src.family)
		return true;
	if (q->src.family != q->dst.family)
		return false;
	if (q->dst.family == BRT_AF_INET)	/* (core_addr_is_zero, inline) */
		return be32_of(q->src.bytes) && core_lx_v4_source_ok(t, &q->src);
	if (core_addr_is_zero(&q->src))
		return false;
	return true;
}

int core_lx_fast_shape(const brt_table *t, const struct brt_query *q)
{
	int f = q->dst.family == BRT_AF_INET ? 0 : q->dst.family == BRT_AF_INET6 ? 1 : -1;

	if (f < 0 || !t->plans[f] || !core_dec_ready(t) || !core_lx_local_flow(q, f) ||
	    !fast_source(t, q))
		return -1;
	return f;
}

/* Whether @q is the plain query of plan @p (family @f), in a few inline
 * tests that need no branch each (core_lx_fast_shape and
 * core_lx_plan_chain say the same for it, at more cost): no source, a
 * flow the plan serves (core_lx_local_flow), zero in what the rules read
 * (core_lx_plan_plain). */
static inline __attribute__((always_inline)) bool
quick_plain(const struct core_plan *p, int f, const struct brt_query *q)
{
	uint32_t uid = (q->flags & BRT_QUERY_F_UID) ? q->uid : 0;
	uint32_t any = q->src.family | q->iif | q->oif | q->dst.zone | q->tos |
		       (q->mark & p->z_mark) | (uid & p->z_uid) |
		       (q->ipproto & p->z_proto) | (q->sport & p->z_sport) |
		       (q->dport & p->z_dport);

	if (f == 0)	/* core_lx_v4_special: 0/8, and 224 and up */
		any |= (uint8_t)(q->dst.bytes[0] - 1) >= 223;
	return !any && p->quick;
}

/* The family index of @q (-1: neither) and its rule list in *@seq; -1
 * also for a query this path does not serve. */
static inline int list_of(const brt_table *t, const struct brt_query *q,
			  uint64_t *seq)
{
	int f = q->dst.family == BRT_AF_INET ? 0 : q->dst.family == BRT_AF_INET6 ? 1 : -1;
	const struct core_plan *p;

	if (f < 0 || !(p = t->plans[f]))
		return -1;
	if (quick_plain(p, f, q)) {
		*seq = p->plain_seq;
		return f;
	}
	if (core_lx_fast_shape(t, q) < 0 || !core_lx_plan_chain(p, q, seq))
		return -1;
	return f;
}

/* ------------------------------------------------------- single answers */

/* The decision for @dst in lookup rule @pr's table (NULL: none there). */
static inline const struct core_dec *rule_dec(const struct core_prule *pr,
					      uint8_t family, const uint8_t *dst)
{
	const struct brt_fib *f = pr->fib;
	const struct brt_lpm *l = core_fib_lpm_engine(f);
	uint32_t slot, v;

	if (__builtin_expect(!l, 0))
		return core_dec_find(f, dst, &slot);
	v = family == BRT_AF_INET ? lpm4_lookup(l, be32_of(dst)) : lpm6_lookup(l, dst);
	return core_dec_find_from(f, v, &slot);
}

/* The plain query's answer: its chain's lookups in order (plain[]), the
 * first table holding the destination decides. */
static inline __attribute__((always_inline)) int
plain_answer(const brt_table *t, const struct core_plan *p,
	     const struct brt_query *q, struct brt_result *r)
{
	const struct core_dec *d;
	size_t k;

	for (k = 0; k < p->n_plain; k++) {
		const struct core_prule *pr = &p->r[p->plain[k]];

		if (!core_prule_may_hold(pr, q->dst.bytes) ||
		    !(d = rule_dec(pr, q->dst.family, q->dst.bytes)))
			continue;
		return core_dec_kind(d) == CORE_DEC_FOUND && fill(t, q, d, pr->rule, r);
	}
	return 0;	/* (the chain's end: the full path says how) */
}

int core_linux_lookup_fast(const brt_table *t, const struct brt_query *q,
			   struct brt_result *r)
{
	const struct core_plan *p;
	const struct core_dec *d;
	uint64_t seq;
	int f = q->dst.family == BRT_AF_INET ? 0 : q->dst.family == BRT_AF_INET6 ? 1 : -1;

	if (f < 0 || !core_dec_ready(t) || !(p = t->plans[f]))
		return 0;
	if (quick_plain(p, f, q))
		return plain_answer(t, p, q, r);
	if (core_lx_fast_shape(t, q) < 0)
		return 0;
	if (p->linear)
		seq = core_lx_plan_linear(p, q);
	else if (!core_lx_plan_chain(p, q, &seq))
		return 0;
	for (; seq; seq &= seq - 1) {
		const struct core_prule *pr = &p->r[__builtin_ctzll(seq)];

		if (!core_prule_may_hold(pr, q->dst.bytes) ||
		    !(d = rule_dec(pr, q->dst.family, q->dst.bytes)))
			continue;	/* nothing in this table: next rule */
		return core_dec_kind(d) == CORE_DEC_FOUND && fill(t, q, d, pr->rule, r);
	}
	return 0;	/* (the chain's end: the full path says how) */
}

/* ---------------------------------------------------------------- bulk */

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
		for (i = 0; i < n; i++)
			a4[i] = be32_of(q[at[i]].dst.bytes);
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

/* Lookup rule @pr for the pending queries at[0..*n) (their results
 * unwritten): the ones its table holds leave the list, answered from
 * their decision or by brt_table_lookup. */
static void rule_step(const brt_table *t, const struct core_prule *pr,
		      const struct brt_query *q, uint32_t *at, size_t *n,
		      const uint64_t *seq, unsigned k, struct brt_result *r)
{
	uint32_t slot[CHUNK], look[CHUNK], s;
	size_t i, m = 0, left = 0;

	for (i = 0; i < *n; i++)	/* (the filter: nothing there, no lookup) */
		if ((seq[at[i]] >> k & 1) && core_prule_may_hold(pr, q[at[i]].dst.bytes))
			look[m++] = at[i];
		else
			at[left++] = at[i];
	slots_of(pr->fib, q, look, m, slot);
	for (i = 0; i < m; i++) {
		uint32_t j = look[i];
		const struct core_dec *d = core_dec_find_from(pr->fib, slot[i], &s);

		if (!d)
			at[left++] = j;		/* next rule */
		else if (core_dec_kind(d) != CORE_DEC_FOUND ||
			 !fill(t, &q[j], d, pr->rule, &r[j]))
			core_table_answer(t, &q[j], &r[j]);
	}
	*n = left;
}

/* The queries at[0..n) of one family (plan @p) of a chunk, seq[] their
 * lists (indexed like q). */
static void plan_chunk(const brt_table *t, const struct core_plan *p,
		       const struct brt_query *q, uint32_t *at, size_t n,
		       const uint64_t *seq, struct brt_result *r)
{
	uint64_t any = 0;
	size_t i;

	for (i = 0; i < n; i++)
		any |= seq[at[i]];
	for (; any && n; any &= any - 1)
		rule_step(t, &p->r[__builtin_ctzll(any)], q, at, &n, seq,
			  (unsigned)__builtin_ctzll(any), r);
	for (i = 0; i < n; i++)		/* (no rule answered) */
		core_table_answer(t, &q[at[i]], &r[at[i]]);
}

static void chunk(const brt_table *t, const struct brt_query *q, size_t n,
		  struct brt_result *r)
{
	uint32_t at[2][CHUNK];
	uint64_t seq[CHUNK];
	size_t m[2] = {0, 0}, i;
	int f;

	for (i = 0; i < n; i++) {
		if ((f = list_of(t, &q[i], &seq[i])) < 0) {
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
