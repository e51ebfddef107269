/*
 * check.c - audit the structure against the control trie.
 *
 * The structure is canonical (lpm_impl.h), so the audit repaints every
 * level from the trie and demands the exact same direct entries, vectors
 * and leaf runs, and a small table's range array (small.c); it also
 * accounts for every arena element: live, free or
 * waiting for readers, each exactly once in total.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lpm_impl.h"
#include "bestroute/bestroute.h"

struct audit {
	const struct brt_lpm *l;
	size_t nodes, leaves, heads;	/* live elements met */
	char *msg;
	size_t len;
};

static int fail(struct audit *a, const char *what, unsigned d, uint32_t at)
{
	snprintf(a->msg, a->len, "%s at depth %u, node %u", what, d, at);
	return BRT_ECONFLICT;
}

static int check_child(struct audit *a, uint32_t at, unsigned d,
		       uint32_t sub, uint32_t def);

/* Node @n at depth @d; its leaves are in @inl (a short head's) when not
 * NULL, else in the leaf arena. */
static int check_node(struct audit *a, const struct lpm_node *n,
		      const uint32_t *inl, uint32_t at, unsigned d,
		      uint32_t sub, uint32_t def)
{
	const struct brt_lpm *l = a->l;
	uint32_t v[64], croot[64], prev = 0;
	uint64_t vec = 0, leafvec = 0;
	unsigned s, nl = 0, nc = 0;

	lpm_paint(&l->trie, sub, d, LPM_STRIDE, def, v, croot, NULL);
	for (s = 0; s < 64; s++) {
		if (croot[s] != LPM_NIL) {
			vec |= 1ull << s;
			continue;
		}
		if (nl && v[s] == prev)
			continue;
		if (inl ? nl >= (unsigned)__builtin_popcountll(n->leafvec) ||
			  inl[nl] != v[s] :
			  n->base0 + nl >= l->la.top ||
			  LPM_LEAVES(l)[n->base0 + nl] != v[s])
			return fail(a, "leaf differs from the table", d, at);
		leafvec |= 1ull << s;
		prev = v[s];
		nl++;
	}
	if (vec != n->vec)
		return fail(a, "child vector differs from the table", d, at);
	if (leafvec != n->leafvec)
		return fail(a, "leaf vector differs from the table", d, at);
	a->leaves += inl ? 0 : nl;
	for (s = 0; s < 64; s++) {
		if (!(vec >> s & 1))
			continue;
		a->nodes++;
		if (n->base1 + nc >= l->na.top)
			return fail(a, "node index out of the arena", d, at);
		if (check_child(a, n->base1 + nc, d + LPM_STRIDE, croot[s],
				v[s]))
			return BRT_ECONFLICT;
		nc++;
	}
	return 0;
}

/* Node @at of the node arena; an inline node's leaves are its bases. */
static int check_child(struct audit *a, uint32_t at, unsigned d,
		       uint32_t sub, uint32_t def)
{
	const struct lpm_node *c = &LPM_NODES(a->l)[at];
	uint32_t two[2] = { c->base0, c->base1 };

	return check_node(a, c, lpm_inline(c) ? two : NULL, at, d, sub, def);
}

/* Short head entry @e over trie subtree @croot with value @def. */
static int check_short(struct audit *a, uint32_t e, uint32_t croot,
		       uint32_t def)
{
	const struct brt_lpm *l = a->l;
	uint32_t at = e & ~LPM_SHORT;
	const struct lpm_shead *h = lpm_shead(l->ha.base, e);
	struct lpm_node n = { 0, 0, 0, 0 };

	if (at >= l->ha.top || at + lpm_head_units(l, e) > l->ha.top)
		return fail(a, "head index out of the arena", 0, at);
	if (h->def != def)
		return fail(a, "head value differs from the table", 0, at);
	n.leafvec = h->leafvec;
	a->heads += lpm_head_units(l, e);
	/* a painted child slot fails the vector comparison: short heads
	 * exist exactly where the node has no children */
	return check_node(a, &n, h->leaf, at, l->dbits, croot, LPM_INHERIT);
}

