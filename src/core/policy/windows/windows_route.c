/*
 * windows_route.c - the route, interface and source Windows picks
 * (GetBestRoute2).
 *
 * Invariants:
 *  - Windows has one routing table, so every route of the family counts,
 *    whatever its table id (a dump of a Linux host's tables read under
 *    Windows policy behaves as one merged table); rules are not used;
 *  - prefix lengths are tried longest first; at one length the usable
 *    route with the lowest route metric + interface metric wins, and on a
 *    tie the earlier defined one (lower position in t->routes); when no
 *    route of a length is usable the next shorter length is tried;
 *  - a next hop is usable when its link is operational (up with carrier),
 *    carries the family, is not dead, and is the link the query is
 *    restricted to: the owner of a given source address (strong host,
 *    unless that link has weak host send), else the given interface, else
 *    the scope id of a link-local destination;
 *  - blackhole, unreachable, prohibit and throw routes have no link: they
 *    compete on their own metric and, when they win, end the lookup;
 *  - without explain the walk stops at the first length that answers;
 *    with explain it goes on, to list the shorter prefixes that lost.
 */
#include <stdlib.h>
#include <string.h>

#include "fib/fib_lpm.h"
#include "lpm/lpm.h"
#include "policy/compiled.h"
#include "policy/windows/windows_policy.h"

struct win_query {
	struct brt_lookup *lk;
	const brt_table *t;
	uint8_t family;
	const uint8_t *dst;
	uint32_t want_if;		/* 0: any link */
	int wrong_if_verdict;		/* why a route on another link fails */
	const char *wrong_if_reason;
	const struct brt_address *src;	/* the given source, or NULL */
};

/* One route judged for this query. */
struct win_pick {
	const struct brt_route *route;
	const struct brt_nexthop *nh;
	uint32_t nh_count, nh_chosen;
	uint32_t ifindex;
	uint32_t eff;			/* route metric + interface metric */
	int verdict;			/* CHOSEN or ERROR_ROUTE when usable */
	const char *reason;
};

static uint32_t sat_add(uint32_t a, uint32_t b)
{
	return a > UINT32_MAX - b ? UINT32_MAX : a + b;
}

static bool is_error_type(uint8_t type)
{
	return type == BRT_RT_BLACKHOLE || type == BRT_RT_UNREACHABLE ||
	       type == BRT_RT_PROHIBIT || type == BRT_RT_THROW;
}

/* The link of a next hop; a gateway without a link is on the link whose
 * subnet holds it, as Windows resolves it when the route is added. */
static const struct brt_link *nh_link(const struct win_query *w,
				      const struct brt_nexthop *nh)
{
	size_t i;

	if (nh->ifindex)
		return brt_table_link_by_index(w->t, nh->ifindex);
	if (nh->gw.family != w->family)
		return NULL;
	for (i = 0; i < w->t->n_addrs; i++) {
		const struct brt_address *a = &w->t->addrs[i];

		if (a->addr.family == w->family &&
		    core_bits_match(a->addr.bytes, nh->gw.bytes, a->plen))
			return brt_table_link_by_index(w->t, a->ifindex);
	}
	return NULL;
}

/* BRT_V_CHOSEN when the next hop may be used, else why not. */
static int nh_verdict(const struct win_query *w, const struct brt_nexthop *nh,
		      const struct brt_link *l, const char **why)
{
	uint32_t off = w->family == BRT_AF_INET ? BRT_LINK_F_NO_IPV4
						 : BRT_LINK_F_NO_IPV6;

	if (!l) {
		*why = "next hop has no interface";
		return BRT_V_DEAD;
	}
	if (w->want_if && l->index != w->want_if) {
		*why = w->wrong_if_reason;
		return w->wrong_if_verdict;
	}
	if (!core_win_link_oper(l)) {
		*why = "interface is down or has no carrier";
		return BRT_V_LINK_DOWN;
	}
	if (l->flags & off) {
		*why = "the address family is disabled on the interface";
		return BRT_V_FAMILY_DISABLED;
	}
	if (nh->flags & BRT_NH_F_DEAD) {
		*why = "next hop is dead";
		return BRT_V_DEAD;
	}
	*why = "lowest route metric + interface metric";
	return BRT_V_CHOSEN;
}

/* Each next hop is a route of its own to Windows: keep the cheapest
 * usable one. On failure the first next hop says why. */
