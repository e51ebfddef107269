/*
 * lpm_impl.h - what the files of the lpm engine share (not an API).
 *
 * Keys are 128-bit, left-aligned: an IPv4 address sits in the top 32 bits
 * and the bits past the family's width are zero, so one slot function
 * serves both families (the last IPv4 or IPv6 stride reads zeros past the
 * end; a prefix that ends there paints every slot it covers).
 *
 * Direct entry: LPM_LEAF|value (the longest prefix of length <= dbits),
 * or the index of a head: the node at depth dbits plus that value (def).
 * A head whose node has no children (nearly all IPv4 heads) is a short
 * head, LPM_SHORT|index: leaf vector, def and the leaves themselves in
 * one block, so the common /24 lookup finds its leaf in the cache line it
 * read the leaf vector from (or the next one) instead of taking another
 * miss in the leaf arena, and the full IPv4 table stays under 8 bytes a
 * prefix (no 32-byte head, no leaf index).
 * Leaves below a head hold only what prefixes longer than dbits give, and
 * LPM_INHERIT elsewhere, so a short prefix never rewrites a subtree.
 * Node: bit s of vec set = slot s descends to children[popcount below s];
 * else the slot's value is leaves[base0 + popcount(leafvec up to s) - 1],
 * where leafvec marks each leaf slot whose value differs from the leaf
 * slot before it (child slots are skipped), so runs are stored once.
 * A node without children and at most two runs keeps its leaves itself,
 * in base0 and base1 (lpm_inline): most deep IPv6 nodes hold one prefix
 * (two or three runs), and this saves their lookups the leaf read.
 * A node exists exactly where the control trie holds some prefix longer
 * than the node's depth under it: the form is canonical, which is what
 * lpm_check() compares against. An IPv4 table of at most
 * LPM_SMALL_MAX prefixes also has a range array (small.c), which lookups
 * use instead; it too is canonical.
 */
#ifndef BRT_LPM_IMPL_H
#define BRT_LPM_IMPL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lpm.h"

typedef unsigned __int128 lpm_key;

#define LPM_LEAF 0x80000000u
#define LPM_NIL UINT32_MAX
#define LPM_STRIDE 6u
/* leaf value below a head: no prefix longer than dbits covers the address,
 * the answer is the head's def */
#define LPM_INHERIT 0x7ffffffeu
/* head entry (LPM_LEAF clear): a short head; test LPM_LEAF first, a leaf
 * entry's value may have this bit set */
#define LPM_SHORT 0x40000000u
#define LPM_HEAD_UNIT 16u	/* head arena element: short head 1, full 2 */
/* The direct table's bits for tables of 4096 prefixes or more (lpm.c);
 * single IPv4 lookups have a copy of their code for it (lookup.c). */
#define LPM_DBITS_LARGE 18u

enum lpm_kind { LPM_K_NODE, LPM_K_LEAF, LPM_K_HEAD };

struct lpm_node {
	uint64_t vec;		/* slots that have a child node */
	uint64_t leafvec;	/* leaf slots that start a run */
	uint32_t base0;		/* first leaf, in the leaf arena */
	uint32_t base1;		/* first child, in the node arena */
};

/* What a direct entry points to: the node at depth dbits, and the value
 * of the longest prefix of length <= dbits there (for LPM_INHERIT leaves).
 * Both are published together, by one store of the direct entry. */
struct lpm_head {
	struct lpm_node n;
	uint32_t def;
	uint32_t pad;
};

static inline bool lpm_inline(const struct lpm_node *n)
{
	return !n->vec && __builtin_popcountll(n->leafvec) <= 2;
}

/* A head of a node without children (direct entry LPM_SHORT|index),
 * followed by its popcount(leafvec) leaves: lpm_short_units() units. */
struct lpm_shead {
	uint64_t leafvec;
	uint32_t def;
	uint32_t leaf[];	/* at offset 12 */
};

/* Control trie node: a prefix (has) or a branch point (two children). */
struct lpm_tnode {
	lpm_key key;
	uint32_t child[2];
	uint32_t value;
	uint8_t len;
	uint8_t has;
};

struct lpm_trie {
	struct lpm_tnode *n;	/* n[0] is the root, /0, never freed */
	uint32_t cap, used, free_head, nfree;
	size_t prefixes;
	unsigned sbits;		/* slot depth: the direct table's bits */
	uint32_t *slot;		/* 2^sbits: the node of length sbits there,
				 * or LPM_NIL (trie.c) */
};

struct lpm_u32vec {
	uint32_t *v;
	size_t n, cap;
};

/*
 * Blocks of 1..64 elements carved from one mapping. When it is full the
 * writer maps one twice as large, copies, and publishes the new base; the
 * old mapping is unmapped only after a grace period (arena.c), so a reader
 * may finish a lookup on either copy. Readers load base after the direct
 * entry (lpm_base()), so an entry never leads them to a base older than
 * the blocks it refers to.
 */
