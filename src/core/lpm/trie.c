/*
 * trie.c - the writer's control trie: a path-compressed binary trie.
 *
 * Invariants (audited by lpm_trie_audit):
 *  - n[0] is the root, /0, and is never removed;
 *  - a node's key has no bits set past its length;
 *  - a child is longer than its parent, agrees with it on the parent's
 *    length, and sits on the side of its bit just past the parent's length;
 *  - a node that holds no prefix has two children, except the root and
 *    the slot nodes;
 *  - slot nodes: every node of length sbits (the direct table's bits) is
 *    slot[its first sbits bits], and every prefix longer than sbits sits
 *    below the slot node of its first sbits bits. A slot node, once made,
 *    stays until the trie is freed (with or without a prefix, with 0, 1
 *    or 2 children), so an update of a prefix longer than sbits starts at
 *    its slot node instead of the root: a handful of nodes instead of
 *    twenty scattered ones, and no link above the slot node ever changes.
 * A preorder walk therefore meets a covering prefix before what it covers,
 * which is what the painter (paint.c) relies on. A subtree holds a prefix
 * unless it is an empty slot node (which paints nothing).
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "lpm_impl.h"
#include "bestroute/bestroute.h"

static unsigned clz128(lpm_key x)
{
	uint64_t hi = (uint64_t)(x >> 64), lo = (uint64_t)x;

	if (hi)
		return (unsigned)__builtin_clzll(hi);
	if (lo)
		return 64 + (unsigned)__builtin_clzll(lo);
	return 128;
}

static unsigned common_bits(lpm_key a, lpm_key b, unsigned max)
{
	unsigned c = clz128(a ^ b);

	return c < max ? c : max;
}

/* Room for @cap nodes, the used ones moved over. Cache-line aligned:
 * from malloc the array started 16 bytes into a line, so every other
 * 32-byte node straddled two lines and cost updates two misses. */
static int resize(struct lpm_trie *t, uint32_t cap)
{
	size_t bytes = ((size_t)cap * sizeof(*t->n) + 63) & ~(size_t)63;
	struct lpm_tnode *p = aligned_alloc(64, bytes);

	if (!p)
		return BRT_ENOMEM;
	if (t->n)
		memcpy(p, t->n, (size_t)t->used * sizeof(*p));
	free(t->n);
	t->n = p;
	t->cap = cap;
	return 0;
}

int lpm_trie_init(struct lpm_trie *t, unsigned sbits)
{
	size_t i, ns = (size_t)1 << sbits;

	memset(t, 0, sizeof(*t));
	t->sbits = sbits;
	t->slot = malloc(ns * sizeof(*t->slot));
	if (resize(t, 64) || !t->slot) {
		lpm_trie_fini(t);
		return BRT_ENOMEM;
	}
	for (i = 0; i < ns; i++)
		t->slot[i] = LPM_NIL;
	t->used = 1;
	t->free_head = LPM_NIL;
	memset(&t->n[0], 0, sizeof(t->n[0]));
	t->n[0].child[0] = t->n[0].child[1] = LPM_NIL;
	t->n[0].value = BRT_LPM_NONE;
	return 0;
}

