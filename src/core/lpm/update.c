/*
 * update.c - one insert or delete: trie first, then the structure.
 *
 * Invariants:
 *  - the structure is changed only through direct entries: each new
 *    entry (a leaf, or a fresh one-node block heading a rebuilt path) is
 *    fully built before the first one is stored, and each store is a
 *    release store, so a reader sees an entry's old subtree or its new
 *    one, never a mix; then the update is published (arena.c);
 *  - a prefix no longer than the direct bits changes only the entries of
 *    its range whose painted value changed (the prefixes beneath them are
 *    not affected); a longer one changes one entry, along one path;
 *  - on failure (out of memory) nothing was stored, fresh blocks are
 *    freed and the trie change is undone, so the structure still answers
 *    for the table it answered for before.
 */
#include <stdlib.h>

#include "lpm_update.h"
#include "bestroute/bestroute.h"

static int trie_change(struct brt_lpm *l, lpm_key k, unsigned len,
		       bool insert, uint32_t value, bool *changed,
		       uint32_t *old)
{
	if (insert)
		return brt_lpm_trie_insert(&l->trie, k, len, value, changed, old);
	*changed = true;
	return brt_lpm_trie_delete(&l->trie, k, len, old);
}

static void trie_undo(struct brt_lpm *l, lpm_key k, unsigned len,
		      bool insert, uint32_t old)
{
	bool changed;
	uint32_t dummy;

	/* cannot fail: the nodes the change freed are free again */
	if (insert && old == LPM_NIL)
		brt_lpm_trie_delete(&l->trie, k, len, &dummy);
	else
		brt_lpm_trie_insert(&l->trie, k, len, old, &changed, &dummy);
}

static void retire_entry(struct brt_lpm *l, uint32_t e)
{
	if (e & LPM_LEAF)
		return;
	brt_lpm_retire_subtree(l, &LPM_NODES(l)[e]);
	brt_lpm_retire(l, false, e, 1);
}

/* A new direct entry for slot @sub/@def of the direct level. */
static int fresh_entry(struct brt_lpm *l, uint32_t sub, uint32_t def,
		       uint32_t *e)
{
	uint32_t b;

	if (sub == LPM_NIL) {
		*e = LPM_LEAF | def;
		return 0;
	}
	b = brt_lpm_alloc(l, false, 1);
	if (b == LPM_NIL)
		return BRT_ENOMEM;
	*e = b;
	return brt_lpm_build_node(l, b, l->dbits, sub, def);
}

static void paint_at(struct brt_lpm *l, lpm_key k, unsigned d, unsigned s,
		     uint32_t *v, uint32_t *croot)
{
	uint32_t def, sub = brt_lpm_trie_find(&l->trie, k, d, &def);

	brt_lpm_paint(&l->trie, sub, d, s, def, v, croot);
}

/* A prefix of length <= dbits: the entries of its range. */
static int update_short(struct brt_lpm *l, lpm_key k, unsigned len,
			bool insert, uint32_t value)
{
	unsigned s = l->dbits - len, n = 1u << s, i;
	uint32_t first = lpm_slot(k, 0, l->dbits), old;
	uint32_t *buf = malloc((size_t)n * 4 * sizeof(*buf));
	uint32_t *oldv = buf, *newv = buf + n, *croot = buf + 2 * n;
	uint32_t *ent = buf + 3 * n;
	bool changed = false;
	int err;

	if (!buf)
		return BRT_ENOMEM;
	paint_at(l, k, len, s, oldv, croot);
	err = trie_change(l, k, len, insert, value, &changed, &old);
	if (err || !changed)
		goto out;
	paint_at(l, k, len, s, newv, croot);
	for (i = 0; i < n && !err; i++)
		if (newv[i] != oldv[i])
			err = fresh_entry(l, croot[i], newv[i], &ent[i]);
	if (err) {
		brt_lpm_abort(l);
		trie_undo(l, k, len, insert, old);
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (newv[i] == oldv[i])
			continue;
		retire_entry(l, l->direct[first + i]);
		__atomic_store_n(&l->direct[first + i], ent[i], __ATOMIC_RELEASE);
	}
	brt_lpm_publish(l);
out:
	free(buf);
	return err;
}

/* The new entry for @cur after the change @u (a prefix past dbits);
 * retires what of @cur it does not share. */
static int path_entry(struct brt_lpm *l, uint32_t cur, const struct lpm_upd *u,
		      uint32_t *e)
{
	uint32_t def, sub = brt_lpm_trie_find(&l->trie, u->key, l->dbits, &def);
	uint32_t b;

	if (sub == LPM_NIL || (cur & LPM_LEAF)) {
		retire_entry(l, cur);
		return fresh_entry(l, sub, def, e);
	}
	b = brt_lpm_alloc(l, false, 1);
	if (b == LPM_NIL)
		return BRT_ENOMEM;
	*e = b;
	brt_lpm_retire(l, false, cur, 1);
	return brt_lpm_rebuild_node(l, b, cur, l->dbits, sub, def, u);
}

/* A prefix longer than dbits: one entry, along the prefix's path. */
static int update_long(struct brt_lpm *l, lpm_key k, unsigned len,
		       bool insert, uint32_t value)
{
	struct lpm_upd u;
	unsigned dt = l->dbits + LPM_STRIDE * ((len - l->dbits - 1) / LPM_STRIDE);
	uint32_t croot[64], e = lpm_slot(k, 0, l->dbits), ne, old;
	bool changed = false;
	int err;

	u.key = k;
	u.len = len;
	paint_at(l, k, dt, LPM_STRIDE, u.oldv, croot);
	err = trie_change(l, k, len, insert, value, &changed, &old);
	if (err || !changed)
		return err;
	err = path_entry(l, l->direct[e], &u, &ne);
	if (err) {
		brt_lpm_abort(l);
		trie_undo(l, k, len, insert, old);
		return err;
	}
	__atomic_store_n(&l->direct[e], ne, __ATOMIC_RELEASE);
	brt_lpm_publish(l);
	return 0;
}

int brt_lpm_update(struct brt_lpm *l, lpm_key k, unsigned len, bool insert,
		   uint32_t value)
{
	k &= lpm_mask(len);
	if (len <= l->dbits)
		return update_short(l, k, len, insert, value);
	return update_long(l, k, len, insert, value);
}
