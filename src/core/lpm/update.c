/*
 * update.c - one insert or delete: trie first, then the structure.
 *
 * Invariants:
 *  - the structure is changed only through direct entries: each new
 *    entry (a leaf, or a fresh head over a rebuilt or shared subtree) is
 *    fully built before the first one is stored, and each store is a
 *    release store, so a reader sees an entry's old version or its new
 *    one, never a mix; then the update is published (arena.c);
 *  - a prefix no longer than the direct bits changes only the entries of
 *    its range it is (after an insert) or was (before a delete) the
 *    longest match for: leaves get the new value, heads are copied with
 *    the new def and keep their subtree (whose leaves inherit the def);
 *  - a longer prefix changes one entry, along one path (build.c), and
 *    only the slots of that path it touches;
 *  - on failure (out of memory) nothing was stored, fresh blocks are
 *    freed and the trie change is undone, so the structure still answers
 *    for the table it answered for before.
 */
#include <stdlib.h>
#include <string.h>

#include "lpm_update.h"
#include "bestroute/bestroute.h"

static int trie_change(struct brt_lpm *l, lpm_key k, unsigned len,
		       bool insert, uint32_t value, bool *changed,
		       uint32_t *old)
{
	if (insert)
		return lpm_trie_insert(&l->trie, k, len, value, changed, old);
	*changed = true;
	return lpm_trie_delete(&l->trie, k, len, old);
}

static void trie_undo(struct brt_lpm *l, lpm_key k, unsigned len,
		      bool insert, uint32_t old)
{
	bool changed;
	uint32_t dummy;

	/* cannot fail: the nodes the change freed are free again */
	if (insert && old == LPM_NIL)
		lpm_trie_delete(&l->trie, k, len, &dummy);
	else
		lpm_trie_insert(&l->trie, k, len, old, &changed, &dummy);
}

/* The last steps of an update that can fail, once its blocks are built
 * and its retirements recorded: the small table's next block (small.c)
 * and room to publish the retirements (arena.c). After them come only
 * the stores and publish(). */
static int prepare_stores(struct brt_lpm *l, uint32_t *sm)
{
	int err = lpm_small_prepare(l, sm);

	return err ? err : lpm_publish_prepare(l);
}

/* After an update's direct entries are stored: its small table block
 * @sm, then the epoch that starts its retirements' grace period. */
static void publish(struct brt_lpm *l, uint32_t sm)
{
	lpm_small_set(l, sm);
	lpm_publish(l);
}

static int retire_head(struct brt_lpm *l, uint32_t e)
{
	return lpm_retire(l, LPM_K_HEAD, e & ~LPM_SHORT,
			      lpm_head_units(l, e));
}

/* Retire entry @e with everything below it (a short head holds its
 * leaves itself). */
static int retire_entry(struct brt_lpm *l, uint32_t e)
{
	int err;

	if (e & LPM_LEAF)
		return 0;
	if (!(e & LPM_SHORT)) {
		err = lpm_retire_subtree(l, &lpm_fhead(l->ha.base, e)->n);
		if (err)
			return err;
	}
	return retire_head(l, e);
}

/* A new short head with @runs leaves @v (not in an arena: the allocation
 * may move it). */
static int put_short(struct brt_lpm *l, uint64_t leafvec, const uint32_t *v,
		     uint32_t def, uint32_t *e)
{
	unsigned runs = (unsigned)__builtin_popcountll(leafvec);
	uint32_t b = lpm_alloc(l, LPM_K_HEAD, lpm_short_units(runs));
	struct lpm_shead *h;

	if (b == LPM_NIL)
		return BRT_ENOMEM;
	h = lpm_shead(l->ha.base, b);
	h->leafvec = leafvec;
	h->def = def;
	memcpy(h->leaf, v, runs * sizeof(*v));
	*e = b | LPM_SHORT;
	return 0;
}

/*
 * A new head for node @n and @def: short when @n has no children (the
 * canonical form check.c demands), with the leaves @inl the build gave.
 */
static int put_head(struct brt_lpm *l, const struct lpm_node *n,
		    const uint32_t *inl, uint32_t def, uint32_t *e)
{
	struct lpm_head *h;
	uint32_t b;

	if (!n->vec)
		return put_short(l, n->leafvec, inl, def, e);
	b = lpm_alloc(l, LPM_K_HEAD, 2);
	if (b == LPM_NIL)
		return BRT_ENOMEM;
	h = lpm_fhead(l->ha.base, b);
	h->n = *n;
	h->def = def;
	h->pad = 0;
	*e = b;
	return 0;
}

/* A new direct entry from scratch: a leaf, or a head over a fresh subtree
 * whose leaves say LPM_INHERIT where only @def covers them. */
