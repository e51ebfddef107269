/*
 * compiled.c - the policy-independent half of compiled decisions
 * (compiled.h): finding a destination's decision through the engine and
 * the groups' fallback chain, and building or growing the arrays.
 *
 * Invariant: f->dec[s] describes the group in slot s as it is now; a free
 * slot (count 0) is NONE. The engine maps an address to the slot of its
 * longest group, so a lookup is one engine lookup plus a load per group
 * of the chain it falls back through (usually none).
 */
#include <stdlib.h>
#include <string.h>

#include "fib/fib_lpm.h"
#include "lpm/lpm.h"
#include "policy/compiled.h"
#include "policy/policy.h"

static uint32_t engine_slot(const struct brt_fib *f, const uint8_t *addr)
{
	const struct brt_lpm *l = core_fib_lpm_engine(f);
	const struct brt_pgroup *g;

	if (l && f->family == BRT_AF_INET)
		return lpm4_lookup(l, (uint32_t)addr[0] << 24 |
				   (uint32_t)addr[1] << 16 |
				   (uint32_t)addr[2] << 8 | addr[3]);
	if (l)
		return lpm6_lookup(l, addr);
	g = core_fib_lookup(f, addr);
	return g ? (uint32_t)(g - f->groups) : BRT_LPM_NONE;
}

const struct core_dec *core_dec_find(const struct brt_fib *f,
				     const uint8_t *addr, uint32_t *slot)
{
	return core_dec_find_from(f, engine_slot(f, addr), slot);
}

/* Large decision arrays come from the engine's page provider (huge pages
 * where the OS layer gives them); small ones from calloc, so that a table
 * of many small fibs costs no mapping each. The size tells which. */
#define DEC_MAP_MIN (256u << 10)

static void *dec_map(size_t bytes)
{
	return bytes >= DEC_MAP_MIN ? lpm_pages_map(bytes) : calloc(1, bytes);
}

static void dec_unmap(void *p, size_t bytes)
{
	if (bytes >= DEC_MAP_MIN)
		lpm_pages_unmap(p, bytes);
	else
		free(p);
}

int core_dec_reserve(struct brt_fib *f)
{
	size_t cap = f->dec_cap;
	struct core_dec *d;

	if (f->n_groups <= cap)
		return 0;
	/* first: exactly the groups (most tables are never edited); an
	 * edit's growth then doubles */
	if (!cap)
		cap = f->n_groups > 16 ? f->n_groups : 16;
	while (cap < f->n_groups)
		cap *= 2;
	d = dec_map(cap * sizeof(*d));	/* zeroed: every slot NONE */
	if (!d)
		return BRT_ENOMEM;
	if (f->dec_cap)
		memcpy(d, f->dec, f->dec_cap * sizeof(*d));
	core_dec_release(f);
	f->dec = d;
	f->dec_cap = cap;
	return 0;
}

void core_dec_release(struct brt_fib *f)
{
	dec_unmap(f->dec, f->dec_cap * sizeof(*f->dec));
	f->dec = NULL;
	f->dec_cap = 0;
}

int32_t core_dec_slot_of(const struct brt_fib *f, const struct brt_prefix *p)
{
	const struct brt_pgroup *g = f->n_live ? core_fib_lookup(f, p->addr.bytes)
					       : NULL;

	while (g && g->len > p->len)
		g = core_pgroup_parent(f, g);
	if (!g || g->len != p->len || !core_prefix_equal(core_pgroup_dst(g), p))
		return -1;
	return (int32_t)(g - f->groups);
}

int core_dec_compile_all(brt_table *t,
			 void (*decide)(brt_table *t,
					const struct brt_fib *f,
					const struct brt_pgroup *g,
					struct core_dec *d))
{
	size_t i, k;

