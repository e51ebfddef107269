/*
 * build.c - writing nodes from the control trie, fresh or incrementally.
 *
 * Invariants:
 *  - a node is written completely into blocks nobody can reach yet (fresh
 *    blocks), and becomes visible only when the update publishes the
 *    direct entry above it (update.c); published nodes are never written;
 *  - an incremental rebuild of a node copies the node records of children
 *    it keeps (their own blocks stay shared) and rebuilds only the child
 *    on the changed prefix's path, or, at the level the prefix ends in,
 *    the children whose inherited value changed: a child's content depends
 *    only on that value and on the prefixes beneath it;
 *  - every block of the old version that the new one does not share is
 *    retired (brt_lpm_retire), exactly once;
 *  - an allocation may move an arena (arena.c), so a node is assembled on
 *    the stack and stored through an index computed after the last
 *    allocation it depends on, never through a pointer taken before.
 */
#include <string.h>

#include "lpm_impl.h"
#include "lpm_update.h"
#include "bestroute/bestroute.h"

enum child_mode { CHILD_BUILD, CHILD_REUSE, CHILD_RECURSE };

struct level {
	uint32_t v[64];
	uint32_t croot[64];
	uint8_t plen[64];
	uint8_t mode[64];
	uint64_t cmask;		/* slots with a croot */
	uint32_t *inl;		/* non-NULL: a node without children puts its
				 * leaves here, not in the arena (short head) */
};

static unsigned popc(uint64_t x)
{
	return (unsigned)__builtin_popcountll(x);
}

/* The child of @n at slot @s (whose vec bit is set). */
static struct lpm_node *child_at(struct brt_lpm *l, const struct lpm_node *n,
				 unsigned s)
{
	return &LPM_NODES(l)[n->base1 + popc(n->vec << (63 - s)) - 1];
}

static unsigned leaf_runs(const uint32_t *v, uint64_t vec, uint64_t *leafvec,
			  uint32_t *out)
{
	unsigned s, n = 0;

	*leafvec = 0;
	for (s = 0; s < 64; s++) {
		if (vec >> s & 1)
			continue;
		if (!n || v[s] != out[n - 1]) {
			*leafvec |= 1ull << s;
			out[n++] = v[s];
		}
	}
	return n;
}

static int emit_child(struct brt_lpm *l, struct lpm_node *dst,
		      const struct lpm_node *old, unsigned d,
		      const struct level *lv, unsigned s,
		      const struct lpm_upd *u)
{
	switch (lv->mode[s]) {
	case CHILD_REUSE:
		*dst = *child_at(l, old, s);
		return 0;
	case CHILD_RECURSE:
		return brt_lpm_rebuild_node(l, dst, child_at(l, old, s),
					    d + LPM_STRIDE, lv->croot[s],
					    lv->v[s], u);
	default:
		return brt_lpm_build_node(l, dst, d + LPM_STRIDE, lv->croot[s],
					  lv->v[s]);
	}
}

/* Write node *dst (not in an arena) at depth @d from a painted level. */
static int emit(struct brt_lpm *l, struct lpm_node *dst, unsigned d,
		const struct level *lv, const struct lpm_node *old,
		const struct lpm_upd *u)
{
	struct lpm_node n = { 0, 0, 0, 0 };
	uint32_t leaves[64];
	unsigned s, i = 0, nl, nc;
	uint64_t bits;
	int err;

	n.vec = lv->cmask;
	nl = leaf_runs(lv->v, n.vec, &n.leafvec, leaves);
	nc = popc(n.vec);
	if (!nc && lv->inl) {
		memcpy(lv->inl, leaves, nl * sizeof(*leaves));
		*dst = n;
		return 0;
	}
	if (lpm_inline(&n)) {
		n.base0 = leaves[0];
		n.base1 = nl > 1 ? leaves[1] : 0;
		*dst = n;
		return 0;
	}
	if (nl && (n.base0 = brt_lpm_alloc(l, LPM_K_LEAF, nl)) == LPM_NIL)
		return BRT_ENOMEM;
	if (nc && (n.base1 = brt_lpm_alloc(l, LPM_K_NODE, nc)) == LPM_NIL)
		return BRT_ENOMEM;
	if (nl)
		memcpy(&LPM_LEAVES(l)[n.base0], leaves, nl * sizeof(*leaves));
	for (bits = n.vec; bits; bits &= bits - 1) {
		struct lpm_node c;

		s = (unsigned)__builtin_ctzll(bits);
		err = emit_child(l, &c, old, d, lv, s, u);
		if (err)
			return err;
		LPM_NODES(l)[n.base1 + i++] = c;
	}
	*dst = n;
	return 0;
}