static bool pick_nexthop(const struct win_query *w, struct win_pick *c)
{
	bool found = false;
	uint32_t k;

	c->verdict = BRT_V_DEAD;
	c->reason = "route has no next hop";
	for (k = 0; k < c->nh_count; k++) {
		const struct brt_link *l = nh_link(w, &c->nh[k]);
		const char *why;
		int v = nh_verdict(w, &c->nh[k], l, &why);
		uint32_t eff = sat_add(c->route->metric, l ? l->metric : 0);

		if (v != BRT_V_CHOSEN) {
			if (k == 0)
				c->verdict = v, c->reason = why, c->eff = eff;
			continue;
		}
		if (!found || eff < c->eff) {
			c->eff = eff;
			c->nh_chosen = k;
			c->ifindex = l->index;
			c->verdict = v;
			c->reason = why;
			found = true;
		}
	}
	return found;
}

static bool eval_route(const struct win_query *w, const struct brt_route *r,
		       struct win_pick *c)
{
	bool blackhole;

	memset(c, 0, sizeof(*c));
	c->route = r;
	c->eff = r->metric;
	c->nh = core_route_nexthops(w->t, r, &c->nh_count, &blackhole);
	if (blackhole || is_error_type(r->type)) {
		c->verdict = BRT_V_ERROR_ROUTE;
		c->reason = "error route: the lookup ends here";
		return true;
	}
	return pick_nexthop(w, c);
}

/* ----------------------------------------------------- walking prefixes */

/* The longest group of @f holding the destination, at most @bound long. */
static const struct brt_pgroup *group_at(const struct brt_fib *f,
					 const uint8_t *dst, int bound)
{
	const struct brt_pgroup *g = core_fib_lookup(f, dst);

	while (g && (int)g->len > bound)
		g = core_pgroup_parent(f, g);
	return g;
}

/* The longest prefix length of any table holding the destination, at most
 * @bound, or -1. */
static int longest_level(const struct win_query *w, int bound)
{
	int best = -1;
	size_t i;

	for (i = 0; bound >= 0 && i < w->t->n_fibs; i++) {
		const struct brt_fib *f = &w->t->fibs[i];
		const struct brt_pgroup *g;

		if (f->family != w->family)
			continue;
		g = group_at(f, w->dst, bound);
		if (g && (int)g->len > best)
			best = g->len;
	}
	return best;
}

typedef void (*route_fn)(const struct win_query *w, const struct brt_route *r,
			 void *arg);

/* Call @fn for every route of every table whose prefix of length @len
 * holds the destination. */
static void each_route_at(const struct win_query *w, int len, route_fn fn,
			  void *arg)
{
	size_t i;
	uint32_t k;

	for (i = 0; i < w->t->n_fibs; i++) {
		const struct brt_fib *f = &w->t->fibs[i];
		const struct brt_pgroup *g;

		if (f->family != w->family)
			continue;
		g = group_at(f, w->dst, len);
		if (!g || (int)g->len != len)
			continue;
		for (k = 0; k < g->count; k++)
			fn(w, g->routes[k], arg);
	}
}

static void consider(const struct win_query *w, const struct brt_route *r,
		     void *arg)
{
	struct win_pick *best = arg, c;

	if (!eval_route(w, r, &c))
		return;
	if (!best->route || c.eff < best->eff ||
	    (c.eff == best->eff && c.route < best->route))
		*best = c;
}

struct explain_arg {
	const struct win_pick *best;	/* the winner, or route NULL */
	bool longer_won;		/* the winner has a longer prefix */
};

static void record(const struct win_query *w, const struct brt_route *r,
		   void *arg)
{
	const struct explain_arg *e = arg;
	struct win_pick c;
	bool ok = eval_route(w, r, &c);
	int v = c.verdict;
	const char *why = c.reason;

	if (e->longer_won) {
		v = BRT_V_LONGER_PREFIX_WON;
		why = "a longer prefix answered";
	} else if (ok && r != e->best->route && c.eff > e->best->eff) {
		v = BRT_V_HIGHER_METRIC;
		why = "route metric + interface metric is higher";
	} else if (ok && r != e->best->route) {
		v = BRT_V_LATER_DEFINED;
		why = "same metric: the earlier route wins";
	}
	core_explain_add(w->lk, BRT_CAND_ROUTE, v, NULL, r, r->table, c.eff, why);
}