static int fresh_entry(struct brt_lpm *l, uint32_t sub, uint32_t def,
		       uint32_t *e)
{
	struct lpm_node n;
	uint32_t inl[64];
	int err;

	if (sub == LPM_NIL) {
		*e = LPM_LEAF | def;
		return 0;
	}
	err = lpm_build_head(l, &n, inl, sub, LPM_INHERIT);
	if (!err)
		err = put_head(l, &n, inl, def, e);
	return err;
}

/* Entry @cur with a new def: a leaf, or a new head sharing the subtree
 * (a short head: copying its leaves). */
static int redef_entry(struct brt_lpm *l, uint32_t cur, uint32_t def,
		       uint32_t *e)
{
	int err;

	if (cur & LPM_LEAF) {
		*e = LPM_LEAF | def;
		return 0;
	}
	if (cur & LPM_SHORT) {
		const struct lpm_shead *o = lpm_shead(l->ha.base, cur);
		uint64_t leafvec = o->leafvec;
		uint32_t v[64];

		memcpy(v, o->leaf, (size_t)__builtin_popcountll(leafvec) * 4);
		err = put_short(l, leafvec, v, def, e);
	} else {
		struct lpm_node n = lpm_fhead(l->ha.base, cur)->n;

		err = put_head(l, &n, NULL, def, e);
	}
	if (!err)
		err = retire_head(l, cur);
	return err;
}

/*
 * A prefix of length <= dbits: the entries of its range whose value it
 * gives (after an insert) or gave (before a delete) get the new value;
 * the subtrees below are untouched, their leaves inherit from the head.
 */
static int update_short(struct brt_lpm *l, lpm_key k, unsigned len,
			bool insert, uint32_t value)
{
	unsigned s = l->dbits - len, n = 1u << s, i;
	uint32_t first = lpm_slot(k, 0, l->dbits), old, def, sub, sm;
	uint32_t *buf = malloc((size_t)n * 3 * sizeof(*buf)), *v, *croot, *ent;
	uint8_t *plen = malloc(n);
	bool changed = false;
	int err;

	if (!buf || !plen) {
		err = BRT_ENOMEM;
		goto out;
	}
	v = buf, croot = buf + n, ent = buf + 2 * n;
	err = trie_change(l, k, len, insert, value, &changed, &old);
	if (err || !changed)
		goto out;
	sub = lpm_trie_find(&l->trie, k, len, &def);
	lpm_paint(&l->trie, sub, len, s, def, v, croot, plen);
	for (i = 0; i < n && !err; i++)
		if (plen[i] <= len)
			err = redef_entry(l, l->direct[first + i], v[i], &ent[i]);
	if (!err)
		err = prepare_stores(l, &sm);
	if (err) {
		lpm_abort(l);
		trie_undo(l, k, len, insert, old);
		goto out;
	}
	for (i = 0; i < n; i++)
		if (plen[i] <= len)
			__atomic_store_n(&l->direct[first + i], ent[i],
					 __ATOMIC_RELEASE);
	publish(l, sm);
out:
	free(buf);
	free(plen);
	return err;
}

/* The value of the longest prefix of length <= dbits of direct entry
 * @e: a prefix longer than dbits does not change it. */
static uint32_t entry_def(const struct brt_lpm *l, uint32_t e)
{
	if (e & LPM_LEAF)
		return e & ~LPM_LEAF;
	if (e & LPM_SHORT)
		return lpm_shead(l->ha.base, e)->def;
	return lpm_fhead(l->ha.base, e)->def;
}

/* The trie subtree of the prefixes longer than dbits under @k's direct
 * entry: its slot node (trie.c), or LPM_NIL when it holds none. */
static uint32_t slot_sub(const struct brt_lpm *l, lpm_key k)
{
	const struct lpm_trie *t = &l->trie;
	uint32_t s = t->slot[lpm_slot(k, 0, l->dbits)];

	if (s == LPM_NIL || (t->n[s].child[0] == LPM_NIL &&
			     t->n[s].child[1] == LPM_NIL))
		return LPM_NIL;
	return s;
}

/* The new entry for @cur after the change @u (a prefix past dbits);
 * retires what of @cur it does not share. */