void lpm_trie_fini(struct lpm_trie *t)
{
	free(t->n);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

int lpm_trie_reserve(struct lpm_trie *t, size_t n)
{
	if (n > UINT32_MAX / 2 - t->used)
		return BRT_ELIMIT;
	if (t->used + n <= t->cap)
		return 0;
	return resize(t, t->used + (uint32_t)n);
}

/* Make sure three nodes (a slot node, a prefix, a branch) can be taken
 * without failing. */
static int reserve3(struct lpm_trie *t)
{
	uint32_t avail = t->cap - t->used + t->nfree;

	if (avail >= 3)
		return 0;
	if (t->cap > UINT32_MAX / 2 - 3)
		return BRT_ELIMIT;
	return resize(t, t->cap * 2);
}

static uint32_t slot_of(const struct lpm_trie *t, lpm_key k)
{
	return (uint32_t)(k >> (128 - t->sbits));
}

/* The root and slot nodes stay even without a prefix and children. */
static bool sticky(const struct lpm_trie *t, uint32_t i)
{
	return i == 0 || t->n[i].len == t->sbits;
}

static uint32_t take(struct lpm_trie *t, lpm_key k, unsigned len)
{
	uint32_t i = t->free_head;

	if (i != LPM_NIL) {
		t->free_head = t->n[i].child[0];
		t->nfree--;
	} else {
		i = t->used++;
	}
	t->n[i].key = k;
	t->n[i].len = (uint8_t)len;
	t->n[i].has = 0;
	t->n[i].value = BRT_LPM_NONE;
	t->n[i].child[0] = t->n[i].child[1] = LPM_NIL;
	if (len == t->sbits)
		t->slot[slot_of(t, k)] = i;
	return i;
}

/* Slot nodes are never given back (see the invariants). */
static void give(struct lpm_trie *t, uint32_t i)
{
	t->n[i].child[0] = t->free_head;
	t->n[i].has = 0;
	t->free_head = i;
	t->nfree++;
}

static void set_value(struct lpm_trie *t, uint32_t i, uint32_t value,
		      bool *changed, uint32_t *old)
{
	struct lpm_tnode *n = &t->n[i];

	*old = n->has ? n->value : LPM_NIL;
	*changed = !n->has || n->value != value;
	if (!n->has)
		t->prefixes++;
	n->has = 1;
	n->value = value;
}

/* Hang a new prefix (or the branch above it) below @parent, near @c. */
static void split(struct lpm_trie *t, uint32_t parent, unsigned side,
		  lpm_key k, unsigned len, uint32_t leaf)
{
	uint32_t c = t->n[parent].child[side];
	lpm_key ck = t->n[c].key;
	unsigned common = common_bits(ck, k, t->n[c].len < len ?
				      t->n[c].len : len);

	if (common == len) {	/* the new prefix covers c */
		t->n[leaf].child[lpm_bit(ck, len)] = c;
		t->n[parent].child[side] = leaf;
		return;
	}
	{
		uint32_t br = take(t, k & lpm_mask(common), common);

		t->n[br].child[lpm_bit(k, common)] = leaf;
		t->n[br].child[lpm_bit(ck, common)] = c;
		t->n[parent].child[side] = br;
	}
}

/* The node of @k/@len, made (without a prefix) if missing, searching
 * from node @cur, which covers it; room was reserved. */
static uint32_t place(struct lpm_trie *t, uint32_t cur, lpm_key k,
		      unsigned len)
{
	for (;;) {
		const struct lpm_tnode *n = &t->n[cur];
		unsigned side;
		uint32_t c, leaf;

		if (n->len == len)
			return cur;
		side = lpm_bit(k, n->len);
		c = n->child[side];
		if (c != LPM_NIL && t->n[c].len <= len &&
		    common_bits(t->n[c].key, k, t->n[c].len) == t->n[c].len) {
			cur = c;
			continue;
		}
		leaf = take(t, k, len);
		if (c == LPM_NIL)
			t->n[cur].child[side] = leaf;
		else
			split(t, cur, side, k, len, leaf);
		return leaf;
	}
}

/* Where a search for a prefix of length @len starts: its slot node when
 * it is longer than sbits (made if missing), else the root. */
static uint32_t start(struct lpm_trie *t, lpm_key k, unsigned len)
{
	uint32_t s;

	if (len <= t->sbits)
		return 0;
	s = t->slot[slot_of(t, k)];
	if (s == LPM_NIL)
		s = place(t, 0, k & lpm_mask(t->sbits), t->sbits);
	return s;
}

int lpm_trie_insert(struct lpm_trie *t, lpm_key k, unsigned len,
			uint32_t value, bool *changed, uint32_t *old)
{
	int err = reserve3(t);

	if (err)
		return err;
	/* the node a new prefix takes is written at the end of the descent:
	 * fetch it during the descent, not after */
	if (t->free_head != LPM_NIL)
		__builtin_prefetch(&t->n[t->free_head], 1);
	k &= lpm_mask(len);
	set_value(t, place(t, start(t, k, len), k, len), value, changed, old);
	return 0;
}

/* Replace the link @parent.child[side] -> @i by i's only child. */
static void splice(struct lpm_trie *t, uint32_t parent, unsigned side,
		   uint32_t i)
{
	const struct lpm_tnode *n = &t->n[i];
	uint32_t only = n->child[0] != LPM_NIL ? n->child[0] : n->child[1];

	t->n[parent].child[side] = only;
	give(t, i);
}

static unsigned nchildren(const struct lpm_tnode *n)
{
	return (n->child[0] != LPM_NIL) + (n->child[1] != LPM_NIL);
}

int lpm_trie_delete(struct lpm_trie *t, lpm_key k, unsigned len,
			uint32_t *old)
{
	uint32_t gp = LPM_NIL, parent = LPM_NIL, cur = 0;
	unsigned gside = 0, side = 0;

	k &= lpm_mask(len);
	if (len > t->sbits && (cur = t->slot[slot_of(t, k)]) == LPM_NIL)
		return BRT_ENOENT;
	while (t->n[cur].len < len) {
		gp = parent;
		gside = side;
		parent = cur;
		side = lpm_bit(k, t->n[cur].len);
		cur = t->n[cur].child[side];
		if (cur == LPM_NIL || t->n[cur].len > len ||
		    common_bits(t->n[cur].key, k, t->n[cur].len) < t->n[cur].len)
			return BRT_ENOENT;
	}
	if (t->n[cur].len != len || !t->n[cur].has)
		return BRT_ENOENT;
	*old = t->n[cur].value;
	t->n[cur].has = 0;
	t->n[cur].value = BRT_LPM_NONE;
	t->prefixes--;
	if (sticky(t, cur) || nchildren(&t->n[cur]) == 2)
		return 0;
	if (nchildren(&t->n[cur]) == 1) {
		splice(t, parent, side, cur);
		return 0;
	}
	t->n[parent].child[side] = LPM_NIL;
	give(t, cur);
	/* a parent without a prefix is a branch, with one child left now */
	if (!sticky(t, parent) && !t->n[parent].has)
		splice(t, gp, gside, parent);
	return 0;
}

uint32_t lpm_trie_find(const struct lpm_trie *t, lpm_key k, unsigned d,
			   uint32_t *def)
{
	uint32_t cur = 0;

	*def = BRT_LPM_NONE;
	for (;;) {
		const struct lpm_tnode *n = &t->n[cur];

		if (n->len > d)
			return common_bits(n->key, k, d) == d ? cur : LPM_NIL;
		if (common_bits(n->key, k, n->len) < n->len)
			return LPM_NIL;
		if (n->has)
			*def = n->value;
		if (n->len == d)
			return nchildren(n) ? cur : LPM_NIL;
		cur = n->child[lpm_bit(k, n->len)];
		if (cur == LPM_NIL)
			return LPM_NIL;
	}
}

static int audit_node(const struct lpm_trie *t, uint32_t i, unsigned width,
		      size_t *count, size_t *slots, char *msg, size_t len)
{
	const struct lpm_tnode *n = &t->n[i];
	unsigned s;

	if (n->len > width || (n->key & ~lpm_mask(n->len)) ||
	    (!sticky(t, i) && !n->has && nchildren(n) != 2)) {
		snprintf(msg, len, "trie node %u (/%u) malformed", i, n->len);
		return BRT_ECONFLICT;
	}
	if (n->len == t->sbits && t->slot[slot_of(t, n->key)] != i) {
		snprintf(msg, len, "trie slot node %u (/%u) not registered",
			 i, n->len);
		return BRT_ECONFLICT;
	}
	*count += n->has;
	*slots += n->len == t->sbits;
	for (s = 0; s < 2; s++) {
		uint32_t c = n->child[s];

		if (c == LPM_NIL)
			continue;
		if (c >= t->used || t->n[c].len <= n->len ||
		    common_bits(t->n[c].key, n->key, n->len) < n->len ||
		    lpm_bit(t->n[c].key, n->len) != s ||
		    (n->len < t->sbits && t->n[c].len > t->sbits)) {
			snprintf(msg, len, "trie child %u of node %u misplaced",
				 c, i);
			return BRT_ECONFLICT;
		}
		if (audit_node(t, c, width, count, slots, msg, len))
			return BRT_ECONFLICT;
	}
	return 0;
}

int lpm_trie_audit(const struct lpm_trie *t, unsigned width, char *msg,
		       size_t len)
{
	size_t count = 0, slots = 0, i, registered = 0;

	if (t->n[0].len != 0 || t->n[0].key != 0) {
		snprintf(msg, len, "trie root is not /0");
		return BRT_ECONFLICT;
	}
	if (audit_node(t, 0, width, &count, &slots, msg, len))
		return BRT_ECONFLICT;
	for (i = 0; i < (size_t)1 << t->sbits; i++)
		registered += t->slot[i] != LPM_NIL;
	if (registered != slots) {
		snprintf(msg, len, "trie has %zu slot nodes, registers %zu",
			 slots, registered);
		return BRT_ECONFLICT;
	}
	if (count != t->prefixes) {
		snprintf(msg, len, "trie holds %zu prefixes, counts %zu",
			 count, t->prefixes);
		return BRT_ECONFLICT;
	}
	return 0;
}
