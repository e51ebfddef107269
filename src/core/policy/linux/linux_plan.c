/*
 * linux_plan.c - the rule chain compiled for the flows the compiled
 * lookup answers (locally sent, no output interface, no tos; see
 * linux_compiled.c), one plan per family and table version.
 *
 * What the interpretive walk (linux_rules.c) does per rule and query and
 * the plan does once: the selectors that such a flow cannot meet are
 * decided (an iif name against the loopback device, an oif name against
 * "none", tos, l3mdev); the table of a lookup rule is resolved to its
 * fib; a goto's target is resolved to its index. What is left per query
 * is the selectors that read the query (fwmark, uid, from, to, ipproto,
 * ports), on a packed record.
 *
 * Invariants:
 *  - for every flow of that kind, applies(p, flow) == rule_match(rule,
 *    flow) of linux_rules.c, and a walk of the plan acts as the
 *    interpretive walk does, in the same order: the rules it leaves out
 *    are those the walk would pass by whatever the flow (see inert()),
 *    and a goto continues at the first kept rule from its target on
 *    (targets are later rules, so the walk ends after at most n steps);
 *  - a table with a rule the plan does not model (suppress_prefixlength,
 *    suppress_ifgroup), or more rules than a walk may take, gets no plan:
 *    its queries take linux_compiled.c's rule walk;
 *  - a plan is rebuilt with the decisions (compile and every recompile),
 *    so its fib pointers are those of the table as it is.
 */
#include <stdlib.h>
#include <string.h>

#include "policy/compiled.h"
#include "policy/linux/linux_policy.h"

/* The static selectors of @r for a locally sent flow with no oif and no
 * tos (linux_rules.c selectors_match, the parts that read no query). */
static bool static_match(const brt_table *t, const struct brt_rule *r,
			 uint32_t lo)
{
	const struct brt_link *l;

	if (r->iif[0]) {
		l = brt_table_link_by_name(t, r->iif);
		if (!l || l->index != lo)
			return false;
	}
	if (r->oif[0] || (r->flags & BRT_RULE_F_L3MDEV) || r->tos)
		return false;
	return true;
}

static void copy_prefix(const struct brt_prefix *p, uint8_t *bytes,
			uint8_t *len, uint8_t *family)
{
	memcpy(bytes, p->addr.bytes, 16);
	*len = p->len;
	*family = p->addr.family;
}

/* The selectors of rule @r that read the query (CORE_PR_*). */
static uint8_t reads_of(const struct brt_rule *r)
{
	return (uint8_t)(((r->flags & BRT_RULE_F_FWMARK) && r->fwmask ? CORE_PR_MARK : 0) |
			 ((r->flags & BRT_RULE_F_UIDRANGE) &&
			  (r->uid_start || r->uid_end != UINT32_MAX) ? CORE_PR_UID : 0) |
			 (r->src.len ? CORE_PR_SRC : 0) | (r->dst.len ? CORE_PR_DST : 0) |
			 (r->flags & BRT_RULE_F_IPPROTO ? CORE_PR_PROTO : 0) |
			 (r->flags & BRT_RULE_F_SPORT ? CORE_PR_SPORT : 0) |
			 (r->flags & BRT_RULE_F_DPORT ? CORE_PR_DPORT : 0));
}

/* The record of rule @r (next is set by the caller). */
static void plan_rule(const brt_table *t, uint8_t family,
		      const struct brt_rule *r, uint32_t lo, struct core_prule *p)
{
	memset(p, 0, sizeof(*p));
	p->rule = r;
	p->action = r->action;
	p->invert = (r->flags & BRT_RULE_F_INVERT) != 0;
	p->stat = static_match(t, r, lo);
	p->reads = p->stat ? reads_of(r) : 0;	/* (unmatched: none read) */
	p->fwmark = r->fwmark;
	p->fwmask = (r->flags & BRT_RULE_F_FWMARK) ? r->fwmask : 0;
	p->uid_lo = (r->flags & BRT_RULE_F_UIDRANGE) ? r->uid_start : 0;
	p->uid_hi = (r->flags & BRT_RULE_F_UIDRANGE) ? r->uid_end : UINT32_MAX;
	copy_prefix(&r->src, p->src, &p->src_len, &p->src_family);
	copy_prefix(&r->dst, p->dst, &p->dst_len, &p->dst_family);
	p->ipproto = r->ipproto;
	p->sport_lo = r->sport_lo;
	p->sport_hi = r->sport_hi;
	p->dport_lo = r->dport_lo;
	p->dport_hi = r->dport_hi;
	if (r->action == BRT_RULE_GOTO)
		p->step = CORE_PS_GOTO;
	else if (r->action == BRT_RULE_BLACKHOLE || r->action == BRT_RULE_PROHIBIT ||
		 r->action == BRT_RULE_UNREACHABLE)
		p->step = CORE_PS_ERROR;
	else {		/* as run_action: any other action looks up r->table */
		p->step = CORE_PS_LOOKUP;
		p->fib = core_table_fib(t, family, r->table);
	}
}

