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
 *    retired (brt_lpm_retire), exactly once.
 */
#include <string.h>

#include "lpm_impl.h"
#include "lpm_update.h"
#include "bestroute/bestroute.h"

enum child_mode { CHILD_BUILD, CHILD_REUSE, CHILD_RECURSE };

struct level {
	uint32_t v[64];
	uint32_t croot[64];
	uint8_t mode[64];
};

static unsigned popc(uint64_t x)
{
	return (unsigned)__builtin_popcountll(x);
}

/* Index of the child of @n at slot @s (whose vec bit is set). */
static uint32_t child_at(const struct lpm_node *n, unsigned s)
{
	uint64_t upto = s == 63 ? ~0ull : (2ull << s) - 1;

	return n->base1 + popc(n->vec & upto) - 1;
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

static int update_node(struct brt_lpm *l, uint32_t dst, uint32_t old,
		       unsigned d, uint32_t sub, uint32_t def,
		       const struct lpm_upd *u);

static int emit_child(struct brt_lpm *l, uint32_t dst, const struct lpm_node *old,
		      unsigned d, const struct level *lv, unsigned s,
		      const struct lpm_upd *u)
{
	switch (lv->mode[s]) {
	case CHILD_REUSE:
		LPM_NODES(l)[dst] = LPM_NODES(l)[child_at(old, s)];
		return 0;
	case CHILD_RECURSE:
		return update_node(l, dst, child_at(old, s), d + LPM_STRIDE,
				   lv->croot[s], lv->v[s], u);
	default:
		return brt_lpm_build_node(l, dst, d + LPM_STRIDE, lv->croot[s],
					  lv->v[s]);
	}
}

/* Write node @dst at depth @d from a painted level. */
static int emit(struct brt_lpm *l, uint32_t dst, unsigned d,
		const struct level *lv, const struct lpm_node *old,
		const struct lpm_upd *u)
{
	struct lpm_node n = { 0, 0, 0, 0 };
	uint32_t leaves[64];
	unsigned s, i = 0, nl, nc;
	int err;

	for (s = 0; s < 64; s++)
		if (lv->croot[s] != LPM_NIL)
			n.vec |= 1ull << s;
	nl = leaf_runs(lv->v, n.vec, &n.leafvec, leaves);
	nc = popc(n.vec);
	if (nl && (n.base0 = brt_lpm_alloc(l, true, nl)) == LPM_NIL)
		return BRT_ENOMEM;
	if (nc && (n.base1 = brt_lpm_alloc(l, false, nc)) == LPM_NIL)
		return BRT_ENOMEM;
	if (nl)
		memcpy(&LPM_LEAVES(l)[n.base0], leaves, nl * sizeof(*leaves));
	for (s = 0; s < 64; s++) {
		if (!(n.vec >> s & 1))
			continue;
		err = emit_child(l, n.base1 + i++, old, d, lv, s, u);
		if (err)
			return err;
	}
	LPM_NODES(l)[dst] = n;
	return 0;
}

int brt_lpm_build_node(struct brt_lpm *l, uint32_t dst, unsigned d,
		       uint32_t sub, uint32_t def)
{
	struct level lv;

	brt_lpm_paint(&l->trie, sub, d, LPM_STRIDE, def, lv.v, lv.croot);
	memset(lv.mode, CHILD_BUILD, sizeof(lv.mode));
	return emit(l, dst, d, &lv, NULL, NULL);
}

void brt_lpm_retire_subtree(struct brt_lpm *l, const struct lpm_node *n)
{
	unsigned i, nc = popc(n->vec);

	for (i = 0; i < nc; i++)
		brt_lpm_retire_subtree(l, &LPM_NODES(l)[n->base1 + i]);
	brt_lpm_retire(l, false, n->base1, nc);
	brt_lpm_retire(l, true, n->base0, popc(n->leafvec));
}

/* How each child slot of the new node comes about. */
static void choose_modes(struct level *lv, const struct lpm_node *o,
			 unsigned d, const struct lpm_upd *u)
{
	bool target = u->len <= d + LPM_STRIDE;
	unsigned sp = lpm_slot(u->key, d, LPM_STRIDE);
	unsigned sh = target ? d + LPM_STRIDE - u->len : 0;
	unsigned lo = sp >> sh << sh, hi = lo + (1u << sh), s;

	for (s = 0; s < 64; s++) {
		bool had = o->vec >> s & 1;

		if (lv->croot[s] == LPM_NIL)
			continue;
		if (!target && s == sp)
			lv->mode[s] = had ? CHILD_RECURSE : CHILD_BUILD;
		else if (target && s >= lo && s < hi && lv->v[s] != u->oldv[s])
			lv->mode[s] = CHILD_BUILD;
		else
			lv->mode[s] = had ? CHILD_REUSE : CHILD_BUILD;
	}
}

/* Retire what of @o the new node (modes in @lv) does not keep. */
static void retire_replaced(struct brt_lpm *l, const struct lpm_node *o,
			    const struct level *lv)
{
	unsigned s;

	for (s = 0; s < 64; s++) {
		if (!(o->vec >> s & 1))
			continue;
		if (lv->croot[s] == LPM_NIL || lv->mode[s] == CHILD_BUILD)
			brt_lpm_retire_subtree(l, &LPM_NODES(l)[child_at(o, s)]);
	}
	brt_lpm_retire(l, false, o->base1, popc(o->vec));
	brt_lpm_retire(l, true, o->base0, popc(o->leafvec));
}

static int update_node(struct brt_lpm *l, uint32_t dst, uint32_t old,
		       unsigned d, uint32_t sub, uint32_t def,
		       const struct lpm_upd *u)
{
	const struct lpm_node *o = &LPM_NODES(l)[old];
	struct level lv;
	int err;

	brt_lpm_paint(&l->trie, sub, d, LPM_STRIDE, def, lv.v, lv.croot);
	memset(lv.mode, CHILD_BUILD, sizeof(lv.mode));
	choose_modes(&lv, o, d, u);
	err = emit(l, dst, d, &lv, o, u);
	if (!err)
		retire_replaced(l, o, &lv);
	return err;
}

int brt_lpm_rebuild_node(struct brt_lpm *l, uint32_t dst, uint32_t old,
			 unsigned d, uint32_t sub, uint32_t def,
			 const struct lpm_upd *u)
{
	return update_node(l, dst, old, d, sub, def, u);
}
