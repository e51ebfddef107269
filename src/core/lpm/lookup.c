/*
 * lookup.c - the readers' side: single and bulk lookups.
 *
 * Invariants relied on: a direct entry is loaded with acquire and
 * everything below it was written before it was published and is never
 * written again while a registered reader may hold it (arena.c); so a
 * lookup that starts from one loaded entry walks one consistent version.
 * The arena bases are loaded after the entry: a base at least as new as
 * the entry's blocks (an arena that moved keeps every published block in
 * both copies until a grace period has passed).
 * A small IPv4 table (small.c) is looked up in its range array instead.
 * The bulk lookups walk a batch level by level and prefetch each next
 * node or leaf, so the cache misses of a batch overlap instead of adding
 * up. With GCC, functions are cloned for CPUs with POPCNT (the common
 * case) and without.
 */
#include <string.h>

#include "lpm_impl.h"
#include "bestroute/bestroute.h"

/* clang 14 emits target_clones resolvers that do not link from a static
 * library with hidden visibility: clones are a gcc-only optimisation. */
#if defined(__x86_64__) && defined(__has_attribute) && !defined(__clang__)
#if __has_attribute(target_clones)
#define LPM_HOT __attribute__((target_clones("popcnt", "default")))
#endif
#endif
#ifndef LPM_HOT
#define LPM_HOT
#endif

/* lookups walked together: 32 was 3-5% faster than 16 on destinations
 * inside the table (more time between a prefetch and its use), 64 slower */
#define LPM_BATCH 32u

static inline unsigned popc(uint64_t x)
{
	return (unsigned)__builtin_popcountll(x);
}

static inline uint32_t entry_load(const struct brt_lpm *l, uint32_t i)
{
	return __atomic_load_n(&l->direct[i], __ATOMIC_ACQUIRE);
}

/* One step down from node @n at slot @s: a node index in *next (true),
 * or the number of the leaf run in the node in *next (false). */
static inline bool step(const struct lpm_node *n, unsigned s, uint32_t *next)
{
	uint64_t below = n->vec << (63 - s);

	if (below >> 63) {
		*next = n->base1 + popc(below) - 1;
		return true;
	}
	*next = popc(n->leafvec << (63 - s)) - 1;
	return false;
}

static inline unsigned slot4(uint64_t k, unsigned d)
{
	return (unsigned)(k >> (58 - d)) & 63;
}

static inline unsigned slot6(lpm_key k, unsigned d)
{
	if (d <= 122)
		return (unsigned)(k >> (122 - d)) & 63;
	return (unsigned)(k << (d - 122)) & 63;
}

/* The answer of run @run of node @n below a head with value @def. */
static inline uint32_t leaf_value(const struct brt_lpm *l, uint32_t def,
				  const struct lpm_node *n, uint32_t run)
{
	uint32_t v;

	if (lpm_inline(n))
		v = run ? n->base1 : n->base0;
	else
		v = ((const uint32_t *)lpm_base(&l->la))[n->base0 + run];
	return v == LPM_INHERIT ? def : v;
}

/* The answer below head entry @e (not a leaf entry) for key @k. */
#define LPM_HEAD_WALK(SLOT)						\
	do {								\
		const void *hb = lpm_base(&l->ha);			\
		const struct lpm_node *nodes, *n;			\
		const struct lpm_head *h;				\
		uint32_t next;						\
		if (e & LPM_SHORT) {					\
			const struct lpm_shead *sh = lpm_shead(hb, e);	\
			uint32_t v = sh->leaf[popc(sh->leafvec <<	\
						   (63 - (SLOT))) - 1];	\
			return v == LPM_INHERIT ? sh->def : v;		\
		}							\
		h = lpm_fhead(hb, e);					\
		nodes = lpm_base(&l->na);				\
		for (n = &h->n; step(n, SLOT, &next); n = &nodes[next])	\
			d += LPM_STRIDE;				\
		return leaf_value(l, h->def, n, next);			\
	} while (0)

/* A small table's answer: the last range starting at or before @a, by a
 * binary search whose steps compile to conditional moves. */