/* Whether the walk may pass the rule by: it never matches, or does
 * nothing when it does (nop, goto to no rule, a table without routes). */
static bool inert(const struct core_prule *p, ptrdiff_t target)
{
	if (!p->reads && p->stat == p->invert)
		return true;		/* matches no flow of the kind */
	return p->action == BRT_RULE_NOP ||
	       (p->step == CORE_PS_GOTO && target < 0) ||
	       (p->step == CORE_PS_LOOKUP && (!p->fib || !p->fib->n_live));
}

/* Index of the first rule after @i with priority @prio, or -1 (targets
 * are always later rules, linux_rules.c). */
static ptrdiff_t goto_target(const struct brt_rule *rules, size_t n, size_t i,
			     uint32_t prio)
{
	size_t k;

	for (k = i + 1; k < n; k++)
		if (rules[k].priority == prio)
			return (ptrdiff_t)k;
	return -1;
}

/* Whether the plan can stand for the walk over @rules. */
static bool plannable(const struct brt_rule *rules, size_t n)
{
	size_t i;

	if (n > BRT_MAX_RULE_STEPS)
		return false;
	for (i = 0; i < n; i++)
		if (rules[i].suppress_prefixlen != BRT_RULE_NO_SUPPRESS ||
		    rules[i].suppress_ifgroup != BRT_RULE_NO_SUPPRESS)
			return false;
	return true;
}

static bool applies(const struct core_prule *r, const struct brt_query *q,
		    uint32_t uid);

/* The plan @p again, with a filter for each lookup of a small table
 * (plans stay one block: freed with free()); @p itself without memory. */
static struct core_plan *add_filters(struct core_plan *p)
{
	size_t i, n = 0, base = sizeof(*p) + p->n * (sizeof(p->r[0]) + sizeof(*p->plain));
	struct core_plan *q;
	uint64_t *w;

	for (i = 0; i < p->n; i++)
		n += p->r[i].step == CORE_PS_LOOKUP && p->r[i].fib &&
		     p->r[i].fib->n_live <= CORE_FILTER_MAX;
	base = (base + 7) & ~(size_t)7;
	q = n ? realloc(p, base + n * CORE_FILTER_WORDS * 8) : NULL;
	if (!q)
		return p;
	q->plain = (uint32_t *)(void *)&q->r[q->n];
	w = (uint64_t *)(void *)((char *)q + base);
	memset(w, 0, n * CORE_FILTER_WORDS * 8);
	for (i = 0; i < q->n; i++) {
		const struct brt_fib *f = q->r[i].fib;

		if (q->r[i].step != CORE_PS_LOOKUP || !f ||
		    f->n_live > CORE_FILTER_MAX)
			continue;
		core_filter_fill(w, f);
		q->r[i].filter = w;
		w += CORE_FILTER_WORDS;
	}
	return q;
}

/* The masks of a plan without goto (struct core_plan: linear). */
static void linear_chain(struct core_plan *p)
{
	size_t i;

	p->linear = p->n <= 64;
	p->always = p->readers = 0;
	p->always_cut = ~UINT64_C(0);
	for (i = 0; p->linear && i < p->n; i++) {
		const struct core_prule *r = &p->r[i];
		uint64_t bit = UINT64_C(1) << i;

		if (r->step == CORE_PS_GOTO)
			p->linear = false;
		else if (r->reads)
			p->readers |= bit;
		else if (r->step == CORE_PS_ERROR)	/* (kept: it applies) */
			p->always_cut &= bit - 1;
		else
			p->always |= bit;
	}
}

