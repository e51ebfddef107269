/*
 * live_routes.c - the live handle's model of the kernel's routes.
 *
 * Invariants:
 *  - every route is in the hash (keyed as the kernel keys routes: family,
 *    table, destination, IPv6 source, tos and priority) and in one list
 *    that keeps the order routes were dumped or added (the order of IPv4
 *    aliases with the same key decides which the kernel finds first);
 *  - a notification is applied only when its meaning is certain: a route
 *    whose key is new, the replacement of the only route of a key, the
 *    deletion of a route we hold exactly, an IPv4 append/prepend. Every
 *    other case (an IPv6 next hop added to or removed from a multipath
 *    route, a replace among several IPv4 aliases, the deletion of a route
 *    we do not hold while its key has others) asks for a route dump
 *    (BRT_LR_RESYNC) instead of guessing;
 *  - applying the same notification twice is harmless (a dump may already
 *    hold what a queued notification says), as is deleting a key we lack.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/netlink.h>

#include "fib/table_edit.h"
#include "live/live_impl.h"

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
	const uint8_t *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ull;	/* FNV-1a */
	return h;
}

static uint64_t key_hash(const struct brt_route *r)
{
	uint64_t h = 0xcbf29ce484222325ull;

	h = mix(h, &r->family, 1);
	h = mix(h, &r->table, 4);
	h = mix(h, r->dst.addr.bytes, 16);
	h = mix(h, &r->dst.len, 1);
	h = mix(h, r->src.addr.bytes, 16);
	h = mix(h, &r->src.len, 1);
	h = mix(h, &r->tos, 1);
	h = mix(h, &r->metric, 4);
	return h ^ (h >> 29);
}

int os_lroutes_init(struct brt_lroutes *m)
{
	memset(m, 0, sizeof(*m));
	m->nbuckets = 1024;
	m->buckets = calloc(m->nbuckets, sizeof(*m->buckets));
	m->head.prev = m->head.next = &m->head;
	if (!m->buckets || os_lnh_init(&m->nh)) {
		os_lroutes_free(m);
		return BRT_ENOMEM;
	}
	return 0;
}

static void clear(struct brt_lroutes *m)
{
	struct brt_lroute *e = m->head.next, *nx;

	for (; e != &m->head; e = nx) {
		nx = e->next;
		os_lnh_put(&m->nh, e->r.nh);
		free(e);
	}
	m->head.prev = m->head.next = &m->head;
	memset(m->buckets, 0, m->nbuckets * sizeof(*m->buckets));
	m->n = 0;
}

void os_lroutes_free(struct brt_lroutes *m)
{
	if (m->buckets)
		clear(m);
	free(m->buckets);
	m->buckets = NULL;
	os_lnh_free(&m->nh);
}

/* Double the buckets when the chains grow long; a failure only slows. */
static void maybe_grow(struct brt_lroutes *m)
{
	size_t nb = m->nbuckets * 2, i;
	struct brt_lroute **b, *e;

	if (m->n < m->nbuckets)
		return;
	b = calloc(nb, sizeof(*b));
	if (!b)
		return;
	for (e = m->head.next; e != &m->head; e = e->next) {
		i = e->hash & (nb - 1);
		e->hnext = b[i];
		b[i] = e;
	}
	free(m->buckets);
	m->buckets = b;
	m->nbuckets = nb;
}

/* Copy @r into the entry, its next hops into the pool (the entry's old
 * ones given back after: they may be the same). */
static int set_route(struct brt_lroutes *m, struct brt_lroute *e,
		     const struct brt_route *r)
{
	const struct brt_nexthop *nh;

	if (os_lnh_get(&m->nh, r->nh, r->nh_count, &nh))
		return BRT_ENOMEM;
	os_lnh_put(&m->nh, e->r.nh);
	e->r = *r;
	e->r.nh = nh;
	e->hash = key_hash(r);
	return 0;
}

/* Insert a copy of @r before @at in the list (at the end: &m->head). */
static int insert(struct brt_lroutes *m, const struct brt_route *r,
		  struct brt_lroute *at)
{
	struct brt_lroute *e = calloc(1, sizeof(*e));
	size_t i;

	if (!e || set_route(m, e, r)) {
		free(e);
		return BRT_ENOMEM;
	}
	e->next = at;
	e->prev = at->prev;
	at->prev->next = e;
	at->prev = e;
	i = e->hash & (m->nbuckets - 1);
	e->hnext = m->buckets[i];
	m->buckets[i] = e;
	m->n++;
	maybe_grow(m);
	return 0;
}

static void unlink_free(struct brt_lroutes *m, struct brt_lroute *e)
{
	struct brt_lroute **pp = &m->buckets[e->hash & (m->nbuckets - 1)];

	while (*pp != e)
		pp = &(*pp)->hnext;
	*pp = e->hnext;
	e->prev->next = e->next;
	e->next->prev = e->prev;
	m->n--;
	os_lnh_put(&m->nh, e->r.nh);
	free(e);
}

