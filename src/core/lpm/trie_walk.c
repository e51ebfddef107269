/*
 * trie_walk.c - questions about prefix nesting, answered from the control
 * trie: which held prefix covers a prefix, and which held prefixes sit
 * directly below one. A compiled fib keeps each group's fallback (its
 * parent) with these when groups come and go one by one.
 *
 * Invariants relied on (trie.c): a child is longer than its parent and
 * agrees with it on the parent's length. Nodes that hold no prefix (branch
 * points, and the permanent slot nodes at depth dbits, which may have no
 * child at all) are walked through, never reported.
 * Neither walk changes anything, and both are writer-side (they read the
 * control trie, which only the writer touches).
 */
#include "lpm_impl.h"

static bool covers(const struct lpm_tnode *n, lpm_key k, unsigned upto)
{
	return !((n->key ^ k) & lpm_mask(upto));
}

uint32_t lpm_covering(const struct brt_lpm *l, const uint8_t *addr,
			  unsigned len)
{
	const struct lpm_trie *t = &l->trie;
	lpm_key k = lpm_key_of(l, addr) & lpm_mask(len);
	uint32_t cur = 0, best = BRT_LPM_NONE;

	if (!lpm_trie_held(l))
		return BRT_LPM_NONE;

	while (cur != LPM_NIL && t->n[cur].len < len &&
	       covers(&t->n[cur], k, t->n[cur].len)) {
		if (t->n[cur].has)
			best = t->n[cur].value;
		cur = t->n[cur].child[lpm_bit(k, t->n[cur].len)];
	}
	return best;
}

/* The first node at depth >= @len on @k's path, or LPM_NIL. */
static uint32_t descend(const struct lpm_trie *t, lpm_key k, unsigned len)
{
	uint32_t cur = 0;

	while (t->n[cur].len < len) {
		if (!covers(&t->n[cur], k, t->n[cur].len))
			return LPM_NIL;
		cur = t->n[cur].child[lpm_bit(k, t->n[cur].len)];
		if (cur == LPM_NIL)
			return LPM_NIL;
	}
	return covers(&t->n[cur], k, len) ? cur : LPM_NIL;
}

size_t lpm_below(const struct brt_lpm *l, const uint8_t *addr,
		     unsigned len, void (*fn)(void *arg, uint32_t value),
		     void *arg)
{
	const struct lpm_trie *t = &l->trie;
	lpm_key k = lpm_key_of(l, addr) & lpm_mask(len);
	uint32_t stack[2 * 130], top = 0, cur;
	size_t n = 0;

	if (!lpm_trie_held(l))
		return 0;
	cur = descend(t, k, len);

	if (cur == LPM_NIL)
		return 0;
	if (t->n[cur].len > len) {
		stack[top++] = cur;
	} else {
		for (unsigned s = 0; s < 2; s++)
			if (t->n[cur].child[s] != LPM_NIL)
				stack[top++] = t->n[cur].child[s];
	}
	/* depth-first: at most one pending sibling per level, so the
	 * stack stays under 2 x 129 */
	while (top) {
		const struct lpm_tnode *x = &t->n[stack[--top]];

		if (x->has) {
			fn(arg, x->value);
			n++;
			continue;
		}
		for (unsigned s = 0; s < 2; s++)
			if (x->child[s] != LPM_NIL)
				stack[top++] = x->child[s];
	}
	return n;
}