/* Fill @best with the winning route; false when nothing is usable. */
static bool walk(const struct win_query *w, struct win_pick *best)
{
	int len = longest_level(w, (int)core_family_bits(w->family));
	bool found = false;

	memset(best, 0, sizeof(*best));
	while (len >= 0) {
		struct explain_arg e = {best, found};

		if (!found)
			each_route_at(w, len, consider, best);
		found = best->route != NULL;
		if (!w->lk->ex && found)
			break;
		if (w->lk->ex)
			each_route_at(w, len, record, &e);
		len = longest_level(w, len - 1);
	}
	return found;
}

/* ------------------------------------------------------ query handling */

static bool fail(struct win_query *w, enum brt_status s, const char *msg)
{
	core_result_error(w->lk->r, s, msg);
	return false;
}

/* The host address a given source names, or NULL with r filled. */
static bool find_source(struct win_query *w)
{
	const struct brt_addr *s = &w->lk->q->src;
	size_t i;

	if (!s->family || core_addr_is_zero(s))
		return true;	/* Windows ignores an all-zero source */
	if (s->zone && !core_addr_is_v6_linklocal(s))
		return fail(w, BRT_ROUTE_INVALID,
			    "scope id on a source that is not link-local");
	for (i = 0; i < w->t->n_addrs; i++) {
		const struct brt_address *a = &w->t->addrs[i];

		if (brt_addr_equal(&a->addr, s) &&
		    (!s->zone || a->ifindex == s->zone)) {
			w->src = a;
			return true;
		}
	}
	return fail(w, BRT_ROUTE_INVALID, "source address is not local");
}

static bool is_loopback_dst(const struct brt_addr *a)
{
	return core_addr_is_v4_loopback(a) || core_addr_is_v6_loopback(a);
}

/* Which link the lookup is restricted to, and why. */
static bool restrict_link(struct win_query *w)
{
	const struct brt_query *q = w->lk->q;
	const struct brt_link *l, *sl;

	if (q->dst.zone && !core_addr_is_v6_linklocal(&q->dst))
		return fail(w, BRT_ROUTE_INVALID,
			    "scope id on a destination that is not link-local");
	if (q->dst.zone && q->oif && q->dst.zone != q->oif)
		return fail(w, BRT_ROUTE_INVALID,
			    "scope id disagrees with the interface");
	if (q->dst.zone && !brt_table_link_by_index(w->t, q->dst.zone))
		return fail(w, BRT_ROUTE_INVALID, "no such interface");
	w->want_if = q->oif ? q->oif : q->dst.zone;
	w->wrong_if_verdict = BRT_V_WRONG_INTERFACE;
	w->wrong_if_reason = "not on the requested interface";
	sl = w->src ? brt_table_link_by_index(w->t, w->src->ifindex) : NULL;
	if (w->src && !(sl && (sl->flags & BRT_LINK_F_WEAK_HOST_SEND))) {
		w->want_if = w->src->ifindex;
		w->wrong_if_verdict = BRT_V_SOURCE_NOT_ON_INTERFACE;
		w->wrong_if_reason = "strong host: the source is on another interface";
	}
	l = w->want_if ? brt_table_link_by_index(w->t, w->want_if) : NULL;
	if (l && l->type != BRT_LINK_LOOPBACK && is_loopback_dst(&q->dst))
		return fail(w, BRT_ROUTE_INVALID,
			    "loopback destination on a non-loopback interface");
	return true;
}

static void fill_error(struct win_query *w, const struct win_pick *c)
{
	const struct brt_route *rt = c->route;
	struct brt_result *r = w->lk->r;

	switch (rt->type) {
	case BRT_RT_UNREACHABLE:
		core_result_error(r, BRT_ROUTE_UNREACHABLE, "unreachable route");
		break;
	case BRT_RT_PROHIBIT:
		core_result_error(r, BRT_ROUTE_PROHIBIT, "prohibit route");
		break;
	case BRT_RT_THROW:
		core_result_error(r, BRT_ROUTE_NO_ROUTE,
				 "throw route: Windows has no other table");
		break;
	default:
		core_result_error(r, BRT_ROUTE_BLACKHOLE, "blackhole route");
	}
	r->type = rt->type;
	r->scope = rt->scope;
	core_result_route(r, rt, rt->table, c->eff);
}

