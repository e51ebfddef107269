/*
 * compiled.h - compiled decisions: what a policy decided, per prefix group
 * of each fib, for the common query, so that it is answered with one
 * engine lookup per table plus a few loads (not installed).
 *
 * A policy's `compile` fills fib->dec (one core_dec per group slot) when
 * a table version is built, and its `recompile` brings the decisions up
 * to date after an in-place edit (table_edit.c), before the version is
 * published. A decision depends only on its own group's routes and on
 * what only a whole rebuild changes (links, addresses, rules, nexthop
 * objects), except where a policy says otherwise (the Linux policy's
 * IPv4 gateway resolution, see linux_compiled.c). Readers only read them:
 * a table is immutable once published.
 *
 * Kinds:
 *  - CORE_DEC_NONE: the group has no route the common query may use: the
 *    lookup falls back to the parent group (as the interpretive walk);
 *  - CORE_DEC_FOUND: route, next hop and what the policy derives from
 *    them alone (the source when it does not depend on the destination,
 *    whether the gateway is reported);
 *  - CORE_DEC_REDO: the group is evaluated by the interpretive walk for
 *    this one query (error and throw routes, routes with tos or a source
 *    prefix: their outcome depends on the query or is rare);
 *  - CORE_DEC_SLOW: the whole query takes the interpretive path (what
 *    the output step decides from more than the route, such as equal
 *    default routes the kernel alternates between).
 * The differential test (tests/unit/test_compiled_diff.c) holds the
 * compiled answers to the interpretive ones field by field.
 */
#ifndef BRT_CORE_COMPILED_H
#define BRT_CORE_COMPILED_H

#include <string.h>

#include "lpm/lpm.h"
#include "model/model.h"

enum core_dec_kind {
	CORE_DEC_NONE = 0,
	CORE_DEC_FOUND,
	CORE_DEC_REDO,
	CORE_DEC_SLOW,
};

/*
 * What a FOUND answer holds besides its group's prefix, route and next
 * hops: interned per table (t->answers), so the groups whose answers
 * agree in it share one record (a table's routes use few next hops, few
 * metrics): the answer's last loads hit the cache.
 */
#define CORE_ANS_F_SOURCE 0x01	/* source is the answer's whatever the
				 * destination (else chosen per query) */

struct core_answer {
	struct brt_addr gateway;	/* as reported (family 0: none) */
	struct brt_addr source;		/* with CORE_ANS_F_SOURCE */
	uint32_t ifindex;
	uint32_t metric;
	uint32_t effective_metric;
	uint32_t table;			/* as reported */
	uint32_t nh_count;
	uint32_t nh_chosen;
	uint32_t dev;			/* Linux IPv6: the next hop's link */
	uint8_t type;
	uint8_t scope;
	uint8_t flags;			/* CORE_ANS_F_* */
	uint8_t family;			/* the route's (core_dec_found sets it) */
};

/* tmpl[i]: the brt_result that record a[i] makes, with every field a
 * FOUND answer shares (the prefix with its length but no bytes, no
 * route, next hops or rule priority): an answer copies it and adds those.
 * With CORE_ANS_F_SOURCE its source and prefsrc are the record's source,
 * as a query without "from" gets them; a policy rewrites both for other
 * queries. */
struct core_answers {
	struct core_answer *a;
	struct brt_result *tmpl;
	size_t n, cap;
	uint32_t *hash;			/* open addressing: index + 1, 0 free */
	size_t hcap;
};

/*
 * A decision is 16 bytes, so that four share a cache line and none
 * straddles two (the engine's slot is a random index into the array: the
 * line it lands on is the answer's one miss after the engine). The
 * route and next-hop pointers are kept in the low 48 bits of their words,
 * which hold every user-space address of the 4-level x86-64 and arm64
 * layouts; a pointer above that, or an answer index above 16 bits, makes
 * the decision SLOW (core_dec_found), so the packing never loses an
 * answer, it only sends that group to the interpretive walk.
 */
struct core_dec {
	uint64_t w0;	/* FOUND: route (bits 0-47); kind (48-55); plen (56-63) */
	uint64_t w1;	/* FOUND: next hops (bits 0-47); answer index (48-63) */
};

