/*
 * build.c - writing nodes from the control trie, fresh or incrementally.
 *
 * Invariants:
 *  - a node is written completely into blocks nobody can reach yet (fresh
 *    blocks), and becomes visible only when the update publishes the
 *    direct entry above it (update.c); published nodes are never written;
 *  - an incremental rebuild of a node starts from the old node's leaf
 *    values and child records (children it keeps share their blocks) and
 *    repaints only what the changed prefix touches: above the level the
 *    prefix ends in, the one slot on its path (a child rebuilt along the
 *    path, made, or dropped); in that level, the slots it covers, painted
 *    from its trie subtree (upd_path.c), where children whose inherited
 *    value changed are built afresh: a child's content depends only on
 *    that value and on the prefixes beneath it; a node whose path slot
 *    keeps its child keeps its leaf block too (shared by old and new
 *    version, both of which only read it);
 *  - every block of the old version that the new one does not share is
 *    retired (lpm_retire), exactly once, before the update's point
 *    of no return: a retirement that fails fails the update;
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

/* The leaf runs of v[] (child slots skipped): without branches, the
 * run starts are as random as the table, and mispredicting them cost
 * more than the rest of a small update's rebuild. */
static unsigned leaf_runs(const uint32_t *v, uint64_t vec, uint64_t *leafvec,
			  uint32_t *out)
{
	uint64_t starts = 0;
	uint32_t last = 0;
	unsigned s, n = 0, seen = 0;

	if (!vec) {	/* no children (most heads): no chain through last */
		starts = 1;
		for (s = 1; s < 64; s++)
			starts |= (uint64_t)(v[s] != v[s - 1]) << s;
		for (*leafvec = starts; starts; starts &= starts - 1)
			out[n++] = v[__builtin_ctzll(starts)];
		return n;
	}
	for (s = 0; s < 64; s++) {
		unsigned leaf = !(vec >> s & 1);
		unsigned start = leaf & (!seen | (v[s] != last));

		out[n] = v[s];	/* kept only when a run starts here */
		n += start;
		starts |= (uint64_t)start << s;
		last = leaf ? v[s] : last;
		seen |= leaf;
	}
	*leafvec = starts;
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
		return lpm_rebuild_node(l, dst, child_at(l, old, s),
					    d + LPM_STRIDE, u);
	default:
		return lpm_build_node(l, dst, d + LPM_STRIDE, lv->croot[s],
					  lv->v[s]);
	}
}

/* The children of node *n (its vec) in a fresh block, at n->base1, each
 * as the mode of its slot in @lv says. */
static int emit_children(struct brt_lpm *l, struct lpm_node *n,
			 const struct lpm_node *old, unsigned d,
			 const struct level *lv, const struct lpm_upd *u)
{
	unsigned i = 0;
	uint64_t bits;
	int err;

	if (!n->vec)
		return 0;
	n->base1 = lpm_alloc(l, LPM_K_NODE, popc(n->vec));
	if (n->base1 == LPM_NIL)
		return BRT_ENOMEM;
	for (bits = n->vec; bits; bits &= bits - 1) {
		struct lpm_node c;

		err = emit_child(l, &c, old, d, lv,
				 (unsigned)__builtin_ctzll(bits), u);
		if (err)
			return err;
		LPM_NODES(l)[n->base1 + i++] = c;
	}
	return 0;
}

/* Write node *dst (not in an arena) at depth @d from a painted level. */
static int emit(struct brt_lpm *l, struct lpm_node *dst, unsigned d,
		const struct level *lv, const struct lpm_node *old,
		const struct lpm_upd *u)
{
	struct lpm_node n = { 0, 0, 0, 0 };
	uint32_t leaves[64];
	unsigned nl, nc;
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
	if (nl && (n.base0 = lpm_alloc(l, LPM_K_LEAF, nl)) == LPM_NIL)
		return BRT_ENOMEM;
	if (nl)
		memcpy(&LPM_LEAVES(l)[n.base0], leaves, nl * sizeof(*leaves));
	err = emit_children(l, &n, old, d, lv, u);
	if (!err)
		*dst = n;
	return err;
}

static int build(struct brt_lpm *l, struct lpm_node *dst, uint32_t *inl,
		 unsigned d, uint32_t sub, uint32_t def)
{
	struct level lv;

	lv.inl = inl;
	lv.cmask = lpm_paint(&l->trie, sub, d, LPM_STRIDE, def, lv.v,
				 lv.croot, NULL);
	memset(lv.mode, CHILD_BUILD, sizeof(lv.mode));
	return emit(l, dst, d, &lv, NULL, NULL);
}

