/*
 * bulk.c - loading many prefixes at once.
 *
 * The prefixes go into the trie in address order, so trie nodes are laid
 * out roughly in preorder (later walks over a subtree stay in few cache
 * lines), and the structure is rebuilt once instead of once per prefix.
 * All or nothing: trie room is reserved first (sorted, the prefixes tell
 * how many slot nodes they need), and a failed rebuild puts the old
 * values back.
 */
#include <stdlib.h>

#include "lpm_impl.h"
#include "bestroute/bestroute.h"

struct item {
	lpm_key key;
	size_t pos;
	unsigned len;
	uint32_t old;
};

static int cmp_item(const void *pa, const void *pb)
{
	const struct item *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static void undo(struct brt_lpm *l, const struct item *it, size_t n)
{
	bool changed;
	uint32_t dummy;

	while (n--) {
		if (it[n].old == LPM_NIL)
			lpm_trie_delete(&l->trie, it[n].key, it[n].len, &dummy);
		else
			lpm_trie_insert(&l->trie, it[n].key, it[n].len,
					    it[n].old, &changed, &dummy);
	}
}

/* At most how many slot nodes (trie.c) the sorted prefixes @it add: one
 * per direct entry holding a prefix longer than dbits. */
static size_t slot_nodes(const struct brt_lpm *l, const struct item *it,
			 size_t n)
{
	size_t i, k = 0;
	lpm_key last = 0;

	for (i = 0; i < n; i++) {
		lpm_key s = it[i].key >> (128 - l->dbits);

		if (it[i].len > l->dbits && (!k || s != last)) {
			k++;
			last = s;
		}
	}
	return k;
}

int lpm_insert_bulk(struct brt_lpm *l, const struct brt_lpm_prefix *p,
			size_t n)
{
	struct item *it;
	size_t i;
	int err = 0;

	if (!l || (!p && n))
		return BRT_EINVAL;
	for (i = 0; i < n; i++)
		if (p[i].len > l->width || p[i].value > BRT_LPM_VALUE_MAX)
			return BRT_EINVAL;
	it = malloc((n + 1) * sizeof(*it));
	if (!it)
		return BRT_ENOMEM;
	for (i = 0; i < n; i++) {
		it[i].len = p[i].len;
		it[i].key = lpm_key_of(l, p[i].addr) & lpm_mask(p[i].len);
		it[i].pos = i;
	}
	qsort(it, n, sizeof(*it), cmp_item);
	/* two nodes a prefix (itself and a branch), and the slot nodes */
	if (lpm_trie_reserve(&l->trie, 2 * n + 3 + slot_nodes(l, it, n))) {
		free(it);
		return BRT_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		bool changed;

		err = lpm_trie_insert(&l->trie, it[i].key, it[i].len,
					  p[it[i].pos].value, &changed,
					  &it[i].old);
		if (err)
			break;
	}
	if (!err)
		err = lpm_rebuild_all(l);
	if (err)
		undo(l, it, i);
	free(it);
	return err;
}