#define CORE_DEC_PTR_MASK ((UINT64_C(1) << 48) - 1)
#define CORE_DEC_MAX_ANS 0xffffu

static inline enum core_dec_kind core_dec_kind(const struct core_dec *d)
{
	return (enum core_dec_kind)(d->w0 >> 48 & 0xff);
}

static inline unsigned core_dec_plen(const struct core_dec *d)
{
	return (unsigned)(d->w0 >> 56);
}

static inline const struct brt_route *core_dec_route(const struct core_dec *d)
{
	return (const struct brt_route *)(uintptr_t)(d->w0 & CORE_DEC_PTR_MASK);
}

static inline const struct brt_nexthop *core_dec_nh(const struct core_dec *d)
{
	return (const struct brt_nexthop *)(uintptr_t)(d->w1 & CORE_DEC_PTR_MASK);
}

static inline uint32_t core_dec_ans(const struct core_dec *d)
{
	return (uint32_t)(d->w1 >> 48);
}

/* Make @d a decision of @kind without route (NONE, REDO, SLOW). */
static inline void core_dec_set(struct core_dec *d, enum core_dec_kind kind)
{
	d->w0 = (uint64_t)kind << 48;
	d->w1 = 0;
}

/* The interned record equal to @a (whose unused bytes are zero), added
 * when new; its index, or UINT32_MAX without memory. */
uint32_t core_answer_intern(brt_table *t, const struct core_answer *a);
void core_answers_free(brt_table *t);
/* Free t->plans (the policy's compiled rule chains: one malloc'd block
 * each). */
void core_plans_free(brt_table *t);
/* Free everything compiled beside the decisions: answer records, plans,
 * t->src6 and t->wplans (one block each). */
void core_compiled_free(brt_table *t);
static inline const struct core_answer *core_dec_answer(const brt_table *t,
							const struct core_dec *d)
{
	return &t->answers->a[core_dec_ans(d)];
}
/* Make @d FOUND for @route (next hops @nh) with the answer record @a;
 * SLOW when the route's prefix is not the canonical one a result rebuilds
 * from the destination, when a pointer or the record's index does not
 * fit the packing, or without memory. */
void core_dec_found(brt_table *t, struct core_dec *d, const struct brt_route *route,
		    const struct brt_nexthop *nh, const struct core_answer *a);
static inline uint64_t core_load_be64(const uint8_t *b)
{
	uint64_t x;

	memcpy(&x, b, 8);
	return __builtin_bswap64(x);
}

static inline void core_store_be64(uint8_t *b, uint64_t x)
{
	x = __builtin_bswap64(x);
	memcpy(b, &x, 8);
}

/* The first 64 bits of a mask of @len bits (0..64 and more). */
static inline uint64_t core_mask64(unsigned len)
{
	return len >= 64 ? ~UINT64_C(0) : len ? ~UINT64_C(0) << (64 - len) : 0;
}

/* Fill @r from a FOUND decision for destination @dst (the result's
 * prefix is @dst cut to the decision's length, which is the route's own,
 * core_dec_found checked): everything but rule_priority, and the source
 * unless the record holds it. Inline: it is every compiled answer's
 * tail, and a call costs what the rest of it does. */
static inline void core_dec_fill(const brt_table *t, const struct core_dec *d,
				 const struct brt_addr *dst, struct brt_result *r)
{
	unsigned len = core_dec_plen(d);
	uint8_t *out;

	*r = t->answers->tmpl[core_dec_ans(d)];
	out = r->prefix.addr.bytes;
	r->prefix.len = (uint8_t)len;
	if (dst->family == BRT_AF_INET) {	/* bytes 4..15 are zero */
		uint32_t x, m = len ? ~UINT32_C(0) << (32 - len) : 0;

		memcpy(&x, dst->bytes, 4);
		x = __builtin_bswap32(__builtin_bswap32(x) & m);
		memcpy(out, &x, 4);
	} else {
		core_store_be64(out, core_load_be64(dst->bytes) & core_mask64(len));
		core_store_be64(out + 8, core_load_be64(dst->bytes + 8) &
				core_mask64(len > 64 ? len - 64 : 0));
	}
	r->route = core_dec_route(d);
	r->nh = core_dec_nh(d);
}
/*
 * Whether the source selection of the family (Linux ipv6_dev_get_saddr,
 * Windows RFC 6724 and its IPv4 rules) gives one answer for every
 * destination inside @p: no host address lies inside it (so every
 * candidate's common prefix with the destination is one length), and no
 * special range (multicast, link-local, site-local, ORCHID, ::, ::1) or
 * address label prefix lies partly inside it.
 */
