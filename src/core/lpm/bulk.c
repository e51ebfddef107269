/*
 * bulk.c - loading many prefixes at once.
 *
 * The prefixes go into the trie in address order, so trie nodes are laid
 * out roughly in preorder (later walks over a subtree stay in few cache
 * lines), and the structure is rebuilt once instead of once per prefix.
 * All or nothing: trie room is reserved first (sorted, the prefixes tell
 * how many slot nodes they need), and a failed rebuild puts the old
 * values back.
 * A released trie (lpm_trie_release) comes back the same way, without the
 * rebuild: the prefixes restored are the ones the structure was painted
 * from, so nothing readers see changes.
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

/* The prefixes as trie items in address order, with trie room reserved
 * for all of them: NULL on BRT_EINVAL (a bad prefix) or BRT_ENOMEM. */
static struct item *sorted_items(struct brt_lpm *l,
				 const struct brt_lpm_prefix *p, size_t n,
				 int *err)
{
	struct item *it;
	size_t i;

	*err = BRT_EINVAL;
	for (i = 0; i < n; i++)
		if (p[i].len > l->width || p[i].value > BRT_LPM_VALUE_MAX)
			return NULL;
	*err = BRT_ENOMEM;
	it = malloc((n + 1) * sizeof(*it));
	if (!it)
		return NULL;
	for (i = 0; i < n; i++) {
		it[i].len = p[i].len;
		it[i].key = lpm_key_of(l, p[i].addr) & lpm_mask(p[i].len);
		it[i].pos = i;
	}
	qsort(it, n, sizeof(*it), cmp_item);
	/* two nodes a prefix (itself and a branch), and the slot nodes */
	if (lpm_trie_reserve(&l->trie, 2 * n + 3 + slot_nodes(l, it, n))) {
		free(it);
		return NULL;
	}
	*err = 0;
	return it;
}

/* Put the sorted items into the trie: how many went in before an error
 * (@err), n when all did. */
static size_t fill_trie(struct brt_lpm *l, const struct brt_lpm_prefix *p,
			struct item *it, size_t n, int *err)
{
	size_t i;

	*err = 0;
	for (i = 0; i < n; i++) {
		bool changed;

		*err = lpm_trie_insert(&l->trie, it[i].key, it[i].len,
				       p[it[i].pos].value, &changed,
				       &it[i].old);
		if (*err)
			break;
	}
	return i;
}

int lpm_insert_bulk(struct brt_lpm *l, const struct brt_lpm_prefix *p,
			size_t n)
{
	struct item *it;
	size_t i;
	int err;

	if (!l || (!p && n) || !lpm_trie_held(l))
		return BRT_EINVAL;
	it = sorted_items(l, p, n, &err);
	if (!it)
		return err;
	i = fill_trie(l, p, it, n, &err);
	if (!err)
		err = lpm_rebuild_all(l);
	if (err)
		undo(l, it, i);
	free(it);
	return err;
}

/* ------------------------------------------------- the released trie */

bool lpm_trie_held(const struct brt_lpm *l)
{
	return l->trie.n != NULL;
}

void lpm_trie_release(struct brt_lpm *l)
{
	size_t prefixes;

	if (!l || !lpm_trie_held(l))
		return;
	prefixes = l->trie.prefixes;
	lpm_trie_fini(&l->trie);
	l->trie.prefixes = prefixes;	/* for lpm_memory */
}

int lpm_trie_restore(struct brt_lpm *l, const struct brt_lpm_prefix *p,
		     size_t n)
{
	struct item *it;
	size_t prefixes;
	int err;

	if (!l || (!p && n))
		return BRT_EINVAL;
	if (lpm_trie_held(l))
		return 0;
	prefixes = l->trie.prefixes;
	if (lpm_trie_init(&l->trie, l->dbits))
		return BRT_ENOMEM;
	it = sorted_items(l, p, n, &err);
	if (it)
		fill_trie(l, p, it, n, &err);
	free(it);
	if (!err && l->trie.prefixes != prefixes)
		err = BRT_ECONFLICT;	/* not the prefixes the engine holds */
	if (err) {
		lpm_trie_fini(&l->trie);
		l->trie.prefixes = prefixes;
	}
	return err;
}