struct lpm_arena {
	unsigned char *base;		/* written with release stores */
	size_t elem;
	uint32_t cap, top, limit;	/* in elements */
	struct lpm_u32vec free[65];	/* per block size */
};

/* A mapping an arena outgrew: unmapped once no reader can be in it. */
struct lpm_oldmap {
	void *p;
	size_t len;
	uint64_t tag;		/* 0: not yet published; else as lpm_retired */
};

struct lpm_maplist {
	struct lpm_oldmap *v;
	size_t n, cap;
};

struct lpm_retired {
	uint64_t tag;		/* epoch after which no reader can see it */
	uint32_t idx;
	uint8_t size;
	uint8_t kind;		/* enum lpm_kind */
};

struct brt_lpm_reader {
	_Atomic uint64_t seen;	/* epoch at the last quiescent point */
	_Atomic int used;
	struct brt_lpm *l;
	char pad[64 - 2 * sizeof(uint64_t) - sizeof(void *)];
};

struct lpm_retlist {
	struct lpm_retired *v;
	size_t n, cap;
};

struct brt_lpm {
	uint8_t family;
	unsigned width;		/* 32 or 128 */
	unsigned dbits;		/* direct table index bits */
	uint32_t *direct;	/* 2^dbits entries, written atomically */
	uint32_t small;		/* LPM_NIL, or a range array (small.c),
				 * written atomically */
	struct lpm_arena na;	/* struct lpm_node */
	struct lpm_arena la;	/* uint32_t leaves */
	struct lpm_arena ha;	/* heads, in LPM_HEAD_UNIT elements */
	struct lpm_trie trie;
	struct lpm_retlist pending;	/* retired by the update in progress */
	struct lpm_retlist retired;	/* waiting for readers */
	struct lpm_retlist fresh;	/* allocated by the update in progress */
	struct lpm_maplist oldmaps;	/* outgrown arena mappings */
	_Atomic uint64_t epoch;
	struct brt_lpm_reader readers[BRT_LPM_MAX_READERS];
};

/* The writer's view (it alone moves the bases). */
#define LPM_NODES(l) ((struct lpm_node *)(void *)(l)->na.base)
#define LPM_LEAVES(l) ((uint32_t *)(void *)(l)->la.base)

/* small.c: an IPv4 table of at most LPM_SMALL_MAX prefixes is also a
 * range array (lookups search it instead of the direct table). */
#define LPM_SMALL_MAX 31u
struct lpm_small {
	uint32_t n;		/* ranges, a power of two <= 64 */
	uint32_t pad[3];
	uint32_t bound[];	/* n range starts, then their n values */
};

static inline struct lpm_small *lpm_small(const void *base, uint32_t i)
{
	return (struct lpm_small *)(void *)((uintptr_t)base +
					    (size_t)i * LPM_HEAD_UNIT);
}

unsigned lpm_small_units(unsigned n);
/* The range array the table should have (b[], v[]: 64 room): its n, or 0
 * when it should have none. */
unsigned lpm_small_expect(const struct brt_lpm *l, uint32_t *b,
			      uint32_t *v);
/* Before an update's stores (after its trie change): retire the current
 * array, write the next one (*idx, or LPM_NIL). */
int lpm_small_prepare(struct brt_lpm *l, uint32_t *idx);
/* After them: publish it. */
void lpm_small_set(struct brt_lpm *l, uint32_t idx);

/* The head of direct entry @e (not a leaf entry) in head arena @base. */
static inline struct lpm_head *lpm_fhead(const void *base, uint32_t e)
{
	return (struct lpm_head *)(void *)((uintptr_t)base +
					   (size_t)e * LPM_HEAD_UNIT);
}

static inline struct lpm_shead *lpm_shead(const void *base, uint32_t e)
{
	return (struct lpm_shead *)(void *)((uintptr_t)base +
					    (size_t)(e & ~LPM_SHORT) *
					    LPM_HEAD_UNIT);
}

static inline unsigned lpm_short_units(unsigned runs)
{
	return (unsigned)(offsetof(struct lpm_shead, leaf) + 4 * runs +
			  LPM_HEAD_UNIT - 1) / LPM_HEAD_UNIT;
}

/* Writer side: head arena units of head entry @e. */
static inline unsigned lpm_head_units(const struct brt_lpm *l, uint32_t e)
{
	if (e & LPM_SHORT)
		return lpm_short_units((unsigned)__builtin_popcountll(
			lpm_shead(l->ha.base, e)->leafvec));
	return 2;
}

/* A reader's view: call only after the acquire load of a direct entry. */
/* Acquire: a reader holding an entry older than a move may still load the
 * moved base, and must then see the copy (arena_grow's memcpy) that was
 * made before the base was published. On x86 this is a plain load. */
static inline const void *lpm_base(const struct lpm_arena *a)
{
	return __atomic_load_n(&a->base, __ATOMIC_ACQUIRE);
}