static inline uint32_t small4(const void *hb, uint32_t sm, uint32_t a)
{
	const struct lpm_small *t = lpm_small(hb, sm);
	const uint32_t *b = t->bound;
	unsigned half, i = 0, n = t->n;

	for (half = n / 2; half; half /= 2)
		i = b[i + half] <= a ? i + half : i;
	return b[n + i];
}

/* Eight small-table lookups in lockstep: eight independent chains of
 * loads for the CPU to overlap. */
static inline void small4_8(const void *hb, uint32_t sm, const uint32_t *a,
			    uint32_t *out)
{
	const struct lpm_small *t = lpm_small(hb, sm);
	const uint32_t *b = t->bound;
	unsigned half, j, n = t->n, i[8] = { 0 };

	for (half = n / 2; half; half /= 2)
		for (j = 0; j < 8; j++)
			i[j] = b[i[j] + half] <= a[j] ? i[j] + half : i[j];
	for (j = 0; j < 8; j++)
		out[j] = b[n + i[j]];
}

static inline uint32_t small_load(const struct brt_lpm *l)
{
	return __atomic_load_n(&l->small, __ATOMIC_ACQUIRE);
}

/* A full head's walk for an IPv4 key: out of line, so that the common
 * path (leaf entry or short head) saves no registers and stays short
 * enough for the CPU to keep several independent lookups in flight. */
__attribute__((noinline)) LPM_HOT static uint32_t
full4(const struct brt_lpm *l, const void *hb, uint32_t e, uint32_t a)
{
	const struct lpm_node *nodes = lpm_base(&l->na), *n;
	const struct lpm_head *h = lpm_fhead(hb, e);
	uint64_t k = (uint64_t)a << 32;
	unsigned d = l->dbits;
	uint32_t next;

	for (n = &h->n; step(n, slot4(k, d), &next); n = &nodes[next])
		d += LPM_STRIDE;
	return leaf_value(l, h->def, n, next);
}

/* The answer of short head entry @e for key slot @s. */
static inline uint32_t short_value(const void *hb, uint32_t e, unsigned s)
{
	const struct lpm_shead *sh = lpm_shead(hb, e);
	uint32_t v = sh->leaf[popc(sh->leafvec << (63 - s)) - 1];

	return v == LPM_INHERIT ? sh->def : v;
}

/* The answer for @a from the direct table (not a small table's). */
static inline __attribute__((always_inline)) uint32_t
lookup4(const struct brt_lpm *l, uint32_t a, unsigned d)
{
	uint32_t e = entry_load(l, a >> (32 - d));
	const void *hb;

	if (e & LPM_LEAF)
		return e & ~LPM_LEAF;
	hb = lpm_base(&l->ha);
	if (__builtin_expect(!(e & LPM_SHORT), 0))
		return full4(l, hb, e, a);
	/* dbits <= 26 for IPv4: the slot is within the address */
	return short_value(hb, e, (a >> (26 - d)) & 63);
}

LPM_HOT uint32_t brt_lpm4_lookup(const struct brt_lpm *l, uint32_t a)
{
	uint32_t sm = small_load(l);
	unsigned d = l->dbits;

	if (__builtin_expect(sm != LPM_NIL, 0))
		return small4(lpm_base(&l->ha), sm, a);
	return lookup4(l, a, d);
}

/* The key of an IPv6 address: two big-endian 64-bit loads (a byte loop
 * of 128-bit shifts costs more than the rest of a uniform lookup). */
