/*
 * paint.c - what one level of the structure must hold, from the trie.
 *
 * For the 2^s slots that follow depth d under a trie subtree, v[i] is the
 * value of the longest prefix of length <= d+s covering slot i (the
 * inherited @def when none is longer than d), and croot[i] is the trie
 * node whose subtree holds every prefix longer than d+s in slot i, or
 * LPM_NIL. A preorder walk paints a covering prefix before the prefixes it
 * covers, so the longer one wins by simply painting last; the walk stops
 * at the first node past d+s on each branch, so its cost is the number of
 * prefixes in the level plus the slots painted. An update repaints only
 * the slots under the prefix it changed: the walk starts at that
 * prefix's subtree, over a canvas holding the value that covers it.
 */
#include <string.h>

#include "lpm_impl.h"

static void fill(uint32_t *v, unsigned first, unsigned n, uint32_t value)
{
	unsigned i;

	for (i = 0; i < n; i++)
		v[first + i] = value;
}

struct canvas {
	uint32_t *v, *croot;
	uint8_t *plen;
	uint64_t cmask;
};

static void mark(struct canvas *c, unsigned slot, uint32_t i)
{
	c->croot[slot] = i;
	if (slot < 64)
		c->cmask |= 1ull << slot;
}

static void walk(const struct lpm_trie *t, uint32_t i, unsigned d,
		 unsigned s, struct canvas *c)
{
	const struct lpm_tnode *n = &t->n[i];
	unsigned end = d + s;

	if (n->len > end) {
		mark(c, lpm_slot(n->key, d, s), i);
		return;
	}
	if (n->len > d && n->has) {
		unsigned sh = end - n->len;
		unsigned first = lpm_slot(n->key, d, s) >> sh << sh;

		fill(c->v, first, 1u << sh, n->value);
		if (c->plen)
			memset(c->plen + first, n->len, 1u << sh);
	}
	if (n->len == end) {
		if (n->child[0] != LPM_NIL || n->child[1] != LPM_NIL)
			mark(c, lpm_slot(n->key, d, s), i);
		return;
	}
	if (n->child[0] != LPM_NIL)
		walk(t, n->child[0], d, s, c);
	if (n->child[1] != LPM_NIL)
		walk(t, n->child[1], d, s, c);
}

uint64_t lpm_paint(const struct lpm_trie *t, uint32_t sub, unsigned d,
		       unsigned s, uint32_t def, uint32_t *v, uint32_t *croot,
		       uint8_t *plen)
{
	struct canvas c = { v, croot, plen, 0 };
	unsigned i, n = 1u << s;

	for (i = 0; i < n; i++) {
		v[i] = def;
		croot[i] = LPM_NIL;
	}
	if (plen)
		memset(plen, 0, n);
	if (sub != LPM_NIL)
		walk(t, sub, d, s, &c);
	return c.cmask;
}

uint64_t lpm_paint_range(const struct lpm_trie *t, uint32_t sub,
			     unsigned d, unsigned s, unsigned lo, unsigned hi,
			     uint32_t base, uint32_t *v, uint32_t *croot,
			     uint8_t *plen)
{
	struct canvas c = { v, croot, plen, 0 };
	unsigned i;

	for (i = lo; i < hi; i++) {
		v[i] = base;
		croot[i] = LPM_NIL;
		plen[i] = 0;
	}
	if (sub != LPM_NIL)
		walk(t, sub, d, s, &c);
	return c.cmask;
}