/* The @s bits of @k after its first @d bits. */
static inline unsigned lpm_slot(lpm_key k, unsigned d, unsigned s)
{
	unsigned mask = (1u << s) - 1;

	if (d + s <= 128)
		return (unsigned)(k >> (128 - d - s)) & mask;
	return (unsigned)(k << (d + s - 128)) & mask;
}

static inline lpm_key lpm_mask(unsigned len)
{
	return len ? ~(lpm_key)0 << (128 - len) : 0;
}

static inline unsigned lpm_bit(lpm_key k, unsigned i)
{
	return (unsigned)(k >> (127 - i)) & 1;
}

lpm_key lpm_key_of(const struct brt_lpm *l, const uint8_t *addr);

/* arena.c */
/* An arena of @cap elements at first, growing up to @limit. */
int lpm_arena_init(struct lpm_arena *a, size_t elem, uint32_t cap,
		       uint32_t limit);
void lpm_arena_fini(struct lpm_arena *a);
/* Unmap every outgrown mapping (destroy: no reader is left). */
void lpm_oldmaps_free(struct brt_lpm *l);
/* A block of @size elements, or LPM_NIL; recorded as fresh. */
uint32_t lpm_alloc(struct brt_lpm *l, unsigned kind, unsigned size);
/* Give a block to the readers' grace period (after the next publish);
 * BRT_ENOMEM fails the update (lpm_abort). */
int lpm_retire(struct brt_lpm *l, unsigned kind, uint32_t idx,
		   unsigned size);
/* Before an update's point of no return: room for its pending blocks on
 * the retired list, so that lpm_publish cannot fail. */
int lpm_publish_prepare(struct brt_lpm *l);
/* End of an update: tag pending blocks with a new epoch, forget fresh. */
void lpm_publish(struct brt_lpm *l);
/* Failed update: free fresh blocks at once, drop pending retirements. */
void lpm_abort(struct brt_lpm *l);
size_t lpm_arena_free_elems(const struct lpm_arena *a);
size_t lpm_retired_elems(const struct brt_lpm *l, unsigned kind);

/* trie.c */
/* @sbits: the slot depth (trie.c), the direct table's bits */
int lpm_trie_init(struct lpm_trie *t, unsigned sbits);
void lpm_trie_fini(struct lpm_trie *t);
/* Set a prefix; *changed tells whether the mapping changed, *old_value
 * the previous value (LPM_NIL when new). */
int lpm_trie_insert(struct lpm_trie *t, lpm_key k, unsigned len,
			uint32_t value, bool *changed, uint32_t *old_value);
int lpm_trie_delete(struct lpm_trie *t, lpm_key k, unsigned len,
			uint32_t *old_value);
/*
 * The node whose subtree holds every prefix longer than @d under @k's
 * first @d bits (it may itself be /d), or LPM_NIL; *def the value of the
 * longest prefix of length <= d covering them (BRT_LPM_NONE if none).
 */
uint32_t lpm_trie_find(const struct lpm_trie *t, lpm_key k, unsigned d,
			   uint32_t *def);
int lpm_trie_audit(const struct lpm_trie *t, unsigned width, char *msg,
		       size_t len);

/* paint.c: the 2^s slots after depth d under sub; plen (optional) gets
 * the length of the prefix that gave each slot its value (0: @def);
 * returns the mask of slots with a croot (of the first 64) */
uint64_t lpm_paint(const struct lpm_trie *t, uint32_t sub, unsigned d,
		       unsigned s, uint32_t def, uint32_t *v, uint32_t *croot,
		       uint8_t *plen);

/* The same for slots [lo, hi) only, under the trie subtree @sub whose
 * prefixes all lie in them, over @base (plen 0); the rest is untouched. */
uint64_t lpm_paint_range(const struct lpm_trie *t, uint32_t sub,
			     unsigned d, unsigned s, unsigned lo, unsigned hi,
			     uint32_t base, uint32_t *v, uint32_t *croot,
			     uint8_t *plen);

/* build.c: *dst must not be in an arena (allocations may move them) */
int lpm_build_node(struct brt_lpm *l, struct lpm_node *dst, unsigned d,
		       uint32_t sub, uint32_t def);
/* The node of a head (depth dbits); without children its leaves go to
 * @inl[] (64 room) instead of the arena, for a short head. */
int lpm_build_head(struct brt_lpm *l, struct lpm_node *dst, uint32_t *inl,
		       uint32_t sub, uint32_t def);
int lpm_retire_subtree(struct brt_lpm *l, const struct lpm_node *n);

/* update.c */
int lpm_update(struct brt_lpm *l, lpm_key k, unsigned len, bool insert,
		   uint32_t value);
/* Trie changes are done; rebuild every direct entry from the trie. */
int lpm_rebuild_all(struct brt_lpm *l);
/* Reserve room for @n more trie nodes. */
int lpm_trie_reserve(struct lpm_trie *t, size_t n);

#endif /* BRT_LPM_IMPL_H */