int lpm_build_node(struct brt_lpm *l, struct lpm_node *dst, unsigned d,
		       uint32_t sub, uint32_t def)
{
	return build(l, dst, NULL, d, sub, def);
}

int lpm_build_head(struct brt_lpm *l, struct lpm_node *dst, uint32_t *inl,
		       uint32_t sub, uint32_t def)
{
	return build(l, dst, inl, l->dbits, sub, def);
}

/* Retire the blocks of node @n itself: its children's records and its
 * leaves (unless it keeps them inline), not what is below the children. */
static int retire_blocks(struct brt_lpm *l, const struct lpm_node *n)
{
	int err = lpm_retire(l, LPM_K_NODE, n->base1, popc(n->vec));

	if (!err && !lpm_inline(n))
		err = lpm_retire(l, LPM_K_LEAF, n->base0,
				     popc(n->leafvec));
	return err;
}

int lpm_retire_subtree(struct brt_lpm *l, const struct lpm_node *n)
{
	unsigned i, nc = popc(n->vec);
	int err = 0;

	for (i = 0; i < nc && !err; i++)
		err = lpm_retire_subtree(l, &LPM_NODES(l)[n->base1 + i]);
	return err ? err : retire_blocks(l, n);
}

/* The leaf values of a node (@vec, @leafvec, runs @leaves) into v[]. */
static void decode(uint64_t vec, uint64_t leafvec, const uint32_t *leaves,
		   uint32_t *v)
{
	unsigned s, r = 0, end;

	if (!vec) {	/* no children (most heads): fill run by run */
		for (; leafvec; leafvec &= leafvec - 1, r++) {
			s = (unsigned)__builtin_ctzll(leafvec);
			end = leafvec & (leafvec - 1) ?
			      (unsigned)__builtin_ctzll(leafvec & (leafvec - 1)) :
			      64;
			while (s < end)
				v[s++] = leaves[r];
		}
		return;
	}
	for (s = 0; s < 64; s++) {
		if (vec >> s & 1) {
			v[s] = 0;	/* a child's: leaf_runs reads, skips it */
			continue;
		}
		r += (unsigned)(leafvec >> s & 1);
		v[s] = leaves[r - 1];
	}
}

/* The trie subtree that the child at the end of level @d on the changed
 * prefix's path is built from, or LPM_NIL when that slot has no child:
 * a prefix ending exactly there without longer ones is a leaf value. */
static uint32_t path_child(const struct lpm_trie *t, unsigned d,
			   const struct lpm_upd *u)
{
	unsigned end = d + LPM_STRIDE;
	uint32_t c = lpm_upd_at(t, u, end);

	if (c != LPM_NIL && t->n[c].len == end &&
	    t->n[c].child[0] == LPM_NIL && t->n[c].child[1] == LPM_NIL)
		c = LPM_NIL;
	return c;
}

/*
 * The changed prefix is longer than this level: only the slot on its
 * path changes, and only whether it has a child (and then its content).
 */
static void change_path_slot(struct brt_lpm *l, struct level *lv,
			     const struct lpm_node *o, unsigned d,
			     const struct lpm_upd *u)
{
	const struct lpm_trie *t = &l->trie;
	unsigned end = d + LPM_STRIDE, sp = lpm_slot(u->key, d, LPM_STRIDE);
	uint32_t c = path_child(t, d, u);

	lv->v[sp] = lpm_upd_value(t, u, end);
	lv->croot[sp] = c;
	if (c == LPM_NIL) {
		lv->cmask &= ~(1ull << sp);
		return;
	}
	lv->cmask |= 1ull << sp;
	lv->mode[sp] = o->vec >> sp & 1 ? CHILD_RECURSE : CHILD_BUILD;
}

/*
 * The changed prefix ends in this level: repaint the slots it covers from
 * its subtree over the value covering it. A child there depends on it
 * exactly when no longer prefix of the level covers the slot (plen <=
 * len); the other slots keep their values and children.
 */
