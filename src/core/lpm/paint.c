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
 * prefixes in the level plus the slots painted.
 */
#include "lpm_impl.h"

static void fill(uint32_t *v, unsigned first, unsigned n, uint32_t value)
{
	unsigned i;

	for (i = 0; i < n; i++)
		v[first + i] = value;
}

static void walk(const struct lpm_trie *t, uint32_t i, unsigned d,
		 unsigned s, uint32_t *v, uint32_t *croot)
{
	const struct lpm_tnode *n = &t->n[i];
	unsigned end = d + s;

	if (n->len > end) {
		croot[lpm_slot(n->key, d, s)] = i;
		return;
	}
	if (n->len > d && n->has) {
		unsigned sh = end - n->len;

		fill(v, lpm_slot(n->key, d, s) >> sh << sh, 1u << sh, n->value);
	}
	if (n->len == end) {
		if (n->child[0] != LPM_NIL || n->child[1] != LPM_NIL)
			croot[lpm_slot(n->key, d, s)] = i;
		return;
	}
	if (n->child[0] != LPM_NIL)
		walk(t, n->child[0], d, s, v, croot);
	if (n->child[1] != LPM_NIL)
		walk(t, n->child[1], d, s, v, croot);
}

void brt_lpm_paint(const struct lpm_trie *t, uint32_t sub, unsigned d,
		   unsigned s, uint32_t def, uint32_t *v, uint32_t *croot)
{
	unsigned i, n = 1u << s;

	for (i = 0; i < n; i++) {
		v[i] = def;
		croot[i] = LPM_NIL;
	}
	if (sub != LPM_NIL)
		walk(t, sub, d, s, v, croot);
}