/* The routes of @r's key: how many, one of them, and one equal to @r. */
struct key_scan {
	size_t count;
	struct brt_lroute *same;
	struct brt_lroute *any;
};

static void scan_key(const struct brt_lroutes *m, const struct brt_route *r,
		     struct key_scan *s)
{
	uint64_t h = key_hash(r);
	struct brt_lroute *e = m->buckets[h & (m->nbuckets - 1)];

	memset(s, 0, sizeof(*s));
	for (; e; e = e->hnext) {
		if (e->hash != h || !core_route_same_key(&e->r, r))
			continue;
		s->count++;
		s->any = e;
		if (!s->same && core_route_same(&e->r, r))
			s->same = e;
	}
}

/* The first route of @r's key in list order (the key has routes). */
static struct brt_lroute *first_of_key(const struct brt_lroutes *m,
				       const struct brt_route *r)
{
	struct brt_lroute *e;

	for (e = m->head.next; e != &m->head; e = e->next)
		if (core_route_same_key(&e->r, r))
			return e;
	return core_unconst(&m->head);
}

/* Replace @e's route by @r, logging it when anything changes. */
static int replace(struct brt_lroutes *m, struct brt_lroute *e,
		   const struct brt_route *r, struct brt_ldeltas *log)
{
	if (log && !core_route_identical(&e->r, r))
		os_ldeltas_record(log, BRT_LD_REPLACE, r, &e->r);
	return set_route(m, e, r);
}

static int add(struct brt_lroutes *m, const struct brt_route *r,
	       struct brt_lroute *at, struct brt_ldeltas *log)
{
	int e = insert(m, r, at);

	if (!e && log)
		os_ldeltas_record(log, at == &m->head ? BRT_LD_ADD
						       : BRT_LD_PREPEND, r, NULL);
	return e;
}

static int apply_new(struct brt_lroutes *m, unsigned nlflags,
		     const struct brt_route *r, const struct key_scan *s,
		     struct brt_ldeltas *log)
{
	if (s->same && s->count == 1)
		return replace(m, s->same, r, log);	/* refreshes silent state */
	if (s->same)
		return BRT_LR_APPLIED;	/* already held (e.g. by a dump) */
	if (!s->count)
		return add(m, r, &m->head, log);
	if (nlflags & NLM_F_REPLACE)
		return s->count == 1 ? replace(m, s->any, r, log) : BRT_LR_RESYNC;
	if (r->family != BRT_AF_INET)
		return BRT_LR_RESYNC;	/* IPv6 merged a next hop in */
	/* IPv4 aliases: append goes after them, prepend (add) before */
	if (nlflags & NLM_F_APPEND)
		return add(m, r, &m->head, log);
	return add(m, r, first_of_key(m, r), log);
}

int os_lroutes_apply(struct brt_lroutes *m, bool del, unsigned nlflags,
		      const struct brt_route *r, struct brt_ldeltas *log)
{
	struct key_scan s;

	scan_key(m, r, &s);
	if (!del)
		return apply_new(m, nlflags, r, &s, log);
	if (s.same) {
		if (log)
			os_ldeltas_record(log, BRT_LD_DEL, &s.same->r, NULL);
		unlink_free(m, s.same);
		return BRT_LR_APPLIED;
	}
	return s.count ? BRT_LR_RESYNC : BRT_LR_APPLIED;
}

/* Whether the model holds exactly the dumped routes: the same number,
 * and each one alone under its key and identical (keys with several
 * routes also depend on their order: those count as changed). */
static bool holds_exactly(const struct brt_lroutes *m,
			  const struct brt_builder *b)
{
	struct key_scan s;
	size_t i;

	if (m->n != core_bld_route_count(b))
		return false;
	for (i = 0; i < m->n; i++) {
		struct brt_route r;

		core_bld_route_get(b, i, &r);
		scan_key(m, &r, &s);
		if (s.count != 1 || !s.same || !core_route_identical(&s.same->r, &r))
			return false;
	}
	return true;
}

int os_lroutes_load(struct brt_lroutes *m, const struct brt_builder *b,
		     bool *changed)
{
	size_t i;

	*changed = !holds_exactly(m, b);
	if (!*changed)
		return 0;
	clear(m);
	for (i = 0; i < core_bld_route_count(b); i++) {
		struct brt_route r;

		core_bld_route_get(b, i, &r);
		if (insert(m, &r, &m->head))
			return BRT_ENOMEM;
	}
	return 0;
}

int os_lroutes_emit(const struct brt_lroutes *m, brt_builder *b)
{
	const struct brt_lroute *e;
	int ret;

	if (core_bld_route_reserve(b, m->n))
		return BRT_ENOMEM;
	for (e = m->head.next; e != &m->head; e = e->next) {
		ret = brt_builder_add_route(b, &e->r);
		if (ret)
			return ret;
	}
	return 0;
}