/* The chain of the plain query (struct core_plan), walked once here. */
static void plain_chain(struct core_plan *p, uint8_t family)
{
	struct brt_query q0;
	size_t i;

	p->plain = (uint32_t *)(void *)&p->r[p->n];
	p->n_plain = 0;
	p->plain_end = -1;
	p->reads = 0;
	for (i = 0; i < p->n; i++)
		p->reads |= p->r[i].reads;
	p->plain_ok = !(p->reads & CORE_PR_DST);
	p->quick = p->plain_ok && p->n <= 64;
	p->z_mark = p->reads & CORE_PR_MARK ? ~UINT32_C(0) : 0;
	p->z_uid = p->reads & CORE_PR_UID ? ~UINT32_C(0) : 0;
	p->z_src = p->reads & CORE_PR_SRC ? 0xff : 0;
	p->z_proto = p->reads & CORE_PR_PROTO ? 0xff : 0;
	p->z_sport = p->reads & CORE_PR_SPORT ? 0xffff : 0;
	p->z_dport = p->reads & CORE_PR_DPORT ? 0xffff : 0;
	memset(&q0, 0, sizeof(q0));
	q0.dst.family = family;
	for (i = 0; p->plain_ok && i < p->n; i++) {
		const struct core_prule *r = &p->r[i];

		if (!applies(r, &q0, 0))
			continue;
		if (r->step == CORE_PS_GOTO)
			i = (size_t)r->next - 1;
		else if (r->step == CORE_PS_ERROR) {
			p->plain_end = (ptrdiff_t)i;
			break;
		} else
			p->plain[p->n_plain++] = (uint32_t)i;
	}
	p->plain_seq = 0;
	for (i = 0; i < p->n_plain && p->n <= 64; i++)
		p->plain_seq |= UINT64_C(1) << p->plain[i];
	linear_chain(p);
}

/* The plan of one family, or NULL (none, or no memory: the rule walk
 * answers then, as it does without a plan). at[i]: the plan index of the
 * first kept rule at or after rule i, which a goto to rule i continues at. */
static struct core_plan *plan_family(const brt_table *t, uint8_t family)
{
	size_t n, i, k;
	const struct brt_rule *rules = core_table_rules(t, family, &n);
	uint32_t lo = core_lx_loopback_index(t);
	struct core_plan *p;
	ptrdiff_t *target;
	uint32_t *at;

	if (!plannable(rules, n))
		return NULL;
	p = malloc(sizeof(*p) + n * (sizeof(p->r[0]) + sizeof(*p->plain)));
	target = malloc((n + 1) * sizeof(*target));
	if (p)
		p->n = 0;
	at = malloc((n + 1) * sizeof(*at));
	if (!p || !target || !at) {
		free(p), free(target), free(at);
		return NULL;
	}
	for (i = 0, k = 0; i < n; i++) {
		at[i] = (uint32_t)k;
		plan_rule(t, family, &rules[i], lo, &p->r[k]);
		target[k] = goto_target(rules, n, i, rules[i].goto_target);
		if (!inert(&p->r[k], target[k]))
			k++;
	}
	at[n] = (uint32_t)k;
	p->n = k;
	p->fibs = t->fibs;
	p->n_fibs = t->n_fibs;
	for (k = 0; k < p->n; k++)
		if (p->r[k].step == CORE_PS_GOTO)
			p->r[k].next = at[target[k]];
	free(target);
	free(at);
	plain_chain(p, family);
	return add_filters(p);
}

bool core_lx_plan_stale(const brt_table *t, uint8_t family, uint32_t table)
{
	size_t i = core_table_fib_pos(t, family, table);
	int k;

	for (k = 0; k < 2; k++)
		if (!t->plans[k] || t->plans[k]->fibs != t->fibs ||
		    t->plans[k]->n_fibs != t->n_fibs)
			return true;
	return i == t->n_fibs || t->fibs[i].family != family || t->fibs[i].id != table ||
	       t->fibs[i].n_live <= CORE_FILTER_MAX + 1;
}

void core_lx_plan_build(brt_table *t)
{
	core_plans_free(t);
	t->plans[0] = plan_family(t, BRT_AF_INET);
	t->plans[1] = plan_family(t, BRT_AF_INET6);
}

/* ------------------------------------------------------------- the walk */

/* The selectors of @p that read the query (linux_rules.c: the flow's
 * mark, uid, source, destination, protocol and ports). */