static void fill_source(struct win_query *w, const struct brt_nexthop *nh,
			uint32_t ifindex)
{
	struct brt_result *r = w->lk->r;
	const struct brt_addr *dst = &w->lk->q->dst;

	if (w->src) {
		r->source = w->src->addr;
		r->source.zone = core_addr_is_v6_linklocal(&r->source)
					 ? w->src->ifindex : 0;
	} else if (!core_windows_source(w->t, dst, ifindex,
				       r->gateway.family ? &nh->gw : dst,
				       &r->source)) {
		memset(&r->source, 0, sizeof(r->source));
	}
	/* Windows has no preferred source of its own: it reports the source */
	r->prefsrc = r->source;
}

static void fill_ok(struct win_query *w, const struct win_pick *c)
{
	const struct brt_route *rt = c->route;
	const struct brt_nexthop *nh = &c->nh[c->nh_chosen];
	struct brt_result *r = w->lk->r;

	r->status = BRT_ROUTE_OK;
	r->type = rt->type;
	r->scope = rt->scope;
	core_result_route(r, rt, rt->table, c->eff);
	core_result_nexthops(r, c->nh, c->nh_count, c->nh_chosen);
	if (nh->gw.family == w->family && !core_addr_is_zero(&nh->gw))
		r->gateway = nh->gw;
	r->ifindex = c->ifindex;
	fill_source(w, nh, c->ifindex);
}

static const char no_route[] = "no route to the destination";

void core_windows_lookup(struct brt_lookup *lk)
{
	struct win_query w;
	struct win_pick best;

	memset(&w, 0, sizeof(w));
	w.lk = lk;
	w.t = lk->t;
	w.family = lk->q->dst.family;
	w.dst = lk->q->dst.bytes;
	if (!find_source(&w) || !restrict_link(&w))
		return;
	if (!walk(&w, &best))
		core_result_error(lk->r, BRT_ROUTE_NO_ROUTE, no_route);
	else if (best.verdict == BRT_V_ERROR_ROUTE)
		fill_error(&w, &best);
	else
		fill_ok(&w, &best);
}

/* ------------------------------------------------- compiled decisions */

/*
 * Compiled (policy/compiled.h): per group, the route the walk picks for
 * a query with no source, interface or zone (no link is wanted), and the
 * answer record fill_ok would make of it, with the source when it cannot
 * depend on the destination (core_source_constant). A query
 * with a source, an interface or a zone takes the interpretive walk, as
 * does one whose answer is an error route (SLOW). With several tables of
 * a family, each table's decision gives its longest usable prefix; the
 * longest of them wins, and at equal length the lowest effective metric
 * and then the earlier route, as the walk's `consider` orders them.
 */

/* The answer record of a group's winner (as fill_ok fills it). */
static void decide_found(brt_table *t, const struct brt_pgroup *g,
			 const struct win_pick *c, struct core_dec *d)
{
	const struct brt_route *rt = c->route;
	const struct brt_nexthop *nh = &c->nh[c->nh_chosen];
	const struct brt_prefix *dst = core_pgroup_dst(g);
	uint8_t family = rt->family;
	struct core_answer a;

	memset(&a, 0, sizeof(a));
	a.type = rt->type;
	a.scope = rt->scope;
	a.table = rt->table;
	a.metric = rt->metric;
	a.effective_metric = c->eff;
	if (nh->gw.family == family && !core_addr_is_zero(&nh->gw))
		a.gateway = nh->gw;
	a.ifindex = c->ifindex;
	a.nh_count = c->nh_count;
	a.nh_chosen = c->nh_chosen;
	if (core_source_constant(t, dst)) {
		if (!core_windows_source(t, &dst->addr, c->ifindex,
					a.gateway.family ? &nh->gw : &dst->addr,
					&a.source))
			memset(&a.source, 0, sizeof(a.source));
		a.flags = CORE_ANS_F_SOURCE;
	}
	core_dec_found(t, d, rt, c->nh, &a);
}

static void decide(brt_table *t, const struct brt_fib *f,
		   const struct brt_pgroup *g, struct core_dec *d)
{
	struct win_query w;
	struct win_pick best;
	uint32_t k;

	memset(&w, 0, sizeof(w));
	memset(&best, 0, sizeof(best));
	w.t = t;
	w.family = f->family;
	w.dst = core_pgroup_dst(g)->addr.bytes;
	for (k = 0; k < g->count; k++)
		consider(&w, g->routes[k], &best);
	core_dec_set(d, CORE_DEC_NONE);
	if (!best.route)
		return;		/* NONE: a shorter prefix answers */
	if (best.verdict == BRT_V_ERROR_ROUTE) {
		core_dec_set(d, CORE_DEC_SLOW);
		return;
	}
	decide_found(t, g, &best, d);
}