bool core_source_constant(const brt_table *t, const struct brt_prefix *p);

/* The decision of the longest group of @f holding @addr whose kind is not
 * NONE (the fallback chain walked), or NULL; *@slot its slot. */
const struct core_dec *core_dec_find(const struct brt_fib *f,
				     const uint8_t *addr, uint32_t *slot);

/* The same, from the group in slot @v (BRT_LPM_NONE: none) up. */
static inline const struct core_dec *core_dec_find_from(const struct brt_fib *f,
							uint32_t v, uint32_t *slot)
{
	while (v != BRT_LPM_NONE) {
		const struct core_dec *d = &f->dec[v];

		if (core_dec_kind(d) != CORE_DEC_NONE) {
			*slot = v;
			return d;
		}
		if (f->groups[v].parent < 0)
			break;
		v = (uint32_t)f->groups[v].parent;
	}
	return NULL;
}

/* The decision for @addr in @f, from the engine or the lookup's hint. */
static inline const struct core_dec *core_dec_lookup(const struct brt_lookup *lk,
						    const struct brt_fib *f,
						    const uint8_t *addr,
						    uint32_t *slot)
{
	if (lk->hint_fib == f)
		return core_dec_find_from(f, lk->hint_slot, slot);
	return core_dec_find(f, addr, slot);
}

/*
 * A policy's lookup_bulk for tables with decisions: per chunk of queries,
 * the engine's bulk lookup in each family's largest fib (the one most
 * answers come from), the decisions it names fetched ahead, then each
 * query answered by the policy's lookup_fast, or as brt_table_lookup
 * with that slot as its hint.
 */
void core_dec_lookup_bulk(const brt_table *t, const struct brt_query *q,
			  size_t n, struct brt_result *r);

/* Make f->dec hold a slot for each of f->n_groups (new ones NONE); a
 * large array in memory from the engine's page provider (lpm_pages_map:
 * huge pages on Linux, fewer TLB misses), a small one from calloc.
 * 0 or BRT_ENOMEM. */
int core_dec_reserve(struct brt_fib *f);
/* Release f->dec (what core_fib_free calls). */
void core_dec_release(struct brt_fib *f);
/* The slot of the group of @f whose prefix is @p, or -1. */
int32_t core_dec_slot_of(const struct brt_fib *f, const struct brt_prefix *p);
/* Build the decisions of every fib with @decide (a policy's). */
int core_dec_compile_all(brt_table *t,
			 void (*decide)(brt_table *t,
					const struct brt_fib *f,
					const struct brt_pgroup *g,
					struct core_dec *d));
/*
 * A fib's 16-bit filter: bit k set when one of its groups meets the
 * destinations whose first 16 bits are k, so that a destination whose
 * bit is clear need not be looked up there (it would find nothing).
 * Compiled rule chains and fib orders give one to their small fibs (the
 * local table), which most destinations miss. CORE_FILTER_WORDS words.
 */
#define CORE_FILTER_MAX 256	/* groups of a fib that gets one */
#define CORE_FILTER_WORDS (65536 / 64)

/* Set the bits of every group of @f in @w (zeroed by the caller). */
void core_filter_fill(uint64_t *w, const struct brt_fib *f);

/* Whether @dst may be in the fib of filter @w (NULL: always). */
static inline bool core_filter_may_hold(const uint64_t *w, const uint8_t *dst)
{
	unsigned k = (unsigned)dst[0] << 8 | dst[1];

	return !w || (w[k / 64] >> (k % 64) & 1);
}

/* Whether @t's decisions are built (compile succeeded, edits kept up). */
static inline bool core_dec_ready(const brt_table *t)
{
	return t->dec_ready;
}

#endif /* BRT_CORE_COMPILED_H */