static int build(struct brt_lpm *l, struct lpm_node *dst, uint32_t *inl,
		 unsigned d, uint32_t sub, uint32_t def)
{
	struct level lv;

	lv.inl = inl;
	lv.cmask = brt_lpm_paint(&l->trie, sub, d, LPM_STRIDE, def, lv.v,
				 lv.croot, NULL);
	memset(lv.mode, CHILD_BUILD, sizeof(lv.mode));
	return emit(l, dst, d, &lv, NULL, NULL);
}

int brt_lpm_build_node(struct brt_lpm *l, struct lpm_node *dst, unsigned d,
		       uint32_t sub, uint32_t def)
{
	return build(l, dst, NULL, d, sub, def);
}

int brt_lpm_build_head(struct brt_lpm *l, struct lpm_node *dst, uint32_t *inl,
		       uint32_t sub, uint32_t def)
{
	return build(l, dst, inl, l->dbits, sub, def);
}

void brt_lpm_retire_subtree(struct brt_lpm *l, const struct lpm_node *n)
{
	unsigned i, nc = popc(n->vec);

	for (i = 0; i < nc; i++)
		brt_lpm_retire_subtree(l, &LPM_NODES(l)[n->base1 + i]);
	brt_lpm_retire(l, LPM_K_NODE, n->base1, nc);
	if (!lpm_inline(n))
		brt_lpm_retire(l, LPM_K_LEAF, n->base0, popc(n->leafvec));
}

/*
 * How each child slot of the new node comes about. At the level where
 * the changed prefix ends, a slot depends on it exactly when no longer
 * prefix of the level covers the slot (plen <= len, after the change).
 */
static void choose_modes(struct level *lv, const struct lpm_node *o,
			 unsigned d, const struct lpm_upd *u)
{
	bool target = u->len <= d + LPM_STRIDE;
	unsigned sp = lpm_slot(u->key, d, LPM_STRIDE);
	unsigned sh = target ? d + LPM_STRIDE - u->len : 0;
	unsigned lo = sp >> sh << sh, hi = lo + (1u << sh), s;
	uint64_t bits;

	for (bits = lv->cmask; bits; bits &= bits - 1) {
		bool had;

		s = (unsigned)__builtin_ctzll(bits);
		had = o->vec >> s & 1;
		if (!target && s == sp)
			lv->mode[s] = had ? CHILD_RECURSE : CHILD_BUILD;
		else if (target && s >= lo && s < hi && lv->plen[s] <= u->len)
			lv->mode[s] = CHILD_BUILD;
		else
			lv->mode[s] = had ? CHILD_REUSE : CHILD_BUILD;
	}
}

/* Retire what of @o the new node (modes in @lv) does not keep. */
static void retire_replaced(struct brt_lpm *l, const struct lpm_node *o,
			    const struct level *lv)
{
	uint64_t bits;

	for (bits = o->vec; bits; bits &= bits - 1) {
		unsigned s = (unsigned)__builtin_ctzll(bits);

		if (lv->croot[s] == LPM_NIL || lv->mode[s] == CHILD_BUILD)
			brt_lpm_retire_subtree(l, child_at(l, o, s));
	}
	brt_lpm_retire(l, LPM_K_NODE, o->base1, popc(o->vec));
	if (!lpm_inline(o))
		brt_lpm_retire(l, LPM_K_LEAF, o->base0, popc(o->leafvec));
}

static int rebuild(struct brt_lpm *l, struct lpm_node *dst, uint32_t *inl,
		   const struct lpm_node *old, unsigned d, uint32_t sub,
		   uint32_t def, const struct lpm_upd *u)
{
	struct level lv;
	int err;

	lv.inl = inl;
	lv.cmask = brt_lpm_paint(&l->trie, sub, d, LPM_STRIDE, def, lv.v,
				 lv.croot, lv.plen);
	memset(lv.mode, CHILD_BUILD, sizeof(lv.mode));
	choose_modes(&lv, old, d, u);
	err = emit(l, dst, d, &lv, old, u);
	if (!err)
		retire_replaced(l, old, &lv);
	return err;
}

int brt_lpm_rebuild_node(struct brt_lpm *l, struct lpm_node *dst,
			 const struct lpm_node *old, unsigned d, uint32_t sub,
			 uint32_t def, const struct lpm_upd *u)
{
	return rebuild(l, dst, NULL, old, d, sub, def, u);
}

int brt_lpm_rebuild_head(struct brt_lpm *l, struct lpm_node *dst,
			 uint32_t *inl, const struct lpm_node *old,
			 uint32_t sub, uint32_t def, const struct lpm_upd *u)
{
	return rebuild(l, dst, inl, old, l->dbits, sub, def, u);
}