/*
 * The fibs of a family in the order best_decision tries them: longest
 * prefix first, each with its longest prefix, so that the walk stops at
 * the first fib whose prefixes are all shorter than the best found (it
 * cannot win: the longest prefix wins first). Valid for the table's
 * life: Windows tables are rebuilt, never edited in place.
 */
struct core_wplan {
	size_t n;
	struct wfib {
		const struct brt_fib *f;
		unsigned max_plen;
		const uint64_t *filter;	/* small fibs (compiled.h), in
					 * the block after e[]; or NULL */
	} e[];
};

static unsigned max_plen_of(const struct brt_fib *f)
{
	unsigned m = 0;
	size_t k;

	for (k = 0; k < f->n_groups; k++)
		if (f->groups[k].count && f->groups[k].len > m)
			m = f->groups[k].len;
	return m;
}

/* The plan @p again, with a filter for each small fib (one block:
 * freed with free()); @p itself without memory. */
static struct core_wplan *add_filters(struct core_wplan *p)
{
	size_t i, n = 0, base = sizeof(*p) + p->n * sizeof(p->e[0]);
	struct core_wplan *q;
	uint64_t *w;

	for (i = 0; i < p->n; i++)
		n += p->e[i].f->n_live <= CORE_FILTER_MAX;
	base = (base + 7) & ~(size_t)7;
	q = n ? realloc(p, base + n * CORE_FILTER_WORDS * 8) : NULL;
	if (!q)
		return p;
	w = (uint64_t *)(void *)((char *)q + base);
	memset(w, 0, n * CORE_FILTER_WORDS * 8);
	for (i = 0; i < q->n; i++)
		if (q->e[i].f->n_live <= CORE_FILTER_MAX) {
			core_filter_fill(w, q->e[i].f);
			q->e[i].filter = w;
			w += CORE_FILTER_WORDS;
		}
	return q;
}

static struct core_wplan *wplan_of(const brt_table *t, uint8_t family)
{
	struct core_wplan *p = malloc(sizeof(*p) + t->n_fibs * sizeof(p->e[0]));
	size_t i, k;

	if (!p)
		return NULL;
	p->n = 0;
	for (i = 0; i < t->n_fibs; i++) {
		struct wfib w = {&t->fibs[i], max_plen_of(&t->fibs[i]), NULL};

		if (t->fibs[i].family != family || !t->fibs[i].n_live)
			continue;
		for (k = p->n++; k > 0 && p->e[k - 1].max_plen < w.max_plen; k--)
			p->e[k] = p->e[k - 1];	/* (stable: ties keep fib order) */
		p->e[k] = w;
	}
	return add_filters(p);
}

int core_windows_compile(brt_table *t)
{
	int err = core_dec_compile_all(t, decide);
	int k;

	for (k = 0; k < 2; k++) {
		free(t->wplans[k]);
		t->wplans[k] = wplan_of(t, k ? BRT_AF_INET6 : BRT_AF_INET);
	}
	return err;
}

/* The decision answering @dst over every table of its family: NULL when
 * none has a route, *@slow when one says the walk must answer. */
static const struct core_dec *best_decision(const struct brt_lookup *lk,
					    uint8_t family, const uint8_t *dst,
					    bool *slow)
{
	const brt_table *t = lk->t;
	const struct core_dec *best = NULL;
	uint32_t best_eff = 0;
	unsigned best_len = 0;
	const struct core_wplan *p = t->wplans[family == BRT_AF_INET6];
	size_t i;

	for (i = 0; i < (p ? p->n : t->n_fibs); i++) {
		const struct brt_fib *f = p ? p->e[i].f : &t->fibs[i];
		const struct core_dec *d;
		uint32_t slot, eff;

		if (p && best && p->e[i].max_plen < best_len)
			break;	/* every later fib is shorter still */
		if (f->family != family || !f->n_live)
			continue;
		d = core_dec_lookup(lk, f, dst, &slot);
		if (!d)
			continue;
		if (core_dec_kind(d) != CORE_DEC_FOUND) {
			*slow = true;
			return NULL;
		}
		eff = core_dec_answer(t, d)->effective_metric;
		if (!best || core_dec_plen(d) > best_len ||
		    (core_dec_plen(d) == best_len &&
		     (eff < best_eff || (eff == best_eff &&
					 core_dec_route(d) < core_dec_route(best))))) {
			best = d;
			best_len = core_dec_plen(d);
			best_eff = eff;
		}
	}
	return best;
}