static void change_range(struct brt_lpm *l, struct level *lv,
			 const struct lpm_node *o, unsigned d,
			 const struct lpm_upd *u)
{
	const struct lpm_trie *t = &l->trie;
	unsigned sh = d + LPM_STRIDE - u->len, s;
	unsigned lo = lpm_slot(u->key, d, LPM_STRIDE) >> sh << sh;
	unsigned hi = lo + (1u << sh);
	uint64_t range = (sh == 6 ? ~0ull : ((1ull << (1u << sh)) - 1) << lo);
	uint64_t cm = lpm_paint_range(t, lpm_upd_at(t, u, u->len), d,
					  LPM_STRIDE, lo, hi,
					  lpm_upd_value(t, u, u->len - 1),
					  lv->v, lv->croot, lv->plen);

	lv->cmask = (lv->cmask & ~range) | cm;
	for (; cm; cm &= cm - 1) {
		s = (unsigned)__builtin_ctzll(cm);
		lv->mode[s] = lv->plen[s] <= u->len || !(o->vec >> s & 1) ?
			      CHILD_BUILD : CHILD_REUSE;
	}
}

/* Retire what of @o the new node (in @lv) does not keep; @blocks: @o's
 * leaves and children have blocks of their own (not a short head). */
static int retire_replaced(struct brt_lpm *l, const struct lpm_node *o,
			   const struct level *lv, bool blocks)
{
	uint64_t bits;
	int err = 0;

	for (bits = o->vec; bits && !err; bits &= bits - 1) {
		unsigned s = (unsigned)__builtin_ctzll(bits);

		if (!(lv->cmask >> s & 1) || lv->mode[s] == CHILD_BUILD)
			err = lpm_retire_subtree(l, child_at(l, o, s));
	}
	if (err || !blocks)
		return err;
	return retire_blocks(l, o);
}

/*
 * Node @o at depth @d when the changed prefix goes on below the child at
 * its path slot @sp, which it keeps: only that child changes. The leaf
 * runs and their block stay as they are (shared by the new node, so not
 * retired), and the children get a new block, with the one on the path
 * rebuilt. This is most levels of a long prefix's update (4 of the 5 of
 * an IPv6 /48), and saves them decoding and re-encoding 64 slots and
 * copying their leaves.
 */
static int rebuild_path_child(struct brt_lpm *l, struct lpm_node *dst,
			      const struct lpm_node *o, unsigned d,
			      const struct lpm_upd *u, unsigned sp)
{
	struct lpm_node n = *o;
	struct level lv;	/* only the modes: no slot is built afresh */
	int err;

	memset(lv.mode, CHILD_REUSE, sizeof(lv.mode));
	lv.mode[sp] = CHILD_RECURSE;
	err = emit_children(l, &n, o, d, &lv, u);
	if (err)
		return err;
	*dst = n;
	return lpm_retire(l, LPM_K_NODE, o->base1, popc(o->vec));
}

/* Node @o at depth @d after the change @u: its old leaves and children,
 * with only the slots the change touches repainted from the trie. */
static int rebuild(struct brt_lpm *l, struct lpm_node *dst, uint32_t *inl,
		   const struct lpm_node *o, const uint32_t *oleaves,
		   unsigned d, const struct lpm_upd *u)
{
	struct lpm_node old = *o;
	uint32_t two[2] = { old.base0, old.base1 };
	unsigned sp = lpm_slot(u->key, d, LPM_STRIDE);
	struct level lv;
	int err;

	if (u->len > d + LPM_STRIDE && (old.vec >> sp & 1) &&
	    path_child(&l->trie, d, u) != LPM_NIL)
		return rebuild_path_child(l, dst, &old, d, u, sp);
	lv.inl = inl;
	decode(old.vec, old.leafvec, oleaves ? oleaves : lpm_inline(&old) ?
	       two : &LPM_LEAVES(l)[old.base0], lv.v);
	lv.cmask = old.vec;
	memset(lv.mode, CHILD_REUSE, sizeof(lv.mode));
	if (u->len > d + LPM_STRIDE)
		change_path_slot(l, &lv, &old, d, u);
	else
		change_range(l, &lv, &old, d, u);
	err = emit(l, dst, d, &lv, &old, u);
	if (!err)
		err = retire_replaced(l, &old, &lv, !oleaves);
	return err;
}

int lpm_rebuild_node(struct brt_lpm *l, struct lpm_node *dst,
			 const struct lpm_node *old, unsigned d,
			 const struct lpm_upd *u)
{
	return rebuild(l, dst, NULL, old, NULL, d, u);
}

int lpm_rebuild_head(struct brt_lpm *l, struct lpm_node *dst,
			 uint32_t *inl, const struct lpm_node *old,
			 const uint32_t *oleaves, const struct lpm_upd *u)
{
	return rebuild(l, dst, inl, old, oleaves, l->dbits, u);
}
