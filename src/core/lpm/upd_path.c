/*
 * upd_path.c - the trie path of a changed prefix, for incremental rebuilds.
 *
 * Invariants relied on (trie.c): every prefix longer than dbits sits
 * below its slot node; a child is longer than its parent and agrees with
 * it on the parent's length. So the nodes covering the key, taken from
 * the slot node down, are the prefixes covering it (those holding one),
 * and the subtree of key/x (x <= len) is the first node of length >= x on
 * that path, or the node just past it, when it agrees on x bits.
 */
#include "lpm_update.h"

static unsigned agree(lpm_key a, lpm_key b, unsigned bits)
{
	return !((a ^ b) & lpm_mask(bits));
}

void lpm_upd_path(const struct lpm_trie *t, uint32_t slot, lpm_key key,
		      unsigned len, unsigned dbits, struct lpm_upd *u)
{
	uint32_t cur = slot;

	u->key = key;
	u->len = len;
	u->dbits = dbits;
	u->n = 0;
	while (cur != LPM_NIL) {
		const struct lpm_tnode *x = &t->n[cur];

		if (x->len >= len || !agree(x->key, key, x->len))
			break;
		u->path[u->n++] = cur;
		cur = x->child[lpm_bit(key, x->len)];
	}
	u->tail = cur;
}

uint32_t lpm_upd_at(const struct lpm_trie *t, const struct lpm_upd *u,
			unsigned x)
{
	unsigned i;

	for (i = 0; i < u->n; i++)
		if (t->n[u->path[i]].len >= x)
			return u->path[i];
	if (u->tail != LPM_NIL && t->n[u->tail].len >= x &&
	    agree(t->n[u->tail].key, u->key, x))
		return u->tail;
	return LPM_NIL;
}

uint32_t lpm_upd_value(const struct lpm_trie *t, const struct lpm_upd *u,
			   unsigned x)
{
	uint32_t v = LPM_INHERIT;
	unsigned i;

	for (i = 0; i < u->n; i++) {
		const struct lpm_tnode *n = &t->n[u->path[i]];

		if (n->len > x)
			break;
		if (n->has && n->len > u->dbits)
			v = n->value;
	}
	return v;
}