static inline lpm_key key6(const uint8_t *a)
{
	uint64_t hi, lo;

	memcpy(&hi, a, 8);
	memcpy(&lo, a + 8, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	hi = __builtin_bswap64(hi);
	lo = __builtin_bswap64(lo);
#endif
	return (lpm_key)hi << 64 | lo;
}

LPM_HOT uint32_t brt_lpm6_lookup(const struct brt_lpm *l, const uint8_t *a)
{
	lpm_key k = key6(a);
	uint32_t e = entry_load(l, (uint32_t)(k >> (128 - l->dbits)));
	unsigned d = l->dbits;

	if (e & LPM_LEAF)
		return e & ~LPM_LEAF;
	LPM_HEAD_WALK(slot6(k, d));
}

uint32_t brt_lpm_lookup(const struct brt_lpm *l, const uint8_t *addr)
{
	if (l->family == BRT_AF_INET)
		return brt_lpm4_lookup(l, (uint32_t)addr[0] << 24 |
				       (uint32_t)addr[1] << 16 |
				       (uint32_t)addr[2] << 8 | addr[3]);
	return brt_lpm6_lookup(l, addr);
}

/*
 * The batch walk shared by both families: @e holds the loaded direct
 * entries, SLOT gives lookup i's slot at depth d. Every head is
 * prefetched first (a short head's first two lines: most of its leaves
 * are there); short heads then give their leaf at once, full heads walk
 * their nodes level by level (pending lookups compacted into idx[]), and
 * their leaves are read last.
 */
#define LPM_BATCH_WALK(SLOT)						\
	do {								\
		const void *hb = lpm_base(&l->ha);			\
		const struct lpm_node *nodes = lpm_base(&l->na);	\
		const struct lpm_node *cur[LPM_BATCH];			\
		const uint32_t *leaves = lpm_base(&l->la);		\
		unsigned i, j, np = 0, ns = 0, nl = 0, d = l->dbits;	\
		uint8_t idx[LPM_BATCH], sidx[LPM_BATCH], lidx[LPM_BATCH]; \
		uint32_t next[LPM_BATCH];				\
		for (i = 0; i < n; i++) {				\
			if (e[i] & LPM_LEAF) {				\
				out[i] = e[i] & ~LPM_LEAF;		\
				continue;				\
			}						\
			if (e[i] & LPM_SHORT) {				\
				const char *p = (const char *)		\
					lpm_shead(hb, e[i]);		\
				__builtin_prefetch(p);			\
				__builtin_prefetch(p + 64);		\
				sidx[ns++] = (uint8_t)i;		\
				continue;				\
			}						\
			cur[i] = &lpm_fhead(hb, e[i])->n;		\
			__builtin_prefetch(cur[i]);			\
			idx[np++] = (uint8_t)i;				\
		}							\
		for (j = 0; j < ns; j++) {				\
			const struct lpm_shead *shd;			\
			i = sidx[j];					\
			shd = lpm_shead(hb, e[i]);			\
			out[i] = shd->leaf[popc(shd->leafvec <<		\
						(63 - (SLOT))) - 1];	\
			if (out[i] == LPM_INHERIT)			\
				out[i] = shd->def;			\
		}							\
		while (np) {						\
			unsigned keep = 0;				\
			for (j = 0; j < np; j++) {			\
				i = idx[j];				\
				if (step(cur[i], SLOT, &next[i])) {	\
					cur[i] = &nodes[next[i]];	\
					__builtin_prefetch(cur[i]);	\
					idx[keep++] = (uint8_t)i;	\
				} else if (lpm_inline(cur[i])) {	\
					out[i] = leaf_value(l,		\
						lpm_fhead(hb, e[i])->def, \
						cur[i], next[i]);	\
				} else {				\
					next[i] += cur[i]->base0;	\
					__builtin_prefetch(&leaves[next[i]]); \
					lidx[nl++] = (uint8_t)i;	\
				}					\
			}						\
			np = keep;					\
			d += LPM_STRIDE;				\
		}							\
		for (j = 0; j < nl; j++) {				\
			i = lidx[j];					\
			out[i] = leaves[next[i]];			\
			if (out[i] == LPM_INHERIT)			\
				out[i] = lpm_fhead(hb, e[i])->def;	\
		}							\
	} while (0)

static unsigned batch_len(size_t n, size_t i)
{
	return i >= n ? 0 : (unsigned)(n - i < LPM_BATCH ? n - i : LPM_BATCH);
}

/* Bulk IPv4 lookups are a stream: the direct entry of lookup i +
 * LPM_AHEAD_E and the short head of lookup i + LPM_AHEAD_H are
 * fetched while lookup i is answered. */
#ifndef LPM_AHEAD_E
#define LPM_AHEAD_E 16u
#define LPM_AHEAD_H 8u
#endif

/* Fetch the short head of @a's entry (or a line already in cache: a
 * select, not a branch, which would be mispredicted once in six). */
static inline void head_ahead4(const struct brt_lpm *l, uint32_t a,
			       unsigned sh)
{
	uint32_t e = entry_load(l, a >> sh);
	const char *p = (const char *)lpm_shead(lpm_base(&l->ha), e);

	p = (e >> 30) == 1 ? p : (const char *)l;
	__builtin_prefetch(p);
	__builtin_prefetch(p + 64);
}

/* Lookups @a[0..n) as a stream: see LPM_AHEAD_E. */
/* always inlined: a helper the compiler keeps apart is not cloned for
 * POPCNT with the LPM_HOT function that calls it */
static inline __attribute__((always_inline)) void
stream4(const struct brt_lpm *l, const uint32_t *a, uint32_t *out, size_t n,
	unsigned d)
{
	unsigned sh = 32 - d;
	size_t i;

	for (i = 0; i < n && i < LPM_AHEAD_E; i++)
		__builtin_prefetch(&l->direct[a[i] >> sh]);
	for (i = 0; i < n && i < LPM_AHEAD_H; i++)
		head_ahead4(l, a[i], sh);
	for (i = 0; i + LPM_AHEAD_E < n; i++) {
		__builtin_prefetch(&l->direct[a[i + LPM_AHEAD_E] >> sh]);
		head_ahead4(l, a[i + LPM_AHEAD_H], sh);
		out[i] = lookup4(l, a[i], d);
	}
	for (; i < n; i++) {
		if (i + LPM_AHEAD_H < n)
			head_ahead4(l, a[i + LPM_AHEAD_H], sh);
		out[i] = lookup4(l, a[i], d);
	}
}

LPM_HOT void brt_lpm4_lookup_bulk(const struct brt_lpm *l, const uint32_t *a,
				  uint32_t *out, size_t n)
{
	unsigned d = l->dbits;
	uint32_t sm = small_load(l);
	size_t i;

	if (sm != LPM_NIL) {
		const void *hb = lpm_base(&l->ha);

		for (i = 0; i + 8 <= n; i += 8)
			small4_8(hb, sm, a + i, out + i);
		for (; i < n; i++)
			out[i] = small4(hb, sm, a[i]);
		return;
	}
	stream4(l, a, out, n, d);
}

LPM_HOT static void batch6(const struct brt_lpm *l, const uint8_t (*a)[16],
			   uint32_t *out, unsigned n, const uint8_t (*ahead)[16],
			   unsigned na)
{
	uint32_t e[LPM_BATCH];
	lpm_key k[LPM_BATCH];
	unsigned sh = 128 - l->dbits, t;

	for (t = 0; t < n; t++) {
		k[t] = key6(a[t]);
		e[t] = entry_load(l, (uint32_t)(k[t] >> sh));
	}
	for (t = 0; t < na; t++)
		__builtin_prefetch(&l->direct[(uint32_t)(key6(ahead[t]) >> sh)]);
	LPM_BATCH_WALK(slot6(k[i], d));
}

LPM_HOT void brt_lpm6_lookup_bulk(const struct brt_lpm *l,
				  const uint8_t (*a)[16], uint32_t *out,
				  size_t n)
{
	unsigned sh = 128 - l->dbits, t;
	size_t i;

	for (t = 0; t < batch_len(n, 0); t++)
		__builtin_prefetch(&l->direct[(uint32_t)(key6(a[t]) >> sh)]);
	for (i = 0; i < n; i += LPM_BATCH)
		batch6(l, a + i, out + i, batch_len(n, i),
		       a + (i + LPM_BATCH < n ? i + LPM_BATCH : 0),
		       batch_len(n, i + LPM_BATCH));
}