	t->dec_ready = false;
	for (i = 0; i < t->n_fibs; i++) {
		struct brt_fib *f = &t->fibs[i];

		if (core_dec_reserve(f))
			return BRT_ENOMEM;
		for (k = 0; k < f->n_groups; k++) {
			core_dec_set(&f->dec[k], CORE_DEC_NONE);
			if (f->groups[k].count)
				decide(t, f, &f->groups[k], &f->dec[k]);
		}
	}
	t->dec_ready = true;
	return 0;
}

/* ------------------------------------------------------ answer records */

static uint64_t hash_of(const struct core_answer *a)
{
	const uint8_t *p = (const uint8_t *)a;
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < sizeof(*a); i++)
		h = (h ^ p[i]) * 1099511628211ull;
	return h;
}

static int rehash(struct core_answers *s, size_t hcap)
{
	uint32_t *h = calloc(hcap, sizeof(*h));
	size_t i;

	if (!h)
		return BRT_ENOMEM;
	for (i = 0; i < s->n; i++) {
		size_t k = hash_of(&s->a[i]) & (hcap - 1);

		while (h[k])
			k = (k + 1) & (hcap - 1);
		h[k] = (uint32_t)i + 1;
	}
	free(s->hash);
	s->hash = h;
	s->hcap = hcap;
	return 0;
}

static int grow(struct core_answers *s)
{
	size_t cap = s->cap ? s->cap * 2 : 64;
	struct core_answer *a;
	struct brt_result *tm;

	if (s->n + 1 > s->hcap / 2 && rehash(s, s->hcap ? s->hcap * 2 : 128))
		return BRT_ENOMEM;
	if (s->n < s->cap)
		return 0;
	a = realloc(s->a, cap * sizeof(*a));
	if (a)
		s->a = a;
	tm = a ? realloc(s->tmpl, cap * sizeof(*tm)) : NULL;
	if (!tm)
		return BRT_ENOMEM;	/* (s->a may have grown: harmless) */
	s->tmpl = tm;
	s->cap = cap;
	return 0;
}

/* The result template of record @a (struct core_answers). */
static void make_template(const struct core_answer *a, struct brt_result *r)
{
	memset(r, 0, sizeof(*r));
	r->status = BRT_ROUTE_OK;
	r->family = a->family;
	r->type = a->type;
	r->has_prefix = 1;
	r->scope = a->scope;
	r->prefix.addr.family = a->family;
	r->table = a->table;
	r->metric = a->metric;
	r->effective_metric = a->effective_metric;
	r->gateway = a->gateway;
	r->ifindex = a->ifindex;
	if (a->flags & CORE_ANS_F_SOURCE)	/* (what a query without */
		r->source = r->prefsrc = a->source;	/* "from" gets) */
	r->nh_count = a->nh_count;
	r->nh_chosen = a->nh_chosen;
}

uint32_t core_answer_intern(brt_table *t, const struct core_answer *a)
{
	struct core_answers *s = t->answers;
	size_t k;

	if (!s && !(s = t->answers = calloc(1, sizeof(*s))))
		return UINT32_MAX;
	if (s->n >= UINT32_MAX - 1 || grow(s))
		return UINT32_MAX;
	for (k = hash_of(a) & (s->hcap - 1); s->hash[k]; k = (k + 1) & (s->hcap - 1))
		if (!memcmp(&s->a[s->hash[k] - 1], a, sizeof(*a)))
			return s->hash[k] - 1;
	s->a[s->n] = *a;
	make_template(a, &s->tmpl[s->n]);
	s->hash[k] = (uint32_t)++s->n;
	return (uint32_t)(s->n - 1);
}

void core_plans_free(brt_table *t)
{
	free(t->plans[0]);
	free(t->plans[1]);
	t->plans[0] = t->plans[1] = NULL;
}

void core_compiled_free(brt_table *t)
{
	core_answers_free(t);
	core_plans_free(t);
	free(t->src6);
	t->src6 = NULL;
	free(t->wplans[0]);
	free(t->wplans[1]);
	t->wplans[0] = t->wplans[1] = NULL;
}

void core_answers_free(brt_table *t)
{
	if (!t->answers)
		return;
	free(t->answers->a);
	free(t->answers->tmpl);
	free(t->answers->hash);
	free(t->answers);
	t->answers = NULL;
}