/* Head entry @e over trie subtree @croot with value @def. */
static int check_head(struct audit *a, uint32_t e, uint32_t croot,
		      uint32_t def)
{
	const struct brt_lpm *l = a->l;
	const struct lpm_head *h;

	if (e & LPM_LEAF)
		return fail(a, "direct entry lacks its node", 0, e);
	if (e & LPM_SHORT)
		return check_short(a, e, croot, def);
	if (e + 2 > l->ha.top)
		return fail(a, "head index out of the arena", 0, e);
	h = lpm_fhead(l->ha.base, e);
	if (h->def != def)
		return fail(a, "head value differs from the table", 0, e);
	if (!h->n.vec)
		return fail(a, "head without children is not short", 0, e);
	a->heads += 2;
	return check_node(a, &h->n, NULL, e, l->dbits, croot, LPM_INHERIT);
}

static int check_direct(struct audit *a)
{
	const struct brt_lpm *l = a->l;
	size_t i, n = (size_t)1 << l->dbits;
	uint32_t *v = malloc(n * 2 * sizeof(*v)), def, sub;
	int err = 0;

	if (!v)
		return BRT_ENOMEM;
	sub = lpm_trie_find(&l->trie, 0, 0, &def);
	lpm_paint(&l->trie, sub, 0, l->dbits, def, v, v + n, NULL);
	for (i = 0; i < n && !err; i++) {
		uint32_t e = l->direct[i], croot = v[n + i];

		if (croot == LPM_NIL && e != (LPM_LEAF | v[i]))
			err = fail(a, "direct entry differs from the table", 0,
				   (uint32_t)i);
		else if (croot != LPM_NIL)
			err = check_head(a, e, croot, v[i]);
	}
	free(v);
	return err;
}

/* The range array of a small table, exactly as small.c would write it. */
static int check_small(struct audit *a)
{
	const struct brt_lpm *l = a->l;
	uint32_t b[64], v[64];
	unsigned n = lpm_small_expect(l, b, v);
	const struct lpm_small *s;

	if (!n)
		return l->small == LPM_NIL ? 0 :
		       fail(a, "range array of a table too large for one", 0,
			    l->small);
	if (l->small == LPM_NIL)
		return fail(a, "small table lacks its range array", 0, 0);
	if (l->small + lpm_small_units(n) > l->ha.top)
		return fail(a, "range array out of the arena", 0, l->small);
	s = lpm_small(l->ha.base, l->small);
	if (s->n != n || memcmp(s->bound, b, n * sizeof(*b)) ||
	    memcmp(s->bound + n, v, n * sizeof(*v)))
		return fail(a, "range array differs from the table", 0,
			    l->small);
	a->heads += lpm_small_units(n);
	return 0;
}

static int check_accounts(struct audit *a)
{
	const struct brt_lpm *l = a->l;
	size_t nodes = a->nodes + lpm_arena_free_elems(&l->na) +
		       lpm_retired_elems(l, LPM_K_NODE);
	size_t leaves = a->leaves + lpm_arena_free_elems(&l->la) +
			lpm_retired_elems(l, LPM_K_LEAF);
	size_t heads = a->heads + lpm_arena_free_elems(&l->ha) +
		       lpm_retired_elems(l, LPM_K_HEAD);

	if (l->pending.n || l->fresh.n)
		return fail(a, "an update was left half done", 0, 0);
	if (nodes != l->na.top)
		return fail(a, "node arena elements lost or doubled", 0,
			    (uint32_t)nodes);
	if (heads != l->ha.top)
		return fail(a, "head arena elements lost or doubled", 0,
			    (uint32_t)heads);
	if (leaves != l->la.top)
		return fail(a, "leaf arena elements lost or doubled", 0,
			    (uint32_t)leaves);
	return 0;
}

int lpm_check(const struct brt_lpm *l, char *msg, size_t len)
{
	struct audit a = { l, 0, 0, 0, msg, len };
	int err;

	if (len)
		msg[0] = 0;
	if (!lpm_trie_held(l))
		return 0;	/* nothing to audit against (lpm.h) */
	err = lpm_trie_audit(&l->trie, l->width, msg, len);
	if (!err)
		err = check_direct(&a);
	if (!err)
		err = check_small(&a);
	if (!err)
		err = check_accounts(&a);
	return err;
}