/* The source of a compiled answer @r from decision @d (as fill_source). */
static void compiled_source(const brt_table *t, const struct brt_query *q,
			    const struct core_dec *d, struct brt_result *r)
{
	const struct core_answer *a = core_dec_answer(t, d);

	if (!(a->flags & CORE_ANS_F_SOURCE) &&
	    !core_windows_source(t, &q->dst, a->ifindex,
				 r->gateway.family ? &core_dec_nh(d)[a->nh_chosen].gw : &q->dst,
				 &r->source))
		memset(&r->source, 0, sizeof(r->source));
	r->prefsrc = r->source;	/* as fill_source */
}

/* The decision for @dst in @f straight from its engine (no hint). */
static inline const struct core_dec *fib_dec(const struct brt_fib *f, uint8_t family,
					     const uint8_t *dst)
{
	const struct brt_lpm *l = core_fib_lpm_engine(f);
	uint32_t slot, v;

	if (__builtin_expect(!l, 0))
		return core_dec_find(f, dst, &slot);
	if (family == BRT_AF_INET) {
		memcpy(&v, dst, 4);
		v = lpm4_lookup(l, __builtin_bswap32(v));
	} else
		v = lpm6_lookup(l, dst);
	return core_dec_find_from(f, v, &slot);
}

/*
 * best_decision for lookup_fast, over the fib order alone: the same
 * choice (longest prefix, then effective metric, then the earlier
 * route), with the engine looked up in place and nothing else between
 * the lookups; NULL when none has a route or one says the walk answers
 * (the caller declines either way).
 */
static inline const struct core_dec *fast_decision(const brt_table *t,
						   const struct core_wplan *p,
						   uint8_t family, const uint8_t *dst)
{
	const struct core_dec *best = NULL;
	uint32_t best_eff = 0;
	unsigned best_len = 0;
	size_t i;

	for (i = 0; i < p->n; i++) {
		const struct core_dec *d;
		uint32_t eff;
		unsigned len;

		if (best && p->e[i].max_plen < best_len)
			break;	/* every later fib is shorter still */
		if (!core_filter_may_hold(p->e[i].filter, dst))
			continue;
		d = fib_dec(p->e[i].f, family, dst);
		if (!d)
			continue;
		if (core_dec_kind(d) != CORE_DEC_FOUND)
			return NULL;
		eff = core_dec_answer(t, d)->effective_metric;
		len = core_dec_plen(d);
		if (!best || len > best_len ||
		    (len == best_len && (eff < best_eff || (eff == best_eff &&
		     core_dec_route(d) < core_dec_route(best))))) {
			best = d;
			best_len = len;
			best_eff = eff;
		}
	}
	return best;
}

int core_windows_lookup_fast(const brt_table *t, const struct brt_query *q,
			     struct brt_result *r)
{
	int f = q->dst.family == BRT_AF_INET ? 0 : q->dst.family == BRT_AF_INET6 ? 1 : -1;
	const struct core_wplan *p;
	const struct core_dec *d;

	if (f < 0 || !core_dec_ready(t) || !(p = t->wplans[f]) ||
	    (q->src.family | q->oif | q->iif | q->dst.zone))
		return 0;
	d = fast_decision(t, p, q->dst.family, q->dst.bytes);
	if (!d)
		return 0;	/* (the walk, or the no-route error: lookup) */
	core_dec_fill(t, d, &q->dst, r);
	if (!(core_dec_answer(t, d)->flags & CORE_ANS_F_SOURCE))
		compiled_source(t, q, d, r);	/* (else the template's) */
	return 1;
}

void core_windows_lookup_compiled(struct brt_lookup *lk)
{
	const struct brt_query *q = lk->q;
	const struct core_dec *d;
	struct brt_result *r = lk->r;
	bool slow = false;

	if (!core_dec_ready(lk->t) || q->src.family || q->oif || q->dst.zone) {
		core_windows_lookup(lk);
		return;
	}
	d = best_decision(lk, q->dst.family, q->dst.bytes, &slow);
	if (slow) {
		core_windows_lookup(lk);
		return;
	}
	if (!d) {
		core_result_error(r, BRT_ROUTE_NO_ROUTE, no_route);
		return;
	}
	core_dec_fill(lk->t, d, &q->dst, r);
	compiled_source(lk->t, q, d, r);
}