/* @p = @a cut to @len bits, canonical (zone and reserved bytes zero). */
static void cut_prefix(const struct brt_addr *a, unsigned len,
		       struct brt_prefix *p)
{
	unsigned full = len / 8, rest = len % 8;

	memset(p, 0, sizeof(*p));
	p->addr.family = a->family;
	memcpy(p->addr.bytes, a->bytes, full);
	if (rest)
		p->addr.bytes[full] = (uint8_t)(a->bytes[full] & (0xff00u >> rest));
	p->len = (uint8_t)len;
}

static bool packable(const void *p)
{
	return !((uintptr_t)p & ~(uintptr_t)CORE_DEC_PTR_MASK);
}

void core_dec_found(brt_table *t, struct core_dec *d, const struct brt_route *route,
		    const struct brt_nexthop *nh, const struct core_answer *a0)
{
	struct core_answer a = *a0;
	struct brt_prefix p;
	uint32_t ans;

	a.family = route->family;
	ans = core_answer_intern(t, &a);
	cut_prefix(&route->dst.addr, route->dst.len, &p);
	if (ans > CORE_DEC_MAX_ANS || !packable(route) || !packable(nh) ||
	    route->dst.addr.family != route->family ||
	    memcmp(&p, &route->dst, sizeof(p))) {
		core_dec_set(d, CORE_DEC_SLOW);
		return;
	}
	d->w0 = (uint64_t)(uintptr_t)route | (uint64_t)CORE_DEC_FOUND << 48 |
		(uint64_t)route->dst.len << 56;
	d->w1 = (uint64_t)(uintptr_t)nh | (uint64_t)ans << 48;
}

/* --------------------------------------------- destination-free sources */

/* Whether @s lies partly in @p: it neither holds @p nor misses it. */
static bool splits(const struct brt_prefix *p, const uint8_t *s, unsigned slen)
{
	unsigned m = slen < p->len ? slen : p->len;

	if (!core_bits_match(p->addr.bytes, s, m))
		return false;		/* disjoint */
	return slen > p->len;		/* inside @p, smaller: splits it */
}

static bool special_split6(const brt_table *t, const struct brt_prefix *p)
{
	static const struct { uint8_t b[16]; unsigned len; } sp[] = {
		{{0xff}, 8},			/* multicast (and its scopes) */
		{{0xfe, 0x80}, 10},		/* link-local */
		{{0xfe, 0xc0}, 10},		/* site-local */
		{{0x20, 0x01, 0x00, 0x10}, 28},	/* ORCHID */
		{{0}, 128},			/* :: */
		{{[15] = 1}, 128},		/* ::1 */
	};
	size_t i;

	for (i = 0; i < sizeof(sp) / sizeof(sp[0]); i++)
		if (splits(p, sp[i].b, sp[i].len) ||
		    (sp[i].len == 8 && core_bits_match(p->addr.bytes, sp[i].b, 8)))
			return true;	/* (multicast scope: in the next byte) */
	for (i = 0; i < t->n_labels; i++)
		if (splits(p, t->labels[i].prefix.addr.bytes, t->labels[i].prefix.len))
			return true;
	return false;
}

bool core_source_constant(const brt_table *t, const struct brt_prefix *p)
{
	uint8_t family = p->addr.family;
	size_t i;

	if (family == BRT_AF_INET6 && special_split6(t, p))
		return false;
	/* An address outside @p differs from every destination in @p at
	 * the same bit (before p->len): its common prefix with them is one
	 * length, so the longest-match rules cannot tell destinations apart. */
	for (i = 0; i < t->n_addrs; i++)
		if (t->addrs[i].addr.family == family &&
		    core_bits_match(p->addr.bytes, t->addrs[i].addr.bytes, p->len))
			return false;	/* one of ours inside: rule 1 */
	return true;
}

/* -------------------------------------------------------------- filters */