static int path_entry(struct brt_lpm *l, uint32_t cur, const struct lpm_upd *u,
		      uint32_t *e)
{
	uint32_t def = entry_def(l, cur), sub = slot_sub(l, u->key);
	const uint32_t *oleaves = NULL;
	struct lpm_node old, n;
	uint32_t inl[64];
	int err;

	if (sub == LPM_NIL || (cur & LPM_LEAF)) {
		err = retire_entry(l, cur);
		return err ? err : fresh_entry(l, sub, def, e);
	}
	if (cur & LPM_SHORT) {	/* its leaves are in the head block */
		const struct lpm_shead *sh = lpm_shead(l->ha.base, cur);

		old = (struct lpm_node){ 0, sh->leafvec, 0, 0 };
		oleaves = sh->leaf;
	} else {
		old = lpm_fhead(l->ha.base, cur)->n;
	}
	/* the rebuild reads the old leaves before it allocates; heads are
	 * allocated only after it */
	err = lpm_rebuild_head(l, &n, inl, &old, oleaves, u);
	if (!err)
		err = retire_head(l, cur);
	if (!err)
		err = put_head(l, &n, inl, def, e);
	return err;
}

/* Start fetching what an update of direct entry @e reads: its slot node
 * (which the trie change starts from) and its head (the rebuild's), so
 * the two chains of cache misses overlap instead of adding up. Returns
 * the entry: GCC deletes a call to a function of prefetches alone. */
static uint32_t prefetch_slot(const struct brt_lpm *l, uint32_t e)
{
	uint32_t s, cur;

	__builtin_prefetch(&l->trie.slot[e]);
	__builtin_prefetch(&l->direct[e]);
	s = l->trie.slot[e];
	cur = l->direct[e];
	if (s != LPM_NIL) {
		/* bulk loading lays a slot node's subtree out right after it,
		 * in preorder, so the next 16 lines (32 nodes) hold most
		 * paths down: IPv4 updates after a bulk load went from about
		 * 1.1 to 1.5M/s; on a trie built one insert at a time the
		 * extra lines cost nothing measurable */
		const char *t = (const char *)&l->trie.n[s];
		unsigned i;

		for (i = 0; i < 16; i++)
			__builtin_prefetch(t + 64 * i);
	}
	if (!(cur & LPM_LEAF)) {
		const char *h = (const char *)l->ha.base +
				(size_t)(cur & ~LPM_SHORT) * LPM_HEAD_UNIT;

		__builtin_prefetch(h);
		__builtin_prefetch(h + 64);
	}
	return cur;
}

/* A prefix longer than dbits: one entry, along the prefix's path. */
static int update_long(struct brt_lpm *l, lpm_key k, unsigned len,
		       bool insert, uint32_t value)
{
	struct lpm_upd u;
	uint32_t e = lpm_slot(k, 0, l->dbits), ne, old, cur, sm;
	bool changed = false;
	int err;

	cur = prefetch_slot(l, e);	/* the trie change leaves it alone */
	err = trie_change(l, k, len, insert, value, &changed, &old);
	if (err || !changed)
		return err;
	/* a long prefix was inserted below, or deleted from below, its slot
	 * node, which stays (trie.c) */
	lpm_upd_path(&l->trie, l->trie.slot[e], k, len, l->dbits, &u);
	err = path_entry(l, cur, &u, &ne);
	if (!err)
		err = prepare_stores(l, &sm);
	if (err) {
		lpm_abort(l);
		trie_undo(l, k, len, insert, old);
		return err;
	}
	__atomic_store_n(&l->direct[e], ne, __ATOMIC_RELEASE);
	publish(l, sm);
	return 0;
}

int lpm_update(struct brt_lpm *l, lpm_key k, unsigned len, bool insert,
		   uint32_t value)
{
	k &= lpm_mask(len);
	if (len <= l->dbits)
		return update_short(l, k, len, insert, value);
	return update_long(l, k, len, insert, value);
}

int lpm_rebuild_all(struct brt_lpm *l)
{
	size_t i, n = (size_t)1 << l->dbits;
	uint32_t *buf = malloc(n * 3 * sizeof(*buf)), *v, *croot, *ent;
	uint32_t def, sub, sm;
	int err = 0;

	if (!buf)
		return BRT_ENOMEM;
	v = buf, croot = buf + n, ent = buf + 2 * n;
	sub = lpm_trie_find(&l->trie, 0, 0, &def);
	lpm_paint(&l->trie, sub, 0, l->dbits, def, v, croot, NULL);
	for (i = 0; i < n && !err; i++)
		err = fresh_entry(l, croot[i], v[i], &ent[i]);
	for (i = 0; i < n && !err; i++)
		err = retire_entry(l, l->direct[i]);
	if (!err)
		err = prepare_stores(l, &sm);
	if (err) {
		lpm_abort(l);
		free(buf);
		return err;
	}
	for (i = 0; i < n; i++)
		__atomic_store_n(&l->direct[i], ent[i], __ATOMIC_RELEASE);
	publish(l, sm);
	free(buf);
	return 0;
}