bool core_lx_plan_match(const struct core_prule *p, const struct brt_query *q,
			uint32_t uid)
{
	if ((p->fwmark ^ q->mark) & p->fwmask)
		return false;
	if (uid < p->uid_lo || uid > p->uid_hi)
		return false;
	if (!core_lx_prefix_match(p->src, p->src_len, p->src_family, &q->src) ||
	    !core_lx_prefix_match(p->dst, p->dst_len, p->dst_family, &q->dst))
		return false;
	if (!(p->reads & (CORE_PR_PROTO | CORE_PR_SPORT | CORE_PR_DPORT)))
		return true;
	if ((p->reads & CORE_PR_PROTO) && p->ipproto != q->ipproto)
		return false;
	if ((p->reads & CORE_PR_SPORT) &&
	    (q->sport < p->sport_lo || q->sport > p->sport_hi))
		return false;
	return !(p->reads & CORE_PR_DPORT) ||
	       (q->dport >= p->dport_lo && q->dport <= p->dport_hi);
}

/* Whether rule @r of a plan applies to @q (with "not"). */
static bool applies(const struct core_prule *r, const struct brt_query *q,
		    uint32_t uid)
{
	bool m = r->stat && (!r->reads || core_lx_plan_match(r, q, uid));

	return m != r->invert;
}

bool core_lx_plan_chain(const struct core_plan *p, const struct brt_query *q,
			uint64_t *seq)
{
	uint32_t uid = (q->flags & BRT_QUERY_F_UID) ? q->uid : 0;
	size_t i;

	if (p->n > 64)
		return false;
	*seq = 0;
	if (core_lx_plan_plain(p, q)) {
		*seq = p->plain_seq;
		return true;
	}
	if (p->linear) {
		*seq = core_lx_plan_linear(p, q);
		return true;
	}
	for (i = 0; i < p->n; i++) {
		const struct core_prule *r = &p->r[i];

		if (!applies(r, q, uid))
			continue;
		if (r->step == CORE_PS_GOTO)
			i = (size_t)r->next - 1;
		else if (r->step == CORE_PS_ERROR)
			break;
		else
			*seq |= UINT64_C(1) << i;
	}
	return true;
}

/* A lookup rule's step: LX_FOUND (res set), LX_AGAIN or LX_SLOW. */
static enum lx_verdict look_up(struct brt_lookup *lk, const struct core_prule *r,
			       struct lx_res *res)
{
	uint32_t slot;
	const struct core_dec *d;

	if (!core_prule_may_hold(r, lk->q->dst.bytes))
		return LX_AGAIN;
	d = core_dec_lookup(lk, r->fib, lk->q->dst.bytes, &slot);
	if (!d)
		return LX_AGAIN;	/* nothing in this table: next rule */
	if (core_dec_kind(d) != CORE_DEC_FOUND)
		return LX_SLOW;
	res->rule = r->rule;
	res->dec = d;
	return LX_FOUND;
}

/* The walk of the plain query: its chain's lookups only. */
static enum lx_verdict plain_lookup(struct brt_lookup *lk,
				    const struct core_plan *p, struct lx_res *res)
{
	enum lx_verdict v;
	size_t k;

	for (k = 0; k < p->n_plain; k++) {
		v = look_up(lk, &p->r[p->plain[k]], res);
		if (v != LX_AGAIN)
			return v;
	}
	if (p->plain_end >= 0)
		return core_lx_action_error(p->r[p->plain_end].action, res);
	return core_lx_no_rule(res);
}

enum lx_verdict core_lx_plan_lookup(struct brt_lookup *lk,
				    const struct core_plan *p,
				    struct lx_res *res)
{
	const struct brt_query *q = lk->q;
	/* the flow's uid (core_lx_flow_init): the caller's, else root */
	uint32_t uid = (q->flags & BRT_QUERY_F_UID) ? q->uid : 0;
	enum lx_verdict v;
	size_t i;

	if (core_lx_plan_plain(p, q))
		return plain_lookup(lk, p, res);
	for (i = 0; i < p->n; i++) {
		const struct core_prule *r = &p->r[i];

		if (!applies(r, q, uid))
			continue;
		if (r->step == CORE_PS_GOTO) {
			i = (size_t)r->next - 1;	/* (a later rule) */
			continue;
		}
		if (r->step == CORE_PS_ERROR)
			return core_lx_action_error(r->action, res);
		v = look_up(lk, r, res);
		if (v != LX_AGAIN)
			return v;
	}
	return core_lx_no_rule(res);
}