void core_filter_fill(uint64_t *w, const struct brt_fib *f)
{
	size_t g;

	for (g = 0; g < f->n_groups; g++) {
		const uint8_t *a;
		unsigned len = f->groups[g].len, k, span, i;

		if (!f->groups[g].count)
			continue;	/* a free slot has no prefix */
		a = core_pgroup_dst(&f->groups[g])->addr.bytes;
		k = (unsigned)a[0] << 8 | a[1];
		span = len >= 16 ? 1u : 1u << (16 - len);
		k &= ~(span - 1);
		for (i = 0; i < span; i++, k++)
			w[k / 64] |= UINT64_C(1) << (k % 64);
	}
}

/* ---------------------------------------------------------------- bulk */

#define CHUNK 32u

/* The fib of @family with the most groups, or NULL. */
static const struct brt_fib *largest_fib(const brt_table *t, uint8_t family)
{
	const struct brt_fib *best = NULL;
	size_t i;

	for (i = 0; i < t->n_fibs; i++)
		if (t->fibs[i].family == family && core_fib_lpm_engine(&t->fibs[i]) &&
		    (!best || t->fibs[i].n_live > best->n_live))
			best = &t->fibs[i];
	return best;
}

/* The engine's slots for the queries of @family among q[0..n), ahead. */
static void slots_ahead(const struct brt_fib *f, uint8_t family,
			const struct brt_query *q, size_t n, uint32_t *slot)
{
	uint32_t a4[CHUNK], s4[CHUNK];
	uint8_t a6[CHUNK][16];
	size_t i, k = 0, at[CHUNK];

	for (i = 0; i < n; i++) {
		if (q[i].dst.family != family)
			continue;
		at[k] = i;
		if (family == BRT_AF_INET)
			a4[k] = (uint32_t)q[i].dst.bytes[0] << 24 |
				(uint32_t)q[i].dst.bytes[1] << 16 |
				(uint32_t)q[i].dst.bytes[2] << 8 | q[i].dst.bytes[3];
		else
			memcpy(a6[k], q[i].dst.bytes, 16);
		k++;
	}
	if (!k)
		return;
	if (family == BRT_AF_INET)
		lpm4_lookup_bulk(core_fib_lpm_engine(f), a4, s4, k);
	else
		lpm6_lookup_bulk(core_fib_lpm_engine(f), (const uint8_t (*)[16])a6, s4, k);
	for (i = 0; i < k; i++) {
		slot[at[i]] = s4[i];
		if (s4[i] != BRT_LPM_NONE)
			__builtin_prefetch(&f->dec[s4[i]]);
	}
}

void core_dec_lookup_bulk(const brt_table *t, const struct brt_query *q,
			  size_t n, struct brt_result *r)
{
	const struct brt_fib *f4, *f6;
	uint32_t slot[CHUNK];
	size_t i, j;

	if (!t->dec_ready) {
		for (i = 0; i < n; i++)
			core_table_answer(t, &q[i], &r[i]);
		return;
	}
	f4 = largest_fib(t, BRT_AF_INET);
	f6 = largest_fib(t, BRT_AF_INET6);
	for (i = 0; i < n; i += CHUNK) {
		size_t k = n - i < CHUNK ? n - i : CHUNK;

		if (f4)
			slots_ahead(f4, BRT_AF_INET, q + i, k, slot);
		if (f6)
			slots_ahead(f6, BRT_AF_INET6, q + i, k, slot);
		for (j = 0; j < k; j++) {
			const struct brt_query *x = &q[i + j];
			const struct brt_fib *f = x->dst.family == BRT_AF_INET ? f4
						  : x->dst.family == BRT_AF_INET6 ? f6 : NULL;

			/* (the fast answer's engine lookups hit what
			 * slots_ahead brought into the cache) */
			if (!t->ops->lookup_fast || !t->ops->lookup_fast(t, x, &r[i + j]))
				core_table_answer_hinted(t, x, &r[i + j], f,
							 f ? slot[j] : 0);
		}
	}
}
