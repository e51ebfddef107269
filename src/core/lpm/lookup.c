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
 * Bulk lookups overlap their cache misses: IPv4 by chunks, whose direct
 * entries are read in one pass (nearly every IPv4 lookup ends there or at
 * a short head) and whose heads are then read as a stream, each fetched
 * ahead; IPv6 in batches walked level by level, each next node or leaf
 * prefetched for the whole batch. With GCC, functions are cloned
 * for CPUs with POPCNT (the common case) and without.
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

/* Entry @i of direct table @dir (l->direct: it never moves, so bulk
 * lookups load the pointer once). */
static inline uint32_t entry_load(const uint32_t *dir, uint32_t i)
{
	return __atomic_load_n(&dir[i], __ATOMIC_ACQUIRE);
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

/* The same without a branch on LPM_INHERIT, for chunks of more than
 * 3 leaves in 4: destinations mostly outside any prefix longer than
 * dbits, which find it often (7% faster on uniform destinations; where
 * it is never found, inside the table or in chunks of fewer leaves, the
 * branch was 10-15% faster). */
static inline uint32_t short_value_nb(const void *hb, uint32_t e, unsigned s)
{
	const struct lpm_shead *sh = lpm_shead(hb, e);
	uint32_t def = sh->def;
	uint32_t v = sh->leaf[popc(sh->leafvec << (63 - s)) - 1];
	uint32_t inherit = -(uint32_t)(v == LPM_INHERIT);

	return (v & ~inherit) | (def & inherit);
}

/* The answer for @a from the direct table (not a small table's). */
static inline __attribute__((always_inline)) uint32_t
lookup4(const struct brt_lpm *l, uint32_t a, unsigned d)
{
	uint32_t e = entry_load(l->direct, a >> (32 - d));
	const void *hb;

	if (e & LPM_LEAF)
		return e & ~LPM_LEAF;
	hb = lpm_base(&l->ha);
	if (__builtin_expect(!(e & LPM_SHORT), 0))
		return full4(l, hb, e, a);
	/* dbits <= 26 for IPv4: the slot is within the address */
	return short_value(hb, e, (a >> (26 - d)) & 63);
}

/*
 * A large table's direct table has LPM_DBITS_LARGE bits: its lookups
 * take a copy of the code with the shifts as constants, so that the
 * direct entry's address depends on the address alone and not also on
 * the load of l->dbits. The branch is predicted, and with this single
 * lookups inside the full IPv4 table ran 10-15% faster (126-133 ->
 * 141-148 M/s, throwaway harness, alternating builds; the bulk lookups
 * load dbits once a call and gained nothing from the same copy). The
 * empty asm keeps the compiler from merging the two copies back into
 * one, which it may do since both compute the same thing.
 */
LPM_HOT uint32_t lpm4_lookup(const struct brt_lpm *l, uint32_t a)
{
	uint32_t sm = small_load(l);
	unsigned d = l->dbits;

	if (__builtin_expect(sm != LPM_NIL, 0))
		return small4(lpm_base(&l->ha), sm, a);
	if (__builtin_expect(d == LPM_DBITS_LARGE, 1))
		return lookup4(l, a, LPM_DBITS_LARGE);
	__asm__("" : "+r"(d));
	return lookup4(l, a, d);
}

/* An IPv6 address as two big-endian 64-bit words (a byte loop of
 * 128-bit shifts cost more than the rest of a uniform lookup). */
static inline void key6(const uint8_t *a, uint64_t *hi, uint64_t *lo)
{
	memcpy(hi, a, 8);
	memcpy(lo, a + 8, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	*hi = __builtin_bswap64(*hi);
	*lo = __builtin_bswap64(*lo);
#endif
}

/* Drop the first @d bits (0 < d < 64) of the key: the walk below a head
 * reads its next slot from the top 6 bits, with no 128-bit shifts. */
static inline void key6_skip(uint64_t *hi, uint64_t *lo, unsigned d)
{
	*hi = *hi << d | *lo >> (64 - d);
	*lo <<= d;
}

/* The walk below full head @h; @hi holds the key from depth dbits on. */
static inline __attribute__((always_inline)) uint32_t
walk6(const struct brt_lpm *l, const struct lpm_head *h, uint64_t hi,
      uint64_t lo)
{
	const struct lpm_node *nodes = lpm_base(&l->na), *n = &h->n;
	uint32_t next;

	while (step(n, (unsigned)(hi >> 58), &next)) {
		n = &nodes[next];
		key6_skip(&hi, &lo, LPM_STRIDE);
	}
	return leaf_value(l, h->def, n, next);
}

/* The answer for IPv6 address @a. */
static inline __attribute__((always_inline)) uint32_t
lookup6(const struct brt_lpm *l, const uint8_t *a, unsigned d)
{
	uint64_t hi, lo;
	const void *hb;
	uint32_t e;

	key6(a, &hi, &lo);
	e = entry_load(l->direct, (uint32_t)(hi >> (64 - d)));
	if (e & LPM_LEAF)
		return e & ~LPM_LEAF;
	hb = lpm_base(&l->ha);
	key6_skip(&hi, &lo, d);
	if (e & LPM_SHORT)
		return short_value(hb, e, (unsigned)(hi >> 58));
	return walk6(l, lpm_fhead(hb, e), hi, lo);
}

LPM_HOT uint32_t lpm6_lookup(const struct brt_lpm *l, const uint8_t *a)
{
	return lookup6(l, a, l->dbits);
}

uint32_t lpm_lookup(const struct brt_lpm *l, const uint8_t *addr)
{
	if (l->family == BRT_AF_INET)
		return lpm4_lookup(l, (uint32_t)addr[0] << 24 |
				       (uint32_t)addr[1] << 16 |
				       (uint32_t)addr[2] << 8 | addr[3]);
	return lpm6_lookup(l, addr);
}

static unsigned batch_len(size_t n, size_t i)
{
	return i >= n ? 0 : (unsigned)(n - i < LPM_BATCH ? n - i : LPM_BATCH);
}

/*
 * Bulk IPv4 lookups go by chunks of LPM_CHUNK. A first pass loads every
 * direct entry (each fetched LPM_AHEAD_E lookups ahead), writes the
 * answers of leaf entries and lists the other entries, with no branch on
 * the kind of entry; then the listed heads are answered as a stream over
 * the list, each head fetched LPM_AHEAD_H heads ahead (the first pass
 * left their entries in the answer array, so no fetch waits for
 * another). Uniform destinations end at a leaf entry 83% of the time,
 * destinations inside the table at a short head 92% of the time, and
 * this one form serves both and their mixes. It replaced, in a
 * throwaway harness (1M lookups, best of 7, alternating builds), a
 * switch by chunk between this form with every head fetched at once and
 * a stream over the lookups (direct entry 16 ahead, short head 8 ahead,
 * answered with the single lookup's code), which branched on the kind
 * of entry twice a lookup and mispredicted whenever kinds mixed: inside
 * the table 190-193 -> 204-213 M/s, in cache 257-261 -> 330-336, 20/80
 * and 50/50 mixes of uniform and inside destinations 6-13% faster,
 * uniform destinations unchanged. Fetching a chunk's heads all at once
 * and then reading them was 10% slower inside the table; head distances
 * of 16 did as well as 8, 32 worse; chunks of 128 as well as 64.
 */
#define LPM_AHEAD_E 16u
#define LPM_AHEAD_H 8u
#define LPM_CHUNK 64u

/*
 * A chunk lists its heads eight lookups at a time: the first pass
 * folds the eight entries' LPM_LEAF bits into a byte (lookup k at bit
 * 7 - k), and heads8[byte] is the positions of the other entries, packed
 * one a byte in order, stored with one 8-byte store. Listing each head
 * as it came (a store whose address depends on the count of heads so
 * far, so on every entry loaded before) kept the pass at 550 M/s where
 * it ran at 850 without the list; the packed list brought uniform bulk
 * lookups from about 400 to 440 M/s. The table is built by the
 * preprocessor: HEADS8_K(x, k) places position k when lookup k of mask
 * x is a head, at the byte after the heads before it.
 */
#define POP8(x)								\
	(((x) & 1) + ((x) >> 1 & 1) + ((x) >> 2 & 1) + ((x) >> 3 & 1) +	\
	 ((x) >> 4 & 1) + ((x) >> 5 & 1) + ((x) >> 6 & 1) + ((x) >> 7 & 1))
#define HEADS8_K(x, k)							\
	(((x) >> (7 - (k)) & 1) ? 0 :					\
	 (uint64_t)(k) << (8 * ((k) - POP8((x) >> (8 - (k))))))
#define HEADS8(x)							\
	(HEADS8_K(x, 1) | HEADS8_K(x, 2) | HEADS8_K(x, 3) |		\
	 HEADS8_K(x, 4) | HEADS8_K(x, 5) | HEADS8_K(x, 6) | HEADS8_K(x, 7))
#define HEADS8_4(x) HEADS8(x), HEADS8(x + 1), HEADS8(x + 2), HEADS8(x + 3)
#define HEADS8_16(x)							\
	HEADS8_4(x), HEADS8_4(x + 4), HEADS8_4(x + 8), HEADS8_4(x + 12)
#define HEADS8_64(x)							\
	HEADS8_16(x), HEADS8_16(x + 16), HEADS8_16(x + 32),		\
	HEADS8_16(x + 48)

static const uint64_t heads8[256] = {
	HEADS8_64(0), HEADS8_64(64), HEADS8_64(128), HEADS8_64(192)
};

/* One lookup of a chunk's first pass: the answer goes to out[j]
 * (for a head, its entry, read again by the second part), its LPM_LEAF
 * bit into @lm. */
#define ENTRY4(j)							\
	do {								\
		uint32_t e_ = entry_load(dir, a[j] >> sh);		\
		out[j] = e_ & ~LPM_LEAF;				\
		lm = lm * 2 + (e_ >> 31);				\
	} while (0)

/* Eight lookups @a[j..j+8) of a chunk's first pass, listing their heads
 * at @pend + *np (@ahead: fetch the direct entries LPM_AHEAD_E further). */
static inline __attribute__((always_inline)) void
entries4_8(const uint32_t *dir, const uint32_t *a, unsigned j, unsigned sh,
	   bool ahead, uint8_t *pend, unsigned *np, uint32_t *out)
{
	unsigned k, lm = 0;
	uint64_t v;

#pragma GCC unroll 8
	for (k = j; k < j + 8; k++) {
		if (ahead)
			__builtin_prefetch(&dir[a[k + LPM_AHEAD_E] >> sh]);
		ENTRY4(k);
	}
	/* *np <= j: the 8 bytes stay within the chunk's room */
	v = heads8[lm] + j * 0x0101010101010101ull;
	memcpy(pend + *np, &v, sizeof(v));
	*np += 8 - popc(lm);
}

/* The first pass of a chunk @a[0..m) (@na addresses readable from
 * a: the direct entries LPM_AHEAD_E ahead are fetched). Returns how many
 * entries it listed in @pend (LPM_CHUNK room) that are not leaves.
 * Groups of eight run to the chunk's last full group even where no
 * address is left to fetch ahead (the chunk of a call of 64 lookups used
 * to take the one-by-one path throughout). */
static inline __attribute__((always_inline)) unsigned
entries4(const uint32_t *dir, const uint32_t *a, unsigned m, size_t na,
	 unsigned sh, uint8_t *pend, uint32_t *out)
{
	unsigned j = 0, np = 0, grouped = m & ~7u, fetching = 0;

	if (na >= LPM_AHEAD_E + 8)
		fetching = (unsigned)(na - LPM_AHEAD_E < m ?
				      na - LPM_AHEAD_E : m) & ~7u;
	for (; j < fetching; j += 8)
		entries4_8(dir, a, j, sh, true, pend, &np, out);
	for (; j < grouped; j += 8)
		entries4_8(dir, a, j, sh, false, pend, &np, out);
	for (; j < m; j++) {
		unsigned lm = 0;

		if (j + LPM_AHEAD_E < na)
			__builtin_prefetch(&dir[a[j + LPM_AHEAD_E] >> sh]);
		ENTRY4(j);
		pend[np] = (uint8_t)j;
		np += !lm;
	}
	return np;
}
#undef ENTRY4

/* Fetch the head of entry @e (short or full) in head arena @hb. */
static inline void head_fetch(const void *hb, uint32_t e)
{
	const char *p = (const char *)lpm_fhead(hb, e & ~LPM_SHORT);

	__builtin_prefetch(p);
	__builtin_prefetch(p + 64);
}

/* The answers of the heads a chunk listed (@pend[0..np)), their entries
 * in @out, each head fetched LPM_AHEAD_H ahead (the first ones were).
 * @nb: mostly uniform destinations (short_value_nb). */
static inline __attribute__((always_inline)) void
heads4(const struct brt_lpm *l, const void *hb, const uint32_t *a,
       uint32_t *out, const uint8_t *pend, unsigned np, unsigned d, bool nb)
{
	unsigned j;

	for (j = 0; j < np; j++) {
		unsigned t = pend[j], s = (a[t] >> (26 - d)) & 63;
		uint32_t e = out[t];

		if (j + LPM_AHEAD_H < np)
			head_fetch(hb, out[pend[j + LPM_AHEAD_H]]);
		if (__builtin_expect(!(e & LPM_SHORT), 0))
			out[t] = full4(l, hb, e, a[t]);
		else if (nb)
			out[t] = short_value_nb(hb, e, s);
		else
			out[t] = short_value(hb, e, s);
	}
}

/* The chunk @a[0..m) (@na addresses readable from a). */
static inline __attribute__((always_inline)) void
chunk4(const struct brt_lpm *l, const uint32_t *dir, const uint32_t *a,
       uint32_t *out, unsigned m, size_t na, unsigned d)
{
	uint8_t pend[LPM_CHUNK];
	unsigned j, np = entries4(dir, a, m, na, 32 - d, pend, out);
	const void *hb = lpm_base(&l->ha);	/* after the entries */

	for (j = 0; j < np && j < LPM_AHEAD_H; j++)
		head_fetch(hb, out[pend[j]]);
	if (4 * np < m)
		heads4(l, hb, a, out, pend, np, d, true);
	else
		heads4(l, hb, a, out, pend, np, d, false);
}

/* Lookups @a[0..n) by chunks (above). */
static inline __attribute__((always_inline)) void
bulk4(const struct brt_lpm *l, const uint32_t *a, uint32_t *out, size_t n,
      unsigned d)
{
	const uint32_t *dir = l->direct;
	unsigned sh = 32 - d, m;
	size_t i;

	for (i = 0; i < n && i < LPM_AHEAD_E; i++)
		__builtin_prefetch(&dir[a[i] >> sh]);
	for (i = 0; i < n; i += m) {
		m = n - i < LPM_CHUNK ? (unsigned)(n - i) : LPM_CHUNK;
		chunk4(l, dir, a + i, out + i, m, n - i, d);
	}
}

LPM_HOT void lpm4_lookup_bulk(const struct brt_lpm *l, const uint32_t *a,
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
	bulk4(l, a, out, n, d);
}

/* Where the word of run @run of node @n is: in the node itself when it
 * keeps its leaves inline (base0, base1), else in the leaf arena. */
static inline const uint32_t *leaf_word(const uint32_t *leaves,
				       const struct lpm_node *n, unsigned run)
{
	if (lpm_inline(n))
		return run ? &n->base1 : &n->base0;
	return leaves + n->base0 + run;
}

/* The 6 bits of key @hi:@lo at bit @off (58 < off <= 122: below it
 * level6 reads the high word alone). */
static inline unsigned bits6(uint64_t hi, uint64_t lo, unsigned off)
{
	if (off < 64)
		hi = hi << off | lo >> (64 - off);
	else
		hi = lo << (off - 64);
	return (unsigned)(hi >> 58);
}

/*
 * One level of the walk for the pending lookups idx[0..np) of a batch,
 * all at the same depth (@off bits below their head): each steps from its
 * node p[i] to its child or its leaf word and prefetches it. Returns how
 * many go on, kept in idx; appends the ones that stopped to lidx. (A
 * branch-free form, the stop as data, measured 15% slower: the CPU runs
 * ahead on its guesses.) @high: off <= 58, so the 6 bits are in the high
 * word and the low word's part of bits6() is shifted out anyway.
 */
static inline __attribute__((always_inline)) unsigned
level6(const struct lpm_node *nodes, const uint32_t *leaves,
       const void **p, const uint64_t *hi, const uint64_t *lo,
       unsigned off, uint8_t *idx, unsigned np, uint8_t *lidx,
       unsigned *nl, bool high)
{
	unsigned j, keep = 0, stop = *nl;

	for (j = 0; j < np; j++) {
		unsigned i = idx[j];
		unsigned s = high ? (unsigned)(hi[i] << off >> 58) :
			bits6(hi[i], lo[i], off);
		const struct lpm_node *n = p[i];
		uint64_t below = n->vec << (63 - s);

		if (below >> 63) {
			p[i] = &nodes[n->base1 + popc(below) - 1];
			idx[keep++] = (uint8_t)i;
		} else {
			p[i] = leaf_word(leaves, n,
					 popc(n->leafvec << (63 - s)) - 1);
			lidx[stop++] = (uint8_t)i;
		}
		__builtin_prefetch(p[i]);
	}
	*nl = stop;
	return keep;
}

/* The walks below the full heads of a batch, idx[0..np) (node p[i], key
 * hi/lo after the direct bits), level by level down to their leaf words,
 * left in p[i]; returns how many it listed in @lidx (all np, in the order
 * they stopped). */
static inline __attribute__((always_inline)) unsigned
walk6_batch(const struct brt_lpm *l, const void **p, const uint64_t *hi,
	    const uint64_t *lo, uint8_t *idx, unsigned np, uint8_t *lidx)
{
	const struct lpm_node *nodes = lpm_base(&l->na);
	const uint32_t *leaves = lpm_base(&l->la);
	unsigned off, nl = 0;

	for (off = 0; np && off <= 58; off += LPM_STRIDE)
		np = level6(nodes, leaves, p, hi, lo, off, idx, np, lidx, &nl,
			    true);
	for (; np; off += LPM_STRIDE)
		np = level6(nodes, leaves, p, hi, lo, off, idx, np, lidx, &nl,
			    false);
	return nl;
}

static inline void entry_ahead6(const struct brt_lpm *l, const uint8_t *a,
				unsigned d)
{
	uint64_t hi, lo;

	key6(a, &hi, &lo);
	__builtin_prefetch(&l->direct[(uint32_t)(hi >> (64 - d))]);
}

/*
 * An IPv6 batch @a[0..n) while the direct entries of the next @na
 * addresses (@ahead) are fetched. Every head is prefetched first, then
 * the batch walks level by level (level6), and the leaf words are read
 * last; short heads (no children) give their leaf after the first level.
 */
LPM_HOT static void batch6(const struct brt_lpm *l, const uint8_t (*a)[16],
			   uint32_t *out, unsigned n, const uint8_t (*ahead)[16],
			   unsigned na)
{
	uint64_t hi[LPM_BATCH], lo[LPM_BATCH];
	const void *p[LPM_BATCH], *hb;
	uint32_t e[LPM_BATCH];
	uint8_t idx[LPM_BATCH], lidx[LPM_BATCH], sidx[LPM_BATCH];
	unsigned d = l->dbits, t, j, np = 0, nl, ns = 0;

	for (t = 0; t < n; t++) {
		key6(a[t], &hi[t], &lo[t]);
		e[t] = entry_load(l->direct, (uint32_t)(hi[t] >> (64 - d)));
	}
	for (t = 0; t < na; t++)
		entry_ahead6(l, ahead[t], d);
	hb = lpm_base(&l->ha);
	for (t = 0; t < n; t++) {
		if (e[t] & LPM_LEAF) {
			out[t] = e[t] & ~LPM_LEAF;
			continue;
		}
		key6_skip(&hi[t], &lo[t], d);
		if (e[t] & LPM_SHORT) {
			__builtin_prefetch(lpm_shead(hb, e[t]));
			sidx[ns++] = (uint8_t)t;
			continue;
		}
		p[t] = &lpm_fhead(hb, e[t])->n;
		__builtin_prefetch(p[t]);
		idx[np++] = (uint8_t)t;
	}
	nl = walk6_batch(l, p, hi, lo, idx, np, lidx);
	for (j = 0; j < ns; j++) {
		t = sidx[j];
		out[t] = short_value(hb, e[t], (unsigned)(hi[t] >> 58));
	}
	for (j = 0; j < nl; j++) {
		uint32_t v;

		t = lidx[j];
		v = *(const uint32_t *)p[t];
		out[t] = v == LPM_INHERIT ? lpm_fhead(hb, e[t])->def : v;
	}
}

LPM_HOT void lpm6_lookup_bulk(const struct brt_lpm *l,
				  const uint8_t (*a)[16], uint32_t *out,
				  size_t n)
{
	unsigned d = l->dbits;
	size_t i;

	for (i = 0; i < batch_len(n, 0); i++)
		entry_ahead6(l, a[i], d);
	for (i = 0; i < n; i += LPM_BATCH)
		batch6(l, a + i, out + i, batch_len(n, i),
		       a + (i + LPM_BATCH < n ? i + LPM_BATCH : 0),
		       batch_len(n, i + LPM_BATCH));
}
